// An event-driven case's lifecycle (config/workflows/follow_up_case.workflow): the analysis and
// its conclusion, the provider's action plan (saved with If-Match / If-None-Match, sent, returned
// with comments per point, accepted), feedback, the report to the committee, reported, closed.
#include "server/api/api.hpp"
#include "server/api/case_views.hpp"
#include "server/api/handler.hpp"
#include "server/api/views.hpp"
#include "server/http/problem.hpp"

namespace sv::api {

http::Reply caseReply(const services::CaseView& view, int status);  // cases_api.cpp

namespace {

template <class F>
http::Handler caseStepHandler(F f) {
  return withId([f = std::move(f)](http::Request& req, std::int64_t id) -> Result<http::Reply> {
    auto view = f(req, id);
    if (!view) return std::unexpected(view.error());
    return caseReply(*view, 200);
  });
}

Result<http::JsonBody> bodyOf(const http::Request& req) {
  return http::JsonBody::parse(req.body.empty() ? "{}" : req.body);
}

Result<std::string> member(const http::JsonBody& body, const std::string& name) {
  auto value = body.optionalString(name);
  if (!value) return std::unexpected(value.error());
  return value->value_or("");
}

http::ApiDoc caseStepDoc(std::string operationId, std::string summary,
                         std::string requestSchema = {}) {
  return {.operationId = std::move(operationId),
          .summary = std::move(summary),
          .tag = "cases",
          .requestSchema = std::move(requestSchema),
          .responseSchema = "Case",
          .errorStatuses = {403, 409}};
}

}  // namespace

void registerCaseSteps(http::Router& router, Services& s) {
  if (!s.cases) return;
  auto& cases = *s.cases;
  router.add({"POST", "/api/v1/follow-up-cases/{id}/analysis/start", http::Access::LoggedIn,
              caseStepHandler([&cases](http::Request& req, std::int64_t id) {
                return cases.startAnalysis(req.principal(), id);
              }),
              caseStepDoc("startFollowUpCaseAnalysis",
                          "The material is gathered: the authority analyses it")});

  router.add(
      {"POST", "/api/v1/follow-up-cases/{id}/analysis", http::Access::LoggedIn,
       caseStepHandler([&cases](http::Request& req, std::int64_t id) -> Result<services::CaseView> {
         auto body = bodyOf(req);
         if (!body) return std::unexpected(body.error());
         auto outcome = member(*body, "outcome");
         if (!outcome) return std::unexpected(outcome.error());
         auto text = member(*body, "text");
         if (!text) return std::unexpected(text.error());
         auto due = member(*body, "plan_due_on");
         if (!due) return std::unexpected(due.error());
         return cases.concludeAnalysis(req.principal(), id, *outcome, *text, *due);
       }),
       caseStepDoc("concludeFollowUpCaseAnalysis",
                   "The analysis and its conclusion: ok (on to feedback) or not_ok (an action plan "
                   "is asked for by plan_due_on; the provider is told)",
                   "CaseAnalysis")});

  router.add({"GET",
              "/api/v1/follow-up-cases/{id}/plan",
              http::Access::LoggedIn,
              withId([&cases](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto view = cases.get(req.principal(), id);
                if (!view) return std::unexpected(view.error());
                if (!view->plan) return fail(Errc::NotFound, "the provider has not saved a plan");
                return planReply(*view->plan);
              }),
              {.operationId = "getActionPlan",
               .summary = "The action plan as it is now; the ETag is its version",
               .tag = "cases",
               .responseSchema = "ActionPlanView"}});

  router.add({"PUT",
              "/api/v1/follow-up-cases/{id}/plan",
              http::Access::LoggedIn,
              withId([&cases](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                // The first save makes the plan (If-None-Match: *); later saves name the version
                // they started from (If-Match), since two people of the provider may write it.
                const auto from = versionSavedFrom(req);
                if (!from)
                  return http::problem(
                      http::FrameError::PreconditionRequired, req.path,
                      "send the plan's version in If-Match, or If-None-Match: * for "
                      "the first save");
                auto proposed = minutes::actionPlanFromJsonMember(req.body, "plan");
                if (!proposed) {
                  if (auto ok = cases.mayEditPlan(req.principal(), id); !ok)
                    return std::unexpected(ok.error());
                  return std::unexpected(proposed.error());
                }
                auto saved = cases.savePlan(req.principal(), id, *from, *proposed);
                if (!saved) return std::unexpected(saved.error());
                return planReply(saved->saved);
              }),
              {.operationId = "saveActionPlan",
               .summary = "Save the action plan (the provider's people, while a plan is asked for)",
               .tag = "cases",
               .requestSchema = "ActionPlanSave",
               .responseSchema = "ActionPlanView",
               .parameters = {{"If-Match", "header", "the version the edit started from"},
                              {"If-None-Match", "header", "* for the first save"}},
               .errorStatuses = {403, 409, 428}}});

  router.add({"POST", "/api/v1/follow-up-cases/{id}/plan/submit", http::Access::LoggedIn,
              caseStepHandler([&cases](http::Request& req, std::int64_t id) {
                return cases.submitPlan(req.principal(), id);
              }),
              caseStepDoc("submitActionPlan",
                          "Send the plan as it is now to the authority (the provider)")});

  router.add(
      {"POST", "/api/v1/follow-up-cases/{id}/plan/return", http::Access::LoggedIn,
       caseStepHandler([&cases](http::Request& req, std::int64_t id) -> Result<services::CaseView> {
         auto body = bodyOf(req);
         if (!body) return std::unexpected(body.error());
         auto comments = readReviewComments(*body, CommentPart::Point);
         if (!comments) return std::unexpected(comments.error());
         auto due = member(*body, "plan_due_on");
         if (!due) return std::unexpected(due.error());
         return cases.returnPlan(req.principal(), id, std::move(*comments), *due);
       }),
       caseStepDoc("returnActionPlan",
                   "Send the plan back for revision with comments per point and a new last day",
                   "ActionPlanReturn")});

  router.add(
      {"POST", "/api/v1/follow-up-cases/{id}/plan/accept", http::Access::LoggedIn,
       caseStepHandler([&cases](http::Request& req, std::int64_t id) {
         return cases.acceptPlan(req.principal(), id);
       }),
       caseStepDoc("acceptActionPlan",
                   "Accept the plan: its points become actions followed at the next meetings")});

  router.add(
      {"POST", "/api/v1/follow-up-cases/{id}/feedback", http::Access::LoggedIn,
       caseStepHandler([&cases](http::Request& req, std::int64_t id) -> Result<services::CaseView> {
         auto body = bodyOf(req);
         if (!body) return std::unexpected(body.error());
         auto text = member(*body, "text");
         if (!text) return std::unexpected(text.error());
         return cases.giveFeedback(req.principal(), id, *text);
       }),
       caseStepDoc("giveFollowUpCaseFeedback", "The authority's feedback to the provider",
                   "CaseText")});

  router.add({"POST",
              "/api/v1/follow-up-cases/{id}/report",
              http::Access::LoggedIn,
              withId([&cases](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto report = cases.startReport(req.principal(), id);
                if (!report) return std::unexpected(report.error());
                auto out = http::orderedObject();
                out.set("report_id", *report);
                out.set("href", "/api/v1/reports/" + std::to_string(*report));
                return http::Reply::json(out, 201).header(
                    "Location", "/api/v1/reports/" + std::to_string(*report));
              }),
              {.operationId = "startFollowUpCaseReport",
               .summary = "Write the report to the committee from the case: a follow-up report "
                          "of kind case, fact-checked and registered like the yearly ones",
               .tag = "cases",
               .responseSchema = "CaseReportStarted",
               .successStatus = 201,
               .errorStatuses = {403, 409}}});

  router.add({"POST", "/api/v1/follow-up-cases/{id}/reported", http::Access::LoggedIn,
              caseStepHandler([&cases](http::Request& req, std::int64_t id) {
                return cases.reportToCommittee(req.principal(), id);
              }),
              caseStepDoc("reportFollowUpCase",
                          "The case is reported to the committee (its report registered)")});

  router.add({"POST", "/api/v1/follow-up-cases/{id}/close", http::Access::LoggedIn,
              caseStepHandler([&cases](http::Request& req, std::int64_t id) {
                return cases.close(req.principal(), id);
              }),
              caseStepDoc("closeFollowUpCase", "Close the reported case")});
}

}  // namespace sv::api
