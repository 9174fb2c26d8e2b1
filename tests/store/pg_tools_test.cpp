// The connection string a PostgreSQL store hands to pg_dump and pg_restore (store/pg_tools.hpp):
// it is on their command line, which every local user can read, so its password goes to their
// environment instead; every other keyword is kept, quoted so that libpq reads it back the same.
#include <libpq-fe.h>
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "server/store/pg_tools.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;

namespace {

// The keywords libpq reads from `conninfo`, with their values.
std::map<std::string, std::string> parsed(const std::string& conninfo) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  REQUIRE(options);
  std::map<std::string, std::string> out;
  for (const PQconninfoOption* o = options; o->keyword; ++o)
    if (o->val && *o->val) out[o->keyword] = o->val;
  PQconninfoFree(options);
  return out;
}

}  // namespace

TEST_CASE("a tool's connection string carries no password, and the rest as libpq reads it",
          "[store][pg_tools]") {
  const std::string connection =
      "host=/var/run/postgresql port=5433 dbname='samverkan ett' user=samverkan "
      "password='hemligt \\'lösen\\' \\\\ här' application_name=x";
  auto tool = store::toolConnection(connection);
  REQUIRE(tool);
  INFO(tool->conninfo);
  CHECK(tool->conninfo.find("hemligt") == std::string::npos);
  CHECK(tool->conninfo.find("password") == std::string::npos);
  REQUIRE(tool->env.contains("PGPASSWORD"));
  CHECK(tool->env.at("PGPASSWORD") == "hemligt 'lösen' \\ här");
  auto expected = parsed(connection);
  expected.erase("password");
  CHECK(parsed(tool->conninfo) == expected);

  // Without a password nothing goes to the environment; a URI reads the same as keywords.
  auto uri = store::toolConnection("postgresql://samverkan@localhost:5432/samverkan");
  REQUIRE(uri);
  CHECK(uri->env.empty());
  CHECK(parsed(uri->conninfo) == parsed("postgresql://samverkan@localhost:5432/samverkan"));

  // What libpq cannot read is refused with its words, before any tool runs.
  auto broken = store::toolConnection("host='unterminated");
  REQUIRE_FALSE(broken);
  CHECK(broken.error().code == Errc::Invalid);
  CHECK(broken.error().field == "samverkan.store.connection");
}

}  // namespace SV_TEST_FILE
