// The yearly summary's observations per agenda item (issue 15 point 1) on a temporary store:
// a save records each § with its number of observations in SQLite (migration 022), the summary
// counts them from there, and minutes saved before the migration are read from git once and
// recorded.
#include <algorithm>

#include "minutes/annual_figures.hpp"
#include "server/services/annual_report.hpp"
#include "server/store/database.hpp"
#include "server/store/minutes_items.hpp"
#include "services/minutes_fixture.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using test::MinutesFixture;
using test::valueOf;

namespace {

struct AnnualItemsFixture : MinutesFixture {
  services::AnnualReportService annual{*store, catalog, time};

  // A meeting of the contract at this Swedish time with the secretary and both adjusters, its
  // agenda published and its minutes started.
  std::int64_t startedMeeting(const std::string& startsAt) {
    auto m = valueOf(meetings.create(manager, contract, {startsAt, std::nullopt, "Eken"}));
    services::MeetingChange change;
    change.participants = std::vector<services::ParticipantInput>{{secretary.userId, "secretary"},
                                                                  {manager.userId, "adjuster"},
                                                                  {adjuster.userId, "adjuster"}};
    valueOf(meetings.change(manager, m.row.id, change));
    valueOf(agendas.publish(manager, m.row.id));
    valueOf(minutes.start(secretary, m.row.id));
    return m.row.id;
  }

  // The current minutes with `counts[i]` observations added under section i; the new version.
  std::string observe(std::int64_t meetingId, const std::vector<int>& counts) {
    auto current = valueOf(minutes.get(secretary, meetingId));
    auto doc = current.document;
    for (std::size_t s = 0; s < counts.size(); ++s)
      for (int k = 0; k < counts[s]; ++k)
        doc.sections.at(s).observations.push_back(
            {"", "Iakttagelse " + std::to_string(k + 1) + " under § " + std::to_string(s + 1)});
    auto saved = valueOf(minutes.save(secretary, meetingId, current.version, doc));
    REQUIRE(saved.saved);
    REQUIRE(saved.changed);
    return saved.saved->version;
  }

  std::vector<minutes::ItemObservations> observations(int year = 2026) {
    return valueOf(annual.figures(manager, authority, year)).totals.current.observations;
  }

  minutes::Section section(std::int64_t meetingId, std::size_t index) {
    return valueOf(minutes.get(secretary, meetingId)).document.sections.at(index);
  }
};

const minutes::ItemObservations* itemKeyed(const std::vector<minutes::ItemObservations>& items,
                                           const std::string& key) {
  const auto at = std::ranges::find(items, key, &minutes::ItemObservations::key);
  return at == items.end() ? nullptr : &*at;
}

}  // namespace

TEST_CASE("annual items: observations under two items of two minutes are counted per item",
          "[services][annual]") {
  AnnualItemsFixture f;
  const auto spring = f.startedMeeting("2026-04-14T13:00");
  const auto autumn = f.startedMeeting("2026-09-15T13:00");
  // Spring: two under § 2, one under § 3. Autumn: one under § 2.
  const auto springVersion = f.observe(spring, {0, 2, 1});
  f.observe(autumn, {0, 1});
  const auto first = f.section(spring, 0);
  const auto second = f.section(spring, 1);
  const auto third = f.section(spring, 2);
  REQUIRE(second.key != third.key);

  const auto items = f.observations();
  // Every § of both minutes is an item, in the minutes' order, also one without observations.
  REQUIRE(items.size() == valueOf(f.minutes.get(f.secretary, spring)).document.sections.size());
  CHECK(items.front() == minutes::ItemObservations{first.key, first.title, 2, 0});
  const auto* two = itemKeyed(items, second.key);
  REQUIRE(two);
  CHECK(*two == minutes::ItemObservations{second.key, second.title, 2, 3});
  const auto* three = itemKeyed(items, third.key);
  REQUIRE(three);
  CHECK(*three == minutes::ItemObservations{third.key, third.title, 2, 1});
  int total = 0;
  for (const auto& i : items) total += i.observations;
  CHECK(total == 4);

  // The rows were written by the save, with the version they came from.
  CHECK(f.store->read([&](store::Reading& c) { return store::recordedItemsVersion(c, spring); }) ==
        std::optional(springVersion));

  // A later save replaces the minutes' rows: one observation of § 2 taken out.
  auto doc = valueOf(f.minutes.get(f.secretary, spring));
  doc.document.sections.at(1).observations.pop_back();
  REQUIRE(valueOf(f.minutes.save(f.secretary, spring, doc.version, doc.document)).changed);
  CHECK(itemKeyed(f.observations(), second.key)->observations == 2);
  // Another year has none of them.
  CHECK(f.observations(2025).empty());
}

TEST_CASE("annual items: minutes saved before their items were recorded are read from git once",
          "[services][annual]") {
  AnnualItemsFixture f;
  const auto id = f.startedMeeting("2026-04-14T13:00");
  const auto version = f.observe(id, {0, 2, 1});
  const auto second = f.section(id, 1);
  const auto sections =
      static_cast<int>(valueOf(f.minutes.get(f.secretary, id)).document.sections.size());
  // As a data folder from before migration 022 has it: no rows, no recorded version.
  f.store->db().write([&](store::Writing& c) {
    c.prepare("DELETE FROM minutes_items").run();
    c.prepare("UPDATE minutes SET items_version = NULL").run();
    return 0;
  });
  REQUIRE_FALSE(
      f.store->read([&](store::Reading& c) { return store::recordedItemsVersion(c, id); }));

  const auto items = f.observations();
  const auto* two = itemKeyed(items, second.key);
  REQUIRE(two);
  CHECK(*two == minutes::ItemObservations{second.key, second.title, 1, 2});
  // Recorded for the next summary: the current version's rows, one a §.
  CHECK(f.store->read([&](store::Reading& c) { return store::recordedItemsVersion(c, id); }) ==
        std::optional(version));
  const auto rows = f.store->db().read([&](store::Reading& c) {
    auto s = c.prepare("SELECT COUNT(*) FROM minutes_items WHERE meeting_id = ?1");
    s.bind(1, id);
    s.step();
    return static_cast<int>(s.int64(0));
  });
  CHECK(rows == sections);

  // The next summary counts from SQLite, not from git: a row changed there shows.
  f.store->db().write([&](store::Writing& c) {
    c.prepare("UPDATE minutes_items SET observations = 7 WHERE meeting_id = ?1 AND position = 1")
        .bind(1, id)
        .run();
    return 0;
  });
  CHECK(itemKeyed(f.observations(), second.key)->observations == 7);
}

TEST_CASE("annual items: a save between the summary's read and its fill keeps the newer rows",
          "[services][annual]") {
  AnnualItemsFixture f;
  const auto id = f.startedMeeting("2026-04-14T13:00");
  const auto older = f.observe(id, {0, 2});
  const auto newer = f.observe(id, {0, 1});
  // The fill of the older version comes after the newer version recorded its own rows.
  const bool filled = f.store->write([&](store::Writing& c) {
    return store::fillMinutesItems(c, id, older, {{"x", "Äldre", 9}});
  });
  CHECK_FALSE(filled);
  CHECK(f.store->read([&](store::Reading& c) { return store::recordedItemsVersion(c, id); }) ==
        std::optional(newer));
  const auto second = f.section(id, 1);
  CHECK(itemKeyed(f.observations(), second.key)->observations == 3);
  CHECK_FALSE(itemKeyed(f.observations(), "x"));
}

}  // namespace SV_TEST_FILE
