// The agenda as stored JSON (agenda.json): written by a fixed-layout writer so that the bytes are
// stable, read back with Poco's parser.
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "agenda/agenda.hpp"
#include "workflows/json_writer.hpp"
#include "workflows/text.hpp"

namespace sv::agenda {
namespace {

constexpr std::string_view kFormat = "samverkan-agenda/1";

// ---- writing ----

void writeMeeting(json::Writer& w, const MeetingInfo& m) {
  w.beginObject();
  w.key("contract_title").value(m.contractTitle);
  w.key("contract_reference").value(m.contractReference);
  w.key("provider_name").value(m.providerName);
  w.key("authority_name").value(m.authorityName);
  w.key("starts_at").value(formatIsoUtc(m.startsAt));
  w.key("location").value(m.location);
  w.endObject();
}

void writePrevious(json::Writer& w, const std::optional<PreviousMeetingRef>& prev) {
  if (!prev) return w.null();
  w.beginObject();
  w.key("date").value(formatDate(prev->date));
  w.key("minutes_state").value(prev->minutesState);
  if (prev->registryNumber)
    w.key("registry_number").value(*prev->registryNumber);
  else
    w.key("registry_number").null();
  w.endObject();
}

void writeAction(json::Writer& w, const OpenActionRef& a) {
  w.beginObject();
  w.key("id").value(a.id);
  w.key("text").value(a.text);
  w.key("responsible_party").value(toString(a.responsibleParty));
  w.key("responsible_person").value(a.responsiblePerson);
  w.key("due").value(formatDate(a.due));
  w.key("status").value(toString(a.status));
  w.key("origin").value(a.origin);
  w.endObject();
}

void writeCase(json::Writer& w, const OpenCaseRef& c) {
  w.beginObject();
  w.key("id").value(c.id);
  w.key("title").value(c.title);
  w.key("trigger").value(c.trigger);
  w.key("state").value(c.state);
  w.key("acute").value(c.acute);
  w.key("opened_on").value(formatDate(c.openedOn));
  w.endObject();
}

void writeAdded(json::Writer& w, const AddedItem& a) {
  w.beginObject();
  w.key("key").value(a.key);
  w.key("number").value(a.number);
  w.key("title").value(a.title);
  w.key("description").value(a.description);
  w.key("proposed_by").value(a.proposedBy);
  w.key("proposed_by_party").value(toString(a.proposedByParty));
  w.endObject();
}

void writeItem(json::Writer& w, const AgendaItem& item) {
  w.beginObject();
  w.key("key").value(item.key);
  w.key("number").value(item.number);
  w.key("title").value(item.title);
  w.key("kind").value(toString(item.kind));
  w.key("description").value(item.description);
  w.key("fixed").value(item.fixed);
  w.key("added_items").beginArray();
  for (const auto& added : item.addedItems) writeAdded(w, added);
  w.endArray();
  w.endObject();
}

// ---- reading ----

// Reading stops at the first bad member; an exception inside this file carries it to
// parseAgenda, which turns it into an Error value. Nothing else sees it.
struct Bad {
  Error error;
};

[[noreturn]] void malformed(const std::string& path, const std::string& what) {
  throw Bad{Error{Errc::Malformed, Reason::None, path + " " + what, path}};
}

[[noreturn]] void invalid(const std::string& path, const std::string& what) {
  throw Bad{Error{Errc::Invalid, Reason::None, path + " " + what, path}};
}

using Poco::JSON::Array;
using Poco::JSON::Object;

std::string join(const std::string& path, std::string_view name) {
  return path.empty() ? std::string(name) : path + "." + std::string(name);
}

Poco::Dynamic::Var member(const Object& o, const std::string& path, std::string_view name) {
  const std::string key(name);
  if (!o.has(key)) malformed(join(path, name), "is missing");
  return o.get(key);
}

std::string readString(const Object& o, const std::string& path, std::string_view name) {
  const auto v = member(o, path, name);
  if (!v.isString()) malformed(join(path, name), "is not a string");
  return v.extract<std::string>();
}

std::optional<std::string> readOptionalString(const Object& o, const std::string& path,
                                              std::string_view name) {
  if (member(o, path, name).isEmpty()) return std::nullopt;
  return readString(o, path, name);
}

int readInt(const Object& o, const std::string& path, std::string_view name) {
  const auto v = member(o, path, name);
  if (!v.isInteger()) malformed(join(path, name), "is not an integer");
  const auto n = v.convert<Poco::Int64>();
  if (n < 0 || n > 1'000'000) invalid(join(path, name), "is out of range");
  return static_cast<int>(n);
}

bool readBool(const Object& o, const std::string& path, std::string_view name) {
  const auto v = member(o, path, name);
  if (!v.isBoolean()) malformed(join(path, name), "is not true or false");
  return v.extract<bool>();
}

Object::Ptr readObject(const Object& o, const std::string& path, std::string_view name) {
  member(o, path, name);
  auto obj = o.getObject(std::string(name));
  if (!obj) malformed(join(path, name), "is not an object");
  return obj;
}

Array::Ptr readArray(const Object& o, const std::string& path, std::string_view name) {
  member(o, path, name);
  auto arr = o.getArray(std::string(name));
  if (!arr) malformed(join(path, name), "is not an array");
  return arr;
}

Object::Ptr elementObject(const Array& a, std::size_t i, const std::string& path) {
  auto obj = a.getObject(static_cast<unsigned>(i));
  if (!obj) malformed(path, "is not an object");
  return obj;
}

std::string indexed(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

Date readDate(const Object& o, const std::string& path, std::string_view name) {
  auto d = parseDate(readString(o, path, name));
  if (!d) invalid(join(path, name), "is not a date (YYYY-MM-DD)");
  return *d;
}

Party readParty(const Object& o, const std::string& path, std::string_view name) {
  auto p = parseParty(readString(o, path, name));
  if (!p) invalid(join(path, name), "is neither \"authority\" nor \"provider\"");
  return *p;
}

ActionStatus readActionStatus(const Object& o, const std::string& path, std::string_view name) {
  auto s = parseActionStatus(readString(o, path, name));
  if (!s) invalid(join(path, name), "is not open, reported, accepted or insufficient");
  return *s;
}

void checkNumber(int number, std::size_t index, const std::string& path) {
  if (number != static_cast<int>(index) + 1)
    invalid(path + ".number",
            "is " + std::to_string(number) + ", expected " + std::to_string(index + 1));
}

MeetingInfo readMeeting(const Object& o, const std::string& path) {
  MeetingInfo m;
  m.contractTitle = readString(o, path, "contract_title");
  m.contractReference = readString(o, path, "contract_reference");
  m.providerName = readString(o, path, "provider_name");
  m.authorityName = readString(o, path, "authority_name");
  auto startsAt = parseDateTime(readString(o, path, "starts_at"));
  if (!startsAt) invalid(join(path, "starts_at"), "is not a time (YYYY-MM-DDTHH:MM:SSZ)");
  m.startsAt = *startsAt;
  m.location = readString(o, path, "location");
  return m;
}

std::optional<PreviousMeetingRef> readPrevious(const Object& o, const std::string& path) {
  if (member(o, path, "previous_meeting").isEmpty()) return std::nullopt;
  const std::string here = join(path, "previous_meeting");
  const auto p = readObject(o, path, "previous_meeting");
  return PreviousMeetingRef{readDate(*p, here, "date"), readString(*p, here, "minutes_state"),
                            readOptionalString(*p, here, "registry_number")};
}

OpenActionRef readAction(const Object& a, const std::string& here) {
  return OpenActionRef{readString(a, here, "id"),
                       readString(a, here, "text"),
                       readParty(a, here, "responsible_party"),
                       readString(a, here, "responsible_person"),
                       readDate(a, here, "due"),
                       readActionStatus(a, here, "status"),
                       readString(a, here, "origin")};
}

OpenCaseRef readCase(const Object& c, const std::string& here) {
  return OpenCaseRef{readString(c, here, "id"),      readString(c, here, "title"),
                     readString(c, here, "trigger"), readString(c, here, "state"),
                     readBool(c, here, "acute"),     readDate(c, here, "opened_on")};
}

AddedItem readAdded(const Object& a, const std::string& here, std::size_t index) {
  AddedItem added;
  added.key = readString(a, here, "key");
  added.number = readInt(a, here, "number");
  checkNumber(added.number, index, here);
  added.title = readString(a, here, "title");
  added.description = readString(a, here, "description");
  added.proposedBy = readString(a, here, "proposed_by");
  added.proposedByParty = readParty(a, here, "proposed_by_party");
  return added;
}

AgendaItem readItem(const Object& o, const std::string& here, std::size_t index) {
  AgendaItem item;
  item.key = readString(o, here, "key");
  item.number = readInt(o, here, "number");
  checkNumber(item.number, index, here);
  item.title = readString(o, here, "title");
  const auto kind = parseItemKind(readString(o, here, "kind"));
  if (!kind) invalid(here + ".kind", "is not a known kind");
  item.kind = *kind;
  item.description = readString(o, here, "description");
  item.fixed = readBool(o, here, "fixed");
  const auto added = readArray(o, here, "added_items");
  if (added->size() > 0 && item.kind != ItemKind::OtherQuestions)
    invalid(here + ".added_items", "can only be non-empty under other_questions");
  for (std::size_t i = 0; i < added->size(); ++i) {
    const std::string at = indexed(here + ".added_items", i);
    item.addedItems.push_back(readAdded(*elementObject(*added, i, at), at, i));
  }
  return item;
}

Agenda readAgenda(const Object& root) {
  if (readString(root, "", "format") != kFormat)
    malformed("format", "is not \"" + std::string(kFormat) + "\"");
  Agenda agenda;
  const auto tmpl = readObject(root, "", "template");
  agenda.templateId = readString(*tmpl, "template", "id");
  agenda.templateName = readString(*tmpl, "template", "name");
  agenda.templateVersion = readString(*tmpl, "template", "version");
  agenda.meeting = readMeeting(*readObject(root, "", "meeting"), "meeting");
  agenda.published = readBool(root, "", "published");
  agenda.lastAddedNumber = readInt(root, "", "last_added_number");
  agenda.previousMeeting = readPrevious(root, "");
  const auto actions = readArray(root, "", "open_actions");
  for (std::size_t i = 0; i < actions->size(); ++i) {
    const std::string at = indexed("open_actions", i);
    agenda.openActions.push_back(readAction(*elementObject(*actions, i, at), at));
  }
  // Agendas stored before event-driven cases existed have no "open_cases": none were open.
  if (root.has("open_cases")) {
    const auto cases = readArray(root, "", "open_cases");
    for (std::size_t i = 0; i < cases->size(); ++i) {
      const std::string at = indexed("open_cases", i);
      agenda.openCases.push_back(readCase(*elementObject(*cases, i, at), at));
    }
  }
  const auto items = readArray(root, "", "items");
  for (std::size_t i = 0; i < items->size(); ++i) {
    const std::string at = indexed("items", i);
    agenda.items.push_back(readItem(*elementObject(*items, i, at), at, i));
  }
  return agenda;
}

}  // namespace

std::string serializeAgenda(const Agenda& agenda) {
  json::Writer w;
  w.beginObject();
  w.key("format").value(kFormat);
  w.key("template").beginObject();
  w.key("id").value(agenda.templateId);
  w.key("name").value(agenda.templateName);
  w.key("version").value(agenda.templateVersion);
  w.endObject();
  w.key("meeting");
  writeMeeting(w, agenda.meeting);
  w.key("published").value(agenda.published);
  w.key("last_added_number").value(agenda.lastAddedNumber);
  w.key("previous_meeting");
  writePrevious(w, agenda.previousMeeting);
  w.key("open_actions").beginArray();
  for (const auto& action : agenda.openActions) writeAction(w, action);
  w.endArray();
  w.key("open_cases").beginArray();
  for (const auto& c : agenda.openCases) writeCase(w, c);
  w.endArray();
  w.key("items").beginArray();
  for (const auto& item : agenda.items) writeItem(w, item);
  w.endArray();
  w.endObject();
  return w.finish();
}

Result<Agenda> parseAgenda(std::string_view text) {
  if (!text::isValidUtf8(text))
    return fail(Errc::Malformed, Reason::InvalidUtf8, "the agenda JSON is not UTF-8");
  try {
    Poco::JSON::Parser parser;
    const auto root = parser.parse(std::string(text));
    const auto object = root.extract<Object::Ptr>();
    if (!object) return fail(Errc::Malformed, "the agenda JSON is not an object");
    return readAgenda(*object);
  } catch (const Bad& bad) {
    return std::unexpected(bad.error);
  } catch (const Poco::BadCastException&) {
    return fail(Errc::Malformed, "the agenda JSON is not an object");
  } catch (const Poco::Exception& e) {
    return fail(Errc::Malformed, "the agenda is not valid JSON: " + e.message());
  }
}

}  // namespace sv::agenda
