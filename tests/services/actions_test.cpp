// Actions across time (issue 6), on a Store in a temporary folder with a clock the test moves:
// overdue and due soon by the Swedish calendar day, the overdue and due-before filters, the
// lifecycle of an evaluation and who may take each step.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "minutes/minutes.hpp"
#include "server/services/accounts.hpp"
#include "server/services/actions.hpp"
#include "server/services/catalog.hpp"
#include "server/services/contracts.hpp"
#include "server/services/meetings.hpp"
#include "server/store/audit.hpp"
#include "server/store/database.hpp"
#include "service_fixture.hpp"
#include "support/temp_dir.hpp"
#include "support/test_store.hpp"
#include "workflows/clock.hpp"
#include "workflows/stockholm_time.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using services::ActionChange;
using services::ActionFilter;
using services::ActionService;
using services::ActionView;
using store::Principal;

namespace {

using test::utcTime;

struct Fixture {
  test::TempDir dir;
  std::unique_ptr<store::Store> store = std::move(*store::Store::open(test::testStore(dir.path())));
  ManualTime time{utcTime("2026-03-01T10:00:00Z")};
  services::Catalog catalog = test::loadServiceCatalog();
  accounts::Accounts accounts{*store, time, test::fastAccountSettings()};
  services::ContractService contracts{*store, catalog, time};
  ActionService actions{*store, catalog, time};

  std::int64_t authority =
      accounts.createOrganization(accounts::Actor::system(), {"Förvaltningen", "authority"})->id;
  std::int64_t provider =
      accounts.createOrganization(accounts::Actor::system(), {"Omsorg AB", "provider"})->id;
  std::int64_t otherProvider =
      accounts.createOrganization(accounts::Actor::system(), {"Annan Omsorg AB", "provider"})->id;
  Principal manager = person("anna", authority, {"contract_manager"});
  Principal providerRep = person("ulla", provider, {"provider_rep"});
  Principal stranger = person("nils", otherProvider, {"provider_rep"});
  std::int64_t contract = makeContract();

  Principal person(const std::string& username, std::int64_t org, std::vector<std::string> roles) {
    return test::loginAs(accounts, username, org, std::move(roles));
  }

  std::int64_t makeContract() {
    auto c = contracts.create(manager, test::ekenContract(provider));
    INFO((c ? std::string() : c.error().detail));
    REQUIRE(c);
    return c->id;
  }

  std::int64_t create(const std::string& dueOn, const std::string& party = "provider",
                      const std::string& text = "Åtgärda bemanningen") {
    auto a = actions.create(manager, {contract, text + " " + dueOn, party, "Enhetschefen", dueOn});
    INFO((a ? std::string() : a.error().detail));
    REQUIRE(a);
    CHECK(a->row.status == agenda::ActionStatus::Open);
    CHECK(a->row.dueOn == dueOn);
    return a->row.id;
  }

  ActionView get(std::int64_t id) {
    auto a = actions.get(manager, id);
    REQUIRE(a);
    return *a;
  }

  std::vector<std::int64_t> ids(const Principal& viewer, const ActionFilter& filter) {
    auto list = actions.list(viewer, filter);
    INFO((list ? std::string() : list.error().detail));
    REQUIRE(list);
    std::vector<std::int64_t> out;
    for (const auto& v : *list) out.push_back(v.row.id);
    return out;
  }

  std::vector<std::int64_t> overdue() {
    ActionFilter f;
    f.overdueOnly = true;
    return ids(manager, f);
  }

  // A meeting of the contract at this Swedish time ("2026-05-12T13:00").
  store::MeetingRow meeting(const std::string& startsAt) {
    services::MeetingService meetings{*store, catalog, time};
    auto m = meetings.create(manager, contract, {startsAt, std::nullopt, "Eken, matsalen"});
    INFO((m ? std::string() : m.error().detail));
    REQUIRE(m);
    return m->row;
  }

  // Minutes of `m` with an action follow-up section (carrying `carried`) and a section for new
  // actions, as createMinutes makes them when the minutes are started.
  minutes::Minutes minutesOf(const store::MeetingRow& m, const std::vector<std::int64_t>& carried) {
    std::vector<minutes::CarriedAction> rows;
    for (auto id : carried) {
      const auto v = get(id);
      rows.push_back({id, v.row.text, minutes::Party::Provider, v.row.responsiblePerson,
                      *parseDate(v.row.dueOn), ActionService::originOf(v.row)});
    }
    return minutes::createMinutes(
        {m.id, "Vård- och omsorgsboende Eken", "SDN 2026/0001", "Förvaltningen", "Omsorg AB",
         *parseDateTime(m.startsAt), m.location},
        {},
        {{"opening", "Mötets öppnande", {}},
         {"action_followup", "Uppföljning av åtgärder", rows},
         {"authority_followup", "Förvaltningens uppföljning", {}}});
  }

  // What the approval of the minutes does, inside its transaction.
  void approve(const minutes::Minutes& doc, const store::MeetingRow& m) {
    auto ok = store->write([&](store::Writing& c) -> Status {
      const auto row = store::findContract(c, store::TenantScope::system(), contract);
      return ActionService::recordApprovedMinutes(c, catalog, doc, *row, m, time.now());
    });
    INFO((ok ? std::string() : ok.error().detail));
    REQUIRE(ok);
  }

  std::vector<store::ActionRow> toFollowUp(const store::MeetingRow& m) {
    return store->read(
        [&](store::Reading& c) { return store::actionsToFollowUp(c, contract, m.startsAt); });
  }

  std::vector<store::AuditRecord> auditOf(std::int64_t id) {
    store::AuditQuery q;
    q.objectType = "action";
    q.objectId = std::to_string(id);
    return store->read([&](store::Reading& c) { return store::listAudit(c, q); });
  }
};

using Ids = std::vector<std::int64_t>;

}  // namespace

TEST_CASE("actions: overdue from the day after the due date, due soon within 14 days before",
          "[services][actions]") {
  Fixture f;
  const auto id = f.create("2026-03-31");

  struct Moment {
    std::string at;
    bool overdue;
    bool dueSoon;
  };
  const std::vector<Moment> moments{
      {"2026-03-01T10:00:00Z", false, false},  // 30 days before
      {"2026-03-16T10:00:00Z", false, false},  // 15 days before
      {"2026-03-17T10:00:00Z", false, true},   // 14 days before
      {"2026-03-30T10:00:00Z", false, true},
      {"2026-03-31T00:30:00Z", false, true},  // the due date, early
      {"2026-03-31T12:00:00Z", false, true},  // the due date
      {"2026-03-31T21:30:00Z", false, true},  // 23:30 in Stockholm (summer time): still the 31st
      {"2026-03-31T23:30:00Z", true, false},  // 01:30 on 1 April in Stockholm: overdue
      {"2026-04-01T10:00:00Z", true, false},
      {"2027-04-01T10:00:00Z", true, false},
  };
  for (const auto& m : moments) {
    INFO("at " << m.at);
    f.time.set(utcTime(m.at));
    const auto v = f.get(id);
    CHECK(v.overdue == m.overdue);
    CHECK(v.dueSoon == m.dueSoon);
    CHECK(f.overdue() == (m.overdue ? Ids{id} : Ids{}));
    // The list answers the same flags as the single action.
    auto list = f.actions.list(f.manager, {});
    REQUIRE(list);
    REQUIRE(list->size() == 1);
    CHECK(list->front().overdue == m.overdue);
    CHECK(list->front().dueSoon == m.dueSoon);
  }
}

TEST_CASE("actions: the day ends at midnight in Stockholm, in winter time too",
          "[services][actions]") {
  Fixture f;
  const auto id = f.create("2026-01-31");
  f.time.set(utcTime("2026-01-31T22:30:00Z"));  // 23:30 on the 31st in Stockholm (UTC+1)
  CHECK_FALSE(f.get(id).overdue);
  CHECK(f.overdue().empty());
  f.time.set(
      utcTime("2026-01-31T23:30:00Z"));  // 00:30 on 1 February in Stockholm; UTC is still the 31st
  CHECK(f.get(id).overdue);
  CHECK(f.overdue() == Ids{id});
}

TEST_CASE("actions: an accepted action is never overdue, a reported one still is",
          "[services][actions]") {
  Fixture f;
  const auto accepted = f.create("2026-03-10");
  const auto reported = f.create("2026-03-12");
  f.time.set(utcTime("2026-03-20T09:00:00Z"));
  CHECK(f.overdue() == Ids{accepted, reported});

  REQUIRE(f.actions.report(f.providerRep, accepted, "Två undersköterskor anställda."));
  REQUIRE(f.actions.report(f.providerRep, reported, "Schemat är ändrat."));
  CHECK(f.get(reported).row.status == agenda::ActionStatus::Reported);
  CHECK(f.get(reported).overdue);
  auto done = f.actions.evaluate(f.manager, accepted, "accepted", "", std::nullopt);
  REQUIRE(done);
  CHECK(done->row.status == agenda::ActionStatus::Accepted);
  CHECK_FALSE(done->overdue);
  CHECK_FALSE(done->dueSoon);
  CHECK(f.overdue() == Ids{reported});

  for (const char* at : {"2026-03-20T09:00:00Z", "2026-12-31T23:30:00Z", "2030-01-01T00:00:00Z"}) {
    INFO(at);
    f.time.set(utcTime(at));
    CHECK_FALSE(f.get(accepted).overdue);
    CHECK(f.overdue() == Ids{reported});
  }
  // Closed: no more changes or evaluations.
  auto change = f.actions.change(f.manager, accepted, {.text = std::string("Ny text")});
  REQUIRE_FALSE(change);
  CHECK(change.error().code == Errc::Conflict);
  auto again = f.actions.evaluate(f.manager, accepted, "accepted", "", std::nullopt);
  REQUIRE_FALSE(again);
  CHECK(again.error().code == Errc::Conflict);
}

TEST_CASE("actions: the overdue filter lists exactly the overdue ones, due_before filters by date",
          "[services][actions]") {
  Fixture f;
  const auto a0301 = f.create("2026-03-01");  // accepted below
  const auto a0305 = f.create("2026-03-05");
  const auto a0310 = f.create("2026-03-10", "authority");
  const auto a0315 = f.create("2026-03-15");
  const auto a0320 = f.create("2026-03-20");
  const auto a0430 = f.create("2026-04-30");
  REQUIRE(f.actions.evaluate(f.manager, a0301, "accepted", "Klart.", std::nullopt));

  f.time.set(utcTime("2026-03-15T10:00:00Z"));
  CHECK(f.overdue() == Ids{a0305, a0310});  // not the accepted one, not the one due today

  ActionFilter all;
  CHECK(f.ids(f.manager, all) == Ids{a0301, a0305, a0310, a0315, a0320, a0430});  // soonest first
  ActionFilter before;
  before.dueBefore = "2026-03-15";
  CHECK(f.ids(f.manager, before) == Ids{a0301, a0305, a0310, a0315});  // on or before
  before.dueBefore = "2026-03-04";
  CHECK(f.ids(f.manager, before) == Ids{a0301});
  before.dueBefore = "2026-02-28";
  CHECK(f.ids(f.manager, before).empty());

  ActionFilter overdueBefore;
  overdueBefore.overdueOnly = true;
  overdueBefore.dueBefore = "2026-03-07";
  CHECK(f.ids(f.manager, overdueBefore) == Ids{a0305});

  ActionFilter open;
  open.status = "open";
  CHECK(f.ids(f.manager, open) == Ids{a0305, a0310, a0315, a0320, a0430});
  ActionFilter ofContract;
  ofContract.contractId = f.contract;
  ofContract.overdueOnly = true;
  CHECK(f.ids(f.manager, ofContract) == Ids{a0305, a0310});
  ofContract.contractId = f.contract + 100;
  CHECK(f.ids(f.manager, ofContract).empty());

  // Both parties see the overdue ones; another provider sees nothing.
  ActionFilter overdueOnly;
  overdueOnly.overdueOnly = true;
  CHECK(f.ids(f.providerRep, overdueOnly) == Ids{a0305, a0310});
  CHECK(f.ids(f.stranger, all).empty());
  CHECK(f.ids(f.stranger, overdueOnly).empty());

  // Days later the list has grown, by the Swedish date.
  f.time.set(utcTime("2026-03-20T22:30:00Z"));  // 23:30 on the 20th in Stockholm
  CHECK(f.overdue() == Ids{a0305, a0310, a0315});
  f.time.set(utcTime("2026-03-20T23:30:00Z"));  // 00:30 on the 21st
  CHECK(f.overdue() == Ids{a0305, a0310, a0315, a0320});

  // Bad filters name their field.
  ActionFilter badDate;
  badDate.dueBefore = "2026-02-30";
  auto r = f.actions.list(f.manager, badDate);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::Invalid);
  CHECK(r.error().field == "due_before");
  ActionFilter badStatus;
  badStatus.status = "closed";
  r = f.actions.list(f.manager, badStatus);
  REQUIRE_FALSE(r);
  CHECK(r.error().field == "status");
}

TEST_CASE("actions: report by the responsible party, evaluation by the authority with its guards",
          "[services][actions]") {
  Fixture f;
  const auto id = f.create("2026-03-10");
  const auto authorityOwn = f.create("2026-03-10", "authority", "Förvaltningen skickar mallen");

  // Only the responsible party reports; another provider does not know the action.
  auto r = f.actions.report(f.manager, id, "Förvaltningen rapporterar åt utföraren");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::Forbidden);
  r = f.actions.report(f.providerRep, authorityOwn, "Utföraren rapporterar åt förvaltningen");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::Forbidden);
  r = f.actions.report(f.stranger, id, "Fel utförare");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::NotFound);
  r = f.actions.report(f.providerRep, id, "   ");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::Invalid);
  CHECK(r.error().field == "text");
  CHECK(f.get(id).row.status == agenda::ActionStatus::Open);

  f.time.set(utcTime("2026-03-12T09:00:00Z"));
  r = f.actions.report(f.providerRep, id, "Rutinen är införd.");
  REQUIRE(r);
  CHECK(r->row.status == agenda::ActionStatus::Reported);
  REQUIRE(f.actions.report(f.manager, authorityOwn, "Mallen är skickad."));

  // The provider does not evaluate; the stranger does not see it.
  auto e = f.actions.evaluate(f.providerRep, id, "accepted", "", std::nullopt);
  REQUIRE_FALSE(e);
  CHECK(e.error().code == Errc::Forbidden);
  e = f.actions.evaluate(f.stranger, id, "accepted", "", std::nullopt);
  REQUIRE_FALSE(e);
  CHECK(e.error().code == Errc::NotFound);
  // Insufficient needs a comment and a new due date that has not passed.
  e = f.actions.evaluate(f.manager, id, "insufficient", "", std::string("2026-04-30"));
  REQUIRE_FALSE(e);
  CHECK(e.error().code == Errc::Invalid);
  CHECK(e.error().field == "comment");
  e = f.actions.evaluate(f.manager, id, "insufficient", "Rutinen saknar uppföljning.",
                         std::nullopt);
  REQUIRE_FALSE(e);
  CHECK(e.error().code == Errc::Invalid);
  CHECK(e.error().field == "new_due_date");
  e = f.actions.evaluate(f.manager, id, "insufficient", "Rutinen saknar uppföljning.",
                         std::string("2026-03-11"));
  REQUIRE_FALSE(e);
  CHECK(e.error().field == "new_due_date");
  e = f.actions.evaluate(f.manager, id, "insufficient", "Rutinen saknar uppföljning.",
                         std::string("2026-13-01"));
  REQUIRE_FALSE(e);
  CHECK(e.error().field == "new_due_date");
  e = f.actions.evaluate(f.manager, id, "none", "", std::nullopt);
  REQUIRE_FALSE(e);
  CHECK(e.error().field == "outcome");
  // Nothing of the refused attempts stuck.
  CHECK(f.get(id).row.status == agenda::ActionStatus::Reported);
  CHECK(f.get(id).row.dueOn == "2026-03-10");
  CHECK(f.get(id).overdue);

  e = f.actions.evaluate(f.manager, id, "insufficient", "Rutinen saknar uppföljning.",
                         std::string("2026-04-30"));
  REQUIRE(e);
  CHECK(e->row.status == agenda::ActionStatus::Open);
  CHECK(e->row.dueOn == "2026-04-30");
  CHECK_FALSE(e->overdue);
  CHECK_FALSE(e->dueSoon);
  REQUIRE(e->events.size() == 3);
  CHECK(e->events[0].kind == agenda::ActionEventKind::Created);
  CHECK(e->events[1].kind == agenda::ActionEventKind::Report);
  CHECK(e->events[1].text == "Rutinen är införd.");
  CHECK(e->events[2].kind == agenda::ActionEventKind::Evaluation);
  CHECK(e->events[2].outcome == agenda::ActionStatus::Insufficient);
  CHECK(e->events[2].newDueOn == std::optional<std::string>("2026-04-30"));
  CHECK(e->events[2].userName == "Namn anna");

  // Overdue again the day after the new due date.
  f.time.set(utcTime("2026-04-30T20:00:00Z"));
  CHECK_FALSE(f.get(id).overdue);
  f.time.set(utcTime("2026-04-30T22:30:00Z"));
  CHECK(f.get(id).overdue);

  // Every change is in the audit log.
  std::vector<std::string> audited;
  for (const auto& a : f.auditOf(id)) audited.push_back(a.entry.action);
  CHECK(audited == std::vector<std::string>{"action.create", "action.report", "action.evaluate"});
}

TEST_CASE("actions: only the contract manager records and changes actions, with checked input",
          "[services][actions]") {
  Fixture f;
  auto made = f.actions.create(f.providerRep,
                               {f.contract, "Utförarens egen", "provider", "", "2026-04-01"});
  REQUIRE_FALSE(made);
  CHECK(made.error().code == Errc::Forbidden);
  made = f.actions.create(f.stranger, {f.contract, "Okänt avtal", "provider", "", "2026-04-01"});
  REQUIRE_FALSE(made);
  CHECK(made.error().code == Errc::NotFound);
  struct Case {
    services::NewAction input;
    std::string field;
  };
  const std::vector<Case> cases{
      {{f.contract, " ", "provider", "", "2026-04-01"}, "text"},
      {{f.contract, "Text", "both", "", "2026-04-01"}, "responsible_party"},
      {{f.contract, "Text", "provider", std::string(201, 'x'), "2026-04-01"}, "responsible_person"},
      {{f.contract, "Text", "provider", "", "1 april"}, "due_on"},
  };
  for (const auto& c : cases) {
    INFO(c.field);
    auto r = f.actions.create(f.manager, c.input);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::Invalid);
    CHECK(r.error().field == c.field);
  }
  auto list = f.actions.list(f.manager, {});
  REQUIRE(list);
  CHECK(list->empty());

  const auto id = f.create("2026-04-01");
  auto changed = f.actions.change(f.providerRep, id, {.dueOn = std::string("2026-12-31")});
  REQUIRE_FALSE(changed);
  CHECK(changed.error().code == Errc::Forbidden);
  changed = f.actions.change(
      f.manager, id, {.text = std::string("Ny lydelse"), .dueOn = std::string("2026-03-02")});
  REQUIRE(changed);
  CHECK(changed->row.text == "Ny lydelse");
  f.time.set(utcTime("2026-03-03T08:00:00Z"));
  CHECK(f.get(id).overdue);
  std::vector<std::string> audited;
  for (const auto& a : f.auditOf(id)) audited.push_back(a.entry.action);
  CHECK(audited == std::vector<std::string>{"action.create", "action.change"});
}

TEST_CASE(
    "actions: planned actions of approved minutes are agreed at the meeting and followed up at "
    "the meetings after it",
    "[services][actions][minutes]") {
  Fixture f;
  const auto first = f.meeting("2026-02-10T13:00");
  const auto second = f.meeting("2026-05-12T13:00");
  auto doc = f.minutesOf(first, {});
  doc.sections[2].actions = {
      {"a1", "Ta fram en rutin för nattbemanningen", minutes::Party::Provider, "Eva Ek",
       Date{std::chrono::year(2026), std::chrono::month(4), std::chrono::day(30)}},
      {"a2", "Skicka mallen för egenkontroll", minutes::Party::Authority, "",
       Date{std::chrono::year(2026), std::chrono::month(3), std::chrono::day(15)}}};
  f.time.set(utcTime("2026-02-20T09:00:00Z"));  // approved ten days after the meeting
  f.approve(doc, first);

  auto list = f.actions.list(f.manager, {});
  REQUIRE(list);
  REQUIRE(list->size() == 2);
  // Each carries its contract's parties (migration 030), which scope the lists: the provider's
  // has them too, another provider's nothing.
  CHECK(f.ids(f.providerRep, {}) == Ids{(*list)[0].row.id, (*list)[1].row.id});
  CHECK(f.ids(f.stranger, {}).empty());
  const auto& mall = (*list)[0].row;  // due first
  const auto& rutin = (*list)[1].row;
  CHECK(mall.text == "Skicka mallen för egenkontroll");
  CHECK(mall.responsibleParty == Party::Authority);
  CHECK(mall.dueOn == "2026-03-15");
  CHECK(rutin.responsibleParty == Party::Provider);
  CHECK(rutin.responsiblePerson == "Eva Ek");
  CHECK(rutin.status == agenda::ActionStatus::Open);
  CHECK(rutin.agreedAt == first.startsAt);
  CHECK(rutin.originMeetingId == first.id);
  CHECK(rutin.originSection == 3);
  CHECK(ActionService::originOf(rutin) == "möte 2026-02-10 § 3");
  CHECK(f.auditOf(rutin.id).size() == 1);
  CHECK(f.auditOf(mall.id).size() == 1);

  // Not followed up at the meeting that agreed them; at the next one, both.
  CHECK(f.toFollowUp(first).empty());
  const auto carried = f.toFollowUp(second);
  REQUIRE(carried.size() == 2);
  CHECK(carried[0].id == rutin.id);  // in the order they were agreed (§, then id)
  CHECK(carried[1].id == mall.id);

  // The provider sees its actions; the authority's is overdue for both in time.
  f.time.set(utcTime("2026-03-16T09:00:00Z"));
  ActionFilter overdue;
  overdue.overdueOnly = true;
  CHECK(f.ids(f.providerRep, overdue) == Ids{mall.id});
}

TEST_CASE(
    "actions: the evaluations in approved minutes close or reopen the actions, however late the "
    "approval",
    "[services][actions][minutes]") {
  Fixture f;
  const auto first = f.meeting("2026-02-10T13:00");
  const auto second = f.meeting("2026-05-12T13:00");
  const auto third = f.meeting("2026-09-15T13:00");
  const auto a = f.create("2026-04-30");
  const auto b = f.create("2026-04-30");
  const auto c = f.create("2026-04-30");
  (void)first;

  auto doc = f.minutesOf(second, {a, b, c});
  auto& evaluations = doc.sections[1].evaluations;
  REQUIRE(evaluations.size() == 3);
  evaluations[0].outcome = minutes::Outcome::Insufficient;
  evaluations[0].comment = "Rutinen saknar ansvarsfördelning.";
  // Chosen at the meeting in May, a date that has passed when the minutes are at last approved.
  evaluations[0].newDueDate =
      Date{std::chrono::year(2026), std::chrono::month(6), std::chrono::day(30)};
  evaluations[1].outcome = minutes::Outcome::Accepted;
  // c is not decided: it stays open and comes to the next meeting.
  f.time.set(utcTime("2026-11-24T09:00:00Z"));
  f.approve(doc, second);

  const auto va = f.get(a);
  CHECK(va.row.status == agenda::ActionStatus::Open);
  CHECK(va.row.dueOn == "2026-06-30");
  CHECK(va.overdue);
  REQUIRE(va.events.size() == 2);
  CHECK(va.events[1].kind == agenda::ActionEventKind::Evaluation);
  CHECK(va.events[1].meetingId == second.id);
  CHECK(va.events[1].outcome == agenda::ActionStatus::Insufficient);
  CHECK(va.events[1].newDueOn == std::optional<std::string>("2026-06-30"));
  const auto vb = f.get(b);
  CHECK(vb.row.status == agenda::ActionStatus::Accepted);
  CHECK_FALSE(vb.overdue);
  CHECK(f.get(c).row.status == agenda::ActionStatus::Open);
  CHECK(f.get(c).events.size() == 1);

  std::vector<std::string> audited;
  for (const auto& e : f.auditOf(a)) audited.push_back(e.entry.action);
  CHECK(audited == std::vector<std::string>{"action.create", "action.evaluate"});
  CHECK(f.auditOf(b).size() == 2);
  CHECK(f.auditOf(c).size() == 1);

  std::vector<std::int64_t> next;
  for (const auto& row : f.toFollowUp(third)) next.push_back(row.id);
  CHECK(next == Ids{a, c});
}

TEST_CASE(
    "actions: the follow-up of a meeting tells each action's reports and evaluations, who made "
    "them and at which meeting (issue 19 point 10)",
    "[services][actions][follow_up]") {
  Fixture f;
  const auto second = f.meeting("2026-05-12T13:00");
  const auto third = f.meeting("2026-09-15T13:00");
  const auto a = f.create("2026-04-30");
  const auto b = f.create("2026-04-30");
  const auto hidden = [&] {
    services::ContractService contracts{*f.store, f.catalog, f.time};
    auto other = contracts.create(f.manager, test::ekenContract(f.otherProvider, "SDN 2026/0002"));
    REQUIRE(other);
    auto made = f.actions.create(
        f.manager, {other->id, "Annan utförares åtgärd", "provider", "", "2026-04-30"});
    REQUIRE(made);
    return made->row.id;
  }();

  f.time.set(utcTime("2026-04-20T08:00:00Z"));
  REQUIRE(f.actions.report(f.providerRep, a, "Rutinen är införd och känd av personalen."));
  auto doc = f.minutesOf(second, {a, b});
  doc.sections[1].evaluations[0].outcome = minutes::Outcome::Insufficient;
  doc.sections[1].evaluations[0].comment = "Nattpersonalen saknas.";
  doc.sections[1].evaluations[0].newDueDate =
      Date{std::chrono::year(2026), std::chrono::month(8), std::chrono::day(31)};
  f.approve(doc, second);
  f.time.set(utcTime("2026-06-01T08:00:00Z"));
  REQUIRE(f.actions.evaluate(f.manager, b, "accepted", "Mallen används.", std::nullopt));

  // The stranger sees none of them; the manager sees both actions of the contract, not the other.
  CHECK(f.actions.followUps(f.stranger, {a, b}).empty());
  const auto seen = f.actions.followUps(f.providerRep, {a, b, hidden});
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].row.id == a);
  CHECK(seen[1].row.id == b);
  (void)third;

  const auto& ea = seen[0].events;
  REQUIRE(ea.size() == 3);  // created, the report, the meeting's evaluation
  CHECK(ea[1].kind == agenda::ActionEventKind::Report);
  CHECK(ea[1].userName == "Namn ulla");
  CHECK(ea[1].at == "2026-04-20T08:00:00Z");
  CHECK(ea[1].text == "Rutinen är införd och känd av personalen.");
  CHECK(ea[2].kind == agenda::ActionEventKind::Evaluation);
  CHECK_FALSE(ea[2].userId);
  CHECK(ea[2].meetingId == second.id);
  CHECK(ea[2].meetingStartsAt == second.startsAt);
  CHECK(ea[2].outcome == agenda::ActionStatus::Insufficient);

  const auto& eb = seen[1].events;
  REQUIRE(eb.size() == 2);
  CHECK(eb[1].kind == agenda::ActionEventKind::Evaluation);
  CHECK(eb[1].userName == "Namn anna");
  CHECK_FALSE(eb[1].meetingId);
  CHECK(eb[1].meetingStartsAt.empty());
}

TEST_CASE(
    "actions: the follow-up told up to a time leaves out what came after (registered minutes)",
    "[services][actions][follow_up]") {
  Fixture f;
  const auto a = f.create("2026-04-30");
  f.time.set(utcTime("2026-04-20T08:00:00Z"));
  REQUIRE(f.actions.report(f.providerRep, a, "Rutinen är införd."));
  f.time.set(utcTime("2026-06-01T08:00:00Z"));
  REQUIRE(f.actions.evaluate(f.manager, a, "accepted", "Bra.", std::nullopt));

  const auto all = f.actions.followUps(f.manager, {a});
  REQUIRE(all.size() == 1);
  CHECK(all[0].events.size() == 3);  // created, reported, evaluated
  // As the story stood in May: the report, not the evaluation of June.
  const auto may = f.actions.followUps(f.manager, {a}, std::string("2026-05-15T00:00:00Z"));
  REQUIRE(may.size() == 1);
  REQUIRE(may[0].events.size() == 2);
  CHECK(may[0].events.back().kind == agenda::ActionEventKind::Report);
  // To the second: what happened at the very time still counts.
  CHECK(f.actions.followUps(f.manager, {a}, std::string("2026-06-01T08:00:00Z"))[0].events.size() ==
        3);
}

// A list reads the events of its page's actions a hundred at a time (store::listActionEvents for
// several ids, one query instead of one per action): each action in a list of 130 carries the
// same events as when read alone, across the batches' edges.
TEST_CASE("actions: a list's actions carry their own events, as when read one by one",
          "[services][actions]") {
  Fixture f;
  std::vector<std::int64_t> created;
  for (int i = 0; i < 130; ++i) created.push_back(f.create("2026-06-30"));
  // Reports on every seventh, so some batches hold actions with and without a second event.
  for (std::size_t i = 0; i < created.size(); i += 7)
    REQUIRE(f.actions.report(f.providerRep, created[i], "Rapport " + std::to_string(i)));
  ActionFilter all;
  all.contractId = f.contract;
  const auto listed = f.actions.list(f.manager, all);
  REQUIRE(listed);
  REQUIRE(listed->size() == created.size());
  for (const auto& view : *listed) {
    const auto alone = f.get(view.row.id);
    REQUIRE(view.events.size() == alone.events.size());
    for (std::size_t e = 0; e < view.events.size(); ++e) {
      CHECK(view.events[e].id == alone.events[e].id);
      CHECK(view.events[e].actionId == view.row.id);
      CHECK(view.events[e].kind == alone.events[e].kind);
      CHECK(view.events[e].text == alone.events[e].text);
    }
  }
}

// The total under an overdue page is read from open_action_counts (migration 031), which the
// database keeps as actions are recorded, reported, returned, accepted and given a new date. After
// each step the totals agree with the actions listed one by one, for either party and a stranger,
// and the table agrees with the actions it counts.
TEST_CASE("actions: the overdue and open totals agree with the actions through every change",
          "[services][actions]") {
  Fixture f;
  ActionFilter overdue;
  overdue.overdueOnly = true;
  ActionFilter open;
  open.openOnly = true;
  ActionFilter overdueBefore = overdue;
  overdueBefore.dueBefore = "2026-03-12";
  auto totalOf = [&](const Principal& viewer, const ActionFilter& filter) {
    auto page = f.actions.page(viewer, filter, {1, 0});
    REQUIRE(page);
    return page->total;
  };
  auto tallies = [&](const std::string& sql) {
    return f.store->db().read([&](store::Reading& c) {
      std::vector<std::string> rows;
      auto s = c.prepare(sql);
      while (s.step())
        rows.push_back(s.text(0) + " " + std::to_string(s.int64(1)) + " " + s.text(2) + " " +
                       std::to_string(s.int64(3)));
      return rows;
    });
  };
  auto agree = [&](const std::string& step) {
    INFO(step);
    for (const auto* viewer : {&f.manager, &f.providerRep, &f.stranger})
      for (const auto* filter : {&overdue, &open, &overdueBefore})
        CHECK(totalOf(*viewer, *filter) ==
              static_cast<std::int64_t>(f.ids(*viewer, *filter).size()));
    CHECK(tallies("SELECT party, organization_id, due_on, n FROM open_action_counts WHERE n > 0 "
                  "ORDER BY party, organization_id, due_on") ==
          tallies("SELECT 'authority', authority_id, due_on, count(*) FROM actions "
                  "WHERE status IN ('open', 'reported', 'insufficient') "
                  "GROUP BY authority_id, due_on UNION ALL "
                  "SELECT 'provider', provider_id, due_on, count(*) FROM actions "
                  "WHERE status IN ('open', 'reported', 'insufficient') "
                  "GROUP BY provider_id, due_on ORDER BY 1, 2, 3"));
  };

  const auto a0305 = f.create("2026-03-05");
  f.create("2026-03-10", "authority");
  const auto b0310 = f.create("2026-03-10");
  const auto a0320 = f.create("2026-03-20");
  f.time.set(utcTime("2026-03-15T10:00:00Z"));
  agree("recorded");
  CHECK(totalOf(f.manager, overdue) == 3);
  REQUIRE(f.actions.report(f.providerRep, a0305, "Klart."));
  agree("reported: still overdue until accepted");
  REQUIRE(f.actions.evaluate(f.manager, a0305, "accepted", "Bra.", std::nullopt));
  agree("accepted");
  CHECK(totalOf(f.manager, overdue) == 2);
  REQUIRE(f.actions.report(f.providerRep, b0310, "Delvis."));
  REQUIRE(f.actions.evaluate(f.manager, b0310, "insufficient", "Inte än.", "2026-04-30"));
  agree("returned with a new due date");
  CHECK(totalOf(f.manager, overdue) == 1);
  ActionChange later;
  later.dueOn = "2026-03-01";
  REQUIRE(f.actions.change(f.manager, a0320, later));
  agree("moved to an earlier date");
  CHECK(totalOf(f.manager, overdue) == 2);
  CHECK(totalOf(f.providerRep, overdue) == 2);
  CHECK(totalOf(f.stranger, overdue) == 0);
}

}  // namespace SV_TEST_FILE
