// Issue 20, point 8: NUL and other control characters were stored in a contract's title and
// reference, a meeting's place, an action's text, report and evaluation comment, and a return
// comment, and served raw in the pages. Each is now refused with Invalid/ControlCharacter naming
// the field, and nothing changes; line breaks stay allowed where a text may have lines.
#include <catch2/catch.hpp>

#include "minutes_fixture.hpp"
#include "server/services/actions.hpp"

namespace sv::test {
namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

const std::string kNul("Eken\0boende", 11);
const std::string kEscape = "Eken\x1b[31m";

TEST_CASE("a contract's title and reference refuse control characters", "[free_text]") {
  ServiceFixture f;
  for (const auto& bad : {kNul, kEscape}) {
    auto in = f.contractInput();
    in.title = bad;
    checkError(f.contracts.create(f.manager, in), Errc::Invalid, Reason::ControlCharacter, "title");
    in = f.contractInput();
    in.reference = "SDN\n2026/1";
    checkError(f.contracts.create(f.manager, in), Errc::Invalid, Reason::ControlCharacter,
               "reference");
  }
  CHECK(f.contracts.list(f.manager).empty());
  const auto id = f.makeContract();
  services::ContractInput change;
  change.title = kNul;
  checkError(f.contracts.update(f.manager, id, change), Errc::Invalid, Reason::ControlCharacter,
             "title");
  CHECK(f.contracts.list(f.manager).front().title == "Vård- och omsorgsboende Eken");
}

TEST_CASE("a meeting's place refuses control characters, when made and when changed",
          "[free_text]") {
  ServiceFixture f;
  const auto contract = f.makeContract();
  checkError(f.meetings.create(f.manager, contract, {"2026-05-12T13:00", std::nullopt, kEscape}),
             Errc::Invalid, Reason::ControlCharacter, "location");
  const auto m = f.makeMeeting(contract, "2026-05-12T13:00");
  services::MeetingChange change;
  change.location = kNul;
  checkError(f.meetings.change(f.manager, m.row.id, change), Errc::Invalid,
             Reason::ControlCharacter, "location");
  CHECK(f.meetings.get(f.manager, m.row.id)->row.location == "Eken, matsalen");
}

TEST_CASE("an action's text and report refuse control characters, lines allowed", "[free_text]") {
  ServiceFixture f;
  services::ActionService actions{*f.store, f.catalog, f.time};
  const auto contract = f.makeContract();
  services::NewAction in;
  in.contractId = contract;
  in.text = kNul;
  in.responsibleParty = "provider";
  in.dueOn = "2026-06-30";
  checkError(actions.create(f.manager, in), Errc::Invalid, Reason::ControlCharacter, "text");
  in.text = "Ny rutin för kvällsmaten.\nFöljs upp i juni.";
  auto made = actions.create(f.manager, in);
  INFO((made ? std::string() : made.error().detail));
  REQUIRE(made);
  checkError(actions.report(f.providerRep, made->row.id, kEscape), Errc::Invalid,
             Reason::ControlCharacter, "text");
  REQUIRE(actions.report(f.providerRep, made->row.id, "Rutinen är på plats.\r\nSe bilagan."));
}

TEST_CASE("a return comment refuses control characters after the role was checked", "[free_text]") {
  MinutesFixture f;
  const auto meeting = f.meeting();
  f.started(meeting);
  REQUIRE(f.minutes.submit(f.secretary, meeting));
  // A reader may not return the minutes: the role is refused before the comment is read.
  auto byReader = f.minutes.returnMinutes(f.secretary, meeting, kNul);
  REQUIRE_FALSE(byReader);
  CHECK(byReader.error().code == Errc::Forbidden);
  checkError(f.minutes.returnMinutes(f.adjuster, meeting, kNul), Errc::Invalid,
             Reason::ControlCharacter, "comment");
  REQUIRE(f.minutes.returnMinutes(f.adjuster, meeting, "Fel antal avvikelser i § 8."));
}

}  // namespace SV_TEST_FILE
}  // namespace sv::test
