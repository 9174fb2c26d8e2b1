#include <catch2/catch.hpp>

#include "agenda/action_status.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::agenda;

TEST_CASE("an action's status by name, both ways", "[agenda][actions]") {
  for (const auto s : {ActionStatus::Open, ActionStatus::Reported, ActionStatus::Accepted,
                       ActionStatus::Insufficient})
    CHECK(parseActionStatus(toString(s)) == s);
  CHECK(toString(ActionStatus::Insufficient) == "insufficient");
  CHECK_FALSE(parseActionStatus("Open"));
}

TEST_CASE("an action's history entries by name, both ways", "[agenda][actions]") {
  for (const auto k : {ActionEventKind::Created, ActionEventKind::Report, ActionEventKind::Change,
                       ActionEventKind::Evaluation})
    CHECK(parseActionEventKind(toString(k)) == k);
  CHECK(toString(ActionEventKind::Evaluation) == "evaluation");
  CHECK_FALSE(parseActionEventKind("evaluated"));
  CHECK_FALSE(parseActionEventKind(""));
}

}  // namespace SV_TEST_FILE
