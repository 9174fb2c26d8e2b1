// The exchange between the parties on a follow-up report's page (issue 13 points 3 and 4): the
// provider fact-checks per area ("Skicka synpunkter", or "Inga synpunkter" with every field
// empty), the contract manager answers each comment, asks for a supplement on an area and
// decides it with a new assessment and a reason; the provider sends the supplement's text.
#include <cstdlib>
#include <string_view>
#include <utility>
#include <vector>

#include "server/web/report_parts.hpp"
#include "server/web/words.hpp"
#include "workflows/text.hpp"

namespace sv::web {
namespace {

constexpr std::string_view kFactCheckField = "factcheck";

// The fact-check form's comments: "factcheck" on the report as a whole, "factcheck-<key>" on an
// area, blank fields left out (an area without a comment is one the provider accepts). With the
// field each came from, to mark it when the service refuses it.
std::vector<std::pair<review::NewComment, std::string>> factCheckCommentsOf(
    const http::FormBody& form) {
  std::vector<std::pair<review::NewComment, std::string>> out;
  for (const auto& [name, value] : form.fields()) {
    if (!name.starts_with(kFactCheckField) || text::isBlank(value)) continue;
    std::string part;
    if (name.size() > kFactCheckField.size()) {
      if (name[kFactCheckField.size()] != '-') continue;
      part = name.substr(kFactCheckField.size() + 1);
    }
    out.push_back({{part, multiLine(value)}, name});
  }
  return out;
}

// The field "comments[i].…" names, counted as the comments were given.
std::string commentFieldId(const Error& e,
                           const std::vector<std::pair<review::NewComment, std::string>>& given) {
  if (!e.field.starts_with("comments[")) return {};
  const auto i = std::strtoul(e.field.c_str() + std::string_view("comments[").size(), nullptr, 10);
  return i < given.size() ? given[i].second : std::string();
}

std::optional<int> supplementNumber(const http::Request& req) {
  auto n = req.idParam("n");
  if (!n || *n > 1'000'000) return std::nullopt;
  return static_cast<int>(*n);
}

}  // namespace

void registerReportReviewPages(http::Router& router, Services& s) {
  if (!s.reports) return;
  auto& reports = *s.reports;

  addPage(
      router, "POST", "/uppfoljningar/{id}/faktagranskning", [&s, &reports](http::Request& req) {
        auto id = req.idParam("id");
        if (!id) return notFoundPage(req);
        auto form = formOf(req);
        const auto given = factCheckCommentsOf(form);
        const bool none = form.value("answer") == "inga";
        // Neither button may lose what the person meant: text typed is never sent as "inga
        // synpunkter", and "Skicka synpunkter" with nothing typed is not taken as that either.
        if (none && !given.empty())
          return reportPage(
              req, s, *id,
              FormError{"fact_check",
                        "Du har skrivit synpunkter. Skicka dem med Skicka synpunkter, "
                        "eller töm fälten om du inte har några synpunkter.",
                        given.front().second, std::move(form), 422});
        if (!none && given.empty())
          return reportPage(req, s, *id,
                            FormError{"fact_check",
                                      "Skriv en synpunkt vid det område där något är fel, eller "
                                      "välj Inga synpunkter.",
                                      "", std::move(form), 422});
        std::vector<review::NewComment> comments;
        for (const auto& [comment, field] : given) comments.push_back(comment);
        auto answered = reports.answerFactCheck(req.principal(), *id, std::move(comments));
        const std::string field = answered ? "" : commentFieldId(answered.error(), given);
        return afterReportPost(req, s, *id, statusOf(answered), "fact_check", field,
                               std::move(form), none ? "inga-synpunkter" : "granskad");
      });

  addPage(router, "POST", "/uppfoljningar/{id}/synpunkter/{cid}/svar",
          [&s, &reports](http::Request& req) {
            auto id = req.idParam("id");
            auto commentId = req.idParam("cid");
            if (!id || !commentId) return notFoundPage(req);
            auto form = formOf(req);
            const std::string name = "answer-" + std::to_string(*commentId);
            auto answered = reports.answerComment(req.principal(), *id, *commentId,
                                                  multiLine(form.value("answer")));
            const std::string field =
                !answered && answered.error().code == Errc::Invalid ? name : "";
            return afterReportPost(req, s, *id, statusOf(answered), name, field, std::move(form),
                                   "besvarad", "#synpunkt-" + std::to_string(*commentId));
          });

  addPage(router, "POST", "/uppfoljningar/{id}/kompletteringar",
          [&s, &reports](http::Request& req) {
            auto id = req.idParam("id");
            if (!id) return notFoundPage(req);
            auto form = formOf(req);
            const services::SupplementRequest request{oneLine(form.value("area")),
                                                      multiLine(form.value("request")),
                                                      oneLine(form.value("due_on"))};
            auto requested = reports.requestSupplement(req.principal(), *id, request);
            std::string field;
            if (!requested) {
              const auto& f = requested.error().field;
              field = f == "area"      ? "supplement_area"
                      : f == "request" ? "supplement_request"
                      : f == "due_on"  ? "supplement_due_on"
                                       : "";
            }
            return afterReportPost(req, s, *id, statusOf(requested), "request_supplement", field,
                                   std::move(form), "begard", "#kompletteringar");
          });

  addPage(router, "POST", "/uppfoljningar/{id}/kompletteringar/{n}/skicka",
          [&s, &reports](http::Request& req) {
            auto id = req.idParam("id");
            auto number = supplementNumber(req);
            if (!id || !number) return notFoundPage(req);
            auto form = formOf(req);
            const std::string prefix = "supplement-" + std::to_string(*number);
            auto sent = reports.sendSupplement(req.principal(), *id, *number,
                                               multiLine(form.value("text")));
            const std::string field =
                !sent && sent.error().code == Errc::Invalid ? prefix + "-text" : "";
            return afterReportPost(req, s, *id, statusOf(sent), prefix, field, std::move(form),
                                   "komplettering-skickad",
                                   "#komplettering-" + std::to_string(*number));
          });

  addPage(router, "POST", "/uppfoljningar/{id}/kompletteringar/{n}/besluta",
          [&s, &reports](http::Request& req) {
            auto id = req.idParam("id");
            auto number = supplementNumber(req);
            if (!id || !number) return notFoundPage(req);
            auto form = formOf(req);
            const std::string prefix = "supplement-" + std::to_string(*number);
            const services::SupplementDecision decision{oneLine(form.value("assessment")),
                                                        multiLine(form.value("reason"))};
            auto decided = reports.decideSupplement(req.principal(), *id, *number, decision);
            std::string field;
            if (!decided && decided.error().code == Errc::Invalid)
              field = prefix + (decided.error().field == "assessment" ? "-assessment" : "-reason");
            return afterReportPost(req, s, *id, statusOf(decided), prefix, field, std::move(form),
                                   "komplettering-bedomd",
                                   "#komplettering-" + std::to_string(*number));
          });
}

}  // namespace sv::web
