// A hand-counted year for the tests of the yearly summary (annual_*_test.cpp): one authority, two
// providers, three contracts, 2026 and 2025. The counts each test expects are worked out in the
// comments beside the facts, so a reader can check them without running anything.
//
// Provider 10 "Åldreomsorg Öst AB": contract 1 (SDN 2024/0001) and contract 2 (SDN 2024/0002).
// Provider 20 "Bästa Vård AB": contract 3 (SDN 2023/0007).
#pragma once

#include <chrono>

#include "minutes/annual_figures.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::minutes::test::annual {

inline Date day(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// A time in Stockholm.
inline TimePoint sthlm(int y, unsigned m, unsigned d, int h = 10, int min = 0) {
  return fromStockholm(day(y, m, d), std::chrono::hours{h} + std::chrono::minutes{min});
}

// A time in UTC.
inline TimePoint utc(int y, unsigned m, unsigned d, int h, int min) {
  return std::chrono::sys_days{day(y, m, d)} + std::chrono::hours{h} + std::chrono::minutes{min};
}

inline ActionEventFact event(TimePoint at, ActionState state) {
  return ActionEventFact{at, state};
}

inline ContractFacts contract1() {
  ContractFacts c;
  c.contractId = 1;
  c.title = "Hemtjänst Årsta";
  c.reference = "SDN 2024/0001";
  c.providerId = 10;
  c.providerName = "Åldreomsorg Öst AB";
  c.meetings = {
      // 00:30 on 1 January 2026 in Stockholm is 23:30 on 31 December 2025 in UTC: 2026's.
      {100, utc(2025, 12, 31, 23, 30), MeetingState::Held, ""},
      {101, sthlm(2026, 3, 10), MeetingState::Held, ""},
      {102, sthlm(2026, 6, 9), MeetingState::Cancelled, "Sjukdom"},
      {103, sthlm(2026, 9, 8), MeetingState::Held, ""},
      // 23:30 on 31 December 2026 in Stockholm (22:30 UTC): 2026's.
      {104, utc(2026, 12, 31, 22, 30), MeetingState::Held, ""},
      // 00:30 on 1 January 2027 in Stockholm (23:30 UTC on 31 December): 2027's, not counted.
      {105, utc(2026, 12, 31, 23, 30), MeetingState::Planned, ""},
      // 2025: 4 planned, 3 held, 1 cancelled.
      {90, sthlm(2025, 3, 11), MeetingState::Held, ""},
      {91, sthlm(2025, 6, 10), MeetingState::Held, ""},
      {92, sthlm(2025, 9, 9), MeetingState::Held, ""},
      {93, sthlm(2025, 12, 9), MeetingState::Cancelled, "  Sjukdom "},
  };
  c.minutes = {
      // Meeting on 1 January (Stockholm), both approved on the 8th: 7 days (by UTC dates, 8).
      {100,
       utc(2025, 12, 31, 23, 30),
       utc(2026, 1, 8, 9, 0),
       utc(2026, 1, 8, 10, 0),
       sthlm(2026, 1, 9),
       0,
       0,
       {{"observations", "Förvaltningens iakttagelser", 0}}},
      // 5 days to both approvals, 10 to registration; returned once.
      {101,
       sthlm(2026, 3, 10),
       sthlm(2026, 3, 12, 9),
       sthlm(2026, 3, 15, 9),
       sthlm(2026, 3, 20),
       1,
       0,
       {{"observations", "Förvaltningens iakttagelser", 2}, {"actions", "Åtgärder", 0}}},
      // 12 days (the later approval counts), 37 to registration; one reservation.
      {103,
       sthlm(2026, 9, 8),
       sthlm(2026, 9, 20),
       sthlm(2026, 9, 18),
       sthlm(2026, 10, 15),
       0,
       1,
       {{"observations", "Förvaltningens iakttagelser", 1}}},
      // 20 days over the new year, not registered; returned twice.
      {104,
       utc(2026, 12, 31, 22, 30),
       sthlm(2027, 1, 20),
       sthlm(2027, 1, 20),
       std::nullopt,
       2,
       0,
       {{"observations", "Förvaltningens iakttagelser", 3}}},
  };
  c.actions = {
      // Reported, found insufficient, re-opened, reported again, accepted: 182 days.
      {1,
       sthlm(2026, 3, 10),
       day(2026, 5, 1),
       {event(sthlm(2026, 4, 20), ActionState::Reported),
        event(sthlm(2026, 6, 15), ActionState::Insufficient),
        event(sthlm(2026, 6, 15, 11), ActionState::Open),
        event(sthlm(2026, 8, 1), ActionState::Reported),
        event(sthlm(2026, 9, 8), ActionState::Accepted)}},
      // Reported, not evaluated by the year's end, due before it: overdue.
      {2, sthlm(2026, 9, 8), day(2026, 11, 30), {event(sthlm(2026, 12, 1), ActionState::Reported)}},
      // From 2025 (overdue at the end of 2025), accepted in 2026 after 181 days.
      {3,
       sthlm(2025, 9, 10),
       day(2025, 12, 31),
       {event(sthlm(2026, 3, 10), ActionState::Accepted)}},
      // Accepted in 2025: no part of 2026.
      {4, sthlm(2024, 3, 1), day(2024, 6, 1), {event(sthlm(2025, 2, 1), ActionState::Accepted)}},
  };
  c.reports = {
      {2026,
       ReportKind::Operational,
       ReportState::Registered,
       {{"staff", "Personal", Assessment::Meets},
        {"quality", "Kvalitet", Assessment::PartlyMeets}}},
      {2025,
       ReportKind::Operational,
       ReportState::Registered,
       {{"staff", "Personal", Assessment::Meets}}},
  };
  return c;
}

inline ContractFacts contract2() {
  ContractFacts c;
  c.contractId = 2;
  c.title = "Särskilt boende Älvsjö";
  c.reference = "SDN 2024/0002";
  c.providerId = 10;
  c.providerName = "Åldreomsorg Öst AB";
  c.meetings = {
      {200, sthlm(2026, 2, 10), MeetingState::Held, ""},
      {201, sthlm(2026, 5, 12), MeetingState::Cancelled, "Lokalen ej tillgänglig"},
      {202, sthlm(2026, 8, 11), MeetingState::Cancelled, "Sjukdom"},
      {203, sthlm(2026, 11, 10), MeetingState::Planned, ""},
  };
  c.minutes = {
      // 43 days to both approvals, 48 to registration; returned once, two reservations.
      {200,
       sthlm(2026, 2, 10),
       sthlm(2026, 3, 20),
       sthlm(2026, 3, 25),
       sthlm(2026, 3, 30),
       1,
       2,
       {{"observations", "Förvaltningens iakttagelser", 4}, {"quality", "Kvalitet", 1}}},
  };
  c.actions = {
      // Insufficient and re-opened; open at the year's end and overdue.
      {5,
       sthlm(2026, 2, 10),
       day(2026, 4, 30),
       {event(sthlm(2026, 4, 28), ActionState::Reported),
        event(sthlm(2026, 5, 12), ActionState::Insufficient),
        event(sthlm(2026, 5, 12, 11), ActionState::Open)}},
      // Open, due next year: not overdue.
      {6, sthlm(2026, 2, 10), day(2027, 2, 1), {}},
      // Insufficient at the year's end, due 15 December: overdue.
      {9,
       sthlm(2026, 2, 10),
       day(2026, 12, 15),
       {event(sthlm(2026, 11, 1), ActionState::Reported),
        event(sthlm(2026, 11, 10), ActionState::Insufficient)}},
  };
  c.cases = {
      {sthlm(2026, 3, 1),
       CaseTrigger::Complaints,
       CaseState::Closed,
       {AnalysisOutcome::NotOk, AnalysisOutcome::Ok}},
      {sthlm(2026, 11, 1),
       CaseTrigger::SeriousEvent,
       CaseState::ActionPlanRequested,
       {AnalysisOutcome::NotOk}},
      {sthlm(2025, 5, 1), CaseTrigger::Complaints, CaseState::Closed, {AnalysisOutcome::Ok}},
  };
  return c;
}

inline ContractFacts contract3() {
  ContractFacts c;
  c.contractId = 3;
  c.title = "Daglig verksamhet Östberga";
  c.reference = "SDN 2023/0007";
  c.providerId = 20;
  c.providerName = "Bästa Vård AB";
  c.meetings = {
      {300, sthlm(2026, 4, 1), MeetingState::Held, ""},
      {301, sthlm(2026, 10, 1), MeetingState::Held, ""},
  };
  c.minutes = {
      // Only the authority approved: not approved by both, no days.
      {300,
       sthlm(2026, 4, 1),
       sthlm(2026, 4, 3),
       std::nullopt,
       std::nullopt,
       0,
       0,
       {{"observations", "Förvaltningens iakttagelser", 0}}},
      // 8 days to both approvals, 9 to registration.
      {301,
       sthlm(2026, 10, 1),
       sthlm(2026, 10, 5),
       sthlm(2026, 10, 9),
       sthlm(2026, 10, 10),
       0,
       0,
       {{"observations", "Förvaltningens iakttagelser", 2}, {"quality", "Kvalitet", 0}}},
  };
  c.actions = {
      // Accepted at 00:30 on 1 January 2027 in Stockholm (23:30 UTC on 31 December): not accepted
      // by the end of 2026, so reported at the year's end and overdue.
      {7,
       sthlm(2026, 10, 1),
       day(2026, 12, 31),
       {event(sthlm(2026, 12, 20), ActionState::Reported),
        event(utc(2026, 12, 31, 23, 30), ActionState::Accepted)}},
      // Accepted after 71 days.
      {8,
       sthlm(2026, 4, 1),
       day(2026, 6, 30),
       {event(sthlm(2026, 6, 1), ActionState::Reported),
        event(sthlm(2026, 6, 11), ActionState::Accepted)}},
  };
  c.reports = {
      {2026,
       ReportKind::Contract,
       ReportState::Final,
       {{"staff", "Personal", Assessment::DoesNotMeet}}},
  };
  c.cases = {
      {sthlm(2026, 6, 1), CaseTrigger::Deviations, CaseState::Collecting, {}},
  };
  return c;
}

inline AnnualInput sampleInput() {
  AnnualInput input;
  input.authorityId = 1;
  input.authorityName = "Stadsdelsförvaltning Söder";
  input.year = 2026;
  input.contracts = {contract3(), contract1(), contract2()};
  return input;
}

}  // namespace sv::minutes::test::annual
