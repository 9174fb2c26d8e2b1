// toJson: the canonical writer. Written with the project's JSON writer rather than Poco's
// Stringifier because the layout (key order, one item per line) is part of the format: it decides
// what `git diff` shows.
#include <chrono>
#include <cstdio>

#include "minutes/minutes_json.hpp"
#include "workflows/json_writer.hpp"

namespace sv::minutes {
namespace {

using Layout = json::Writer::Layout;

void writeDate(json::Writer& w, Date d) {
  if (d.ok())
    w.value(formatDate(d));
  else
    w.null();
}

void writeInstant(json::Writer& w, TimePoint t) {
  using namespace std::chrono;
  const auto whole = floor<seconds>(t);
  std::string text = formatIsoUtc(whole);
  const auto fraction = duration_cast<nanoseconds>(t - whole).count();
  if (fraction != 0) {
    char buf[16];
    std::snprintf(buf, sizeof buf, ".%09lld", static_cast<long long>(fraction));
    std::string digits = buf;
    while (digits.back() == '0') digits.pop_back();
    text.insert(text.size() - 1, digits);  // before the Z
  }
  w.value(text);
}

// A list whose items are each an object on one line, so that a changed item is one changed line.
template <class T, class F>
void writeList(json::Writer& w, std::string_view key, const std::vector<T>& items, F writeItem) {
  w.key(key).beginArray();
  for (const T& item : items) {
    w.beginObject(Layout::OneLine);
    writeItem(w, item);
    w.endObject();
  }
  w.endArray();
}

void writeSection(json::Writer& w, const Section& s) {
  w.beginObject();
  w.key("number").value(s.number);
  w.key("key").value(s.key);
  w.key("title").value(s.title);
  w.key("notes").value(s.notes);
  writeList(w, "observations", s.observations, [](json::Writer& line, const Observation& o) {
    line.key("id").value(o.id);
    line.key("text").value(o.text);
  });
  writeList(w, "actions", s.actions, [](json::Writer& line, const Action& a) {
    line.key("id").value(a.id);
    line.key("text").value(a.text);
    line.key("responsible_party").value(partyKey(a.responsibleParty));
    line.key("responsible_person").value(a.responsiblePerson);
    writeDate(line.key("due_date"), a.dueDate);
  });
  writeList(w, "decisions", s.decisions, [](json::Writer& line, const Decision& d) {
    line.key("id").value(d.id);
    line.key("text").value(d.text);
  });
  writeList(w, "evaluations", s.evaluations, [](json::Writer& line, const Evaluation& e) {
    line.key("action_id").value(e.actionId);
    line.key("action_text").value(e.actionText);
    line.key("responsible_party").value(partyKey(e.responsibleParty));
    line.key("responsible_person").value(e.responsiblePerson);
    writeDate(line.key("due_date"), e.dueDate);
    line.key("origin").value(e.origin);
    line.key("outcome").value(outcomeKey(e.outcome));
    line.key("comment").value(e.comment);
    if (e.newDueDate)
      writeDate(line.key("new_due_date"), *e.newDueDate);
    else
      line.key("new_due_date").null();
  });
  w.endObject();
}

}  // namespace

std::string toJson(const Minutes& m) {
  json::Writer w;
  w.beginObject();
  w.key("format").value(kMinutesJsonFormat);
  const MinutesHeader& h = m.header;
  w.key("header").beginObject();
  w.key("meeting_id").value(h.meetingId);
  w.key("contract_title").value(h.contractTitle);
  w.key("contract_reference").value(h.contractReference);
  w.key("authority_name").value(h.authorityName);
  w.key("provider_name").value(h.providerName);
  writeInstant(w.key("starts_at"), h.startsAt);
  w.key("location").value(h.location);
  w.endObject();
  writeList(w, "attendance", m.attendance, [](json::Writer& line, const Attendee& a) {
    line.key("name").value(a.name);
    line.key("organization").value(a.organization);
    line.key("party").value(partyKey(a.party));
    line.key("role").value(roleKey(a.role));
    // Only when there are any: the attendees of the versions stored before there could be
    // more than one role keep their bytes.
    if (!a.additionalRoles.empty()) {
      line.key("additional_roles").beginArray(Layout::OneLine);
      for (Role r : a.additionalRoles) line.value(roleKey(r));
      line.endArray();
    }
    line.key("present").value(a.present);
  });
  w.key("sections").beginArray();
  for (const Section& s : m.sections) writeSection(w, s);
  w.endArray();
  writeList(w, "signatures", m.signatures, [](json::Writer& line, const Signature& s) {
    line.key("party").value(partyKey(s.party));
    line.key("name").value(s.name);
    line.key("version").value(s.version);
    writeInstant(line.key("at"), s.at);
    line.key("superseded").value(s.superseded);
  });
  writeList(w, "disagreements", m.disagreements, [](json::Writer& line, const Disagreement& d) {
    line.key("party").value(partyKey(d.party));
    line.key("name").value(d.name);
    line.key("text").value(d.text);
  });
  if (m.registryNumber)
    w.key("registry_number").value(*m.registryNumber);
  else
    w.key("registry_number").null();
  w.endObject();
  return w.finish();
}

}  // namespace sv::minutes
