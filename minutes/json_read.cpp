// fromJson: Poco's parser reads the text (it refuses ill-formed UTF-8 and trailing garbage);
// the code below checks the shape key by key so each error names its field.
#include <Poco/Dynamic/Var.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <initializer_list>

#include "minutes/json_fields.hpp"
#include "minutes/minutes_json.hpp"

namespace sv::minutes {
namespace {

using detail::element;
using detail::Fields;
using detail::parseJsonText;
using detail::readList;
using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

// The deepest the format nests is 4 (root, sections, section, list, item); a little room.
constexpr std::size_t kMaxMinutesDepth = 16;

Result<MinutesHeader> readMinutesHeader(const Var& v, std::string path) {
  auto f = Fields::open(v, std::move(path),
                        {"meeting_id", "contract_title", "contract_reference", "authority_name",
                         "provider_name", "starts_at", "location"});
  if (!f) return std::unexpected(f.error());
  MinutesHeader h;
  SV_READ(h.meetingId, f->integer("meeting_id"));
  SV_READ(h.contractTitle, f->string("contract_title"));
  SV_READ(h.contractReference, f->string("contract_reference"));
  SV_READ(h.authorityName, f->string("authority_name"));
  SV_READ(h.providerName, f->string("provider_name"));
  SV_READ(h.startsAt, f->instant("starts_at"));
  SV_READ(h.location, f->string("location"));
  return h;
}

// One of an attendee's additional roles: a role's key.
Result<Role> readRole(const Var& v, const std::string& path) {
  if (!v.isString()) return fail(Errc::Malformed, "expected a string", path);
  const auto text = v.extract<std::string>();
  if (auto role = parseRole(text)) return *role;
  return fail(Errc::Invalid, "unknown role '" + text + "'", path);
}

Result<Attendee> readAttendee(const Var& v, std::string path) {
  // additional_roles came with issue 19 point 9; the versions stored before it have none.
  auto f = Fields::open(v, std::move(path), {"name", "organization", "party", "role", "present"},
                        {"additional_roles"});
  if (!f) return std::unexpected(f.error());
  Attendee a;
  SV_READ(a.name, f->string("name"));
  SV_READ(a.organization, f->string("organization"));
  SV_READ(a.party, f->keyword("party", parseParty, "party"));
  SV_READ(a.role, f->keyword("role", parseRole, "role"));
  if (!f->get("additional_roles").isEmpty())
    SV_READ(a.additionalRoles, readList<Role>(*f, "additional_roles", readRole));
  SV_READ(a.present, f->boolean("present"));
  return a;
}

// A new observation, action or decision may leave out its id (or send ""): applyEdit gives it
// one. Null is read as left out.
Result<std::string> newItemId(const Fields& f) {
  auto id = f.optionalString("id");
  if (!id) return std::unexpected(id.error());
  return id->value_or("");
}

Result<Observation> readObservation(const Var& v, std::string path) {
  auto f = Fields::open(v, std::move(path), {"text"}, {"id"});
  if (!f) return std::unexpected(f.error());
  Observation o;
  SV_READ(o.id, newItemId(*f));
  SV_READ(o.text, f->string("text"));
  return o;
}

Result<Action> readAction(const Var& v, std::string path) {
  auto f = Fields::open(v, std::move(path),
                        {"text", "responsible_party", "responsible_person", "due_date"}, {"id"});
  if (!f) return std::unexpected(f.error());
  Action a;
  SV_READ(a.id, newItemId(*f));
  SV_READ(a.text, f->string("text"));
  SV_READ(a.responsibleParty, f->keyword("responsible_party", parseParty, "party"));
  SV_READ(a.responsiblePerson, f->string("responsible_person"));
  SV_READ(a.dueDate, f->dateOrNone("due_date"));
  return a;
}

Result<Decision> readDecision(const Var& v, std::string path) {
  auto f = Fields::open(v, std::move(path), {"text"}, {"id"});
  if (!f) return std::unexpected(f.error());
  Decision d;
  SV_READ(d.id, newItemId(*f));
  SV_READ(d.text, f->string("text"));
  return d;
}

Result<Evaluation> readEvaluation(const Var& v, std::string path) {
  auto f = Fields::open(v, std::move(path),
                        {"action_id", "action_text", "responsible_party", "responsible_person",
                         "due_date", "origin", "outcome", "comment", "new_due_date"});
  if (!f) return std::unexpected(f.error());
  Evaluation e;
  SV_READ(e.actionId, f->integer("action_id"));
  SV_READ(e.actionText, f->string("action_text"));
  SV_READ(e.responsibleParty, f->keyword("responsible_party", parseParty, "party"));
  SV_READ(e.responsiblePerson, f->string("responsible_person"));
  SV_READ(e.dueDate, f->dateOrNone("due_date"));
  SV_READ(e.origin, f->string("origin"));
  SV_READ(e.outcome, f->keyword("outcome", parseOutcome, "outcome"));
  SV_READ(e.comment, f->string("comment"));
  SV_READ(e.newDueDate, f->optionalDate("new_due_date"));
  return e;
}

Result<Section> readSection(const Var& v, std::string path, std::size_t index) {
  auto f = Fields::open(
      v, std::move(path),
      {"number", "key", "title", "notes", "observations", "actions", "decisions", "evaluations"});
  if (!f) return std::unexpected(f.error());
  Section s;
  std::int64_t number = 0;
  SV_READ(number, f->integer("number"));
  if (number != static_cast<std::int64_t>(index) + 1)
    return fail(Errc::Invalid, "the § number must be " + std::to_string(index + 1),
                f->field("number"));
  s.number = static_cast<int>(number);
  SV_READ(s.key, f->string("key"));
  SV_READ(s.title, f->string("title"));
  SV_READ(s.notes, f->string("notes"));
  SV_READ(s.observations, readList<Observation>(*f, "observations", readObservation));
  SV_READ(s.actions, readList<Action>(*f, "actions", readAction));
  SV_READ(s.decisions, readList<Decision>(*f, "decisions", readDecision));
  SV_READ(s.evaluations, readList<Evaluation>(*f, "evaluations", readEvaluation));
  return s;
}

Result<Signature> readSignature(const Var& v, std::string path) {
  auto f = Fields::open(v, std::move(path), {"party", "name", "version", "at", "superseded"});
  if (!f) return std::unexpected(f.error());
  Signature s;
  SV_READ(s.party, f->keyword("party", parseParty, "party"));
  SV_READ(s.name, f->string("name"));
  SV_READ(s.version, f->string("version"));
  SV_READ(s.at, f->instant("at"));
  SV_READ(s.superseded, f->boolean("superseded"));
  return s;
}

Result<Disagreement> readDisagreement(const Var& v, std::string path) {
  auto f = Fields::open(v, std::move(path), {"party", "name", "text"});
  if (!f) return std::unexpected(f.error());
  Disagreement d;
  SV_READ(d.party, f->keyword("party", parseParty, "party"));
  SV_READ(d.name, f->string("name"));
  SV_READ(d.text, f->string("text"));
  return d;
}

}  // namespace

namespace {

Result<Minutes> readMinutes(const Var& root) {
  auto f = Fields::open(root, "",
                        {"format", "header", "attendance", "sections", "signatures",
                         "disagreements", "registry_number"});
  if (!f) return std::unexpected(f.error());
  std::int64_t format = 0;
  SV_READ(format, f->integer("format"));
  if (format != kMinutesJsonFormat)
    return fail(Errc::Invalid, "unsupported format " + std::to_string(format), "format");
  Minutes m;
  SV_READ(m.header, readMinutesHeader(f->get("header"), "header"));
  SV_READ(m.attendance, readList<Attendee>(*f, "attendance", readAttendee));
  auto sections = f->array("sections");
  if (!sections) return std::unexpected(sections.error());
  for (std::size_t i = 0; i < (*sections)->size(); ++i) {
    Section s;
    SV_READ(s, readSection((*sections)->get(static_cast<unsigned>(i)), element("sections", i), i));
    m.sections.push_back(std::move(s));
  }
  SV_READ(m.signatures, readList<Signature>(*f, "signatures", readSignature));
  SV_READ(m.disagreements, readList<Disagreement>(*f, "disagreements", readDisagreement));
  SV_READ(m.registryNumber, f->optionalString("registry_number"));
  return m;
}

}  // namespace

Result<Minutes> fromJson(std::string_view json) {
  auto root = parseJsonText(json, kMaxMinutesDepth);
  if (!root) return std::unexpected(root.error());
  return readMinutes(*root);
}

Result<Minutes> fromJsonMember(std::string_view json, const std::string& member) {
  if (json.empty()) return fail(Errc::Malformed, "the request has no JSON body");
  Var root;
  try {
    Poco::JSON::Parser parser;
    parser.setDepth(kMaxMinutesDepth + 1);  // the minutes are one level down
    root = parser.parse(std::string(json));
  } catch (const Poco::Exception&) {
    return fail(Errc::Malformed, "the body is not valid JSON");
  }
  if (root.type() != typeid(Poco::JSON::Object::Ptr))
    return fail(Errc::Malformed, "the body must be a JSON object");
  const auto object = root.extract<Poco::JSON::Object::Ptr>();
  // Fields name their place from the minutes' root ("sections[2].notes"), as fromJson does.
  if (!object->has(member) || object->get(member).type() != typeid(Poco::JSON::Object::Ptr))
    return fail(Errc::Invalid, Reason::Missing, "'" + member + "' is required", member);
  return readMinutes(object->get(member));
}

}  // namespace sv::minutes
