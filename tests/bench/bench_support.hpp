// What the in-process benchmarks share: samples with median and percentiles, printf-style text,
// and a sink that keeps the compiler from removing work whose result is not used.
#pragma once

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

namespace sv::bench {

using Steady = std::chrono::steady_clock;

// Durations in microseconds.
class Samples {
 public:
  void add(Steady::duration d) {
    values_.push_back(std::chrono::duration<double, std::micro>(d).count());
  }
  std::size_t size() const { return values_.size(); }
  double median() const {
    auto s = sorted();
    const std::size_t n = s.size();
    return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
  // Nearest rank: the smallest value with at least p % of the samples at or below it.
  double percentile(double p) const {
    auto s = sorted();
    const auto rank =
        static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(s.size())));
    return s[std::max<std::size_t>(rank, 1) - 1];
  }
  double p99() const { return percentile(99); }
  double max() const { return sorted().back(); }
  double sum() const {
    double total = 0;
    for (double v : values_) total += v;
    return total;
  }

 private:
  std::vector<double> sorted() const {
    if (values_.empty()) throw std::logic_error("a benchmark took no samples");
    auto s = values_;
    std::sort(s.begin(), s.end());
    return s;
  }
  std::vector<double> values_;
};

inline std::string textf(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
inline std::string textf(const char* fmt, ...) {
  char buf[512];
  va_list args;
  va_start(args, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, args);
  va_end(args);
  return buf;
}

inline volatile std::size_t g_sink = 0;
inline void keep(std::size_t x) {
  g_sink = g_sink + x;
}

}  // namespace sv::bench
