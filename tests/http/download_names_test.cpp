// The names of a download in Content-Disposition: ASCII for old clients, RFC 8187 for the rest,
// and nothing that could end the quoted string or the header's parameter.
#include <catch2/catch.hpp>

#include "server/http/reply.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::http;

TEST_CASE("a download's names are safe in its header", "[http][attachments]") {
  CHECK(asciiFileName("Åtgärd \"1\";.pdf") == "_tg_rd _1__.pdf");
  CHECK(asciiFileName("a\\b%c.txt") == "a_b_c.txt");
  CHECK(percentEncodedFileName("Å b.pdf") == "%C3%85%20b.pdf");
  CHECK(percentEncodedFileName("a\"b;c.pdf") == "a%22b%3Bc.pdf");
  const auto reply = Reply::download("x", "application/pdf", "Plan ö.pdf");
  bool found = false;
  for (const auto& [name, value] : reply.headers)
    if (name == "Content-Disposition") {
      found = true;
      CHECK(value == "attachment; filename=\"Plan _.pdf\"; filename*=UTF-8''Plan%20%C3%B6.pdf");
    }
  CHECK(found);
}

}  // namespace SV_TEST_FILE
