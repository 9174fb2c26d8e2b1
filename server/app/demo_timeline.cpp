#include "server/app/demo_timeline.hpp"

#include <algorithm>

namespace sv::app {

DemoTimeline::DemoTimeline(services::Services& present)
    : present_(present),
      clock_(present.time.now()),
      contracts_(present.store, present.catalog, clock_),
      meetings_(present.store, present.catalog, clock_),
      agendas_(present.store, present.catalog, clock_),
      minutes_(present.store, present.catalog, clock_),
      actions_(present.store, present.catalog, clock_),
      reports_(present.store, present.catalog, clock_),
      cases_(present.store, present.catalog, clock_),
      // The yearly summary's steps too are stamped with the timeline's time, not the load's.
      annual_(present.store, present.catalog, clock_),
      past_{present.store,
            present.accounts,
            clock_,
            present.catalog,
            contracts_,
            meetings_,
            agendas_,
            minutes_,
            actions_,
            present.secureCookies,
            present.publicUrl,
            present.attachments,
            &reports_,
            &cases_,
            &annual_} {}

void DemoTimeline::add(TimePoint when, Step step) {
  steps_.push_back({when, std::move(step)});
}

Status DemoTimeline::run() {
  auto steps = std::move(steps_);
  steps_.clear();
  std::stable_sort(steps.begin(), steps.end(),
                   [](const Timed& a, const Timed& b) { return a.when < b.when; });
  const TimePoint present = now();
  for (auto& s : steps) {
    if (s.when > present) break;
    clock_.set(s.when);
    if (auto done = s.step(past_); !done) return done;
  }
  return {};
}

}  // namespace sv::app
