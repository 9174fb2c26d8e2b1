#include "server/mail/sender.hpp"

#include <Poco/Logger.h>

#include "server/store/outbox.hpp"

namespace sv::mail {
Sender::Sender(store::Store& store, Transport& transport, const TimeSource& time, Backoff backoff,
               int batch)
    : store_(store), transport_(transport), time_(time), backoff_(backoff), batch_(batch) {}

Sender::~Sender() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  signal_.notify_all();
  if (thread_.joinable()) thread_.join();
}

SenderRound Sender::deliverDue() {
  SenderRound round;
  const std::int64_t start = unixSeconds(time_.now());
  // Looked at first: most rounds find nothing, and the claim is a write (which every cache of
  // the store counts as a change).
  if (store_.read([&](store::Reading& c) { return store::dueMail(c, start, 1).empty(); }))
    return round;
  // Claimed, so that the sender of another server process on the same PostgreSQL does not send
  // them too; a claim longer than a batch's worst case (each message's SMTP timeouts).
  const auto due = store_.write([&](store::Writing& c) {
    return store::claimDueMail(c, start, batch_, start + kClaimSeconds);
  });
  transport_.deliverAll(due, [&](const store::OutboxRow& row, const Status& delivered) {
    // Marked before the next message goes: a crash repeats at most the one in flight.
    const auto now = time_.now();
    if (delivered) {
      store_.write(
          [&](store::Writing& c) { return store::markMailSent(c, row.id, unixSeconds(now)); });
      ++round.sent;
    } else {
      const auto next = nextAttempt(backoff_, row.attempts + 1, now);
      store_.write([&](store::Writing& c) {
        store::markMailFailed(c, row.id, delivered.error().detail, unixSeconds(next));
        return 0;
      });
      ++round.failed;
    }
  });
  return round;
}

void Sender::start(std::chrono::milliseconds interval) {
  thread_ = std::thread([this, interval] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      // A round that fails on the store (a full disk) is tried again at the next interval; the
      // rows stay in the outbox either way.
      bool full = false;  // a whole batch: more may be due, so no waiting
      try {
        const auto round = deliverDue();
        full = round.sent + round.failed >= static_cast<std::size_t>(batch_);
      } catch (const std::exception& e) {
        Poco::Logger::get("samverkan.mail")
            .error(std::string("a delivery round failed: ") + e.what());
      }
      lock.lock();
      if (!full) signal_.wait_for(lock, interval, [this] { return stopping_ || woken_; });
      woken_ = false;
    }
  });
}

void Sender::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  signal_.notify_all();
}

}  // namespace sv::mail
