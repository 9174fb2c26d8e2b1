#include <catch2/catch.hpp>

#include "agenda/meeting_rules.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::agenda;
using std::chrono::year;

namespace {
Participant p(std::int64_t id, Party party, ParticipantRole role) {
  return {id, "Person " + std::to_string(id), party, role};
}
}  // namespace

TEST_CASE("one chair, one secretary and one adjuster for each party", "[agenda][meeting]") {
  using R = ParticipantRole;
  CHECK(checkParticipants({p(1, Party::Authority, R::Chair), p(1, Party::Authority, R::Adjuster),
                           p(2, Party::Provider, R::Adjuster),
                           p(3, Party::Authority, R::Secretary)}));
  auto twoAdjusters =
      checkParticipants({p(1, Party::Provider, R::Adjuster), p(2, Party::Provider, R::Adjuster)});
  REQUIRE_FALSE(twoAdjusters);
  CHECK(twoAdjusters.error().code == Errc::Invalid);
  CHECK(twoAdjusters.error().field == "participants[1]");
  auto twoChairs =
      checkParticipants({p(1, Party::Authority, R::Chair), p(2, Party::Provider, R::Chair)});
  REQUIRE_FALSE(twoChairs);
  CHECK(twoChairs.error().field == "participants[1]");
  CHECK_FALSE(checkParticipants(
      {p(1, Party::Authority, R::Secretary), p(1, Party::Authority, R::Secretary)}));
}

TEST_CASE("approval needs an adjuster from each party", "[agenda][meeting]") {
  using R = ParticipantRole;
  CHECK(
      checkAdjustersSet({p(1, Party::Authority, R::Adjuster), p(2, Party::Provider, R::Adjuster)}));
  auto missing = checkAdjustersSet({p(1, Party::Authority, R::Adjuster)});
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == Errc::Conflict);
  CHECK(missing.error().detail.find("provider") != std::string::npos);
}

TEST_CASE("a meeting lies inside the contract period", "[agenda][meeting]") {
  const Date start = year(2026) / 1 / 1;
  const Date end = year(2026) / 12 / 31;
  CHECK(checkInsidePeriod(year(2026) / 1 / 1, start, end, "starts_at"));
  CHECK(checkInsidePeriod(year(2026) / 12 / 31, start, end, "starts_at"));
  CHECK(checkInsidePeriod(year(2030) / 6 / 1, start, std::nullopt, "starts_at"));
  auto before = checkInsidePeriod(year(2025) / 12 / 31, start, end, "starts_at");
  REQUIRE_FALSE(before);
  CHECK(before.error().field == "starts_at");
  CHECK_FALSE(checkInsidePeriod(year(2027) / 1 / 1, start, end, "starts_at"));
}

TEST_CASE("a cancelled meeting does not change and a cancellation needs a reason",
          "[agenda][meeting]") {
  CHECK(checkCanChange(MeetingStatus::Planned));
  CHECK(checkCanChange(MeetingStatus::Cancelled).error().code == Errc::Conflict);
  CHECK(checkCancelReason("Utföraren kan inte närvara"));
  CHECK(checkCancelReason("  \n").error().field == "cancel_reason");
}

}  // namespace SV_TEST_FILE
