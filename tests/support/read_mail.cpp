#include "support/read_mail.hpp"

#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "support/temp_dir.hpp"

namespace sv::test {

Poco::JSON::Object::Ptr readMail(const std::string& message) {
  TempDir dir;
  const auto file = dir.path() / "message.eml";
  std::ofstream(file, std::ios::binary) << message;
  // Beside this file (CMake compiles it by its full path), so that a run without
  // SAMVERKAN_SOURCE_DIR (the tests on PostgreSQL) finds it too.
  const char* source = std::getenv("SAMVERKAN_SOURCE_DIR");
  const auto script = source ? std::filesystem::path(source) / "tests/support/read_mail.py"
                             : std::filesystem::path(__FILE__).parent_path() / "read_mail.py";
  int code = 0;
  const auto out = runTool("python3 " + script.string() + " " + file.string(), &code);
  INFO(out);
  REQUIRE(code == 0);
  return Poco::JSON::Parser().parse(out).extract<Poco::JSON::Object::Ptr>();
}

std::string partText(const Poco::JSON::Object::Ptr& mail, const std::string& type) {
  const auto parts = mail->getArray("parts");
  for (std::size_t i = 0; i < parts->size(); ++i) {
    const auto part = parts->getObject(static_cast<unsigned>(i));
    if (part->getValue<std::string>("type") == type) return part->getValue<std::string>("text");
  }
  return "";
}

}  // namespace sv::test
