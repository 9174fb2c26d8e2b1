// The sender: takes the due messages from the outbox, hands each to the transport, and marks it
// sent or moves its next attempt on (workflows/backoff.hpp). The mark comes after the delivery,
// so a crash between them sends the message again with the same Message-ID, and never loses it.
// `deliverDue` is one round, for tests that move time; `start` runs rounds on a thread until the
// sender is destroyed (RAII: the destructor stops and joins it).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>

#include "server/mail/transport.hpp"
#include "server/store/store.hpp"
#include "workflows/backoff.hpp"
#include "workflows/clock.hpp"

namespace sv::mail {

struct SenderRound {
  std::size_t sent = 0;
  std::size_t failed = 0;
};

class Sender {
 public:
  Sender(store::Store& store, Transport& transport, const TimeSource& time, Backoff backoff = {},
         int batch = 50);
  ~Sender();
  Sender(const Sender&) = delete;
  Sender& operator=(const Sender&) = delete;

  // Delivers what is due now, at most one batch, claimed first (store::claimDueMail).
  SenderRound deliverDue();

  // How long a round's claim keeps the messages from other senders (other server processes on
  // the same PostgreSQL). A batch takes far less unless the mail server answers each command at
  // the edge of its 30 s timeout; should a round outlast it, a message may go twice, with the
  // same Message-ID (the recipient's server and client see one). A process killed mid-round
  // leaves its claims to run out; on SQLite the next start clears them (Store::open).
  static constexpr std::int64_t kClaimSeconds = 30 * 60;

  // Rounds every `interval` on a thread of its own, and at once after wake().
  void start(std::chrono::milliseconds interval);
  // A message was written: deliver it without waiting for the interval.
  void wake();

 private:
  store::Store& store_;
  Transport& transport_;
  const TimeSource& time_;
  Backoff backoff_;
  int batch_;
  std::mutex mutex_;
  std::condition_variable signal_;
  bool stopping_ = false;
  bool woken_ = false;
  std::thread thread_;
};

}  // namespace sv::mail
