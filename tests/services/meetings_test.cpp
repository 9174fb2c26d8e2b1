// Meetings on a temporary store: the contract period, cancelling, participants and the year's
// plan, each refusal with its exact reason; the states, roles and parties come back as enums.
#include "server/store/audit.hpp"
#include "service_fixture.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using agenda::MeetingStatus;
using agenda::ParticipantRole;
using test::checkError;
using test::ServiceFixture;

namespace {

services::MeetingChange cancel(std::optional<std::string> reason) {
  services::MeetingChange change;
  change.status = "cancelled";
  change.cancelReason = std::move(reason);
  return change;
}

services::MeetingChange participants(std::vector<services::ParticipantInput> people) {
  services::MeetingChange change;
  change.participants = std::move(people);
  return change;
}

}  // namespace

TEST_CASE("meetings: cancelling without a reason is Invalid/CancellationNeedsReason",
          "[services][meetings]") {
  ServiceFixture f;
  const auto m = f.makeMeeting(f.makeContract(), "2026-05-12T13:00");
  checkError(f.meetings.change(f.manager, m.row.id, cancel("  ")), Errc::Invalid,
             Reason::CancellationNeedsReason, "cancel_reason");
  checkError(f.meetings.change(f.manager, m.row.id, cancel(std::string(2001, 'x'))), Errc::Invalid,
             Reason::TooLong, "cancel_reason", "2000");
  CHECK(f.meetings.get(f.manager, m.row.id)->row.status == MeetingStatus::Planned);
}

TEST_CASE("meetings: a cancelled meeting is Conflict/MeetingCancelled to every change",
          "[services][meetings]") {
  ServiceFixture f;
  const auto m = f.makeMeeting(f.makeContract(), "2026-05-12T13:00");
  auto done = f.meetings.change(f.manager, m.row.id, cancel("Sjukdom"));
  REQUIRE(done);
  CHECK(done->row.status == MeetingStatus::Cancelled);
  CHECK(f.meetings.get(f.providerRep, m.row.id)->row.status == MeetingStatus::Cancelled);
  checkError(f.meetings.change(f.manager, m.row.id, cancel("Igen")), Errc::Conflict,
             Reason::MeetingCancelled);
  checkError(f.agendas.addItem(f.manager, m.row.id, "Ny punkt", ""), Errc::Conflict,
             Reason::MeetingCancelled);
}

TEST_CASE("meetings: outside the contract period, the reason names the contract's day",
          "[services][meetings]") {
  ServiceFixture f;
  const auto contract = f.makeContract();
  checkError(f.meetings.create(f.manager, contract, {"2025-12-15T13:00", std::nullopt, ""}),
             Errc::Invalid, Reason::BeforeContractStart, "starts_at", "2026-01-01");
  checkError(f.meetings.create(f.manager, contract, {"2028-01-10T13:00", std::nullopt, ""}),
             Errc::Invalid, Reason::AfterContractEnd, "starts_at", "2027-12-31");
  const auto m = f.makeMeeting(contract, "2026-05-12T13:00");
  services::MeetingChange move;
  move.startsAt = "2025-12-15T13:00";
  checkError(f.meetings.change(f.manager, m.row.id, move), Errc::Invalid,
             Reason::BeforeContractStart, "starts_at", "2026-01-01");
}

TEST_CASE("meetings: times and places are checked with their reasons", "[services][meetings]") {
  ServiceFixture f;
  const auto contract = f.makeContract();
  checkError(f.meetings.create(f.manager, contract, {"12 maj", std::nullopt, ""}), Errc::Invalid,
             Reason::NotADate, "starts_at", "YYYY-MM-DDTHH:MM");
  checkError(f.meetings.create(f.manager, contract,
                               {"2026-05-12T13:00", std::string("2026-05-12T12:00"), ""}),
             Errc::Invalid, Reason::EndsBeforeStart, "ends_at");
  checkError(f.meetings.create(f.manager, contract,
                               {"2026-05-12T13:00", std::nullopt, std::string(501, 'x')}),
             Errc::Invalid, Reason::TooLong, "location", "500");
}

TEST_CASE("meetings: only the contract manager adds and changes meetings", "[services][meetings]") {
  ServiceFixture f;
  const auto contract = f.makeContract();
  checkError(f.meetings.create(f.providerRep, contract, {"2026-05-12T13:00", std::nullopt, ""}),
             Errc::Forbidden, Reason::NotContractManager);
  const auto m = f.makeMeeting(contract, "2026-05-12T13:00");
  checkError(f.meetings.change(f.providerRep, m.row.id, cancel("Nej")), Errc::Forbidden,
             Reason::NotContractManager);
  // Another provider's people do not know the meeting is there.
  checkError(f.meetings.get(f.stranger, m.row.id), Errc::NotFound, Reason::None);
  checkError(f.meetings.change(f.stranger, m.row.id, cancel("Nej")), Errc::NotFound, Reason::None);
}

TEST_CASE("meetings: participants' roles and parties are checked and come back as enums",
          "[services][meetings]") {
  ServiceFixture f;
  const auto m = f.makeMeeting(f.makeContract(), "2026-05-12T13:00");
  const auto id = m.row.id;
  const auto anna = f.manager.userId;
  const auto ulla = f.providerRep.userId;

  checkError(
      f.meetings.change(f.manager, id, participants({{anna, "chair", {}}, {ulla, "chair", {}}})),
      Errc::Invalid, Reason::OneChair, "participants[1]");
  checkError(f.meetings.change(f.manager, id,
                               participants({{anna, "secretary", {}}, {ulla, "secretary", {}}})),
             Errc::Invalid, Reason::OneSecretary, "participants[1]");
  checkError(
      f.meetings.change(f.manager, id,
                        participants({{anna, "adjuster", {}}, {f.reader.userId, "adjuster", {}}})),
      Errc::Invalid, Reason::OneAdjusterPerParty, "participants[1]");
  checkError(
      f.meetings.change(f.manager, id,
                        participants({{anna, "participant", {}}, {anna, "participant", {}}})),
      Errc::Invalid, Reason::NamedTwice, "participants[1]");
  checkError(f.meetings.change(f.manager, id, participants({{f.stranger.userId, "chair", {}}})),
             Errc::Invalid, Reason::NotAPartyMember, "participants[0].user_id");
  checkError(f.meetings.change(f.manager, id,
                               participants({{ulla, "adjuster", std::string("authority")}})),
             Errc::Invalid, Reason::WrongParty, "participants[0].party");
  checkError(f.meetings.change(f.manager, id, participants({{ulla, "boss", {}}})), Errc::Invalid,
             Reason::UnknownChoice, "participants[0].role");

  auto set = f.meetings.change(
      f.manager, id,
      participants({{anna, "chair", {}}, {ulla, "adjuster", std::string("provider")}}));
  REQUIRE(set);
  const auto got = f.meetings.get(f.providerRep, id);
  REQUIRE(got);
  REQUIRE(got->participants.size() == 2);
  CHECK(got->participants[0].userId == anna);
  CHECK(got->participants[0].role == ParticipantRole::Chair);
  CHECK(got->participants[0].party == Party::Authority);
  CHECK(got->participants[1].role == ParticipantRole::Adjuster);
  CHECK(got->participants[1].party == Party::Provider);
}

TEST_CASE(
    "meetings: a year planned with another number of meetings is "
    "Conflict/YearPlannedOtherwise",
    "[services][meetings]") {
  ServiceFixture f;
  const auto contract = f.makeContract();
  auto plan = f.meetings.planYear(f.manager, contract, 2026);
  REQUIRE(plan);
  CHECK(plan->created.size() == 4);
  services::ContractInput change;
  change.meetingsPerYear = 6;
  REQUIRE(f.contracts.update(f.manager, contract, change));
  checkError(f.meetings.planYear(f.manager, contract, 2026), Errc::Conflict,
             Reason::YearPlannedOtherwise, "year", "2026");
  checkError(f.meetings.planYear(f.manager, contract, 3100), Errc::Invalid, Reason::OutOfRange,
             "year", "3100");
  checkError(f.meetings.planYear(f.providerRep, contract, 2027), Errc::Forbidden,
             Reason::NotContractManager);
}

// Issue 19 point 13: planning a year outside the contract said "Året var redan planerat".
TEST_CASE("meetings: a year outside the contract period is Invalid/YearOutsideContract",
          "[services][meetings][plan]") {
  ServiceFixture f;
  const auto contract = f.makeContract();  // 2026-01-01 to 2027-12-31
  checkError(f.meetings.planYear(f.manager, contract, 2025), Errc::Invalid,
             Reason::YearOutsideContract, "year", "2025");
  checkError(f.meetings.planYear(f.manager, contract, 2028), Errc::Invalid,
             Reason::YearOutsideContract, "year", "2028");
  checkError(f.meetings.planYear(f.providerRep, contract, 2028), Errc::Forbidden,
             Reason::NotContractManager);
  const auto listed = f.meetings.list(f.manager, contract);
  REQUIRE(listed);
  CHECK(listed->empty());
}

TEST_CASE("meetings: the place alone is set, audited, and the time stays",
          "[services][meetings][place]") {
  ServiceFixture f;
  const auto contract = f.makeContract();
  auto plan = f.meetings.planYear(f.manager, contract, 2026);
  REQUIRE(plan);
  REQUIRE_FALSE(plan->created.empty());
  const auto before = plan->created.front().row;
  CHECK(before.location.empty());

  checkError(f.meetings.setPlace(f.providerRep, before.id, "Eken, matsalen"), Errc::Forbidden,
             Reason::NotContractManager);
  checkError(f.meetings.setPlace(f.manager, before.id, std::string(501, 'x')), Errc::Invalid,
             Reason::TooLong, "location", "500");

  auto set = f.meetings.setPlace(f.manager, before.id, "Eken, matsalen");
  REQUIRE(set);
  CHECK(set->row.location == "Eken, matsalen");
  CHECK(set->row.startsAt == before.startsAt);
  CHECK(set->row.endsAt == before.endsAt);
  CHECK(set->row.sequence == before.sequence + 1);  // calendars learn the new place
  store::AuditQuery q;
  q.objectType = "meeting";
  q.objectId = std::to_string(before.id);
  const auto audited = f.store->read([&](store::Reading& c) { return store::listAudit(c, q); });
  REQUIRE(audited.size() == 1);
  CHECK(audited[0].entry.action == "meeting.reschedule");
  CHECK(audited[0].entry.detail.find("Eken, matsalen") != std::string::npos);
}

}  // namespace SV_TEST_FILE
