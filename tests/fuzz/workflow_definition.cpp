// The workflow definition format (workflows/workflow_definition), read at start-up from
// config/workflows: any text gives a definition or an error naming the line.
#include "workflows/workflow_definition.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = sv::fuzz::textOf(data, size);
  auto parsed = sv::workflows::parseWorkflow(text);
  if (!parsed) return 0;
  (void)sv::workflows::validateWorkflow(*parsed, {"contract_manager", "provider", "registrar"},
                                        {"all_approved", "has_attendees"});
  for (const auto& transition : parsed->transitions)
    sv::fuzz::require(sv::workflows::findTransition(*parsed, transition.name) != nullptr,
                      "every transition is found by its name");
  return 0;
}
