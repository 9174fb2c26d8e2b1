// Who may do what to a contract, and the audit entry that records it. The tenant rule itself
// (what a person may see at all) is store::TenantScope; these are the role rules on top.
#pragma once

#include <initializer_list>
#include <optional>
#include <set>
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
// Errors: Forbidden/NotContractManager ("only the authority's contract manager may <what>").
Status requireManager(const store::Principal& p, const store::ContractRow& contract,
                      const std::string& what);

// The one way a use case loads what it acts on, inside its read or write transaction: the
// contract, or the meeting and its contract, as far as the person's tenant scope lets them see.
// What they may not see is answered like what does not exist.
// Errors: NotFound ("no such contract").
Result<store::ContractRow> contractFor(store::Reading& c, const store::Principal& who,
                                       std::int64_t contractId);
// Errors: NotFound ("no such meeting").
Result<store::MeetingInContract> meetingFor(store::Reading& c, const store::Principal& who,
                                            std::int64_t meetingId);

// The person's account roles where they count for this contract (workflow role names): the
// authority's (contract_manager, registrar, reader) for its own contracts, the provider's
// (provider_rep) for its own; admin stays.
std::set<std::string> accountRolesFor(const store::Principal& p,
                                      const store::ContractRow& contract);

// The party the person speaks for in this contract, if any.
std::optional<agenda::Party> partyOf(const store::Principal& p, const store::ContractRow& contract);

// A JSON object of strings for an audit entry's detail.
std::string auditDetail(std::initializer_list<std::pair<const char*, std::string>> fields);

store::AuditEntry auditBy(const store::Principal* actor, std::string action, std::string objectType,
                          std::string objectId, std::string detail = "{}",
                          std::string version = {});

}  // namespace sv::services
