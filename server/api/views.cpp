#include "server/api/views.hpp"

#include <Poco/JSON/Parser.h>

#include "server/http/reply.hpp"

namespace sv::api {
namespace {

Poco::JSON::Array roleArray(const std::set<store::Role>& roles) {
  Poco::JSON::Array out;
  for (auto r : roles) out.add(std::string(store::roleName(r)));
  return out;
}

}  // namespace

Poco::JSON::Object organizationJson(const store::Organization& o) {
  auto j = http::orderedObject();
  j.set("id", o.id);
  j.set("name", o.name);
  j.set("kind", std::string(store::organizationKindName(o.kind)));
  j.set("created_at", o.createdAt);
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
