#include "server/services/report_notices.hpp"

#include "server/services/notices.hpp"
#include "server/store/approvals.hpp"
#include "server/store/reminders.hpp"

namespace sv::services {
namespace {

std::string reportPath(const ReportContext& ctx) {
  return "/uppfoljningar/" + std::to_string(ctx.row.id);
}

// "uppföljningen 2026 av Hemtjänst Söder (Omsorg AB)"
std::string phrase(const ReportContext& ctx) {
  return "uppföljningen " + std::to_string(ctx.row.year) + " av " + ctx.contract.title + " (" +
         ctx.contract.providerName + ")";
}

Notice about(const ReportContext& ctx, std::int64_t userId, mail::Kind kind,
             std::string notification) {
  Notice n;
  n.userId = userId;
  n.kind = kind;
  n.notification = std::move(notification);
  n.path = reportPath(ctx);
  n.linkText = "Öppna rapporten";
  return n;
}

std::vector<std::int64_t> providerPeople(store::Reading& c, const ReportContext& ctx) {
  return store::activeUsersWithRole(c, ctx.contract.providerId, "provider_rep");
}

}  // namespace

void tellFactCheckSent(store::Writing& c, const MailPolicy& policy, TimePoint now,
                       const ReportContext& ctx, const std::string& dueOn) {
  for (auto id : providerPeople(c, ctx)) {
    auto n = about(ctx, id, mail::Kind::ReportToCheck, "report.fact_check");
    n.line =
        "Rapporten från " + phrase(ctx) + " väntar på er faktagranskning senast " + dueOn + ".";
    n.subject = "Uppföljningsrapport att faktagranska: " + ctx.contract.title;
    n.paragraphs = {"Förvaltningen har skrivit rapporten från " + phrase(ctx) +
                        " och delar den med er för faktagranskning innan den blir slutlig.",
                    "Läs rapporten och ange sakfel område för område, eller svara att ni inte har "
                    "några synpunkter. Sista dag att svara är " +
                        dueOn + "; kommer inget svar antecknas att inga synpunkter inkom."};
    n.linkText = "Faktagranska rapporten";
    tell(c, policy, now, n);
  }
}

void tellFactCheckEnded(store::Writing& c, const MailPolicy& policy, TimePoint now,
                        const ReportContext& ctx, const std::string& how,
                        const std::vector<std::string>& comments) {
  auto n = about(ctx, ctx.row.createdBy, mail::Kind::ReportAnswered, "report.answered");
  n.line = "Faktagranskningen av " + phrase(ctx) + ": " + how + ".";
  n.subject = "Faktagranskning klar: " + ctx.contract.title;
  n.paragraphs = {"Faktagranskningen av " + phrase(ctx) + " är klar: " + how + ".",
                  comments.empty() ? "Gör rapporten slutlig när den är klar."
                                   : "Besvara varje synpunkt och gör rapporten slutlig."};
  n.quotes = comments;
  tell(c, policy, now, n);
}

void tellSupplementRequested(store::Writing& c, const MailPolicy& policy, TimePoint now,
                             const ReportContext& ctx, const minutes::SupplementEntry& s) {
  for (auto id : providerPeople(c, ctx)) {
    auto n = about(ctx, id, mail::Kind::ReportToCheck, "report.supplement_requested");
    n.line = "Förvaltningen begär en komplettering (" + s.areaTitle + ") till " + phrase(ctx) +
             " senast " + formatDate(s.dueOn) + ".";
    n.subject = "Komplettering begärd: " + ctx.contract.title;
    n.paragraphs = {"Förvaltningen begär en komplettering om " + s.areaTitle + " till " +
                        phrase(ctx) + ", senast " + formatDate(s.dueOn) + ".",
                    "Skicka kompletteringen med text och bilagor på rapportens sida."};
    n.quotes = {s.request};
    n.linkText = "Skicka kompletteringen";
    tell(c, policy, now, n);
  }
}

void tellSupplementSent(store::Writing& c, const MailPolicy& policy, TimePoint now,
                        const ReportContext& ctx, const minutes::SupplementEntry& s) {
  auto n = about(ctx, ctx.row.createdBy, mail::Kind::ReportAnswered, "report.supplement_sent");
  n.line = "Utföraren har skickat komplettering " + std::to_string(s.number) + " (" + s.areaTitle +
           ") till " + phrase(ctx) + ".";
  n.subject = "Komplettering inkommen: " + ctx.contract.title;
  n.paragraphs = {n.line, "Bedöm kompletteringen och ange om bedömningen av området ändras."};
  if (s.response) n.quotes = {*s.response};
  tell(c, policy, now, n);
}

void tellReportFinal(store::Writing& c, const MailPolicy& policy, TimePoint now,
                     const ReportContext& ctx) {
  for (auto id : providerPeople(c, ctx)) {
    auto n = about(ctx, id, mail::Kind::ReportFinal, "report.final");
    n.line = "Rapporten från " + phrase(ctx) + " är slutlig.";
    n.subject = "Slutlig uppföljningsrapport: " + ctx.contract.title;
    n.paragraphs = {
        "Rapporten från " + phrase(ctx) +
            " är slutlig. Här är förvaltningens "
            "återkoppling: bedömningen område för område och de förbättringar som krävs.",
        "Förbättringarna följs upp som åtgärder vid kommande samverkansmöten."};
    n.moreLinks = {{"Rapporten som PDF", "/api/v1/reports/" + std::to_string(ctx.row.id) + "/pdf"}};
    tell(c, policy, now, n);
  }
  for (auto id : store::registrarsOf(c, ctx.contract.authorityId)) {
    auto n = about(ctx, id, mail::Kind::ReportFinal, "report.final");
    n.line = "Rapporten från " + phrase(ctx) + " är slutlig och väntar på diarieföring.";
    n.subject = "Uppföljningsrapport att diarieföra: " + ctx.contract.title;
    n.paragraphs = {n.line};
    n.linkText = "Diarieför rapporten";
    tell(c, policy, now, n);
  }
}

}  // namespace sv::services
