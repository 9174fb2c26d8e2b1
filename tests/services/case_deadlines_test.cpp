// Deadlines of event-driven cases with a clock the test moves (issue 14, point 4): an action plan
// asked for by a day that has passed, and a case without progress for samverkan.cases.stale_days,
// are listed as overdue for the contract manager and counted on the start page; the day itself is
// still in time, and progress ends it. Acute notices reach the authority's director and committee
// secretary and no one else, also when a case becomes acute later.
#include <catch2/catch.hpp>

#include <chrono>

#include "server/services/case_service.hpp"
#include "service_fixture.hpp"

namespace sv::test {
namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace std::chrono_literals;

struct CaseFixture : ServiceFixture {
  services::CaseService cases{*store, catalog, time};
  std::int64_t contract = makeContract();

  std::int64_t openCase(const std::string& urgency = "normal") {
    auto opened = cases.open(manager, {contract, "complaints", "Klagomål på kvällsmaten",
                                       "Tre klagomål under februari.", "2026-02-20", urgency});
    INFO((opened ? std::string() : opened.error().detail));
    REQUIRE(opened);
    return opened->item.row.id;
  }

  void askForPlan(std::int64_t id, const std::string& lastDay) {
    REQUIRE(cases.startAnalysis(manager, id));
    auto concluded = cases.concludeAnalysis(manager, id, "not_ok", "Rutinen följs inte.", lastDay);
    INFO((concluded ? std::string() : concluded.error().detail));
    REQUIRE(concluded);
  }

  std::vector<std::int64_t> overdueIds(const store::Principal& viewer) {
    store::CaseQuery q;
    q.overdue = true;
    std::vector<std::int64_t> ids;
    for (const auto& item : cases.list(viewer, q).items) ids.push_back(item.row.id);
    return ids;
  }

  services::CaseListItem itemOf(std::int64_t id) {
    auto view = cases.get(manager, id);
    REQUIRE(view);
    return view->item;
  }

  // Stockholm noon of a day in March 2026 (UTC+1 then).
  void setDay(int day) {
    time.set(TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 3 / day) + 11h));
  }
};

TEST_CASE("A plan whose last day has passed is overdue until the provider sends it",
          "[cases][deadlines]") {
  CaseFixture f;
  const auto id = f.openCase();
  f.askForPlan(id, "2026-03-10");

  f.setDay(10);  // the last day itself is in time
  CHECK_FALSE(f.itemOf(id).planOverdue);
  CHECK(f.overdueIds(f.manager).empty());
  CHECK(f.cases.overdueCount(f.manager) == 0);

  f.setDay(11);
  CHECK(f.itemOf(id).planOverdue);
  CHECK(f.overdueIds(f.manager) == std::vector<std::int64_t>{id});
  CHECK(f.cases.overdueCount(f.manager) == 1);
  CHECK(f.cases.overdueCount(f.providerRep) == 1);  // the provider sees its own late plan
  CHECK(f.cases.overdueCount(f.stranger) == 0);
  CHECK(f.overdueIds(f.stranger).empty());

  // The provider sends a plan: no longer waiting for it.
  auto plan = minutes::createActionPlan(id, "", "", "");
  plan.items.push_back(
      {"", "Ny rutin för kvällsmaten.", "Enhetschef", {std::chrono::year(2026) / 4 / 30}});
  auto saved = f.cases.savePlan(f.providerRep, id, "", plan);
  INFO((saved ? std::string() : saved.error().detail));
  REQUIRE(saved);
  REQUIRE(f.cases.submitPlan(f.providerRep, id));
  CHECK_FALSE(f.itemOf(id).planOverdue);
  CHECK(f.cases.overdueCount(f.manager) == 0);
}

TEST_CASE("A case without progress for the set number of days is overdue until something happens",
          "[cases][deadlines]") {
  CaseFixture f;
  REQUIRE(f.catalog.caseStaleDays == 30);
  const auto id = f.openCase();  // 2026-03-01 11:00 Stockholm

  f.time.advance(std::chrono::days(30) - 1h);
  CHECK_FALSE(f.itemOf(id).stale);
  CHECK(f.cases.overdueCount(f.manager) == 0);

  f.time.advance(std::chrono::days(1) + 1h);
  CHECK(f.itemOf(id).stale);
  CHECK(f.overdueIds(f.manager) == std::vector<std::int64_t>{id});
  CHECK(f.cases.overdueCount(f.manager) == 1);

  REQUIRE(f.cases.addNote(f.manager, id, "Samtal med enhetschefen."));
  CHECK_FALSE(f.itemOf(id).stale);
  CHECK(f.cases.overdueCount(f.manager) == 0);
}

TEST_CASE("An acute case tells the authority's director and committee secretary and no one else",
          "[cases][acute]") {
  CaseFixture f;
  const auto director = f.person("dag", f.authority, {"director"});
  const auto secretary = f.person("nora", f.authority, {"committee_secretary"});
  // Leaders of another authority and the provider's people are never told.
  const auto otherAuthority =
      f.accounts.createOrganization(accounts::Actor::system(), {"Annan förvaltning", "authority"})
          ->id;
  f.person("erik", otherAuthority, {"director"});
  f.person("olle", otherAuthority, {"committee_secretary"});

  const auto id = f.openCase();
  auto before = f.cases.get(f.manager, id);
  REQUIRE(before);
  CHECK(before->notices.empty());

  f.time.advance(2h);
  auto acute = f.cases.markAcute(f.manager, id, "Brukare skadad, lex Sarah-anmälan.");
  INFO((acute ? std::string() : acute.error().detail));
  REQUIRE(acute);
  REQUIRE(acute->notices.size() == 2);
  std::vector<std::pair<std::int64_t, std::string>> told;
  for (const auto& n : acute->notices) {
    told.emplace_back(n.userId, n.role);
    CHECK(n.at == "2026-03-01T12:00:00Z");
  }
  std::sort(told.begin(), told.end());
  std::vector<std::pair<std::int64_t, std::string>> expected{
      {director.userId, "director"}, {secretary.userId, "committee_secretary"}};
  std::sort(expected.begin(), expected.end());
  CHECK(told == expected);

  // Marking it again changes nothing and tells no one twice.
  auto again = f.cases.markAcute(f.manager, id, "Igen.");
  checkError(again, Errc::Conflict, Reason::AlreadyAcute);
  auto after = f.cases.get(f.manager, id);
  REQUIRE(after);
  CHECK(after->notices.size() == 2);
}

}  // namespace SV_TEST_FILE
}  // namespace sv::test
