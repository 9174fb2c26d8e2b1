// The demo's second authority, whose contract has a year behind it, so that every page shows
// something real on a fresh `make run`: a registered protocol with an action, the provider's
// report on it, the next meeting's minutes returned with a comment on a §, and a published agenda,
// each step on the day it happened (demo_timeline.hpp). It lives in its own authority and provider
// so the first (Östermalm, Linnégården), which the browser tests walk from a clean start, stays as
// it is.
#pragma once

#include <functional>
#include <string>

#include "server/services/services.hpp"
#include "workflows/result.hpp"

namespace sv::app {

// A use case's result as a step of the demo: its error, or nothing.
template <class T>
Status ok(const Result<T>& r) {
  if (!r) return std::unexpected(r.error());
  return {};
}

#define SV_DEMO_TRY(expr) \
  if (auto done = ok(expr); !done) return done

struct DemoPeople {
  store::Principal manager;    // the authority's contract manager, chair, secretary and adjuster
  store::Principal registrar;  // the authority's registrar
  store::Principal provider;   // the provider's representative and adjuster
};

class DemoTimeline;

// The contract and its year: created and planned now, its meetings' story queued on the timeline,
// and after it (at the present) its reports and cases. Running it again changes nothing.
Status loadDemoHistory(services::Services& s, DemoTimeline& timeline, std::int64_t providerId,
                       const DemoPeople& people);

// The section of the minutes with this agenda key, or none.
minutes::Section* demoSection(minutes::Minutes& doc, const std::string& key);

// Saves what the meeting noted in the draft of `meetingId`, written by `writer`: the version saved.
Result<std::string> writeDemoMinutes(services::Services& s, const store::Principal& writer,
                                     std::int64_t meetingId,
                                     const std::function<void(minutes::Minutes&)>& note);

// The contract's follow-up reports: last year's registered after fact-check and a supplement,
// this year's with the provider for fact-checking (demo_reports.cpp).
Status loadDemoReports(services::Services& s, std::int64_t contractId, const DemoPeople& people);

// The contract's event-driven cases: a complaint whose first action plan was sent back with a
// comment and whose second was accepted, its feedback given and its report to the committee
// started; and an acute lex Sarah case gathering material, its leaders told (demo_cases.cpp).
Status loadDemoCases(services::Services& s, std::int64_t contractId, const DemoPeople& people);

}  // namespace sv::app
