// Two whole years of a demo contract, last year's and this year's, told as the quarterly meetings
// went: some held (agenda published a week before, minutes written the same day, sent for
// approval, sometimes returned once with a comment, approved a few days or some weeks later,
// sometimes with a note of disagreement, then registered), some cancelled with a reason; the
// actions agreed at them reported on by the provider between meetings and evaluated at the next
// meeting, accepted or found insufficient and given a new due date. Why: the yearly summary to
// the committee (issue 15) shows each of these as a chart, and a fresh `make run` should show
// every chart with figures a reader recognises (most minutes approved within two weeks, actions
// in every state at year end, some overdue, last year beside this one).
//
// The story is a script of plain data (demo_stories.cpp) played on the timeline by
// loadDemoYears (demo_year.cpp); each step dated relative to its meeting's planned day.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "server/app/demo_history.hpp"
#include "server/app/demo_timeline.hpp"

namespace sv::app {

// An action agreed at the meeting, due `dueDays` after it.
struct DemoAgreed {
  std::string text{};
  int dueDays = 60;
};

// The meeting's evaluation of an earlier action (named by its text); an insufficient one gets a
// new due date `newDueDays` after the meeting.
struct DemoEvaluated {
  std::string action{};
  minutes::Outcome outcome = minutes::Outcome::Accepted;
  std::string comment{};
  int newDueDays = 0;
};

// The provider's report on an action (named by its text), `days` after the meeting; with
// `acceptedAfter`, the contract manager accepts it that many days after the report, between
// meetings (the next meeting then has nothing left to evaluate on it).
struct DemoReported {
  std::string action{};
  int days = 30;
  std::string text{};
  int acceptedAfter = 0;
};

struct DemoMeetingScript {
  std::string cancelReason{};  // set: the meeting was cancelled ten days before, for this reason
  std::string providerReport{};
  std::string deviations{};
  std::string observation{};  // the administration's, under its follow-up
  std::vector<DemoAgreed> agreed{};
  std::vector<DemoEvaluated> evaluated{};
  std::string returnComment{};  // set: the provider returned the minutes once with this comment
  std::string disagreement{};   // set: the provider approved with this note of disagreement
  int approvalDays = 5;         // from the meeting to the later of the two approvals
  std::vector<DemoReported> reported{};
};

struct DemoContractScript {
  std::int64_t providerId = 0;
  DemoPeople people;
  std::string providerPerson;  // responsible for the provider's actions
  std::string title;
  std::string referenceNumber;  // the reference is "SDN <two years ago>/<this>"
  std::string serviceArea;
  std::string location;
  // Last year's quarterly meetings, then this year's (four each, in the plan's order).
  std::array<std::array<DemoMeetingScript, 4>, 2> years;
};

// Queues the contract's two years on the timeline; a contract already there (its title) queues
// nothing.
Status loadDemoYears(services::Services& s, DemoTimeline& timeline, DemoContractScript script);

// Last year's summary to the committee of `authorityId` as it went early this year
// (demo_annual.cpp): written and sent by the contract manager, approved by the director,
// registered by the registrar, so the demo has a registered summary with its archival package.
// Queues nothing when the summary was started already.
struct DemoAnnualPeople {
  store::Principal manager;
  store::Principal director;
  store::Principal registrar;
};
void queueDemoAnnualRecord(services::Services& s, DemoTimeline& timeline, std::int64_t authorityId,
                           const DemoAnnualPeople& people);

// The scripts (demo_stories.cpp): a care home of Östermalm and a day centre of Södermalm.
DemoContractScript solgardenScript(std::int64_t providerId, const DemoPeople& people);
DemoContractScript vitaBergenScript(std::int64_t providerId, const DemoPeople& people);

}  // namespace sv::app
