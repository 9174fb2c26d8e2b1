// The start page's lists ("Att göra", issue 19 point 11): for each role exactly what needs them,
// counted, and never another provider's; notifications read and marked read.
#include <catch2/catch.hpp>

#include "minutes_fixture.hpp"
#include "server/services/actions.hpp"
#include "server/services/notifications.hpp"
#include "server/services/report_service.hpp"
#include "server/services/waiting.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using services::waitingFor;
using test::MinutesFixture;
using test::utcTime;
using test::valueOf;

namespace {

// The minutes fixture with a second provider's contract and meeting, whose work must never show
// up for the first provider's people.
struct WaitingFixture : MinutesFixture {
  std::int64_t otherProvider =
      accounts.createOrganization(accounts::Actor::system(), {"Annan Omsorg AB", "provider"})->id;
  store::Principal stranger = person("nils", otherProvider, {"provider_rep"});
  services::ActionService actions{*store, catalog, time};
  std::int64_t otherContract =
      valueOf(contracts.create(manager, test::ekenContract(otherProvider, "SDN 2026/0002"))).id;

  services::Waiting waiting(const store::Principal& p) { return waitingFor(*store, time, p, 10); }
};

std::vector<std::int64_t> meetingsOf(const store::WaitingList& list) {
  std::vector<std::int64_t> out;
  for (const auto& i : list.first) out.push_back(i.meetingId);
  return out;
}

std::vector<std::int64_t> actionsOf(const store::WaitingList& list) {
  std::vector<std::int64_t> out;
  for (const auto& i : list.first) out.push_back(i.actionId);
  return out;
}

}  // namespace

TEST_CASE("adjusters see minutes to approve until their party has approved", "[waiting]") {
  WaitingFixture f;
  const auto m = f.meeting();
  const auto version = f.started(m);
  valueOf(f.minutes.submit(f.secretary, m));
  CHECK(f.waiting(f.adjuster).toApprove.count == 1);
  CHECK(meetingsOf(f.waiting(f.adjuster).toApprove) == std::vector<std::int64_t>{m});
  CHECK(f.waiting(f.manager).toApprove.count == 1);
  CHECK(f.waiting(f.providerRep).toApprove.count == 0);  // not an adjuster
  CHECK(f.waiting(f.stranger).toApprove.count == 0);

  valueOf(f.minutes.approve(f.adjuster, m, version, ""));
  CHECK(f.waiting(f.adjuster).toApprove.count == 0);
  CHECK(f.waiting(f.manager).toApprove.count == 1);
}

TEST_CASE("returned minutes wait for the secretary and the contract manager", "[waiting]") {
  WaitingFixture f;
  const auto m = f.meeting();
  f.started(m);
  valueOf(f.minutes.submit(f.secretary, m));
  CHECK(f.waiting(f.secretary).toFix.count == 0);
  valueOf(f.minutes.returnMinutes(f.adjuster, m, "§ 3 saknar beslutet."));
  CHECK(meetingsOf(f.waiting(f.secretary).toFix) == std::vector<std::int64_t>{m});
  CHECK(meetingsOf(f.waiting(f.manager).toFix) == std::vector<std::int64_t>{m});
  CHECK(f.waiting(f.adjuster).toFix.count == 0);
  CHECK(f.waiting(f.stranger).toFix.count == 0);
  CHECK(f.waiting(f.adjuster).toApprove.count == 0);  // back in the draft: nothing to approve

  valueOf(f.minutes.submit(f.secretary, m));
  CHECK(f.waiting(f.secretary).toFix.count == 0);
}

TEST_CASE("the registrar sees approved minutes and is told of them", "[waiting][notifications]") {
  WaitingFixture f;
  const auto m = f.meeting();
  CHECK(f.waiting(f.registrar).unreadCount == 0);
  f.approved(m);
  const auto waiting = f.waiting(f.registrar);
  CHECK(meetingsOf(waiting.toRegister) == std::vector<std::int64_t>{m});
  REQUIRE(waiting.unreadCount == 1);
  REQUIRE(waiting.notifications.size() == 1);
  CHECK(waiting.notifications[0].kind == "minutes.approved");
  CHECK(waiting.notifications[0].meetingId == m);
  CHECK(waiting.notifications[0].text ==
        "Protokollet från mötet 2026-05-12 kl. 13.00 (Vård- och omsorgsboende Eken) är justerat "
        "och väntar på diarieföring.");
  CHECK(f.waiting(f.manager).toRegister.count == 0);  // not a registrar
  CHECK(f.waiting(f.adjuster).toRegister.count == 0);

  valueOf(f.minutes.registerMinutes(f.registrar, m));
  CHECK(f.waiting(f.registrar).toRegister.count == 0);
}

TEST_CASE("past meetings without minutes wait for the contract manager", "[waiting]") {
  WaitingFixture f;
  const auto m = f.meeting();
  const auto other = valueOf(f.meetings.create(f.manager, f.otherContract,
                                               {"2026-05-20T13:00", std::nullopt, "Annan"}))
                         .row.id;
  CHECK(f.waiting(f.manager).withoutMinutes.count == 0);  // 1 March: not held yet
  f.time.set(utcTime("2026-06-01T08:00:00Z"));
  CHECK(meetingsOf(f.waiting(f.manager).withoutMinutes) == std::vector<std::int64_t>{m, other});
  CHECK(f.waiting(f.manager).withoutMinutes.count == 2);
  CHECK(f.waiting(f.providerRep).withoutMinutes.count == 0);
  f.started(m);
  CHECK(meetingsOf(f.waiting(f.manager).withoutMinutes) == std::vector<std::int64_t>{other});
}

TEST_CASE("actions to report, to evaluate and overdue, per party and provider", "[waiting]") {
  WaitingFixture f;
  const auto ours = valueOf(f.actions.create(f.manager, {f.contract, "Rutin för introduktion",
                                                         "provider", "Enhetschefen", "2026-04-01"}))
                        .row.id;
  const auto authorityAction =
      valueOf(f.actions.create(f.manager,
                               {f.contract, "Svara om bemanningen", "authority", "", "2026-06-01"}))
          .row.id;
  const auto theirs =
      valueOf(f.actions.create(f.manager, {f.otherContract, "Annan utförares åtgärd", "provider",
                                           "", "2026-04-01"}))
          .row.id;

  CHECK(actionsOf(f.waiting(f.providerRep).toReport) == std::vector<std::int64_t>{ours});
  CHECK(actionsOf(f.waiting(f.stranger).toReport) == std::vector<std::int64_t>{theirs});
  CHECK(actionsOf(f.waiting(f.manager).toReport) == std::vector<std::int64_t>{authorityAction});
  CHECK(f.waiting(f.manager).toEvaluate.count == 0);
  CHECK(f.waiting(f.registrar).toReport.count == 0);

  valueOf(f.actions.report(f.providerRep, ours, "Rutinen är klar."));
  CHECK(f.waiting(f.providerRep).toReport.count == 0);
  CHECK(actionsOf(f.waiting(f.manager).toEvaluate) == std::vector<std::int64_t>{ours});

  f.time.set(utcTime("2026-04-15T08:00:00Z"));
  CHECK(actionsOf(f.waiting(f.manager).overdue) == std::vector<std::int64_t>{ours, theirs});
  CHECK(actionsOf(f.waiting(f.providerRep).overdue) == std::vector<std::int64_t>{ours});
  CHECK(actionsOf(f.waiting(f.stranger).overdue) == std::vector<std::int64_t>{theirs});
}

TEST_CASE("a notification is marked read by its own reader only", "[waiting][notifications]") {
  WaitingFixture f;
  const auto m = f.meeting();
  f.started(m);
  valueOf(f.minutes.submit(f.secretary, m));
  auto waiting = f.waiting(f.adjuster);
  REQUIRE(waiting.unreadCount == 1);
  const auto id = waiting.notifications.at(0).id;

  auto foreign = services::markNotificationRead(*f.store, f.time, f.manager, id);
  REQUIRE_FALSE(foreign);
  CHECK(foreign.error().code == Errc::NotFound);
  CHECK(f.waiting(f.adjuster).unreadCount == 1);

  REQUIRE(services::markNotificationRead(*f.store, f.time, f.adjuster, id));
  CHECK(f.waiting(f.adjuster).unreadCount == 0);
  CHECK(f.waiting(f.adjuster).notifications.empty());
  CHECK(f.waiting(f.manager).unreadCount == 1);  // the other adjuster's own notice stays
  REQUIRE(services::markNotificationRead(*f.store, f.time, f.adjuster, id));  // again: no change
}

TEST_CASE("follow-up reports wait for the provider, the contract manager and the registrar",
          "[waiting][reports]") {
  WaitingFixture f;
  services::ReportService reports{*f.store, f.catalog, f.time};
  const auto started =
      valueOf(reports.start(f.manager, {f.contract, 2026, minutes::ReportKind::Operational}));
  const auto id = started.summary.id;
  auto doc = started.document;
  for (auto& a : doc.areas) a.assessment = minutes::Assessment::Meets;
  valueOf(reports.save(f.manager, id, started.version, doc));
  CHECK(f.waiting(f.providerRep).reportsToFactCheck.count == 0);  // a draft waits for no one

  valueOf(reports.sendForFactCheck(f.manager, id));
  const auto toCheck = f.waiting(f.providerRep).reportsToFactCheck;
  REQUIRE(toCheck.count == 1);
  CHECK(toCheck.first.at(0).report.id == id);
  CHECK_FALSE(toCheck.first.at(0).dueOn.empty());
  CHECK(f.waiting(f.stranger).reportsToFactCheck.count == 0);
  CHECK(f.waiting(f.manager).reportsAnswered.count == 0);

  valueOf(reports.answerFactCheck(f.providerRep, id, {}));
  CHECK(f.waiting(f.providerRep).reportsToFactCheck.count == 0);
  CHECK(f.waiting(f.manager).reportsAnswered.count == 1);

  valueOf(reports.requestSupplement(f.manager, id,
                                    {doc.areas.at(0).key, "Skicka schemat.", "2026-03-20"}));
  const auto toSend = f.waiting(f.providerRep).supplementsToSend;
  REQUIRE(toSend.count == 1);
  CHECK(toSend.first.at(0).supplement == 1);
  CHECK(toSend.first.at(0).dueOn == "2026-03-20");
  CHECK(f.waiting(f.stranger).supplementsToSend.count == 0);
  valueOf(reports.sendSupplement(f.providerRep, id, 1, "Schemat för mars."));
  CHECK(f.waiting(f.providerRep).supplementsToSend.count == 0);

  valueOf(reports.decideSupplement(f.manager, id, 1, {"meets", "Schemat räcker."}));
  CHECK(f.waiting(f.registrar).reportsToRegister.count == 0);
  valueOf(reports.finalize(f.manager, id));
  CHECK(f.waiting(f.manager).reportsAnswered.count == 0);
  CHECK(f.waiting(f.registrar).reportsToRegister.count == 1);
  CHECK(f.waiting(f.providerRep).reportsToRegister.count == 0);
}

}  // namespace SV_TEST_FILE
