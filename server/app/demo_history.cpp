#include "server/app/demo_history.hpp"

#include <chrono>
#include <functional>
#include <vector>

#include "workflows/stockholm_time.hpp"

namespace sv::app {
namespace {

constexpr const char* kReference = "SDN 2025/0311";

Date daysAfter(Date d, int days) {
  return Date(std::chrono::sys_days(d) + std::chrono::days(days));
}

minutes::Section* sectionKeyed(minutes::Minutes& doc, const std::string& key) {
  for (auto& s : doc.sections)
    if (s.key == key) return &s;
  return nullptr;
}

// Saves what the meeting noted in the draft of `meetingId`: the version saved.
Result<std::string> write(services::Services& s, const DemoPeople& p, std::int64_t meetingId,
                          const std::function<void(minutes::Minutes&)>& note) {
  auto current = s.minutes.get(p.manager, meetingId);
  if (!current) return std::unexpected(current.error());
  auto doc = current->document;
  note(doc);
  auto saved = s.minutes.save(p.manager, meetingId, current->version, doc);
  if (!saved) return std::unexpected(saved.error());
  if (!saved->saved) return fail(Errc::Internal, "the demo minutes did not save");
  return saved->saved->version;
}

// Both adjusters approve the current version.
Status approveBoth(services::Services& s, const DemoPeople& p, std::int64_t meetingId) {
  auto life = s.minutes.lifecycle(p.manager, meetingId);
  if (!life) return std::unexpected(life.error());
  SV_DEMO_TRY(s.minutes.approve(p.manager, meetingId, life->version, ""));
  SV_DEMO_TRY(s.minutes.approve(p.provider, meetingId, life->version, ""));
  return {};
}

// The first meeting: staffing over the summer, an action for the provider, registered.
Status firstMeeting(services::Services& s, const DemoPeople& p, std::int64_t id, Date due) {
  SV_DEMO_TRY(s.agendas.publish(p.manager, id));
  SV_DEMO_TRY(s.minutes.start(p.manager, id));
  SV_DEMO_TRY(write(s, p, id, [&](minutes::Minutes& doc) {
    if (auto* sec = sectionKeyed(doc, "authority_followup")) {
      sec->notes =
          "Förvaltningen har gått igenom **genomförandeplanerna** för tio brukare.\n\n"
          "- Sju planer är uppdaterade det senaste halvåret\n"
          "- Tre saknar brukarens egna mål";
      sec->observations.push_back({"", "Tre genomförandeplaner saknar brukarens egna mål."});
      sec->actions.push_back({"", "Uppdatera de tre genomförandeplanerna tillsammans med brukarna",
                              Party::Provider, "Hanna Sjö", due});
    }
    if (auto* sec = sectionKeyed(doc, "provider_report"))
      sec->notes =
          "Utföraren redogjorde för bemanningen. Två nya undersköterskor är anställda "
          "och introduktionen följer den nya checklistan.";
    if (auto* sec = sectionKeyed(doc, "deviations"))
      sec->notes =
          "Fyra avvikelser sedan förra mötet, alla om missade insatser vid helger. "
          "Ingen lex Sarah-anmälan.";
    if (auto* sec = sectionKeyed(doc, "next_meeting"))
      sec->decisions.push_back({"", "Nästa möte hålls enligt årets plan."});
  }));
  SV_DEMO_TRY(s.minutes.submit(p.manager, id));
  SV_DEMO_TRY(approveBoth(s, p, id));
  SV_DEMO_TRY(s.minutes.registerMinutes(p.registrar, id));
  return {};
}

// The provider's report on the first meeting's action, between the meetings.
Status reportOnAction(services::Services& s, const DemoPeople& p, std::int64_t contractId) {
  services::ActionFilter filter;
  filter.contractId = contractId;
  auto actions = s.actions.list(p.provider, filter);
  if (!actions) return std::unexpected(actions.error());
  for (const auto& a : *actions)
    SV_DEMO_TRY(s.actions.report(p.provider, a.row.id,
                                 "Två av planerna är uppdaterade med brukarnas mål. Den tredje "
                                 "görs när brukaren är hemma från sjukhuset."));
  return {};
}

// The second meeting: its minutes follow up the action and go back with a comment on a §.
Status secondMeeting(services::Services& s, const DemoPeople& p, std::int64_t id) {
  SV_DEMO_TRY(s.agendas.publish(p.manager, id));
  SV_DEMO_TRY(s.minutes.start(p.manager, id));
  SV_DEMO_TRY(write(s, p, id, [&](minutes::Minutes& doc) {
    for (auto& sec : doc.sections)
      for (auto& e : sec.evaluations) {
        e.outcome = minutes::Outcome::Insufficient;
        e.comment = "En plan återstår.";
        e.newDueDate = daysAfter(e.dueDate, 60);
      }
    if (auto* sec = sectionKeyed(doc, "deviations"))
      sec->notes = "Sex avvikelser sedan förra mötet, varav fem om sena besök på morgonen.";
    if (auto* sec = sectionKeyed(doc, "health_care"))
      sec->notes = "MAS har följt upp läkemedelshanteringen. Signeringslistorna är kompletta.";
  }));
  SV_DEMO_TRY(s.minutes.submit(p.manager, id));
  SV_DEMO_TRY(s.minutes.returnMinutes(
      p.provider, id, "", {{"8", "Avvikelserna var fem, inte sex: en är dubbelregistrerad."}}));
  return {};
}

// Early in the year fewer meetings are behind: the story goes as far as the year has.
Status meetingsBehind(services::Services& s, const DemoPeople& p, std::int64_t contractId,
                      const std::vector<std::int64_t>& past, Date today) {
  if (past.empty()) return {};
  if (auto done = firstMeeting(s, p, past[0], daysAfter(today, 30)); !done) return done;
  if (auto done = reportOnAction(s, p, contractId); !done) return done;
  if (past.size() < 2) return {};
  if (auto done = secondMeeting(s, p, past[1]); !done) return done;
  if (past.size() >= 3) SV_DEMO_TRY(s.agendas.publish(p.manager, past[2]));
  return {};
}

}  // namespace

Result<bool> loadDemoHistory(services::Services& s, std::int64_t providerId, const DemoPeople& p) {
  for (const auto& c : s.contracts.list(p.manager))
    if (c.reference == kReference) return true;
  services::ContractInput input;
  input.title = "Hemtjänst Söder";
  input.providerId = providerId;
  input.serviceArea = "hemtjanst";
  input.reference = kReference;
  input.startsOn = "2025-01-01";
  input.endsOn = "2029-12-31";
  auto contract = s.contracts.create(p.manager, input);
  if (!contract) return std::unexpected(contract.error());
  const auto today = toStockholm(s.time.now()).date;
  // This year's meetings carry the story; next year's are planned too, so the coming meetings
  // (and their calendar invitations in the mail folder) are there whatever the month.
  std::vector<services::Meeting> planned;
  for (int year : {static_cast<int>(today.year()), static_cast<int>(today.year()) + 1}) {
    auto plan = s.meetings.planYear(p.manager, contract->id, year);
    if (!plan) return std::unexpected(plan.error());
    planned.insert(planned.end(), plan->created.begin(), plan->created.end());
  }
  std::vector<std::int64_t> past;
  for (const auto& m : planned) {
    services::MeetingChange change;
    change.location = "Hemtjänst Söders kontor, Götgatan 40, Stockholm";
    change.participants =
        std::vector<services::ParticipantInput>{{p.manager.userId, "chair", std::nullopt},
                                                {p.manager.userId, "secretary", std::nullopt},
                                                {p.manager.userId, "adjuster", std::nullopt},
                                                {p.provider.userId, "adjuster", std::nullopt}};
    if (auto changed = s.meetings.change(p.manager, m.row.id, change); !changed)
      return std::unexpected(changed.error());
    const auto starts = parseDateTime(m.row.startsAt);
    if (starts && *starts < s.time.now()) past.push_back(m.row.id);
  }
  if (auto done = loadDemoReports(s, contract->id, p); !done) return std::unexpected(done.error());
  if (auto done = meetingsBehind(s, p, contract->id, past, today); !done)
    return std::unexpected(done.error());
  // The cases last, so that the accepted plan's actions wait for the next agenda.
  if (auto done = loadDemoCases(s, contract->id, p); !done) return std::unexpected(done.error());
  return true;
}

}  // namespace sv::app
