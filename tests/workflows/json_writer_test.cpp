// The project's one JSON writer (workflows/json_writer.hpp): the layout of the documents kept in
// git, and an escaping that gives valid JSON for any bytes.
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cstdint>
#include <limits>

#include "workflows/json_writer.hpp"
#include "workflows/text.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using Layout = json::Writer::Layout;

namespace {

// What Poco's parser, the reader of the stored documents, makes of a written string.
std::string readBack(const std::string& written) {
  Poco::JSON::Parser parser;
  const auto object = parser.parse("{\"v\": " + written + "}").extract<Poco::JSON::Object::Ptr>();
  return object->getValue<std::string>("v");
}

}  // namespace

TEST_CASE("one member per line, two spaces a level, empty containers closed at once",
          "[workflows][json]") {
  json::Writer w;
  w.beginObject();
  w.key("format").value("samverkan-agenda/1");
  w.key("header").beginObject();
  w.key("id").value(42);
  w.key("published").value(false);
  w.key("registry_number").null();
  w.endObject();
  w.key("items").beginArray();
  w.value("a");
  w.beginArray();
  w.endArray();
  w.endArray();
  w.key("none").beginObject();
  w.endObject();
  w.endObject();
  CHECK(w.finish() ==
        "{\n"
        "  \"format\": \"samverkan-agenda/1\",\n"
        "  \"header\": {\n"
        "    \"id\": 42,\n"
        "    \"published\": false,\n"
        "    \"registry_number\": null\n"
        "  },\n"
        "  \"items\": [\n"
        "    \"a\",\n"
        "    []\n"
        "  ],\n"
        "  \"none\": {}\n"
        "}\n");
}

TEST_CASE("a one-line container holds its members and everything inside it on one line",
          "[workflows][json]") {
  json::Writer w;
  w.beginObject();
  w.key("actions").beginArray();
  for (int i = 1; i <= 2; ++i) {
    w.beginObject(Layout::OneLine);
    w.key("id").value("a" + std::to_string(i));
    w.key("tags").beginArray();
    w.value(i);
    w.value(true);
    w.endArray();
    w.key("empty").beginObject();
    w.endObject();
    w.endObject();
  }
  w.endArray();
  w.key("list").beginArray(Layout::OneLine);
  w.endArray();
  w.endObject();
  CHECK(w.finish() ==
        "{\n"
        "  \"actions\": [\n"
        "    {\"id\": \"a1\", \"tags\": [1, true], \"empty\": {}},\n"
        "    {\"id\": \"a2\", \"tags\": [2, true], \"empty\": {}}\n"
        "  ],\n"
        "  \"list\": []\n"
        "}\n");
}

TEST_CASE("integers of every width are written in full", "[workflows][json]") {
  json::Writer w;
  w.beginArray(Layout::OneLine);
  w.value(std::numeric_limits<std::int64_t>::min());
  w.value(std::numeric_limits<std::int64_t>::max());
  w.value(-1);
  w.value(std::size_t{7});
  w.endArray();
  CHECK(w.finish() == "[-9223372036854775808, 9223372036854775807, -1, 7]\n");
}

TEST_CASE("a double is written in its shortest form and reads back the same; not finite is null",
          "[workflows][json]") {
  json::Writer w;
  w.beginArray(Layout::OneLine);
  w.value(4.5);
  w.value(12.0);
  w.value(0.1);
  w.value(-181.5);
  w.value(std::numeric_limits<double>::infinity());
  w.value(std::numeric_limits<double>::quiet_NaN());
  w.endArray();
  const std::string written = w.finish();
  CHECK(written == "[4.5, 12, 0.1, -181.5, null, null]\n");
  Poco::JSON::Parser parser;
  const auto array = parser.parse(written).extract<Poco::JSON::Array::Ptr>();
  CHECK(array->get(2).convert<double>() == 0.1);
  CHECK(array->get(3).convert<double>() == -181.5);
}

TEST_CASE("strings: quotes, backslashes and control characters escaped, the rest kept",
          "[workflows][json]") {
  CHECK(json::quote("\"citat\" \\ snedstreck") == R"("\"citat\" \\ snedstreck")");
  CHECK(json::quote("a\nb\rc\td\be\ff") == R"("a\nb\rc\td\be\ff")");
  CHECK(json::quote(std::string("\0\x01\x1f", 3)) == R"("\u0000\u0001\u001f")");
  CHECK(json::quote("a/b \x7F") == "\"a/b \x7F\"");
  CHECK(json::quote("Östermalm 😀 \xE2\x80\xA8") == "\"Östermalm 😀 \xE2\x80\xA8\"");
  CHECK(json::quote("") == "\"\"");
}

TEST_CASE("ill-formed UTF-8 is written as U+FFFD, so the document stays JSON",
          "[workflows][json]") {
  CHECK(json::quote("trasig \xFF") == "\"trasig \xEF\xBF\xBD\"");
  CHECK(json::quote("\xC0\xAF") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
  json::Writer w;
  w.beginObject(Layout::OneLine);
  w.key("k\xFF").value("\xED\xA0\x80");
  w.endObject();
  const std::string document = w.finish();
  CHECK(text::isValidUtf8(document));
  CHECK(document == "{\"k\xEF\xBF\xBD\": \"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"}\n");
}

TEST_CASE("every byte value reads back as written, or as U+FFFD where it is not UTF-8",
          "[workflows][json]") {
  for (int byte = 0; byte < 256; ++byte) {
    const std::string value = std::string("x") + static_cast<char>(byte) + "y";
    INFO("byte " << byte);
    const std::string written = json::quote(value);
    CHECK(text::isValidUtf8(written));
    CHECK(std::none_of(written.begin(), written.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20; }));
    CHECK(readBack(written) == text::toValidUtf8(value));
  }
}

}  // namespace SV_TEST_FILE
