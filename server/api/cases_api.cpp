// Event-driven cases (händelsestyrd uppföljning): the list with its filters, opening a case,
// reading one, its material (notes, attachments) and marking it acute.
#include <algorithm>

#include "server/api/api.hpp"
#include "server/api/case_views.hpp"
#include "server/api/handler.hpp"
#include "server/api/views.hpp"

namespace sv::api {
namespace {

Result<store::CaseQuery> caseQueryOf(const http::Request& req) {
  store::CaseQuery q;
  auto paging = pagingQuery(req);
  if (!paging) return std::unexpected(paging.error());
  q.limit = static_cast<int>(paging->limit);
  // Past the largest int is past any list's end: the page is empty either way.
  q.offset = static_cast<int>(std::min<std::int64_t>(paging->offset, INT32_MAX));
  auto contract = wholeNumberQuery(req, "contract_id", 0);
  if (!contract) return std::unexpected(contract.error());
  if (*contract > 0) q.contractId = *contract;
  auto provider = wholeNumberQuery(req, "provider_id", 0);
  if (!provider) return std::unexpected(provider.error());
  if (*provider > 0) q.providerId = *provider;
  if (auto trigger = req.queryValue("trigger")) {
    if (!minutes::parseCaseTrigger(*trigger))
      return fail(Errc::Invalid, Reason::UnknownChoice, "no such trigger", "trigger", *trigger);
    q.trigger = *trigger;
  }
  if (auto state = req.queryValue("state")) {
    if (!minutes::parseCaseState(*state))
      return fail(Errc::Invalid, Reason::UnknownChoice, "no such state", "state", *state);
    q.state = *state;
  }
  for (const char* flag : {"acute", "overdue"}) {
    auto value = req.queryValue(flag);
    if (!value) continue;
    if (*value != "true" && *value != "false")
      return fail(Errc::Invalid, Reason::UnknownChoice, std::string(flag) + " is true or false",
                  flag, *value);
    if (std::string_view(flag) == "acute")
      q.acute = *value == "true";
    else
      q.overdue = *value == "true";
  }
  return q;
}

// A body's one text member, `text`.
Result<std::string> textOf(const http::Request& req) {
  auto body = http::JsonBody::parse(req.body);
  if (!body) return std::unexpected(body.error());
  auto text = body->optionalString("text");
  if (!text) return std::unexpected(text.error());
  return text->value_or("");
}

}  // namespace

http::Reply caseReply(const services::CaseView& view, int status) {
  return http::Reply::json(caseJson(view), status);
}

void registerCases(http::Router& router, Services& s) {
  if (!s.cases) return;
  auto& cases = *s.cases;
  router.add(
      {"GET", "/api/v1/follow-up-cases", http::Access::LoggedIn,
       [&cases](http::Request& req) -> Result<http::Reply> {
         auto q = caseQueryOf(req);
         if (!q) return std::unexpected(q.error());
         const auto page = cases.list(req.principal(), *q);
         Poco::JSON::Array items;
         for (const auto& item : page.items) items.add(caseSummaryJson(item));
         return pageReply(req, items, page.total, {q->limit, q->offset});
       },
       paged({.operationId = "listFollowUpCases",
              .summary = "The event-driven cases the caller may see, acute first, a page at a "
                         "time",
              .tag = "cases",
              .responseSchema = "CasePage",
              .parameters = {{"contract_id", "query", "only this contract's", "integer"},
                             {"provider_id", "query", "only this provider's", "integer"},
                             {"trigger", "query", "only cases with this trigger"},
                             {"state", "query", "only cases in this state"},
                             {"acute", "query", "true: only acute cases; false: only normal"},
                             {"overdue", "query",
                              "true: only cases past a deadline (an action plan's last day, or "
                              "no progress for samverkan.cases.stale_days)"}}})});

  router.add(
      {"POST",
       "/api/v1/follow-up-cases",
       http::Access::LoggedIn,
       [&cases](http::Request& req) -> Result<http::Reply> {
         auto body = http::JsonBody::parse(req.body);
         if (!body) return std::unexpected(body.error());
         services::NewCase what;
         auto contract = body->requiredInt("contract_id");
         if (!contract) return std::unexpected(contract.error());
         what.contractId = *contract;
         for (auto [field, to] :
              {std::pair{"trigger", &what.trigger}, std::pair{"title", &what.title},
               std::pair{"description", &what.description},
               std::pair{"occurred_on", &what.occurredOn}, std::pair{"urgency", &what.urgency}}) {
           auto value = body->optionalString(field);
           if (!value) return std::unexpected(value.error());
           *to = value->value_or("");
         }
         if (what.urgency.empty()) what.urgency = "normal";
         auto view = cases.open(req.principal(), what);
         if (!view) return std::unexpected(view.error());
         return caseReply(*view, 201)
             .header("Location", "/api/v1/follow-up-cases/" + std::to_string(view->item.row.id));
       },
       {.operationId = "openFollowUpCase",
        .summary = "Open an event-driven case on a contract (the authority's contract "
                   "manager); the provider is told, and for an acute case the director and "
                   "committee secretary at once",
        .tag = "cases",
        .requestSchema = "CaseOpen",
        .responseSchema = "Case",
        .successStatus = 201,
        .errorStatuses = {403}}});

  router.add({"GET",
              "/api/v1/follow-up-cases/{id}",
              http::Access::LoggedIn,
              withId([&cases](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto view = cases.get(req.principal(), id);
                if (!view) return std::unexpected(view.error());
                return caseReply(*view, 200);
              }),
              {.operationId = "getFollowUpCase",
               .summary = "One case with its timeline, who was told of it, its action plan's "
                          "rounds and the actions they made",
               .tag = "cases",
               .responseSchema = "Case"}});

  router.add({"POST",
              "/api/v1/follow-up-cases/{id}/notes",
              http::Access::LoggedIn,
              withId([&cases](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto text = textOf(req);
                if (!text) return std::unexpected(text.error());
                auto view = cases.addNote(req.principal(), id, *text);
                if (!view) return std::unexpected(view.error());
                return caseReply(*view, 200);
              }),
              {.operationId = "addFollowUpCaseNote",
               .summary = "Add a note to the case's material (the contract manager)",
               .tag = "cases",
               .requestSchema = "CaseText",
               .responseSchema = "Case",
               .errorStatuses = {403, 409}}});

  router.add({"POST",
              "/api/v1/follow-up-cases/{id}/acute",
              http::Access::LoggedIn,
              withId([&cases](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto text = textOf(req);
                if (!text) return std::unexpected(text.error());
                auto view = cases.markAcute(req.principal(), id, *text);
                if (!view) return std::unexpected(view.error());
                return caseReply(*view, 200);
              }),
              {.operationId = "markFollowUpCaseAcute",
               .summary = "Mark the case acute, with why; the director and the committee "
                          "secretary are told at once",
               .tag = "cases",
               .requestSchema = "CaseText",
               .responseSchema = "Case",
               .errorStatuses = {403, 409}}});

  if (!s.attachments) return;
  auto& attachments = *s.attachments;
  router.add(attachmentUploadRoute(
      "/api/v1/follow-up-cases/{id}/attachments", attachments.maxBytes(),
      [&attachments](http::Request& req, std::int64_t id, const services::AttachmentUpload& up) {
        return attachments.uploadToCase(req.principal(), id, services::AttachedTo::Case, up);
      },
      "uploadFollowUpCaseAttachment",
      "Add a file to the case's material (multipart/form-data: one part `file`); the type is "
      "read from the bytes"));
  router.add(attachmentUploadRoute(
      "/api/v1/follow-up-cases/{id}/plan/attachments", attachments.maxBytes(),
      [&attachments](http::Request& req, std::int64_t id, const services::AttachmentUpload& up) {
        return attachments.uploadToCase(req.principal(), id, services::AttachedTo::ActionPlan, up);
      },
      "uploadActionPlanAttachment",
      "Add a file to the action plan (the provider, while a plan is asked for)"));
  router.add(
      {"GET", "/api/v1/follow-up-cases/{id}/attachments", http::Access::LoggedIn,
       withId([&attachments](http::Request& req, std::int64_t id) -> Result<http::Reply> {
         auto listed = attachments.listOfCase(req.principal(), id);
         if (!listed) return std::unexpected(listed.error());
         return attachmentPage(req, *listed);
       }),
       paged({.operationId = "listFollowUpCaseAttachments",
              .summary = "The case's material and its plans' files, oldest first, a page at a "
                         "time",
              .tag = "cases",
              .responseSchema = "array:Attachment",
              .parameters = {
                  {"after", "query", "only those after this attachment id", "integer"}}})});
}

}  // namespace sv::api
