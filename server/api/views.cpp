#include "server/api/views.hpp"

#include <algorithm>

#include <Poco/JSON/Parser.h>

#include "server/http/problem.hpp"
#include "server/http/reply.hpp"

namespace sv::api {
namespace {

Poco::JSON::Array roleArray(const std::set<store::Role>& roles) {
  Poco::JSON::Array out;
  for (auto r : roles) out.add(std::string(store::roleName(r)));
  return out;
}

}  // namespace

Poco::Dynamic::Var orNull(const std::optional<std::string>& v) {
  return v ? Poco::Dynamic::Var(*v) : Poco::Dynamic::Var();
}

Poco::JSON::Object organizationJson(const store::Organization& o) {
  auto j = http::orderedObject();
  j.set("id", o.id);
  j.set("name", o.name);
  j.set("kind", std::string(store::organizationKindName(o.kind)));
  j.set("created_at", o.createdAt);
  j.set("password_login", o.passwordLogin);
  return j;
}

Poco::JSON::Object userJson(const store::User& u) {
  auto j = http::orderedObject();
  j.set("id", u.id);
  j.set("username", u.username);
  j.set("name", u.name);
  j.set("email", u.email);
  j.set("organization_id", u.organizationId);
  j.set("roles", roleArray(u.roles));
  j.set("active", u.active);
  j.set("created_at", u.createdAt);
  return j;
}

Poco::JSON::Object principalJson(const store::Principal& p) {
  auto j = http::orderedObject();
  j.set("id", p.userId);
  j.set("username", p.username);
  j.set("name", p.name);
  j.set("email", p.email);
  auto org = http::orderedObject();
  org.set("id", p.organizationId);
  org.set("name", p.organizationName);
  org.set("kind", std::string(store::organizationKindName(p.organizationKind)));
  j.set("organization", org);
  j.set("roles", roleArray(p.roles));
  return j;
}

Poco::JSON::Object auditJson(const store::AuditRecord& r) {
  auto j = http::orderedObject();
  j.set("id", r.id);
  j.set("at", r.at);
  if (r.entry.actorId)
    j.set("actor_id", *r.entry.actorId);
  else
    j.set("actor_id", Poco::Dynamic::Var());
  j.set("actor", r.entry.actor);
  j.set("action", r.entry.action);
  j.set("object_type", r.entry.objectType);
  j.set("object_id", r.entry.objectId);
  j.set("version", r.entry.version);
  try {
    Poco::JSON::Parser parser;
    j.set("detail", parser.parse(r.entry.detail));
  } catch (const Poco::Exception&) {
    j.set("detail", r.entry.detail);
  }
  j.set("hash", r.hash);
  return j;
}

}  // namespace sv::api

#include "workflows/stockholm_time.hpp"

namespace sv::api {

Poco::JSON::Object contractJson(const store::ContractRow& c) {
  auto j = http::orderedObject();
  j.set("id", c.id);
  j.set("title", c.title);
  j.set("authority_id", c.authorityId);
  j.set("authority_name", c.authorityName);
  j.set("provider_id", c.providerId);
  j.set("provider_name", c.providerName);
  j.set("service_area", c.serviceArea);
  j.set("reference", c.reference);
  j.set("starts_on", c.startsOn);
  j.set("ends_on", orNull(c.endsOn));
  j.set("meetings_per_year", c.meetingsPerYear);
  j.set("agenda_template", c.agendaTemplate);
  j.set("created_at", c.createdAt);
  j.set("updated_at", c.updatedAt);
  return j;
}

Poco::JSON::Object meetingJson(const services::Meeting& m) {
  const auto& r = m.row;
  auto j = http::orderedObject();
  j.set("id", r.id);
  j.set("contract_id", r.contractId);
  j.set("contract_title", m.contract.title);
  j.set("starts_at", r.startsAt);
  j.set("ends_at", r.endsAt);
  if (auto t = parseDateTime(r.startsAt)) j.set("starts_at_local", formatSwedishDateTime(*t));
  j.set("location", r.location);
  j.set("status", std::string(agenda::toString(r.status)));
  j.set("cancel_reason", orNull(r.cancelReason));
  j.set("sequence", r.sequence);
  if (r.planYear) {
    auto plan = http::orderedObject();
    plan.set("year", *r.planYear);
    plan.set("slot", r.planSlot.value_or(0));
    j.set("plan", plan);
  } else {
    j.set("plan", Poco::Dynamic::Var());
  }
  auto tmpl = http::orderedObject();
  tmpl.set("id", r.templateId);
  tmpl.set("version", r.templateVersion);
  j.set("agenda_template", tmpl);
  j.set("agenda_published_version", orNull(r.agendaPublishedVersion));
  Poco::JSON::Array participants;
  for (const auto& p : m.participants) {
    auto pj = http::orderedObject();
    pj.set("user_id", p.userId);
    pj.set("name", p.name);
    pj.set("party", std::string(agenda::toString(p.party)));
    pj.set("role", std::string(agenda::toString(p.role)));
    participants.add(pj);
  }
  j.set("participants", participants);
  return j;
}

Poco::JSON::Object agendaJson(const services::AgendaView& a) {
  auto j = http::orderedObject();
  j.set("meeting_id", a.meetingId);
  j.set("contract_id", a.contractId);
  j.set("version", orNull(a.version));
  j.set("published", a.agenda.published);
  j.set("published_version", orNull(a.publishedVersion));
  Poco::JSON::Parser parser;
  j.set("agenda", parser.parse(agenda::serializeAgenda(a.agenda)));
  j.set("markdown", a.markdown);
  return j;
}

Poco::JSON::Object versionJson(const store::DocumentVersion& v) {
  auto j = http::orderedObject();
  j.set("version", v.version);
  j.set("parent", orNull(v.parent));
  j.set("author", v.authorName);
  j.set("message", v.message);
  j.set("created_at", v.createdAt);
  return j;
}

}  // namespace sv::api

namespace sv::api {

Result<std::int64_t> wholeNumberQuery(const http::Request& req, const std::string& name,
                                      std::int64_t fallback) {
  auto text = req.queryValue(name);
  if (!text) return fallback;
  try {
    std::size_t used = 0;
    const auto v = std::stoll(*text, &used);
    if (used == text->size() && v >= 0) return v;
  } catch (const std::exception&) {
  }
  return fail(Errc::Malformed, name + " must be a whole number", name);
}

http::Reply saveConflictProblem(const std::string& instance, const std::string& currentVersion,
                                Poco::JSON::Array conflicts, const std::string& detail) {
  auto extra = http::orderedObject();
  extra.set("current_version", currentVersion);
  extra.set("conflicts", conflicts);
  return http::problem(Error{Errc::Conflict, Reason::VersionMovedOn, detail}, instance, extra);
}

std::optional<std::string> versionSavedFrom(const http::Request& req) {
  if (auto ifMatch = req.header("if-match")) {
    std::string from = *ifMatch;
    if (from.size() >= 2 && from.front() == '"' && from.back() == '"')
      from = from.substr(1, from.size() - 2);
    return from;
  }
  if (req.header("if-none-match") == std::optional<std::string>("*")) return std::string();
  return std::nullopt;
}

}  // namespace sv::api
