#include "server/app/demo_year.hpp"

#include <algorithm>
#include <memory>
#include <optional>

#include "agenda/meeting_plan.hpp"

namespace sv::app {
namespace {

// What the steps learn as they run: the contract's id and each year's meetings, in plan order.
struct Played {
  std::int64_t contractId = 0;
  std::array<std::vector<std::int64_t>, 2> meetings;
};

using Shared = std::shared_ptr<Played>;

// The meeting of `year` (0 last year, 1 this year) and plan slot `slot`; 0 when the plan left
// it out.
std::int64_t meetingOf(const Played& p, int year, std::size_t slot) {
  const auto& list = p.meetings[static_cast<std::size_t>(year)];
  return slot < list.size() ? list[slot] : 0;
}

Status planned(services::Services& s, const DemoContractScript& c, Played& p, int year, int index) {
  auto plan = s.meetings.planYear(c.people.manager, p.contractId, year);
  if (!plan) return std::unexpected(plan.error());
  auto meetings = plan->created;
  std::sort(meetings.begin(), meetings.end(),
            [](const auto& a, const auto& b) { return a.row.startsAt < b.row.startsAt; });
  for (const auto& m : meetings) {
    services::MeetingChange change;
    change.location = c.location;
    change.participants = std::vector<services::ParticipantInput>{
        {c.people.manager.userId, "chair", std::nullopt},
        {c.people.manager.userId, "secretary", std::nullopt},
        {c.people.manager.userId, "adjuster", std::nullopt},
        {c.people.provider.userId, "adjuster", std::nullopt}};
    if (auto changed = s.meetings.change(c.people.manager, m.row.id, change); !changed)
      return std::unexpected(changed.error());
    p.meetings[static_cast<std::size_t>(index)].push_back(m.row.id);
  }
  return {};
}

// The meeting's minutes as written on its day: what was said, agreed and evaluated.
void note(minutes::Minutes& doc, const DemoMeetingScript& m, const DemoContractScript& c,
          Date day) {
  if (auto* sec = demoSection(doc, "authority_followup")) {
    if (!m.observation.empty()) sec->observations.push_back({"", m.observation});
    for (const auto& a : m.agreed)
      sec->actions.push_back(
          {"", a.text, Party::Provider, c.providerPerson, daysAfter(day, a.dueDays)});
  }
  if (auto* sec = demoSection(doc, "provider_report")) sec->notes = m.providerReport;
  if (auto* sec = demoSection(doc, "deviations")) sec->notes = m.deviations;
  if (auto* sec = demoSection(doc, "next_meeting"))
    sec->decisions.push_back({"", "Nästa möte hålls enligt årets plan."});
  for (auto& sec : doc.sections)
    for (auto& e : sec.evaluations)
      for (const auto& v : m.evaluated) {
        if (v.action != e.actionText) continue;
        e.outcome = v.outcome;
        e.comment = v.comment;
        if (v.outcome == minutes::Outcome::Insufficient)
          e.newDueDate = daysAfter(day, v.newDueDays);
      }
}

// The contract's action with this text; none when it was not agreed.
Result<std::optional<std::int64_t>> actionNamed(services::Services& s, const DemoContractScript& c,
                                                const Played& p, const std::string& text) {
  services::ActionFilter filter;
  filter.contractId = p.contractId;
  auto actions = s.actions.list(c.people.manager, filter);
  if (!actions) return std::unexpected(actions.error());
  for (const auto& a : *actions)
    if (a.row.text == text) return a.row.id;
  return std::nullopt;
}

Status reportOn(services::Services& s, const DemoContractScript& c, const Played& p,
                const DemoReported& r) {
  auto id = actionNamed(s, c, p, r.action);
  if (!id) return std::unexpected(id.error());
  if (!*id) return {};
  return ok(s.actions.report(c.people.provider, **id, r.text));
}

Status acceptReport(services::Services& s, const DemoContractScript& c, const Played& p,
                    const DemoReported& r) {
  auto id = actionNamed(s, c, p, r.action);
  if (!id) return std::unexpected(id.error());
  if (!*id) return {};
  return ok(s.actions.evaluate(c.people.manager, **id, "accepted",
                               "Rapporten visar att åtgärden är genomförd.", std::nullopt));
}

// One meeting's steps, dated from its planned day.
void playMeeting(DemoTimeline& t, const std::shared_ptr<const DemoContractScript>& c,
                 const Shared& p, int year, std::size_t slot, Date day) {
  const DemoMeetingScript& m = c->years[static_cast<std::size_t>(year)][slot];
  const auto& people = c->people;
  const auto id = [p, year, slot] { return meetingOf(*p, year, slot); };
  if (!m.cancelReason.empty()) {
    t.add(stockholmAt(daysAfter(day, -10), 9), [=](services::Services& s) -> Status {
      services::MeetingChange change;
      change.status = "cancelled";
      change.cancelReason = m.cancelReason;
      return ok(s.meetings.change(people.manager, id(), change));
    });
    return;
  }
  t.add(stockholmAt(daysAfter(day, -7), 9),
        [=](services::Services& s) { return ok(s.agendas.publish(people.manager, id())); });
  t.add(stockholmAt(day, 16), [=](services::Services& s) -> Status {
    SV_DEMO_TRY(s.minutes.start(people.manager, id()));
    SV_DEMO_TRY(writeDemoMinutes(s, people.manager, id(),
                                 [&](minutes::Minutes& doc) { note(doc, m, *c, day); }));
    return ok(s.minutes.submit(people.manager, id()));
  });
  int first = 2;  // the first day an approval may come
  if (!m.returnComment.empty()) {
    t.add(stockholmAt(daysAfter(day, 3), 11), [=](services::Services& s) {
      return ok(s.minutes.returnMinutes(people.provider, id(), m.returnComment));
    });
    t.add(stockholmAt(daysAfter(day, 4), 10), [=](services::Services& s) -> Status {
      SV_DEMO_TRY(writeDemoMinutes(s, people.manager, id(), [](minutes::Minutes& doc) {
        if (auto* sec = demoSection(doc, "provider_report"))
          sec->notes += "\n\nRättat efter utförarens synpunkter på förslaget till protokoll.";
      }));
      return ok(s.minutes.submit(people.manager, id()));
    });
    first = 5;
  }
  const int authorityDay = std::max(first, m.approvalDays - 1);
  const int providerDay = std::max(authorityDay, m.approvalDays);
  t.add(stockholmAt(daysAfter(day, authorityDay), 9, 30), [=](services::Services& s) -> Status {
    auto life = s.minutes.lifecycle(people.manager, id());
    if (!life) return std::unexpected(life.error());
    return ok(s.minutes.approve(people.manager, id(), life->version, ""));
  });
  t.add(stockholmAt(daysAfter(day, providerDay), 14), [=](services::Services& s) -> Status {
    auto life = s.minutes.lifecycle(people.provider, id());
    if (!life) return std::unexpected(life.error());
    return ok(s.minutes.approve(people.provider, id(), life->version, m.disagreement));
  });
  t.add(stockholmAt(daysAfter(day, providerDay + 2), 10), [=](services::Services& s) {
    return ok(s.minutes.registerMinutes(people.registrar, id()));
  });
  for (const auto& r : m.reported) {
    t.add(stockholmAt(daysAfter(day, r.days), 10),
          [=](services::Services& s) { return reportOn(s, *c, *p, r); });
    if (r.acceptedAfter > 0)
      t.add(stockholmAt(daysAfter(day, r.days + r.acceptedAfter), 11),
            [=](services::Services& s) { return acceptReport(s, *c, *p, r); });
  }
}

}  // namespace

Status loadDemoYears(services::Services& s, DemoTimeline& t, DemoContractScript script) {
  const int year = static_cast<int>(toStockholm(t.now()).date.year());
  const std::string reference = "SDN " + std::to_string(year - 2) + "/" + script.referenceNumber;
  // By title: the reference follows the year the demo first ran.
  for (const auto& c : s.contracts.list(script.people.manager))
    if (c.title == script.title) return {};
  const auto c = std::make_shared<const DemoContractScript>(std::move(script));
  const auto p = std::make_shared<Played>();
  const Date start{std::chrono::year(year - 1), std::chrono::January, std::chrono::day(1)};
  const Date end{std::chrono::year(year + 3), std::chrono::December, std::chrono::day(31)};
  // Signed in the autumn before its first year.
  t.add(stockholmAt(daysAfter(start, -45), 10), [=](services::Services& then) -> Status {
    services::ContractInput input;
    input.title = c->title;
    input.providerId = c->providerId;
    input.serviceArea = c->serviceArea;
    input.reference = reference;
    input.startsOn = formatDate(start);
    input.endsOn = formatDate(end);
    auto created = then.contracts.create(c->people.manager, input);
    if (!created) return std::unexpected(created.error());
    p->contractId = created->id;
    return {};
  });
  for (int index = 0; index < 2; ++index) {
    const int y = year - 1 + index;
    // Each year is planned in its first week; the meetings fall where the plan rule puts them.
    const Date january{std::chrono::year(y), std::chrono::January, std::chrono::day(7)};
    t.add(stockholmAt(january, 10),
          [=](services::Services& then) { return planned(then, *c, *p, y, index); });
    auto days = agenda::planYear(y, 4, start, end, s.catalog.planRule);
    if (!days) return std::unexpected(days.error());
    for (std::size_t slot = 0; slot < days->size() && slot < 4; ++slot)
      playMeeting(t, c, p, index, slot, (*days)[slot].date);
  }
  return {};
}

}  // namespace sv::app
