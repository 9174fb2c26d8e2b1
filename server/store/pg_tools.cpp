#include "server/store/pg_tools.hpp"

#include <Poco/Exception.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <libpq-fe.h>

#include <iterator>
#include <vector>

#include "server/store/database.hpp"

namespace sv::store {
Result<ToolConnection> toolConnection(const std::string& connection) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(connection.c_str(), &error);
  if (!options) {
    std::string why = error ? error : "out of memory";
    PQfreemem(error);
    return fail(Errc::Invalid, "the connection string does not parse: " + why,
                "samverkan.store.connection");
  }
  ToolConnection out;
  for (const PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val || !*o->val) continue;
    const std::string keyword = o->keyword;
    if (keyword == "password") {
      out.env["PGPASSWORD"] = o->val;
      continue;
    }
    std::string quoted;
    for (const char* c = o->val; *c; ++c) {
      if (*c == '\\' || *c == '\'') quoted += '\\';
      quoted += *c;
    }
    out.conninfo += (out.conninfo.empty() ? "" : " ") + keyword + "='" + quoted + "'";
  }
  PQconninfoFree(options);
  return out;
}

namespace {

// Runs `program` on the database `connection` names (toolConnection: --dbname first, the
// password in its environment) with `arguments` (no shell: each is one argument whatever it
// holds), and answers its error output when it fails.
Status run(const std::string& program, const std::string& connection,
           std::vector<std::string> arguments) {
  auto tool = toolConnection(connection);
  if (!tool) return std::unexpected(tool.error());
  arguments.insert(arguments.begin(), "--dbname=" + tool->conninfo);
  try {
    Poco::Pipe errors;
    Poco::ProcessHandle process =
        Poco::Process::launch(program, arguments, nullptr, nullptr, &errors, tool->env);
    Poco::PipeInputStream read(errors);
    const std::string said{std::istreambuf_iterator<char>(read), {}};
    if (const int code = process.wait(); code != 0)
      return fail(Errc::Internal, program + " failed (exit " + std::to_string(code) + "): " + said);
    return {};
  } catch (const Poco::Exception& e) {
    return fail(Errc::Internal, "cannot run " + program + ": " + e.displayText());
  }
}

}  // namespace

Status dumpDatabase(const std::string& connection, const std::filesystem::path& file) {
  return run("pg_dump", connection, {"--format=custom", "--file=" + file.string()});
}

Status restoreDatabase(const std::string& connection, const std::filesystem::path& file) {
  try {
    Database target(DatabaseLocation{Dialect::Postgresql, {}, connection}, 1);
    const auto tables = target.read([](Reading& c) {
      auto count = c.prepare(
          "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()");
      return count.step() ? count.int64(0) : 0;
    });
    if (tables != 0)
      return fail(Errc::Conflict,
                  "the PostgreSQL database holds " + std::to_string(tables) +
                      " tables already: restore into an empty one",
                  "samverkan.store.connection");
  } catch (const DatabaseError& e) {
    return fail(Errc::Internal, e.what());
  }
  return run(
      "pg_restore", connection,
      {"--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", file.string()});
}

}  // namespace sv::store
