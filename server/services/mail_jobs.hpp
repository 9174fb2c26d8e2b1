// The e-mail the server sends of itself, once a day after the digest hour (Swedish time):
// reminders (minutes waiting for an approval, actions due soon or overdue, a meeting near with
// no published agenda), then each person's digest of what they chose to get that way. Time comes
// from the TimeSource, so tests move it; a day's run is recorded (mail_jobs), so a restart or
// a second call the same day sends nothing twice.
#pragma once

#include <cstddef>

#include "server/services/catalog.hpp"
#include "server/store/store.hpp"
#include "workflows/clock.hpp"

namespace sv::services {

struct MailJobsRun {
  bool ran = false;           // false: before the hour, or already run today
  std::size_t reminders = 0;  // reminders given (each to one person)
  std::size_t digests = 0;    // digest messages written to the outbox
};

// Both jobs, when due. Never fails for a person's data: each job is one transaction.
MailJobsRun runMailJobs(store::Store& store, const Catalog& catalog, const TimeSource& time);

// The jobs one by one, whatever the hour and day (mail_reminders.cpp, mail_digest.cpp).
std::size_t giveReminders(store::Store& store, const Catalog& catalog, TimePoint now);
std::size_t sendDigests(store::Store& store, const Catalog& catalog, TimePoint now);

}  // namespace sv::services
