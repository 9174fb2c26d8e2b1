// The follow-up report reader (minutes/report_json): what a contract manager or provider PUTs.
// A report it accepts must write back to JSON that reads again to the same report.
#include "minutes/report.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = sv::fuzz::textOf(data, size);
  auto report = sv::minutes::reportFromJson(text);
  (void)sv::minutes::reportFromJsonMember(text, "report");
  if (!report) return 0;
  const std::string written = sv::minutes::toJson(*report);
  auto again = sv::minutes::reportFromJson(written);
  sv::fuzz::require(again.has_value(), "a report written by toJson reads back");
  sv::fuzz::require(sv::minutes::toJson(*again) == written, "report JSON round trip is stable");
  (void)sv::minutes::renderReportMarkdown(*report);
  return 0;
}
