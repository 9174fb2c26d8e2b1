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
  return fail(Errc::Forbidden, Reason::NotContractManager,
              "only the authority's contract manager may " + what);
}

Result<store::ContractRow> contractFor(store::Reading& c, const store::Principal& who,
                                       std::int64_t contractId) {
  auto contract = store::findContract(c, store::TenantScope::of(who), contractId);
  if (!contract) return fail(Errc::NotFound, "no such contract");
  return std::move(*contract);
}

Result<store::MeetingInContract> meetingFor(store::Reading& c, const store::Principal& who,
                                            std::int64_t meetingId) {
  auto found = store::findMeetingInContract(c, store::TenantScope::of(who), meetingId);
  if (!found) return fail(Errc::NotFound, "no such meeting");
  return std::move(*found);
}

std::set<std::string> accountRolesFor(const store::Principal& p,
                                      const store::ContractRow& contract) {
  std::set<std::string> roles;
  for (auto r : p.roles) roles.emplace(store::roleName(r));
  if (p.organizationId != contract.authorityId) {
    roles.erase("contract_manager");
    roles.erase("registrar");
    roles.erase("reader");
  }
  if (p.organizationId != contract.providerId) roles.erase("provider_rep");
  return roles;
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
