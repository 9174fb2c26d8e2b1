// Hardening issue, finding 5: pathological Markdown in a protocol's notes, rendered as the page
// (minutes.html: renderHtml and renderPage, as MinutesService::html does) and as the PDF
// (renderProtocolPdf, as MinutesService::pdf does), each pattern of cmark's
// test/pathological_tests.py and the finding's own `*_` runs, 512 KiB of each. The notes are cut
// into sections of at most --section-bytes (the API's limit per section, minutes/edit.hpp), so
// the protocol is one a save could have made but for the whole-document limit, which the
// renderers do not rely on. Goal: every rendering under 1 s on the 2-core machine.
//
// Times come from std::chrono::steady_clock around each call; each figure is the median of
// --reps runs, with the slowest beside it, and the median of the process's CPU time
// (CLOCK_PROCESS_CPUTIME_ID), which the other work on a shared machine does not inflate. Markdown
// goes to stdout, progress to stderr. tests/bench/run.sh runs this after annual_bench.
//
//   markdown_bench [--bytes N] [--reps N] [--section-bytes N] [--only NAME]
//
//   --bytes N          bytes of each pattern [524288]
//   --reps N           timed renderings of each pattern and format [3]
//   --section-bytes N  the most bytes of notes in one section [100000]; 0: all in one section
//   --only NAME        only the pattern NAME (as in the table)
#include <time.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "bench_plumbing.hpp"
#include "minutes/edit.hpp"
#include "minutes/render_html.hpp"
#include "minutes/render_page.hpp"
#include "minutes/report.hpp"
#include "minutes/report_record.hpp"
#include "server/pdf/protocol_pdf.hpp"
#include "server/pdf/report_pdf.hpp"
#include "workflows/stockholm_time.hpp"

#ifndef SV_BUILD_TYPE
#define SV_BUILD_TYPE "unknown"
#endif

using namespace sv;

namespace {

using bench::die;
using bench::number;
using bench::progress;
using bench::Samples;
using bench::Steady;

struct Pattern {
  std::string name;
  std::function<std::string(std::size_t)> make;  // about `bytes` bytes of the pattern
};

std::string repeat(std::string_view unit, std::size_t times) {
  std::string out;
  out.reserve(unit.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += unit;
  return out;
}

// `unit` repeated to `bytes`.
Pattern runOf(std::string name, std::string unit) {
  return {std::move(name), [unit](std::size_t bytes) {
            return repeat(unit, std::max<std::size_t>(bytes / unit.size(), 1));
          }};
}

// open × k, middle, close × k: nesting as deep as the bytes allow.
Pattern nested(std::string name, std::string open, std::string middle, std::string close) {
  return {std::move(name), [open, middle, close](std::size_t bytes) {
            const std::size_t k = bytes / (open.size() + close.size());
            return repeat(open, k) + middle + repeat(close, k);
          }};
}

// The patterns of cmark's test/pathological_tests.py (0.30), scaled to the bytes asked for, and
// those the finding and its review named.
std::vector<Pattern> patterns() {
  return {
      runOf("`*_` runs (the finding)", "*_"),
      nested("nested strong emph", "*a **a ", "b", " a** a*"),
      runOf("many emph closers with no openers", "a_ "),
      runOf("many emph openers with no closers", "_a "),
      runOf("many 3-emph openers with no closers", "a***"),
      runOf("many link closers with no openers", "a]"),
      runOf("many link openers with no closers", "[a"),
      runOf("mismatched openers and closers", "*a_ "),
      {"openers and closers multiple of 3",
       [](std::size_t bytes) { return "a**b" + repeat("c* ", bytes / 3); }},
      runOf("link openers and emph closers", "[ a_"),
      runOf("pattern [ (]( repeated", "[ (]("),
      runOf("pattern ![[]() repeated", "![[]()"),
      runOf("hard link/emph case", "**x [a*b**c*](d) "),
      nested("nested brackets", "[", "a", "]"),
      {"nested block quotes", [](std::size_t bytes) { return std::string(bytes - 1, '>') + "a"; }},
      {"deeply nested lists",
       [](std::size_t bytes) {
         std::string out;
         for (std::size_t x = 0; out.size() < bytes; ++x) out += std::string(2 * x, ' ') + "* a\n";
         return out;
       }},
      {"backtick runs",
       [](std::size_t bytes) {
         std::string out;
         for (std::size_t x = 1; out.size() < bytes; ++x) out += "e" + std::string(x, '`');
         return out;
       }},
      runOf("unclosed links A", "[a](<b"),
      runOf("unclosed links B", "[a](b"),
      {"unclosed <!--", [](std::size_t bytes) { return "</" + repeat("<!--", bytes / 4); }},
      runOf("`<` runs", "<"),
      runOf("`<a` runs", "<a"),
      runOf("`**` run (one delimiter run)", "**"),
      runOf("`** ` runs", "** "),
      {"many link reference definitions",
       [](std::size_t bytes) {
         std::string out;
         for (std::size_t x = 1; out.size() < bytes / 2; ++x)
           out += "[" + std::to_string(x) + "]: u\n";
         out += '\n';
         for (std::size_t x = 1; out.size() < bytes; ++x) out += "[" + std::to_string(x) + "] ";
         return out;
       }},
      runOf("strong around emph", "**a *b* c** "),
      runOf("plain prose (the baseline)", "Förvaltningen har granskat genomförandeplanerna. "),
  };
}

std::string cutAtCharacter(std::string text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  text.resize(bytes);
  return text;
}

TimePoint at(int day, int hour) {
  using namespace std::chrono;
  return fromStockholm(Date{year{2026}, month{3}, std::chrono::day{static_cast<unsigned>(day)}},
                       hours{hour});
}

minutes::Minutes protocolWith(const std::string& notes, std::size_t sectionBytes) {
  minutes::Minutes m;
  m.header = minutes::MinutesHeader{
      .meetingId = 1,
      .contractTitle = "Hemtjänst Östermalm",
      .contractReference = "SDN 2025/0042",
      .authorityName = "Östermalms stadsdelsförvaltning",
      .providerName = "Omsorg i Norr AB",
      .startsAt = at(12, 13),
      .location = "Karlavägen 104",
  };
  std::size_t from = 0;
  do {
    std::size_t end =
        sectionBytes == 0 ? notes.size() : std::min(notes.size(), from + sectionBytes);
    while (end < notes.size() && end > from &&
           (static_cast<unsigned char>(notes[end]) & 0xC0) == 0x80)
      --end;
    minutes::Section s;
    s.number = static_cast<int>(m.sections.size()) + 1;
    s.key = "item" + std::to_string(s.number);
    s.title = "Förvaltningens uppföljning";
    s.notes = notes.substr(from, end - from);
    m.sections.push_back(std::move(s));
    from = end;
  } while (from < notes.size());
  return m;
}

std::string html(const minutes::Minutes& m) {
  return minutes::renderPage({.title = "Protokoll", .article = minutes::renderHtml(m)});
}

std::string pdfOf(const minutes::Minutes& m) {
  auto bytes = pdf::renderProtocolPdf(m, {.createdAt = at(16, 15), .stateMark = "UTKAST"});
  if (!bytes) die("the PDF failed: " + bytes.error().detail);
  return std::move(*bytes);
}

Steady::duration cpuNow() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return std::chrono::seconds{t.tv_sec} + std::chrono::nanoseconds{t.tv_nsec};
}

double ms(double micros) {
  return micros / 1000;
}

}  // namespace

int main(int argc, char** argv) {
  bench::g_program = "markdown_bench";
  std::size_t bytes = 512 * 1024;
  int reps = 3;
  std::size_t sectionBytes = minutes::kMaxNotesBytes;
  std::string only;
  std::filesystem::path tmp;
  bool keepData = false;
  const auto count = [](const std::string& v) {
    try {
      return static_cast<std::size_t>(std::stoull(v));
    } catch (const std::exception&) {
      die("not a count: " + v);
    }
  };
  bench::readCommandLine(
      argc, argv, "usage: markdown_bench [--bytes N] [--reps N] [--section-bytes N] [--only NAME]",
      tmp, keepData,
      {{"--bytes", [&](const std::string& v) { bytes = count(v); }},
       {"--reps", [&](const std::string& v) { reps = static_cast<int>(count(v)); }},
       {"--section-bytes", [&](const std::string& v) { sectionBytes = count(v); }},
       {"--only", [&](const std::string& v) { only = v; }}});
  if (reps < 1 || bytes < 16) die("--reps must be at least 1 and --bytes at least 16");

  // The fonts of this thread loaded once, before the first timed PDF (see protocol_pdf.hpp).
  bench::keep(pdfOf(protocolWith("a", 0)).size());

  std::cout << "## Pathological Markdown in the notes: minutes.html and minutes.pdf\n\n"
            << "- Command: `build/tests/bench/markdown_bench --bytes " << bytes << " --reps "
            << reps << " --section-bytes " << sectionBytes << "` (" << SV_BUILD_TYPE << ")\n"
            << "- Machine: " << std::thread::hardware_concurrency() << " cores, "
            << bench::cpuModel() << "; load average " << bench::loadAverage()
            << " before the runs\n"
            << "- Date: " << bench::utcNow() << "\n"
            << "- Each figure: the median of " << reps
            << " renderings in ms (the slowest in brackets), and the median CPU time in ms\n\n"
            << "| pattern | bytes | sections | HTML ms | HTML CPU ms | PDF ms | PDF CPU ms | PDF "
               "bytes |\n"
            << "|---|---:|---:|---:|---:|---:|---:|---:|\n";
  double worst = 0;
  std::string worstName;
  for (const Pattern& p : patterns()) {
    if (!only.empty() && p.name != only) continue;
    const std::string notes = cutAtCharacter(p.make(bytes), bytes);
    const minutes::Minutes m = protocolWith(notes, sectionBytes);
    progress(p.name + ": " + std::to_string(notes.size()) + " bytes");
    Samples h, d, hCpu, dCpu;
    std::size_t pdfBytes = 0;
    for (int r = 0; r < reps; ++r) {
      const auto c0 = cpuNow();
      const auto t0 = Steady::now();
      bench::keep(html(m).size());
      const auto t1 = Steady::now();
      const auto c1 = cpuNow();
      pdfBytes = pdfOf(m).size();
      const auto t2 = Steady::now();
      const auto c2 = cpuNow();
      h.add(t1 - t0);
      d.add(t2 - t1);
      hCpu.add(c1 - c0);
      dCpu.add(c2 - c1);
    }
    for (const double v : {h.max(), d.max()})
      if (v > worst) {
        worst = v;
        worstName = p.name;
      }
    std::cout << "| " << p.name << " | " << notes.size() << " | " << m.sections.size() << " | "
              << number(ms(h.median()), 0) << " (" << number(ms(h.max()), 0) << ") | "
              << number(ms(hCpu.median()), 0) << " | " << number(ms(d.median()), 0) << " ("
              << number(ms(d.max()), 0) << ") | " << number(ms(dCpu.median()), 0) << " | "
              << pdfBytes << " |\n";
  }
  {
    minutes::ReportRecord record;
    record.report.header = {.contractTitle = "Hemtjänst Östermalm",
                            .authorityName = "Östermalms stadsdelsförvaltning",
                            .providerName = "Omsorg i Norr AB",
                            .year = 2026};
    constexpr std::size_t kAreas = 11;  // config/followups/hemtjanst.followup
    for (std::size_t i = 0; i < kAreas; ++i)
      record.report.areas.push_back({.key = "area" + std::to_string(i),
                                     .title = "Område " + std::to_string(i + 1),
                                     .findings = repeat("*_", minutes::kMaxFindingsBytes / 2)});
    progress("the report: " + std::to_string(kAreas) + " areas");
    Samples d, dCpu;
    std::size_t pdfBytes = 0;
    for (int r = 0; r < reps; ++r) {
      const auto c0 = cpuNow();
      const auto t0 = Steady::now();
      auto file = pdf::renderReportPdf(record, {.stateMark = "UTKAST"});
      if (!file) die("the report PDF failed: " + file.error().detail);
      pdfBytes = file->size();
      d.add(Steady::now() - t0);
      dCpu.add(cpuNow() - c0);
    }
    std::cout << "\nThe follow-up report, " << kAreas << " areas with "
              << minutes::kMaxFindingsBytes << " bytes of `*_` each: PDF "
              << number(ms(d.median()), 0) << " ms (" << number(ms(d.max()), 0) << "), CPU "
              << number(ms(dCpu.median()), 0) << " ms, " << pdfBytes << " bytes.\n";
  }
  std::cout << "\n**Slowest rendering: " << number(ms(worst), 0) << " ms (" << worstName
            << "); the goal is under 1000 ms.**\n";
  return 0;
}
