// The workflow definitions the repository ships (config/workflows/<name>.workflow), parsed, for
// the tests of the lifecycles written against them.
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "workflows/workflow_definition.hpp"

namespace sv::minutes::test {

inline workflows::WorkflowDefinition shippedWorkflowDefinition(const std::string& name) {
  // The repository: from CTest's environment, or from where this file is.
  const char* env = std::getenv("SAMVERKAN_SOURCE_DIR");
  const std::string dir =
      env ? env : std::string(__FILE__).substr(0, std::string(__FILE__).rfind("/tests/"));
  std::ifstream in(dir + "/config/workflows/" + name + ".workflow");
  std::stringstream text;
  text << in.rdbuf();
  auto definition = workflows::parseWorkflow(text.str());
  REQUIRE(definition);
  return *definition;
}

}  // namespace sv::minutes::test
