#include "server/services/case_notices.hpp"

#include "minutes/follow_up_case.hpp"
#include "server/services/notices.hpp"
#include "server/store/reminders.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {
namespace {

// "ärende 7, Klagomål på nattbemanningen (Hemtjänst Söder, Omsorg AB)"
std::string phrase(const CaseContext& ctx) {
  return "ärende " + std::to_string(ctx.row.id) + ", " + ctx.row.title + " (" +
         ctx.contract.title + ", " + ctx.contract.providerName + ")";
}

Notice about(const CaseContext& ctx, std::int64_t userId, mail::Kind kind,
             std::string notification) {
  Notice n;
  n.userId = userId;
  n.kind = kind;
  n.notification = std::move(notification);
  n.path = "/arenden/" + std::to_string(ctx.row.id);
  n.linkText = "Öppna ärendet";
  return n;
}

std::vector<std::int64_t> providerPeople(store::Reading& c, const CaseContext& ctx) {
  return store::activeUsersWithRole(c, ctx.contract.providerId, "provider_rep");
}

std::string triggerWords(const CaseContext& ctx) {
  const auto trigger = minutes::parseCaseTrigger(ctx.row.trigger);
  return std::string(minutes::swedishTrigger(trigger.value_or(minutes::CaseTrigger::Other)));
}

}  // namespace

void tellCaseOpened(store::Writing& c, const MailPolicy& policy, TimePoint now,
                    const CaseContext& ctx) {
  for (auto id : providerPeople(c, ctx)) {
    auto n = about(ctx, id, mail::Kind::CaseForProvider, "case.opened");
    n.line = "Förvaltningen har inlett en händelsestyrd uppföljning: " + phrase(ctx) + ".";
    n.subject = "Händelsestyrd uppföljning inledd: " + ctx.contract.title;
    n.paragraphs = {n.line, "Anledning: " + triggerWords(ctx) + ", " + ctx.row.occurredOn + ".",
                    "Förvaltningen inhämtar material och återkommer efter sin analys."};
    tell(c, policy, now, n);
  }
}

int tellCaseAcute(store::Writing& c, const MailPolicy& policy, TimePoint now,
                  const CaseContext& ctx, const std::string& why) {
  int told = 0;
  const std::string when = formatIsoUtc(now);
  for (const auto& leader : store::caseLeadersOf(c, ctx.contract.authorityId)) {
    if (!store::insertCaseNotice(c, {ctx.row.id, leader.userId, "", leader.role, when})) continue;
    ++told;
    auto n = about(ctx, leader.userId, mail::Kind::CaseAcute, "case.acute");
    n.line = "Akut: allvarliga brister hos " + ctx.contract.providerName + ", " + phrase(ctx) + ".";
    n.subject = "Akut ärende: " + ctx.row.title + " (" + ctx.contract.providerName + ")";
    n.paragraphs = {
        n.line,
        "Enligt uppföljningsplanen ska förvaltningschefen och nämnden meddelas omedelbart när "
        "akuta och allvarliga brister upptäcks. Anledning: " +
            triggerWords(ctx) + ", " + ctx.row.occurredOn + "."};
    n.quotes = {why};
    tell(c, policy, now, n);
  }
  return told;
}

void tellPlanRequested(store::Writing& c, const MailPolicy& policy, TimePoint now,
                       const CaseContext& ctx, const std::string& dueOn,
                       const std::vector<std::string>& comments) {
  for (auto id : providerPeople(c, ctx)) {
    auto n = about(ctx, id, mail::Kind::CaseForProvider,
                   comments.empty() ? "case.plan_requested" : "case.plan_returned");
    n.line = (comments.empty() ? "Förvaltningen begär en åtgärdsplan i "
                               : "Förvaltningen har skickat tillbaka åtgärdsplanen i ") +
             phrase(ctx) + ", senast " + dueOn + ".";
    n.subject = (comments.empty() ? "Åtgärdsplan begärd: " : "Åtgärdsplan att revidera: ") +
                ctx.row.title;
    n.paragraphs = {n.line, comments.empty()
                                ? "Skriv planen med åtgärder, ansvariga och datum på ärendets sida."
                                : "Revidera planen utifrån synpunkterna och skicka den igen."};
    n.quotes = comments;
    n.linkText = "Skriv åtgärdsplanen";
    tell(c, policy, now, n);
  }
}

void tellPlanSubmitted(store::Writing& c, const MailPolicy& policy, TimePoint now,
                       const CaseContext& ctx, int round) {
  auto n = about(ctx, ctx.row.openedBy, mail::Kind::CaseForAuthority, "case.plan_submitted");
  n.line = "Utföraren har skickat åtgärdsplan (omgång " + std::to_string(round) + ") i " +
           phrase(ctx) + ".";
  n.subject = "Åtgärdsplan inkommen: " + ctx.row.title;
  n.paragraphs = {n.line, "Godta planen eller skicka tillbaka den med synpunkter per punkt."};
  tell(c, policy, now, n);
}

void tellPlanAccepted(store::Writing& c, const MailPolicy& policy, TimePoint now,
                      const CaseContext& ctx, int actions) {
  for (auto id : providerPeople(c, ctx)) {
    auto n = about(ctx, id, mail::Kind::CaseForProvider, "case.plan_accepted");
    n.line = "Förvaltningen har godtagit åtgärdsplanen i " + phrase(ctx) + ".";
    n.subject = "Åtgärdsplan godtagen: " + ctx.row.title;
    n.paragraphs = {n.line, "Planens " + std::to_string(actions) +
                                " åtgärder följs upp vid kommande samverkansmöten."};
    tell(c, policy, now, n);
  }
}

void tellFeedback(store::Writing& c, const MailPolicy& policy, TimePoint now,
                  const CaseContext& ctx, const std::string& feedback) {
  for (auto id : providerPeople(c, ctx)) {
    auto n = about(ctx, id, mail::Kind::CaseForProvider, "case.feedback");
    n.line = "Förvaltningen har gett återkoppling i " + phrase(ctx) + ".";
    n.subject = "Återkoppling: " + ctx.row.title;
    n.paragraphs = {n.line, "Resultatet rapporteras till nämnden."};
    n.quotes = {feedback};
    tell(c, policy, now, n);
  }
}

}  // namespace sv::services
