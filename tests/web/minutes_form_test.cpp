// The minutes' edit form read back (minutesFromForm) and filled (addMinutesForm) for the
// attendance: a guest without an account is the next attendee (issue 19 point 9).
#include <catch2/catch.hpp>

#include "server/web/minutes_form.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

// Not `using namespace sv`: sv::Role (an account's) and minutes::Role would both be Role.
namespace http = sv::http;
namespace minutes = sv::minutes;
namespace web = sv::web;
using minutes::Attendee;
using minutes::Party;
using minutes::Role;

namespace {

minutes::Minutes twoAttendees() {
  minutes::Minutes m;
  m.attendance = {
      {"Anna Lind", "Förvaltningen", Party::Authority, Role::Chair, true, {Role::Adjuster}},
      {"Ulla Ek", "Omsorg AB", Party::Provider, Role::Adjuster, true}};
  return m;
}

http::FormBody form(const std::string& body) {
  auto parsed = http::FormBody::parse(body);
  REQUIRE(parsed);
  return *parsed;
}

// The text of a value in the template's data, "" when it is not a string.
std::string text(const web::Data& data, std::initializer_list<std::string> path) {
  const web::Data* at = &data;
  for (const auto& name : path) {
    at = at->get(name);
    REQUIRE(at != nullptr);
  }
  return at->is_string() ? at->string_value() : "";
}

bool flag(const web::Data& data, std::initializer_list<std::string> path) {
  const web::Data* at = &data;
  for (const auto& name : path) {
    at = at->get(name);
    REQUIRE(at != nullptr);
  }
  return at->is_true();
}

}  // namespace

TEST_CASE("minutes form: a guest filled in is the next attendee", "[web][minutes_form]") {
  const auto base = twoAttendees();
  const auto out = web::minutesFromForm(
      base, form("attendance-posted=1&attendance-0-present=1&attendance-2-name=+Maja+Svensson+"
                 "&attendance-2-organization=MAS&attendance-2-party=provider"));
  REQUIRE(out.attendance.size() == 3);
  CHECK(out.attendance[0] == base.attendance[0]);
  CHECK_FALSE(out.attendance[1].present);
  CHECK(out.attendance[2] ==
        Attendee{"Maja Svensson", "MAS", Party::Provider, Role::Participant, false});
}

TEST_CASE("minutes form: the guest's fields left blank add no one", "[web][minutes_form]") {
  const auto base = twoAttendees();
  const auto out = web::minutesFromForm(
      base, form("attendance-posted=1&attendance-0-present=1&attendance-1-present=1"
                 "&attendance-2-name=+&attendance-2-organization=&attendance-2-party=authority"
                 "&attendance-2-present=1"));
  CHECK(out.attendance == base.attendance);
}

TEST_CASE("minutes form: a title without a name is a guest without a name, for applyEdit to refuse",
          "[web][minutes_form]") {
  const auto out = web::minutesFromForm(
      twoAttendees(), form("attendance-posted=1&attendance-2-organization=MAS"
                           "&attendance-2-party=authority&attendance-2-present=1"));
  REQUIRE(out.attendance.size() == 3);
  CHECK(out.attendance[2].name.empty());
  CHECK(out.attendance[2].organization == "MAS");
  CHECK(out.attendance[2].party == Party::Authority);
  CHECK(out.attendance[2].present);
}

TEST_CASE("minutes form: the saved attendees have boxes, every role, and an empty guest",
          "[web][minutes_form]") {
  web::Data data;
  web::addMinutesForm(data, twoAttendees(), 2, "");
  const auto& rows = data.get("attendance")->list_value();
  REQUIRE(rows.size() == 2);
  CHECK(text(rows[0], {"role"}) == "Ordförande, justerare");
  CHECK(text(rows[0], {"id"}) == "attendance-0-present");
  CHECK(text(data, {"guest", "name", "id"}) == "attendance-2-name");
  CHECK(text(data, {"guest", "name", "value"}).empty());
  CHECK(text(data, {"guest", "party", "value"}) == "authority");
  CHECK(flag(data, {"guest", "present", "checked"}));
}

TEST_CASE("minutes form: a guest refused keeps what was typed, its field marked",
          "[web][minutes_form]") {
  auto shown = twoAttendees();
  shown.attendance.push_back({"", "MAS", Party::Provider, Role::Participant, false});
  web::Data data;
  web::addMinutesForm(data, shown, 2, "attendance-2-name");
  CHECK(data.get("attendance")->list_value().size() == 2);
  CHECK(flag(data, {"guest", "name", "invalid"}));
  CHECK(text(data, {"guest", "organization", "value"}) == "MAS");
  CHECK(text(data, {"guest", "party", "value"}) == "provider");
  CHECK_FALSE(flag(data, {"guest", "present", "checked"}));

  SECTION("a guest listed already is marked at the name") {
    web::Data again;
    web::addMinutesForm(again, shown, 2, "attendance-2");
    CHECK(flag(again, {"guest", "name", "invalid"}));
  }
}

}  // namespace SV_TEST_FILE
