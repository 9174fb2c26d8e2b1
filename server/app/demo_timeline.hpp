// The demo's past as a timeline: each step of its story (a year planned, an agenda published,
// minutes approved, an action reported) at the moment it happened, run in time order through the
// same use cases the server calls, with a clock set to that moment. Why a clock and not dates
// written afterwards: the figures of the yearly summary count days from a meeting to its
// approvals and the state of each action at year end, so every row must carry the time the step
// would have had, and only the use cases know which rows a step writes (approvals, action events,
// the register's number of that year, the audit log). Why one timeline for all the demo's
// contracts: the register numbers an authority's protocols in the order they are registered, so
// the contracts' stories are interleaved as the days were.
//
// A step dated after the present is not run, and neither is any step after it: early in a year
// the story goes as far as the year has, and nothing is stamped in the future.
#pragma once

#include <functional>
#include <vector>

#include "server/services/services.hpp"
#include "workflows/clock.hpp"
#include "workflows/result.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::app {

class DemoTimeline {
 public:
  using Step = std::function<Status(services::Services&)>;

  // The use cases over the same store and catalog as `present`, each with the timeline's clock.
  explicit DemoTimeline(services::Services& present);
  DemoTimeline(const DemoTimeline&) = delete;
  DemoTimeline& operator=(const DemoTimeline&) = delete;

  TimePoint now() const { return present_.time.now(); }

  // Kept in time order; steps of the same moment in the order added.
  void add(TimePoint when, Step step);
  // Every step up to the present, in time order; the first that fails ends the run with its
  // error. The steps are gone afterwards.
  Status run();

 private:
  struct Timed {
    TimePoint when;
    Step step;
  };

  services::Services& present_;
  ManualTime clock_;
  services::ContractService contracts_;
  services::MeetingService meetings_;
  services::AgendaService agendas_;
  services::MinutesService minutes_;
  services::ActionService actions_;
  services::ReportService reports_;
  services::CaseService cases_;
  services::AnnualReportService annual_;
  services::Services past_;
  std::vector<Timed> steps_;
};

// A Swedish wall-clock moment: `day` at hh:mm in Stockholm.
inline TimePoint stockholmAt(Date day, int hour, int minute = 0) {
  return fromStockholm(day, std::chrono::minutes(hour * 60 + minute));
}

inline Date daysAfter(Date d, int days) {
  return Date(std::chrono::sys_days(d) + std::chrono::days(days));
}

}  // namespace sv::app
