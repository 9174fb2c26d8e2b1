// A meeting cannot be changed under its minutes (issue 19 point 1): the store's functions answer
// with a reason, and migration 010's triggers refuse a write made around them, as the seal does
// for registered documents (sealed_test.cpp).
#include <catch2/catch.hpp>

#include "server/store/approvals.hpp"
#include "server/store/contracts.hpp"
#include "server/store/database.hpp"
#include "server/store/store.hpp"
#include "support/temp_dir.hpp"
#include "support/test_store.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::store;

namespace {

struct MeetingStore {
  test::TempDir dir;
  std::unique_ptr<Store> store = std::move(*Store::open(test::testStore(dir.path())));
  std::int64_t meetingId = 0;
  std::int64_t userId = 0;

  MeetingStore() {
    db().write([&](Writing& c) {
      c.prepare(
           "INSERT INTO organizations (id, name, kind, created_at) VALUES "
           "(1, 'Förvaltningen', 'authority', 'x'), (2, 'Omsorg AB', 'provider', 'x')")
          .run();
      c.prepare(
           "INSERT INTO users (id, username, name, email, password_hash, organization_id, "
           "created_at) VALUES (1, 'anna', 'Anna', 'anna@example.se', 'x', 1, 'x')")
          .run();
      c.prepare(
           "INSERT INTO contracts (id, title, authority_id, provider_id, service_area, reference, "
           "starts_on, agenda_template, created_at, updated_at) VALUES (1, 'Eken', 1, 2, "
           "'vard_och_omsorgsboende', 'SDN 2026/0001', '2026-01-01', 'standard', 'x', 'x')")
          .run();
      MeetingRow row;
      row.contractId = 1;
      row.startsAt = "2027-02-09T12:00:00Z";
      row.endsAt = "2027-02-09T14:00:00Z";
      row.location = "Eken, matsalen";
      row.templateId = "standard";
      row.templateVersion = "1";
      row.templateText = "x";
      row.createdAt = row.updatedAt = "2026-03-01T10:00:00Z";
      meetingId = *insertMeeting(c, row);
      return 0;
    });
    userId = 1;
  }

  Database& db() { return store->db(); }

  MeetingRow meeting() {
    return db().read([&](Reading& c) { return *findMeeting(c, TenantScope::system(), meetingId); });
  }

  void minutesIn(minutes::MinutesState state) {
    db().write([&](Writing& c) {
      if (!minutesState(c, meetingId)) insertMinutes(c, meetingId, "2027-02-09T15:00:00Z");
      setMinutesState(c, meetingId, state, "2027-02-09T15:00:00Z");
      return 0;
    });
  }

  Status update(const MeetingRow& row) {
    return db().write([&](Writing& c) { return updateMeeting(c, row); });
  }

  Status participants() {
    return db().write([&](Writing& c) {
      return replaceParticipants(c, meetingId,
                                 {{userId, "Anna", "anna@example.se", 1, Party::Authority,
                                   agenda::ParticipantRole::Chair}});
    });
  }

  // The message of the trigger that refused raw SQL, or empty when it ran.
  std::string aroundTheStore(const std::string& sql) {
    try {
      db().write([&](Writing& c) {
        c.prepare(sql).bind(1, meetingId).run();
        return 0;
      });
    } catch (const DatabaseError& e) {
      CHECK(e.isConstraint());
      return e.what();
    }
    return {};
  }
};

MeetingRow moved(MeetingRow row) {
  row.startsAt = "2027-02-16T12:00:00Z";
  row.endsAt = "2027-02-16T14:00:00Z";
  return row;
}

MeetingRow cancelled(MeetingRow row) {
  row.status = agenda::MeetingStatus::Cancelled;
  row.cancelReason = "Sjukdom";
  return row;
}

void checkReason(const Status& s, Reason reason) {
  REQUIRE_FALSE(s);
  CHECK(s.error().code == Errc::Conflict);
  CHECK(reasonName(s.error().reason) == reasonName(reason));
}

}  // namespace

TEST_CASE("meeting rules: without minutes a meeting moves, changes participants and is cancelled",
          "[store][meetings][issue19]") {
  MeetingStore s;
  CHECK(s.update(moved(s.meeting())));
  CHECK(s.participants());
  CHECK(s.update(cancelled(s.meeting())));
  CHECK(s.meeting().status == agenda::MeetingStatus::Cancelled);
}

TEST_CASE("meeting rules: draft minutes let time and place move but the meeting is not cancelled",
          "[store][meetings][issue19]") {
  MeetingStore s;
  s.minutesIn(minutes::MinutesState::Draft);
  CHECK(s.update(moved(s.meeting())));
  CHECK(s.participants());
  checkReason(s.update(cancelled(s.meeting())), Reason::MeetingHasMinutes);
  CHECK(s.aroundTheStore("UPDATE meetings SET status = 'cancelled' WHERE id = ?1")
            .find("a meeting with minutes is not cancelled") != std::string::npos);
  CHECK(s.meeting().status == agenda::MeetingStatus::Planned);
}

TEST_CASE("meeting rules: minutes in review or approved keep time, place and participants",
          "[store][meetings][issue19]") {
  for (auto state : {minutes::MinutesState::InReview, minutes::MinutesState::Approved}) {
    MeetingStore s;
    s.minutesIn(state);
    const auto before = s.meeting();
    checkReason(s.update(moved(before)), Reason::MeetingOfMinutesInReview);
    auto elsewhere = before;
    elsewhere.location = "Stadsdelshuset";
    checkReason(s.update(elsewhere), Reason::MeetingOfMinutesInReview);
    checkReason(s.participants(), Reason::MeetingOfMinutesInReview);
    checkReason(s.update(cancelled(before)), Reason::MeetingHasMinutes);
    CHECK(s.aroundTheStore("UPDATE meetings SET location = 'Annat' WHERE id = ?1")
              .find("time and place do not change") != std::string::npos);
    CHECK(s.aroundTheStore("INSERT INTO meeting_participants (meeting_id, user_id, role, party) "
                           "VALUES (?1, 1, 'participant', 'authority')")
              .find("the participants follow the minutes") != std::string::npos);
    CHECK(s.meeting().startsAt == before.startsAt);
    CHECK(s.meeting().location == before.location);
  }
}

TEST_CASE("meeting rules: nothing about the meeting of registered minutes changes",
          "[store][meetings][issue19]") {
  MeetingStore s;
  s.minutesIn(minutes::MinutesState::Registered);
  const auto before = s.meeting();
  checkReason(s.update(moved(before)), Reason::MeetingOfRegisteredMinutes);
  checkReason(s.update(cancelled(before)), Reason::MeetingOfRegisteredMinutes);
  checkReason(s.participants(), Reason::MeetingOfRegisteredMinutes);
  auto republished = before;
  republished.agendaPublishedVersion = std::string(40, 'a');
  checkReason(s.update(republished), Reason::MeetingOfRegisteredMinutes);
  for (const char* sql : {"UPDATE meetings SET starts_at = '2027-02-16T12:00:00Z' WHERE id = ?1",
                          "UPDATE meetings SET status = 'cancelled' WHERE id = ?1",
                          "UPDATE meetings SET cancel_reason = 'x' WHERE id = ?1"}) {
    INFO(sql);
    CHECK(s.aroundTheStore(sql).find("the meeting of registered minutes never changes") !=
          std::string::npos);
  }
  // Only the time of the last write may move (nothing the record says).
  auto touched = before;
  touched.updatedAt = "2027-03-01T10:00:00Z";
  CHECK(s.update(touched));
  CHECK(s.meeting().startsAt == before.startsAt);
  CHECK(s.meeting().status == agenda::MeetingStatus::Planned);
}

TEST_CASE("meeting rules: a cancelled meeting's minutes are not registered",
          "[store][meetings][issue19]") {
  MeetingStore s;
  REQUIRE(s.update(cancelled(s.meeting())));
  // Minutes of a meeting cancelled before this rule existed, approved since.
  s.minutesIn(minutes::MinutesState::Approved);
  RegistryRow row;
  row.authorityId = 1;
  row.year = 2027;
  row.seq = 1;
  row.number = "SDN 2027/0001";
  row.meetingId = s.meetingId;
  row.contractId = 1;
  row.repository = "contract-1";
  row.version = std::string(40, 'c');
  row.tag = "SDN-2027-0001";
  row.registeredBy = s.userId;
  row.registeredAt = "2027-03-01T10:00:00Z";
  const auto refused = s.db().write([&](Writing& c) { return insertRegistry(c, row); });
  checkReason(refused, Reason::MeetingCancelled);
  CHECK(refused.error().value == "register");
  CHECK(s.aroundTheStore("UPDATE minutes SET state = 'registered' WHERE meeting_id = ?1")
            .find("minutes are not registered") != std::string::npos);
  CHECK(s.db().read(
      [&](Reading& c) { return approvedAwaitingRegistration(c, TenantScope::system()).empty(); }));
}

}  // namespace SV_TEST_FILE
