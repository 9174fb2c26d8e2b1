// The daily reminders: minutes waiting for an adjuster's approval for N days, actions due within
// N days or overdue (to the responsible party), a meeting within N days with no published agenda
// (to the authority's contract managers). Each reminder is given once (its key names the
// threshold passed), and a person with several gets them in one message.
#include <map>
#include <set>

#include "server/services/mail_jobs.hpp"
#include "server/services/minutes_notices.hpp"
#include "server/services/notices.hpp"
#include "server/store/approvals.hpp"
#include "server/store/contracts.hpp"
#include "server/store/mail_preferences.hpp"
#include "server/store/reminders.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {
namespace {

using Days = std::chrono::days;

Notice reminder(std::int64_t userId, std::string line, std::string path, std::string linkText) {
  Notice n;
  n.userId = userId;
  n.kind = mail::Kind::Reminder;
  n.subject = "Påminnelse från Samverkan: " + line;
  n.line = std::move(line);
  n.paragraphs = {n.line};
  n.path = std::move(path);
  n.linkText = std::move(linkText);
  return n;
}

// Several reminders to one person: one message that lists them, each with its link.
Notice together(const std::vector<Notice>& notices) {
  if (notices.size() == 1) return notices.front();
  Notice n = notices.front();
  n.subject = std::to_string(notices.size()) + " påminnelser från Samverkan";
  n.line = n.subject;
  n.paragraphs = {"Det här väntar på dig i Samverkan:"};
  n.moreLinks.clear();
  for (std::size_t i = 0; i < notices.size(); ++i) {
    n.paragraphs.push_back("– " + notices[i].line);
    if (i > 0) n.moreLinks.emplace_back(notices[i].linkText, notices[i].path);
  }
  return n;
}

}  // namespace

std::size_t giveReminders(store::Store& store, const Catalog& catalog, TimePoint now) {
  const auto& policy = catalog.mail;
  const std::string today = formatDate(toStockholm(now).date);
  return store.write([&](store::Writing& c) -> std::size_t {
    std::map<std::int64_t, std::vector<Notice>> byPerson;
    auto give = [&](const std::string& key, Notice n) {
      if (store::giveReminder(c, key, n.userId, today)) byPerson[n.userId].push_back(std::move(n));
    };
    const auto system = store::TenantScope::system();

    const auto since = formatIsoUtc(now - Days(policy.minutesWaitingDays));
    for (const auto& w : store::minutesInReviewSince(c, since)) {
      const auto found = store::findMeetingInContract(c, system, w.meetingId);
      if (!found) continue;
      std::set<Party> approved;
      for (const auto& a : store::listApprovals(c, w.meetingId))
        if (!a.supersededAt) approved.insert(a.party);
      for (const auto& p : store::listParticipants(c, w.meetingId))
        if (p.role == agenda::ParticipantRole::Adjuster && !approved.contains(p.party))
          give("minutes:" + std::to_string(w.meetingId) + ":" + w.since,
               reminder(p.userId,
                        "Protokollet från " + meetingPhrase(found->meeting, found->contract) +
                            " väntar på din justering sedan " +
                            formatDate(toStockholm(*parseDateTime(w.since)).date) + ".",
                        "/moten/" + std::to_string(w.meetingId) + "/protokoll",
                        "Läs och justera protokollet"));
    }

    const auto horizon = formatDate(toStockholm(now + Days(policy.actionDueDays)).date);
    for (const auto& a : store::actionsDueBy(c, horizon)) {
      const auto contract = store::findContract(c, system, a.contractId);
      if (!contract) continue;
      const bool overdue = a.dueOn < today;
      const bool provider = a.party == "provider";
      const auto people =
          store::activeUsersWithRole(c, provider ? contract->providerId : contract->authorityId,
                                     provider ? "provider_rep" : "contract_manager");
      const std::string line = "Åtgärden ”" + a.text + "” (" + contract->title + ") " +
                               (overdue ? "skulle ha varit klar " : "ska vara klar ") + a.dueOn +
                               ".";
      for (auto person : people)
        give("action:" + std::to_string(a.id) + (overdue ? ":overdue:" : ":due:") + a.dueOn,
             reminder(person, line, "/atgarder", "Öppna åtgärderna"));
    }

    for (auto id : store::meetingsWithoutAgenda(c, formatIsoUtc(now),
                                                formatIsoUtc(now + Days(policy.agendaDays)))) {
      const auto found = store::findMeetingInContract(c, system, id);
      if (!found) continue;
      for (auto person :
           store::activeUsersWithRole(c, found->contract.authorityId, "contract_manager"))
        give("agenda:" + std::to_string(id) + ":" + found->meeting.startsAt,
             reminder(person,
                      "Dagordningen för " + meetingPhrase(found->meeting, found->contract) +
                          " är inte publicerad.",
                      "/moten/" + std::to_string(id), "Öppna mötet och dagordningen"));
    }

    std::size_t given = 0;
    for (const auto& [person, notices] : byPerson) {
      tell(c, policy, now, together(notices));
      given += notices.size();
    }
    return given;
  });
}

}  // namespace sv::services
