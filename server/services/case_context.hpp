// What every event-driven case use case starts from, read under the viewer's tenant scope in one
// transaction (a case the viewer may not see is not found, as if it were not there), and who may
// do what with it (config/workflows/follow_up_case.workflow names the roles).
#pragma once

#include <cstdint>
#include <set>
#include <string>

#include "minutes/case_lifecycle.hpp"
#include "server/services/case_service.hpp"
#include "server/store/cases.hpp"
#include "server/store/contracts.hpp"
#include "server/store/principal.hpp"
#include "server/store/review_comments.hpp"
#include "workflows/result.hpp"

namespace sv::services {

struct CaseContext {
  store::CaseRow row;
  store::ContractRow contract;
  minutes::CaseState state = minutes::CaseState::Collecting;
  std::string repository;  // "contract-12"

  store::ReviewedDocument plan() const {
    return {repository, CaseService::planDocumentOf(row.id)};
  }
};

// Inside the caller's transaction. Errors: NotFound ("no such case").
Result<CaseContext> readCaseContext(store::Reading& c, const store::Principal& viewer,
                                    std::int64_t caseId);

// The authority's contract manager of the contract (or an administrator) drives the case.
bool mayWriteCase(const store::Principal& p, const CaseContext& ctx);
// Errors: Forbidden/NotCaseWriter ("only the authority's contract manager <doing>").
Status requireCaseWriter(const store::Principal& p, const CaseContext& ctx,
                         const std::string& doing);
// The provider's people of the contract write the plan.
bool mayWritePlan(const store::Principal& p, const CaseContext& ctx);

// The caller's workflow roles for this case (the authority's for its own contracts, the
// provider's for its own; an administrator acts as the contract manager).
std::set<std::string> caseRolesOf(const store::Principal& p, const CaseContext& ctx);

// Errors: Conflict/CaseClosed once the case is reported or closed (no more material or plans).
Status refuseFinished(const CaseContext& ctx);

// Whether an open case's plan is overdue or it went without progress for `staleDays`, at `now`.
CaseListItem listItemOf(store::CaseRow row, TimePoint now, int staleDays);

// "2026-03-12T08:00:00Z" `days` days before `now`: the line the stale rule draws.
std::string staleBefore(TimePoint now, int days);

}  // namespace sv::services
