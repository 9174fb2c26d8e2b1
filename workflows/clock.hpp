// Time is passed in, never read from a global, so rules about dates (overdue actions, session
// timeouts, the meeting year) can be tested at any moment of any year.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace sv {

using Clock = std::chrono::system_clock;
using TimePoint = Clock::time_point;

// Whole seconds since 1970 (UTC): how the outbox and the mail jobs store a time.
inline std::int64_t unixSeconds(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

class TimeSource {
 public:
  virtual ~TimeSource() = default;
  virtual TimePoint now() const = 0;
};

class SystemTime final : public TimeSource {
 public:
  TimePoint now() const override { return Clock::now(); }
};

// A clock a test sets and moves by hand.
class ManualTime final : public TimeSource {
 public:
  explicit ManualTime(TimePoint start) : ticks_(start.time_since_epoch().count()) {}
  TimePoint now() const override { return TimePoint(Clock::duration(ticks_.load())); }
  void set(TimePoint t) { ticks_ = t.time_since_epoch().count(); }
  void advance(Clock::duration d) { ticks_ += d.count(); }

 private:
  std::atomic<Clock::rep> ticks_;
};

}  // namespace sv
