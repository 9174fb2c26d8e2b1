// The reasons the action use cases give, asserted exactly (the behaviours themselves are in
// actions_test.cpp).
#include "server/services/actions.hpp"
#include "service_fixture.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using agenda::ActionStatus;
using test::checkError;
using test::ServiceFixture;

namespace {

struct ActionFixture : ServiceFixture {
  services::ActionService actions{*store, catalog, time};
  std::int64_t contract = makeContract();

  std::int64_t create(const std::string& party = "provider") {
    auto a = actions.create(manager, {contract, "Åtgärda bemanningen", party, "", "2026-04-01"});
    REQUIRE(a);
    CHECK(a->row.status == ActionStatus::Open);
    return a->row.id;
  }
};

}  // namespace

TEST_CASE("actions: an accepted action is Conflict/ActionClosed to a change",
          "[services][actions]") {
  ActionFixture f;
  const auto id = f.create();
  auto done = f.actions.evaluate(f.manager, id, "accepted", "", std::nullopt);
  REQUIRE(done);
  CHECK(done->row.status == ActionStatus::Accepted);
  checkError(f.actions.change(f.manager, id, {.text = std::string("Ny text")}), Errc::Conflict,
             Reason::ActionClosed);
}

TEST_CASE("actions: the input of a new action is checked with its reasons", "[services][actions]") {
  ActionFixture f;
  checkError(f.actions.create(f.manager, {f.contract, " ", "provider", "", "2026-04-01"}),
             Errc::Invalid, Reason::Missing, "text");
  checkError(f.actions.create(f.manager, {f.contract, "Text", "both", "", "2026-04-01"}),
             Errc::Invalid, Reason::ResponsiblePartyUnknown, "responsible_party");
  checkError(f.actions.create(
                 f.manager, {f.contract, "Text", "provider", std::string(201, 'x'), "2026-04-01"}),
             Errc::Invalid, Reason::TooLong, "responsible_person", "200");
  checkError(f.actions.create(f.manager, {f.contract, "Text", "provider", "", "1 april"}),
             Errc::Invalid, Reason::NotADate, "due_on", "YYYY-MM-DD");
  checkError(f.actions.create(f.providerRep, {f.contract, "Text", "provider", "", "2026-04-01"}),
             Errc::Forbidden, Reason::NotContractManager);
  services::ActionFilter filter;
  filter.status = "closed";
  checkError(f.actions.list(f.manager, filter), Errc::Invalid, Reason::UnknownChoice, "status");
}

TEST_CASE("actions: a report and an evaluation name the guard that refused them",
          "[services][actions]") {
  ActionFixture f;
  const auto id = f.create();
  checkError(f.actions.report(f.providerRep, id, "  "), Errc::Invalid, Reason::ReportMissing,
             "text");
  checkError(f.actions.evaluate(f.manager, id, "insufficient", "", std::string("2026-04-30")),
             Errc::Invalid, Reason::CommentMissing, "comment");
  checkError(f.actions.evaluate(f.manager, id, "insufficient", "Räcker inte.", std::nullopt),
             Errc::Invalid, Reason::InsufficientNeedsDueDate, "new_due_date");
  checkError(f.actions.evaluate(f.manager, id, "maybe", "", std::nullopt), Errc::Invalid,
             Reason::UnknownChoice, "outcome");
  auto reported = f.actions.report(f.providerRep, id, "Klart.");
  REQUIRE(reported);
  CHECK(reported->row.status == ActionStatus::Reported);
  CHECK(reported->row.responsibleParty == Party::Provider);
}

TEST_CASE("actions: an evaluation by someone who may not evaluate is refused before its fields",
          "[services][actions]") {
  ActionFixture f;
  const auto id = f.create();
  REQUIRE(f.actions.report(f.providerRep, id, "Klart."));
  // The provider's representative: the refusal of the role, not of the date or the outcome.
  checkError(f.actions.evaluate(f.providerRep, id, "insufficient", "", std::string("1 april")),
             Errc::Forbidden, Reason::RoleMissingForTransition, "", "find_insufficient");
  checkError(f.actions.evaluate(f.providerRep, id, "maybe", "", std::nullopt), Errc::Forbidden,
             Reason::RoleMissingForTransition, "", "accept");
  // The contract manager: now the fields are judged.
  checkError(
      f.actions.evaluate(f.manager, id, "insufficient", "Räcker inte.", std::string("1 april")),
      Errc::Invalid, Reason::NotADate, "new_due_date", "YYYY-MM-DD");
}

}  // namespace SV_TEST_FILE
