// What the in-process benchmark programs share beyond their statistics (bench_support.hpp):
// stopping with a message, unwrapping results, timing a subject against its baseline call by
// call, the figures' formatting, and the description of the machine each report starts with.
#pragma once

#include <fcntl.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <iostream>
#include <string>
#include <string_view>

#include "bench_support.hpp"
#include "workflows/result.hpp"

namespace sv::bench {

// Set by main: the name in messages, and the temporary folder removed on failure (unless kept).
inline std::string g_program = "bench";
inline std::filesystem::path g_removeOnExit;

[[noreturn]] inline void die(const std::string& what) {
  std::cerr << g_program << ": " << what << "\n";
  if (!g_removeOnExit.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(g_removeOnExit, ec);
  }
  std::exit(1);
}

// The command line every benchmark reads: --tmp DIR (default $TMPDIR, else /tmp), --keep, and the
// program's own flags that take a value (each with what to do with it). Anything else, or a flag
// without its value, stops the run with `usage`.
struct Flag {
  std::string_view name;  // "--reads"
  std::function<void(const std::string&)> set;
};
inline void readCommandLine(int argc, char** argv, const std::string& usage,
                            std::filesystem::path& tmp, bool& keepData,
                            std::initializer_list<Flag> flags) {
  const char* tmpdir = std::getenv("TMPDIR");
  tmp = tmpdir && *tmpdir ? tmpdir : "/tmp";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--keep") {
      keepData = true;
      continue;
    }
    const Flag* flag = nullptr;
    for (const Flag& f : flags)
      if (f.name == a) flag = &f;
    if (a != "--tmp" && !flag) die(usage);
    if (i + 1 >= argc) die(a + " needs a value");
    const std::string value = argv[++i];
    if (flag)
      flag->set(value);
    else
      tmp = value;
  }
}

// A fresh folder for one run, "<under>/samverkan-<name>-XXXXXX", removed by die() and at the end
// of the run unless `keep` (--keep).
inline std::filesystem::path makeWorkspace(const std::filesystem::path& under,
                                           const std::string& name, bool keep) {
  std::string pattern = (under / ("samverkan-" + name + "-XXXXXX")).string();
  if (!::mkdtemp(pattern.data())) die("cannot make a folder under " + under.string());
  const std::filesystem::path folder = pattern;
  if (!keep) g_removeOnExit = folder;
  return folder;
}

inline std::string describe(const Error& e) {
  return e.detail + (e.field.empty() ? "" : " (" + e.field + ")");
}

template <class T>
T need(Result<T> r, const std::string& what) {
  if (!r) die(what + ": " + describe(r.error()));
  return std::move(*r);
}

inline void need(const Status& s, const std::string& what) {
  if (!s) die(what + ": " + describe(s.error()));
}

inline void progress(const std::string& what) {
  std::cerr << g_program << ": " << what << std::endl;
}

struct Pair {
  Samples subject;
  Samples baseline;
};

// Runs baseline(i) and subject(i) alternately, `warmup` times untimed and then `reps` times timed;
// i counts on over both.
template <class Baseline, class Subject>
Pair alternate(int warmup, int reps, Baseline&& baseline, Subject&& subject) {
  int i = 0;
  for (; i < warmup; ++i) {
    baseline(i);
    subject(i);
  }
  Pair p;
  for (int r = 0; r < reps; ++r, ++i) {
    const auto t0 = Steady::now();
    baseline(i);
    const auto t1 = Steady::now();
    subject(i);
    const auto t2 = Steady::now();
    p.baseline.add(t1 - t0);
    p.subject.add(t2 - t1);
  }
  return p;
}

// Thin spaces are not used: the figures are copied into BENCHMARKS.md and read in terminals.
inline std::string number(double v, int decimals) {
  return textf("%.*f", decimals, v);
}

inline std::string ratio(double r) {
  return number(r, r < 10 ? 2 : r < 100 ? 1 : 0);
}

// --- the machine -------------------------------------------------------------------------------

inline std::string cpuModel() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  return "?";
}

inline std::string loadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

inline std::string filesystemOf(const std::filesystem::path& dir) {
  struct statfs st {};
  if (::statfs(dir.c_str(), &st) != 0) return "unknown";
  switch (static_cast<unsigned long>(st.f_type)) {
    case 0xEF53:
      return "ext4";
    case 0x01021994:
      return "tmpfs (fsync costs nothing here: the write figures are meaningless)";
    case 0x58465342:
      return "xfs";
    case 0x9123683E:
      return "btrfs";
    case 0x794c7630:
      return "overlayfs";
    default:
      return textf("type 0x%lx", static_cast<unsigned long>(st.f_type));
  }
}

inline std::string utcNow() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

// What one fdatasync costs on this disk: 4 KB overwritten in place in a 1 MB file, then
// fdatasync. Every durable write measured pays a few of these.
inline Samples fdatasyncCost(const std::filesystem::path& file, int reps) {
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) die("open " + file.string());
  const std::string block(4096, 'x');
  for (int i = 0; i < 256; ++i)
    if (::pwrite(fd, block.data(), block.size(), static_cast<off_t>(i) * 4096) < 0) die("pwrite");
  ::fsync(fd);
  Samples out;
  for (int i = 0; i < reps; ++i) {
    const auto t0 = Steady::now();
    if (::pwrite(fd, block.data(), block.size(), static_cast<off_t>(i % 256) * 4096) < 0)
      die("pwrite");
    ::fdatasync(fd);
    out.add(Steady::now() - t0);
  }
  ::close(fd);
  return out;
}

}  // namespace sv::bench
