// Who may do what to a contract, and the audit entry that records it. The tenant rule itself
// (what a person may see at all) is store::TenantScope; these are the role rules on top.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

#include "agenda/agenda.hpp"
#include "server/store/audit.hpp"
#include "server/store/contracts.hpp"
#include "server/store/principal.hpp"
#include "workflows/result.hpp"

namespace sv::services {

// An administrator, or a contract manager of the contract's authority.
bool managesContract(const store::Principal& p, const store::ContractRow& contract);
Status requireManager(const store::Principal& p, const store::ContractRow& contract,
                      const std::string& what);

// The party the person speaks for in this contract, if any.
std::optional<agenda::Party> partyOf(const store::Principal& p, const store::ContractRow& contract);

// A JSON object of strings for an audit entry's detail.
std::string auditDetail(std::initializer_list<std::pair<const char*, std::string>> fields);

store::AuditEntry auditBy(const store::Principal* actor, std::string action, std::string objectType,
                          std::string objectId, std::string detail = "{}",
                          std::string version = {});

}  // namespace sv::services
