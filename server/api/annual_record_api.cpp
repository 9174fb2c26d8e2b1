// The yearly summary as a record (issue 15 point 4): its text (GET and PUT with ETag and
// If-Match, or If-None-Match: * for the first save), sent for approval with the figures of that
// day, approved by the director on the version read or returned with a comment, registered by the
// registrar. The authority's own: anyone else gets 404.
#include "server/api/annual_views.hpp"
#include "server/api/api.hpp"
#include "server/api/views.hpp"
#include "server/http/json_body.hpp"
#include "server/http/problem.hpp"

namespace sv::api {
namespace {

const std::vector<http::ResponseHeader> kSummaryEtag{
    {"ETag",
     "the version of the text, quoted: send it back in If-Match (none before the first "
     "save)"}};

http::Reply recordReply(const services::AnnualRecordView& v) {
  auto out = http::orderedObject();
  out.set("authority_id", v.authorityId);
  out.set("authority", v.authorityName);
  out.set("year", v.year);
  out.set("state", std::string(minutes::stateName(v.state)));
  out.set("started", v.started);
  out.set("version", v.version);
  auto narrative = http::orderedObject();
  narrative.set("summary", v.narrative.summary);
  narrative.set("assessment", v.narrative.assessment);
  narrative.set("proposal", v.narrative.proposal);
  out.set("narrative", narrative);
  const auto optional = [&out](const char* key, const std::optional<std::string>& value) {
    if (value)
      out.set(key, *value);
    else
      out.set(key, Poco::Dynamic::Var());
  };
  optional("figures_as_of", v.figuresAsOf);
  optional("approved_by", v.approvedBy);
  optional("approved_at", v.approvedAt);
  optional("returned_comment", v.returnedComment);
  optional("returned_by", v.returnedBy);
  optional("returned_at", v.returnedAt);
  optional("registry_number", v.registryNumber);
  optional("registered_at", v.registeredAt);
  Poco::JSON::Array available;
  for (const auto& a : v.available) available.add(a);
  out.set("available", available);
  auto reply = http::Reply::json(out);
  if (!v.version.empty()) reply.header("ETag", "\"" + v.version + "\"");
  return reply;
}

// A handler for the authority and year of the query.
template <class F>
http::Handler forYear(services::AnnualReportService& annual, F f) {
  return [&annual, f = std::move(f)](http::Request& req) -> Result<http::Reply> {
    auto which = annualWhichOf(req, annual);
    if (!which) return std::unexpected(which.error());
    auto view = f(req, which->first, which->second);
    if (!view) return std::unexpected(view.error());
    return recordReply(*view);
  };
}

// A step whose body carries one text ({"comment": …}, {"version": …}), read only once the
// workflow lets the caller take the step (roles before fields).
template <class F>
http::Handler stepWithText(services::AnnualReportService& annual, std::string step,
                           std::string field, F take) {
  return forYear(annual,
                 [&annual, step, field, take](http::Request& req, std::int64_t authority,
                                              int year) -> Result<services::AnnualRecordView> {
                   if (auto may = annual.mayTake(req.principal(), authority, year, step); !may)
                     return std::unexpected(may.error());
                   auto body = http::JsonBody::parse(req.body.empty() ? "{}" : req.body);
                   if (!body) return std::unexpected(body.error());
                   auto text = body->optionalString(field);
                   if (!text) return std::unexpected(text.error());
                   return take(req.principal(), authority, year, text->value_or(""));
                 });
}

http::ApiDoc summaryStepDoc(const char* operationId, const char* summary, std::vector<int> errors,
                            const char* requestSchema = "") {
  return {.operationId = operationId,
          .summary = summary,
          .tag = "annual",
          .requestSchema = requestSchema,
          .responseSchema = "AnnualRecord",
          .parameters = kAnnualQuery,
          .errorStatuses = std::move(errors),
          .responseHeaders = kSummaryEtag};
}

}  // namespace

void registerAnnualRecord(http::Router& router, Services& s) {
  if (!s.annual) return;
  auto& annual = *s.annual;
  router.add(
      {"GET", "/api/v1/reports/annual/record", http::Access::LoggedIn,
       forYear(annual,
               [&annual](http::Request& req, std::int64_t authority, int year) {
                 return annual.record(req.principal(), authority, year);
               }),
       summaryStepDoc("getAnnualRecord",
                      "The summary's text (Sammanfattning, Bedömning, Förslag till beslut), where "
                      "it is in its lifecycle and what the caller may do; the authority's own",
                      {404, 422})});

  router.add(
      {"PUT",
       "/api/v1/reports/annual/record",
       http::Access::LoggedIn,
       [&annual](http::Request& req) -> Result<http::Reply> {
         auto which = annualWhichOf(req, annual);
         if (!which) return std::unexpected(which.error());
         const auto from = versionSavedFrom(req);
         if (!from)
           return http::problem(http::FrameError::PreconditionRequired, req.path,
                                "send the version you edited in If-Match, or If-None-Match: * "
                                "for the first save");
         // Roles before fields: the body is read only for the authority's contract manager.
         if (auto may = annual.mayTake(req.principal(), which->first, which->second, "save"); !may)
           return std::unexpected(may.error());
         auto body = http::JsonBody::parse(req.body);
         if (!body) return std::unexpected(body.error());
         minutes::AnnualNarrative narrative;
         for (auto [key, text] : {std::pair{"summary", &narrative.summary},
                                  std::pair{"assessment", &narrative.assessment},
                                  std::pair{"proposal", &narrative.proposal}}) {
           auto value = body->optionalString(key);
           if (!value) return std::unexpected(value.error());
           *text = value->value_or("");
         }
         auto view =
             annual.saveNarrative(req.principal(), which->first, which->second, *from, narrative);
         if (!view) return std::unexpected(view.error());
         return recordReply(*view);
       },
       {.operationId = "saveAnnualRecord",
        .summary = "Save the summary's text (If-Match, or If-None-Match: * for the first save); "
                   "a draft only, by the authority's contract manager",
        .tag = "annual",
        .requestSchema = "AnnualNarrative",
        .responseSchema = "AnnualRecord",
        .parameters = {kAnnualQuery[0],
                       kAnnualQuery[1],
                       {"If-Match", "header", "the version the edit started from", "string"},
                       {"If-None-Match", "header", "* for the first save", "string"}},
        .errorStatuses = {403, 404, 409, 422, 428},
        .responseHeaders = kSummaryEtag}});

  router.add(
      {"POST", "/api/v1/reports/annual/record/submit", http::Access::LoggedIn,
       forYear(annual,
               [&annual](http::Request& req, std::int64_t authority, int year) {
                 return annual.submit(req.principal(), authority, year);
               }),
       summaryStepDoc("submitAnnualRecord",
                      "Send the summary for approval: the figures of today are frozen in the "
                      "same version (the contract manager)",
                      {403, 404, 409, 422})});

  router.add({"POST", "/api/v1/reports/annual/record/return", http::Access::LoggedIn,
              stepWithText(annual, "return", "comment",
                           [&annual](const store::Principal& who, std::int64_t authority, int year,
                                     const std::string& comment) {
                             return annual.returnToDraft(who, authority, year, comment);
                           }),
              summaryStepDoc("returnAnnualRecord",
                             "Send the summary back to its writer with a comment (the director)",
                             {403, 404, 409, 422}, "AnnualReturn")});

  router.add({"POST", "/api/v1/reports/annual/record/approve", http::Access::LoggedIn,
              stepWithText(annual, "approve", "version",
                           [&annual](const store::Principal& who, std::int64_t authority, int year,
                                     const std::string& version) {
                             return annual.approve(who, authority, year, version);
                           }),
              summaryStepDoc("approveAnnualRecord",
                             "Approve the version read, text and frozen figures (the director)",
                             {403, 404, 409, 422}, "AnnualApproval")});

  router.add(
      {"POST", "/api/v1/reports/annual/record/register", http::Access::LoggedIn,
       forYear(annual,
               [&annual](http::Request& req, std::int64_t authority, int year) {
                 return annual.registerRecord(req.principal(), authority, year);
               }),
       summaryStepDoc("registerAnnualRecord",
                      "Register the approved summary with the next number of the authority's "
                      "register; it never changes again (the registrar)",
                      {403, 404, 409, 422})});
}

}  // namespace sv::api
