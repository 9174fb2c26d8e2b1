// The line grammar shared by config/'s templates: settings before entries, indented lines to the
// entry above, and errors that name the line and use the template's own words.
#include <catch2/catch.hpp>

#include <vector>

#include "workflows/template_lines.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;

namespace {

const TemplateGrammar kGrammar{"area", "areas", "question"};

struct Read {
  std::vector<std::string> entries, indented;
  Result<TemplateSettings> settings;
};

Read read(std::string_view source) {
  Read r;
  r.settings = readTemplateLines(
      source, kGrammar,
      [&](int line, std::string_view text) -> Status {
        r.entries.push_back(std::to_string(line) + ":" + std::string(text));
        return {};
      },
      [&](int line, std::string_view text) -> Status {
        r.indented.push_back(std::to_string(line) + ":" + std::string(text));
        return {};
      });
  return r;
}

}  // namespace

TEST_CASE("template lines: settings, entries and their indented lines, comments skipped",
          "[workflows][template]") {
  const auto r = read("# a comment\nname: Mall\nversion: 1\n\narea: a | all | A\n  Fråga?\n");
  REQUIRE(r.settings);
  CHECK(r.settings->name == "Mall");
  CHECK(r.settings->version == "1");
  CHECK(r.entries == std::vector<std::string>{"5:a | all | A"});
  CHECK(r.indented == std::vector<std::string>{"6:Fråga?"});
}

TEST_CASE("template lines: each fault names its line in the template's words",
          "[workflows][template]") {
  auto message = [](std::string_view source) {
    const auto r = read(source);
    REQUIRE_FALSE(r.settings);
    return r.settings.error().detail;
  };
  CHECK(message("  Fråga?\n") == "line 1: an indented question comes before any area");
  CHECK(message("name: A\nwhatever\n") ==
        "line 2: expected 'name:', 'version:', 'area:' or an indented question");
  CHECK(message("colour: red\n") == "line 1: unknown setting 'colour' (name, version or area)");
  CHECK(message("area: a\nname: A\n") == "line 2: setting 'name' must come before the areas");
  const auto twice = read("name: A\nname: B\n");
  REQUIRE_FALSE(twice.settings);
  CHECK(twice.settings.error().reason == Reason::DuplicateKey);
}

}  // namespace SV_TEST_FILE
