#include "server/services/access.hpp"

#include <Poco/JSON/Object.h>

#include <sstream>

namespace sv::services {

bool managesContract(const store::Principal& p, const store::ContractRow& contract) {
  return p.isAdmin() ||
         (p.has(store::Role::ContractManager) && p.organizationId == contract.authorityId);
}

Status requireManager(const store::Principal& p, const store::ContractRow& contract,
                      const std::string& what) {
  if (managesContract(p, contract)) return {};
  return fail(Errc::Forbidden, "only the authority's contract manager may " + what);
}

std::optional<agenda::Party> partyOf(const store::Principal& p,
                                     const store::ContractRow& contract) {
  if (p.organizationId == contract.authorityId) return agenda::Party::Authority;
  if (p.organizationId == contract.providerId) return agenda::Party::Provider;
  return std::nullopt;
}

std::string auditDetail(std::initializer_list<std::pair<const char*, std::string>> fields) {
  Poco::JSON::Object object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [k, v] : fields) object.set(k, v);
  std::ostringstream out;
  object.stringify(out);
  return out.str();
}

store::AuditEntry auditBy(const store::Principal* actor, std::string action, std::string objectType,
                          std::string objectId, std::string detail, std::string version) {
  store::AuditEntry e;
  if (actor) {
    e.actorId = actor->userId;
    e.actor = actor->username;
  } else {
    e.actor = "system";
  }
  e.action = std::move(action);
  e.objectType = std::move(objectType);
  e.objectId = std::move(objectId);
  e.version = std::move(version);
  e.detail = std::move(detail);
  return e;
}

}  // namespace sv::services
