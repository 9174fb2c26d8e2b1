// What the event-driven case's page modules share (issue 14): the case's path, a case as a row of
// a list, the case page itself (case_view.cpp) so that every post can show it again with its
// failed form, the one way a post ends (a redirect with a confirmation, or the page with the
// Swedish error), and the contract page's section of cases with the form that opens one. The list
// and opening are case_pages.cpp, the steps case_step_pages.cpp, the provider's plan form
// case_plan_pages.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "server/services/case_service.hpp"
#include "server/web/pages.hpp"

namespace sv::web {

// "/arenden/12"
std::string casePath(std::int64_t caseId);

// A case as a row of a list: id, href, title, contract_id, contract, provider, trigger, state,
// state_key, acute, urgency, opened (date), occurred_on, plan_due_on (has_plan_due_on),
// plan_overdue, stale, and `deadline` (the overdue and stale marks in words, has_deadline).
Data caseRowData(const services::CaseListItem& item);

// A failed post of a case's form, in the case's words (swedishCaseMessage).
FormError caseFormError(std::string form, const Error& error, std::string fieldId,
                        http::FormBody posted);

// The case's page (/arenden/{id}), again with a failed form when there is one.
http::Reply casePage(const http::Request& req, Services& s, std::int64_t caseId,
                     std::optional<FormError> error = std::nullopt);

// After a post on the case's page: on success the page with the confirmation `done` at `anchor`;
// NotFound and Internal end the page; anything else is the page again with the error on `form`,
// marking `fieldId`.
http::Reply afterCasePost(const http::Request& req, Services& s, std::int64_t caseId,
                          const Status& result, const std::string& form, const std::string& fieldId,
                          http::FormBody posted, const std::string& done,
                          const std::string& anchor = {});

// A contract's cases for its page (/avtal/{id}): `cases`, `has_cases`, `more`, and for its
// contract manager (`can_open`) the open form's triggers, title, description, occurred_on and
// urgency, kept after a failed post, with the field to mark.
Data contractCasesData(const http::Request& req, Services& s, std::int64_t contractId, bool manager,
                       const std::optional<FormError>& error);

// The case's and its plan's files (case_step_pages.cpp): `files` (id, name, to, size, by, at),
// `has_files`, and the upload forms the viewer may use now: `can_upload_case` (the contract
// manager while the case is open) and `can_upload_plan` (the provider while a plan is asked for),
// with the size `limit`; empty without the attachment service.
Data caseAttachmentsData(const http::Request& req, Services& s, const services::CaseView& view);

}  // namespace sv::web
