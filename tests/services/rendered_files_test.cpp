// The cache of rendered files (services/rendered_files.hpp): kept by key, within a byte cap,
// the files used longest ago dropped first.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "server/services/rendered_files.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using sv::services::RenderedFile;
using sv::services::RenderedFiles;

namespace {

RenderedFile fileOf(std::size_t bytes) {
  return {std::make_shared<const std::string>(bytes, 'x'), "fil.pdf"};
}

}  // namespace

TEST_CASE("rendered files: found under their key only", "[services][cache]") {
  RenderedFiles files(1000);
  const RenderedFile made = fileOf(10);
  files.keep(1, "v1:draft", made);
  const auto found = files.find(1, "v1:draft");
  REQUIRE(found);
  CHECK(found->bytes == made.bytes);
  CHECK(found->name == "fil.pdf");
  CHECK_FALSE(files.find(1, "v1:in_review"));
  CHECK_FALSE(files.find(2, "v1:draft"));
  // Another key for the same meeting replaces the file.
  files.keep(1, "v2:draft", fileOf(30));
  CHECK_FALSE(files.find(1, "v1:draft"));
  CHECK(files.find(1, "v2:draft"));
  CHECK(files.bytes() == 30);
  CHECK(files.count() == 1);
}

TEST_CASE("rendered files: within the cap, the file used longest ago goes first",
          "[services][cache]") {
  RenderedFiles files(100);
  files.keep(1, "a", fileOf(40));
  files.keep(2, "b", fileOf(40));
  REQUIRE(files.find(1, "a"));  // 1 used after 2
  files.keep(3, "c", fileOf(40));
  CHECK_FALSE(files.find(2, "b"));
  CHECK(files.find(1, "a"));
  CHECK(files.find(3, "c"));
  CHECK(files.bytes() == 80);
  // A file larger than the cap alone is not kept, and takes nothing else with it.
  files.keep(4, "d", fileOf(101));
  CHECK_FALSE(files.find(4, "d"));
  CHECK(files.count() == 2);
  CHECK(files.bytes() == 80);
}

}  // namespace SV_TEST_FILE
