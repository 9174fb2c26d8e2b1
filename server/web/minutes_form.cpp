#include "server/web/minutes_form.hpp"

#include <algorithm>

#include "minutes/edit.hpp"
#include "minutes/markdown_html.hpp"
#include "server/web/form_fields.hpp"
#include "server/web/words.hpp"
#include "workflows/stockholm_time.hpp"
#include "workflows/text.hpp"

namespace sv::web {
namespace {

// The comments on the minutes as a whole, above the text; `level` is their heading's.
void addGeneralComments(Data& data, const ReviewCommentsView& comments, const char* level) {
  Data general;
  addReviewComments(general, comments, "");
  general.set("review_level", level);
  data.set("general_comments", general);
}

using minutes::Minutes;
using minutes::Section;

// The protocol's § headings are h3 on the web pages; a note's "#" becomes an h4 under them.
constexpr int kNoteHeadingOffset = 3;

std::string sectionPrefix(std::size_t i) {
  return "sections-" + std::to_string(i);
}

std::string attendeePrefix(std::size_t k) {
  return "attendance-" + std::to_string(k);
}

std::string rowPrefix(std::size_t i, std::string_view list, std::size_t j) {
  return sectionPrefix(i) + "-" + std::string(list) + "-" + std::to_string(j);
}

using form::dateText;

// A date field: nullopt when blank, Date{} (which applyEdit refuses) when it does not parse.
std::optional<Date> postedDate(const std::string& text) {
  if (text::isBlank(text)) return std::nullopt;
  auto d = parseDate(oneLine(text));
  return d ? *d : Date{};
}

using form::field;
using form::option;

Data partyField(const std::string& id, minutes::Party party, const std::string& invalidId) {
  Data d = field(id, std::string(minutes::partyKey(party)), invalidId);
  auto options = list();
  options.push_back(option("provider", "Utföraren", party == minutes::Party::Provider));
  options.push_back(option("authority", "Förvaltningen", party == minutes::Party::Authority));
  d.set("options", options);
  return d;
}

Data outcomeField(const std::string& id, minutes::Outcome outcome, const std::string& invalidId) {
  Data d = field(id, std::string(minutes::outcomeKey(outcome)), invalidId);
  auto options = list();
  options.push_back(option("none", "Inte bedömd ännu", outcome == minutes::Outcome::None));
  options.push_back(
      option("accepted", "Genomförd – godtas", outcome == minutes::Outcome::Accepted));
  options.push_back(option("insufficient", "Otillräcklig – fortsätter",
                           outcome == minutes::Outcome::Insufficient));
  d.set("options", options);
  return d;
}

std::string outcomeWord(minutes::Outcome outcome) {
  switch (outcome) {
    case minutes::Outcome::Accepted:
      return "Genomförd, godtas";
    case minutes::Outcome::Insufficient:
      return "Otillräcklig, fortsätter";
    case minutes::Outcome::None:
      break;
  }
  return "Inte bedömd";
}

std::string responsibleText(minutes::Party party, const std::string& person) {
  return partyWord(party) + (person.empty() ? std::string() : ", " + person);
}

void readSection(Section& out, std::size_t i, const http::FormBody& form) {
  const std::string p = sectionPrefix(i);
  if (form.has(p + "-notes")) out.notes = multiLine(form.value(p + "-notes"));

  const auto rows = [&](std::string_view list, auto&& read) {
    for (std::size_t j = 0; j <= minutes::kMaxListItems; ++j) {
      const std::string row = rowPrefix(i, list, j);
      if (!form.has(row + "-text")) break;
      if (text::isBlank(form.value(row + "-text"))) continue;
      read(row);
    }
  };
  out.observations.clear();
  rows("observations", [&](const std::string& row) {
    out.observations.push_back(
        {oneLine(form.value(row + "-id")), multiLine(form.value(row + "-text"))});
  });
  out.actions.clear();
  rows("actions", [&](const std::string& row) {
    minutes::Action a;
    a.id = oneLine(form.value(row + "-id"));
    a.text = multiLine(form.value(row + "-text"));
    a.responsibleParty = minutes::parseParty(form.value(row + "-responsible_party"))
                             .value_or(minutes::Party::Provider);
    a.responsiblePerson = oneLine(form.value(row + "-responsible_person"));
    a.dueDate = postedDate(form.value(row + "-due_date")).value_or(Date{});
    out.actions.push_back(std::move(a));
  });
  out.decisions.clear();
  rows("decisions", [&](const std::string& row) {
    out.decisions.push_back(
        {oneLine(form.value(row + "-id")), multiLine(form.value(row + "-text"))});
  });
  for (std::size_t j = 0; j < out.evaluations.size(); ++j) {
    const std::string row = rowPrefix(i, "evaluations", j);
    if (!form.has(row + "-outcome")) continue;
    auto& e = out.evaluations[j];
    e.outcome =
        minutes::parseOutcome(form.value(row + "-outcome")).value_or(minutes::Outcome::None);
    e.comment = multiLine(form.value(row + "-comment"));
    e.newDueDate = postedDate(form.value(row + "-new_due_date"));
  }
}

}  // namespace

std::string fieldIdOf(std::string_view jsonPath) {
  std::string out;
  for (char c : jsonPath) {
    if (c == ']') continue;
    out += (c == '[' || c == '.') ? '-' : c;
  }
  return out;
}

Minutes minutesFromForm(const Minutes& base, const http::FormBody& form) {
  Minutes out = base;
  if (form.has("attendance-posted")) {
    for (std::size_t k = 0; k < out.attendance.size(); ++k)
      out.attendance[k].present = form.has(attendeePrefix(k) + "-present");
    // The guest's fields are the next attendee's. Left blank they add no one; a name left out
    // with the rest filled in is a guest without a name, which applyEdit refuses.
    const std::string guest = attendeePrefix(out.attendance.size());
    const std::string name = oneLine(form.value(guest + "-name"));
    const std::string organization = oneLine(form.value(guest + "-organization"));
    if (!name.empty() || !organization.empty())
      out.attendance.push_back(
          {name, organization,
           minutes::parseParty(form.value(guest + "-party")).value_or(minutes::Party::Authority),
           minutes::Role::Participant, form.has(guest + "-present")});
  }
  for (std::size_t i = 0; i < out.sections.size(); ++i)
    if (form.value(sectionPrefix(i) + "-key") == out.sections[i].key)
      readSection(out.sections[i], i, form);
  return out;
}

Minutes keepEditorsChanges(const Minutes& base, const Minutes& current, const Minutes& mine) {
  Minutes out = current;
  if (mine.attendance != base.attendance) out.attendance = mine.attendance;
  if (base.sections.size() == current.sections.size() &&
      mine.sections.size() == current.sections.size())
    for (std::size_t i = 0; i < out.sections.size(); ++i)
      if (mine.sections[i] != base.sections[i] && mine.sections[i].key == out.sections[i].key)
        out.sections[i] = mine.sections[i];
  return out;
}

void addMinutesForm(Data& data, const Minutes& doc, std::size_t savedAttendees,
                    const std::string& invalidId, const FollowUpHistory& history,
                    const ReviewCommentsView& comments) {
  auto attendance = list();
  const std::size_t saved = std::min(savedAttendees, doc.attendance.size());
  for (std::size_t k = 0; k < saved; ++k) {
    const auto& a = doc.attendance[k];
    Data d;
    d.set("id", attendeePrefix(k) + "-present");
    d.set("name", a.name);
    d.set("organization", a.organization);
    d.set("role", attendeeRolesWord(a));
    d.set("checked", a.present);
    attendance.push_back(d);
  }
  data.set("attendance", attendance);
  data.set("has_attendance", saved > 0);
  // The guest being added: as typed when the save was refused, else empty and present.
  const minutes::Attendee guest =
      saved < doc.attendance.size() ? doc.attendance[saved] : minutes::Attendee{};
  const std::string g = attendeePrefix(saved);
  Data guestData;
  guestData.set("legend_id", g + "-legend");
  Data name = field(g + "-name", guest.name, invalidId);
  // A guest refused as a whole (listed already, "attendance[5]") is marked at their name.
  if (!invalidId.empty() && invalidId == g) name.set("invalid", true);
  guestData.set("name", name);
  guestData.set("organization", field(g + "-organization", guest.organization, invalidId));
  Data party = field(g + "-party", std::string(minutes::partyKey(guest.party)), invalidId);
  auto options = list();
  options.push_back(
      option("authority", "Kommunen (förvaltningen)", guest.party == minutes::Party::Authority));
  options.push_back(option("provider", "Utföraren", guest.party == minutes::Party::Provider));
  party.set("options", options);
  guestData.set("party", party);
  Data present = field(g + "-present", "1", invalidId);
  present.set("checked", guest.present);
  guestData.set("present", present);
  data.set("guest", guestData);

  auto sections = list();
  for (std::size_t i = 0; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    const std::string p = sectionPrefix(i);
    Data d;
    d.set("index", std::to_string(i));
    d.set("number", std::to_string(s.number));
    d.set("title", s.title);
    d.set("key", field(p + "-key", s.key, ""));
    d.set("notes", field(p + "-notes", s.notes, invalidId));

    // Each list: its items, then one empty row for a new item.
    auto observations = list();
    for (std::size_t j = 0; j <= s.observations.size(); ++j) {
      const bool fresh = j == s.observations.size();
      const std::string row = rowPrefix(i, "observations", j);
      Data o;
      o.set("label",
            fresh ? std::string("Ny iakttagelse") : "Iakttagelse " + std::to_string(j + 1));
      o.set("item_id", field(row + "-id", fresh ? "" : s.observations[j].id, ""));
      o.set("text", field(row + "-text", fresh ? "" : s.observations[j].text, invalidId));
      observations.push_back(o);
    }
    d.set("observations", observations);

    auto actions = list();
    for (std::size_t j = 0; j <= s.actions.size(); ++j) {
      const bool fresh = j == s.actions.size();
      const minutes::Action a = fresh ? minutes::Action{} : s.actions[j];
      const std::string row = rowPrefix(i, "actions", j);
      Data o;
      o.set("label", fresh ? std::string("Ny åtgärd") : "Åtgärd " + std::to_string(j + 1));
      o.set("legend_id", row + "-legend");
      o.set("item_id", field(row + "-id", a.id, ""));
      o.set("text", field(row + "-text", a.text, invalidId));
      o.set("party", partyField(row + "-responsible_party", a.responsibleParty, invalidId));
      o.set("person", field(row + "-responsible_person", a.responsiblePerson, invalidId));
      o.set("due", field(row + "-due_date", dateText(a.dueDate), invalidId));
      actions.push_back(o);
    }
    d.set("actions", actions);

    auto decisions = list();
    for (std::size_t j = 0; j <= s.decisions.size(); ++j) {
      const bool fresh = j == s.decisions.size();
      const std::string row = rowPrefix(i, "decisions", j);
      Data o;
      o.set("label", fresh ? std::string("Nytt beslut") : "Beslut " + std::to_string(j + 1));
      o.set("item_id", field(row + "-id", fresh ? "" : s.decisions[j].id, ""));
      o.set("text", field(row + "-text", fresh ? "" : s.decisions[j].text, invalidId));
      decisions.push_back(o);
    }
    d.set("decisions", decisions);

    auto evaluations = list();
    for (std::size_t j = 0; j < s.evaluations.size(); ++j) {
      const auto& e = s.evaluations[j];
      const std::string row = rowPrefix(i, "evaluations", j);
      Data o;
      o.set("legend_id", row + "-legend");
      o.set("action_text", e.actionText);
      o.set("responsible", responsibleText(e.responsibleParty, e.responsiblePerson));
      o.set("due", dateText(e.dueDate));
      o.set("origin", e.origin);
      o.set("outcome", outcomeField(row + "-outcome", e.outcome, invalidId));
      o.set("comment", field(row + "-comment", e.comment, invalidId));
      o.set("new_due",
            field(row + "-new_due_date", e.newDueDate ? dateText(*e.newDueDate) : "", invalidId));
      addFollowUp(o, history, e.actionId);
      evaluations.push_back(o);
    }
    d.set("evaluations", evaluations);
    d.set("has_evaluations", !s.evaluations.empty());
    d.set("has_items", !s.observations.empty() || !s.actions.empty() || !s.decisions.empty());
    addReviewComments(d, comments, std::to_string(s.number));
    d.set("review_level", "3");
    sections.push_back(d);
  }
  data.set("sections", sections);
  addGeneralComments(data, comments, "2");
}

void addMinutesText(Data& data, const Minutes& doc, const FollowUpHistory& history,
                    const ReviewCommentsView& comments) {
  auto attendance = list();
  for (const auto& a : doc.attendance) {
    Data d;
    d.set("name", a.name);
    d.set("organization", a.organization);
    d.set("role", attendeeRolesWord(a));
    d.set("present", a.present ? std::string("Närvarande") : std::string("Frånvarande"));
    attendance.push_back(d);
  }
  data.set("attendance", attendance);
  data.set("has_attendance", !doc.attendance.empty());

  auto sections = list();
  for (const Section& s : doc.sections) {
    Data d;
    d.set("number", std::to_string(s.number));
    d.set("title", s.title);
    // The notes are Markdown, shown as the PDF and the archived page show them, through the one
    // safe renderer (raw HTML dropped); a note's "#" is a heading under the § heading (h3).
    d.set("notes_html", minutes::markdownToSafeHtml(s.notes, kNoteHeadingOffset));
    d.set("has_notes", !text::isBlank(s.notes));
    auto observations = list();
    for (const auto& o : s.observations) {
      Data x;
      x.set("text", o.text);
      observations.push_back(x);
    }
    d.set("observations", observations);
    d.set("has_observations", !s.observations.empty());
    auto actions = list();
    for (const auto& a : s.actions) {
      Data x;
      x.set("text", a.text);
      x.set("responsible", responsibleText(a.responsibleParty, a.responsiblePerson));
      x.set("due", dateText(a.dueDate));
      actions.push_back(x);
    }
    d.set("actions", actions);
    d.set("has_actions", !s.actions.empty());
    auto decisions = list();
    for (const auto& o : s.decisions) {
      Data x;
      x.set("text", o.text);
      decisions.push_back(x);
    }
    d.set("decisions", decisions);
    d.set("has_decisions", !s.decisions.empty());
    auto evaluations = list();
    for (const auto& e : s.evaluations) {
      Data x;
      x.set("text", e.actionText);
      x.set("responsible", responsibleText(e.responsibleParty, e.responsiblePerson));
      x.set("due", dateText(e.dueDate));
      x.set("origin", e.origin);
      x.set("outcome", outcomeWord(e.outcome));
      x.set("comment", e.comment);
      x.set("has_comment", !text::isBlank(e.comment));
      x.set("new_due", e.newDueDate ? dateText(*e.newDueDate) : "");
      x.set("has_new_due", e.newDueDate.has_value());
      addFollowUp(x, history, e.actionId);
      evaluations.push_back(x);
    }
    d.set("evaluations", evaluations);
    d.set("has_evaluations", !s.evaluations.empty());
    d.set("empty", text::isBlank(s.notes) && s.observations.empty() && s.actions.empty() &&
                       s.decisions.empty() && s.evaluations.empty());
    addReviewComments(d, comments, std::to_string(s.number));
    d.set("review_level", "4");
    sections.push_back(d);
  }
  data.set("protocol_sections", sections);
  addGeneralComments(data, comments, "3");
}

}  // namespace sv::web
