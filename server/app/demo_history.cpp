#include "server/app/demo_history.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

#include "server/app/demo_timeline.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::app {
namespace {

constexpr const char* kReference = "SDN 2025/0311";

Date meetingDay(const services::Meeting& m) {
  const auto starts = parseDateTime(m.row.startsAt);
  return toStockholm(starts ? *starts : TimePoint{}).date;
}

// Both adjusters approve the current version, the provider a day after the authority.
void approveBoth(DemoTimeline& t, const DemoPeople& p, std::int64_t meetingId, Date day) {
  const auto approve = [&](const store::Principal& who, TimePoint when) {
    t.add(when, [who, meetingId](services::Services& s) -> Status {
      auto life = s.minutes.lifecycle(who, meetingId);
      if (!life) return std::unexpected(life.error());
      return ok(s.minutes.approve(who, meetingId, life->version, ""));
    });
  };
  approve(p.manager, stockholmAt(daysAfter(day, 5), 9));
  approve(p.provider, stockholmAt(daysAfter(day, 6), 14));
}

// The first meeting: staffing over the summer, an action for the provider, registered.
Status firstMeeting(services::Services& s, const DemoPeople& p, std::int64_t id, Date due) {
  SV_DEMO_TRY(s.minutes.start(p.manager, id));
  SV_DEMO_TRY(writeDemoMinutes(s, p.manager, id, [&](minutes::Minutes& doc) {
    if (auto* sec = demoSection(doc, "authority_followup")) {
      sec->notes =
          "Förvaltningen har gått igenom **genomförandeplanerna** för tio brukare.\n\n"
          "- Sju planer är uppdaterade det senaste halvåret\n"
          "- Tre saknar brukarens egna mål";
      sec->observations.push_back({"", "Tre genomförandeplaner saknar brukarens egna mål."});
      sec->actions.push_back({"", "Uppdatera de tre genomförandeplanerna tillsammans med brukarna",
                              Party::Provider, "Hanna Sjö", due});
    }
    if (auto* sec = demoSection(doc, "provider_report"))
      sec->notes =
          "Utföraren redogjorde för bemanningen. Två nya undersköterskor är anställda "
          "och introduktionen följer den nya checklistan.";
    if (auto* sec = demoSection(doc, "deviations"))
      sec->notes =
          "Fyra avvikelser sedan förra mötet, alla om missade insatser vid helger. "
          "Ingen lex Sarah-anmälan.";
    if (auto* sec = demoSection(doc, "next_meeting"))
      sec->decisions.push_back({"", "Nästa möte hålls enligt årets plan."});
  }));
  return ok(s.minutes.submit(p.manager, id));
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
  SV_DEMO_TRY(s.minutes.start(p.manager, id));
  SV_DEMO_TRY(writeDemoMinutes(s, p.manager, id, [&](minutes::Minutes& doc) {
    for (auto& sec : doc.sections)
      for (auto& e : sec.evaluations) {
        e.outcome = minutes::Outcome::Insufficient;
        e.comment = "En plan återstår.";
        e.newDueDate = daysAfter(e.dueDate, 60);
      }
    if (auto* sec = demoSection(doc, "deviations"))
      sec->notes = "Sex avvikelser sedan förra mötet, varav fem om sena besök på morgonen.";
    if (auto* sec = demoSection(doc, "health_care"))
      sec->notes = "MAS har följt upp läkemedelshanteringen. Signeringslistorna är kompletta.";
  }));
  return ok(s.minutes.submit(p.manager, id));
}

// This year's meetings as they went, each step on its day; the timeline leaves out what has not
// happened yet.
void meetingsOfTheYear(DemoTimeline& t, const DemoPeople& p, std::int64_t contractId,
                       const std::vector<services::Meeting>& year) {
  const auto publish = [&](const services::Meeting& m) {
    const auto id = m.row.id;
    t.add(stockholmAt(daysAfter(meetingDay(m), -7), 9),
          [=](services::Services& s) { return ok(s.agendas.publish(p.manager, id)); });
  };
  if (year.empty()) return;
  const auto first = year[0].row.id;
  const Date day = meetingDay(year[0]);
  publish(year[0]);
  t.add(stockholmAt(day, 16),
        [=](services::Services& s) { return firstMeeting(s, p, first, daysAfter(day, 75)); });
  approveBoth(t, p, first, day);
  t.add(stockholmAt(daysAfter(day, 8), 10),
        [=](services::Services& s) { return ok(s.minutes.registerMinutes(p.registrar, first)); });
  t.add(stockholmAt(daysAfter(day, 40), 10),
        [=](services::Services& s) { return reportOnAction(s, p, contractId); });
  if (year.size() < 2) return;
  const auto second = year[1].row.id;
  const Date later = meetingDay(year[1]);
  publish(year[1]);
  t.add(stockholmAt(later, 16), [=](services::Services& s) { return secondMeeting(s, p, second); });
  t.add(stockholmAt(daysAfter(later, 4), 11), [=](services::Services& s) {
    return ok(s.minutes.returnMinutes(
        p.provider, second, "",
        {{"8", "Avvikelserna var fem, inte sex: en är dubbelregistrerad."}}));
  });
  if (year.size() >= 3) publish(year[2]);
}

}  // namespace

minutes::Section* demoSection(minutes::Minutes& doc, const std::string& key) {
  for (auto& s : doc.sections)
    if (s.key == key) return &s;
  return nullptr;
}

Result<std::string> writeDemoMinutes(services::Services& s, const store::Principal& writer,
                                     std::int64_t meetingId,
                                     const std::function<void(minutes::Minutes&)>& note) {
  auto current = s.minutes.get(writer, meetingId);
  if (!current) return std::unexpected(current.error());
  auto doc = current->document;
  note(doc);
  auto saved = s.minutes.save(writer, meetingId, current->version, doc);
  if (!saved) return std::unexpected(saved.error());
  if (!saved->saved) return fail(Errc::Internal, "the demo minutes did not save");
  return saved->saved->version;
}

Status loadDemoHistory(services::Services& s, DemoTimeline& t, std::int64_t providerId,
                       const DemoPeople& p) {
  for (const auto& c : s.contracts.list(p.manager))
    if (c.reference == kReference) return {};
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
  std::vector<services::Meeting> thisYear;
  for (int year : {static_cast<int>(today.year()), static_cast<int>(today.year()) + 1}) {
    auto plan = s.meetings.planYear(p.manager, contract->id, year);
    if (!plan) return std::unexpected(plan.error());
    for (const auto& m : plan->created) {
      services::MeetingChange change;
      change.location = "Hemtjänst Söders kontor, Götgatan 40, Stockholm";
      change.participants =
          std::vector<services::ParticipantInput>{{p.manager.userId, "chair", std::nullopt},
                                                  {p.manager.userId, "secretary", std::nullopt},
                                                  {p.manager.userId, "adjuster", std::nullopt},
                                                  {p.provider.userId, "adjuster", std::nullopt}};
      if (auto changed = s.meetings.change(p.manager, m.row.id, change); !changed)
        return std::unexpected(changed.error());
      if (year == static_cast<int>(today.year())) thisYear.push_back(m);
    }
  }
  std::sort(thisYear.begin(), thisYear.end(),
            [](const auto& a, const auto& b) { return a.row.startsAt < b.row.startsAt; });
  const auto id = contract->id;
  meetingsOfTheYear(t, p, id, thisYear);
  // Then, today: the follow-up reports, and the cases last, so that the accepted plan's actions
  // wait for the next agenda.
  t.add(t.now(), [&s, p, id](services::Services&) { return loadDemoReports(s, id, p); });
  t.add(t.now(), [&s, p, id](services::Services&) { return loadDemoCases(s, id, p); });
  return {};
}

}  // namespace sv::app
