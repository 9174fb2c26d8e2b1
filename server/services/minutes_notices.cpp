#include "server/services/minutes_notices.hpp"

#include <set>

#include "server/services/notices.hpp"
#include "server/store/approvals.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {
namespace {

std::string when(const store::MeetingRow& m) {
  return formatSwedishDateTime(*parseDateTime(m.startsAt));
}

std::string minutesPath(const MinutesContext& ctx) {
  return "/moten/" + std::to_string(ctx.meeting.id) + "/protokoll";
}

// The start page's line, as it was before e-mail: "Protokollet från mötet 2026-03-12 kl. 13.00
// (Hemtjänst Söder) <rest>".
std::string line(const MinutesContext& ctx, const std::string& rest) {
  return "Protokollet från mötet " + when(ctx.meeting) + " (" + ctx.contract.title + ") " + rest;
}

}  // namespace

std::string meetingPhrase(const store::MeetingRow& meeting, const store::ContractRow& contract) {
  return "samverkansmötet " + when(meeting) + " om " + contract.title + " (" +
         contract.providerName + ")";
}

void tellSubmitted(store::Writing& c, const MailPolicy& policy, TimePoint now,
                   const MinutesContext& ctx) {
  for (const auto& p : ctx.participants) {
    if (p.role != agenda::ParticipantRole::Adjuster) continue;
    Notice n;
    n.userId = p.userId;
    n.kind = mail::Kind::MinutesSubmitted;
    n.meetingId = ctx.meeting.id;
    n.notification = "minutes.submitted";
    n.line = line(ctx, "väntar på din justering.");
    n.subject = "Protokoll att justera: " + ctx.contract.title + ", " + when(ctx.meeting);
    n.paragraphs = {"Protokollet från " + meetingPhrase(ctx.meeting, ctx.contract) +
                        " väntar på din justering.",
                    "Läs protokollet och justera det, eller skicka tillbaka det med dina "
                    "synpunkter på de paragrafer som behöver ändras."};
    n.path = minutesPath(ctx);
    n.linkText = "Läs och justera protokollet";
    tell(c, policy, now, n);
  }
}

void tellReturned(store::Writing& c, const MailPolicy& policy, TimePoint now,
                  const MinutesContext& ctx, const std::string& by, const std::string& comment,
                  const std::vector<std::string>& sectionComments) {
  std::set<std::int64_t> told;  // the chair may be the secretary too: one notice a person
  for (const auto& p : ctx.participants) {
    if ((p.role != agenda::ParticipantRole::Secretary &&
         p.role != agenda::ParticipantRole::Chair) ||
        !told.insert(p.userId).second)
      continue;
    Notice n;
    n.userId = p.userId;
    n.kind = mail::Kind::MinutesReturned;
    n.meetingId = ctx.meeting.id;
    n.notification = "minutes.returned";
    n.line = by + " har skickat tillbaka protokollet med synpunkter.";
    n.subject =
        "Protokollet har skickats tillbaka: " + ctx.contract.title + ", " + when(ctx.meeting);
    n.paragraphs = {by + " har skickat tillbaka protokollet från " +
                    meetingPhrase(ctx.meeting, ctx.contract) + " med synpunkter:"};
    n.quotes.push_back(comment);
    for (const auto& s : sectionComments) n.quotes.push_back(s);
    n.path = minutesPath(ctx) + "/redigera";
    n.linkText = "Öppna protokollet och hantera synpunkterna";
    tell(c, policy, now, n);
  }
}

void tellApproved(store::Writing& c, const MailPolicy& policy, TimePoint now,
                  const MinutesContext& ctx) {
  for (auto registrar : store::registrarsOf(c, ctx.contract.authorityId)) {
    Notice n;
    n.userId = registrar;
    n.kind = mail::Kind::MinutesApproved;
    n.meetingId = ctx.meeting.id;
    n.notification = "minutes.approved";
    n.line = line(ctx, "är justerat och väntar på diarieföring.");
    n.subject = "Protokoll att diarieföra: " + ctx.contract.title + ", " + when(ctx.meeting);
    n.paragraphs = {"Protokollet från " + meetingPhrase(ctx.meeting, ctx.contract) +
                    " är justerat av båda parter och väntar på diarieföring."};
    n.path = minutesPath(ctx);
    n.linkText = "Öppna protokollet och diarieför det";
    tell(c, policy, now, n);
  }
}

void tellRegistered(store::Writing& c, const MailPolicy& policy, TimePoint now,
                    const MinutesContext& ctx, const std::string& number) {
  std::set<std::int64_t> told;
  for (const auto& p : ctx.participants) {
    if (!told.insert(p.userId).second) continue;
    Notice n;
    n.userId = p.userId;
    n.kind = mail::Kind::MinutesRegistered;
    n.meetingId = ctx.meeting.id;
    n.line = line(ctx, "är diariefört som " + number + ".");
    n.subject = "Protokollet är diariefört (" + number + "): " + ctx.contract.title;
    n.paragraphs = {"Protokollet från " + meetingPhrase(ctx.meeting, ctx.contract) +
                        " är justerat och diariefört med diarienummer " + number + ".",
                    "Det diarieförda protokollet ändras inte längre. Åtgärderna i protokollet "
                    "följs upp i Samverkan."};
    n.path = minutesPath(ctx);
    n.linkText = "Läs protokollet";
    n.moreLinks = {{"Protokollet som PDF",
                    "/api/v1/meetings/" + std::to_string(ctx.meeting.id) + "/minutes.pdf"}};
    tell(c, policy, now, n);
  }
}

}  // namespace sv::services
