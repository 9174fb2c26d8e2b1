#include "server/store/pg_tools.hpp"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Exception.h>
#include <Poco/Process.h>

#include <iterator>
#include <vector>

#include "server/store/database.hpp"

namespace sv::store {
namespace {

// Runs `program` with `arguments` (no shell: a connection string is one argument whatever it
// holds) and answers its error output when it fails.
Status run(const std::string& program, const std::vector<std::string>& arguments) {
  try {
    Poco::Pipe errors;
    Poco::ProcessHandle process =
        Poco::Process::launch(program, arguments, nullptr, nullptr, &errors);
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
  return run("pg_dump", {"--format=custom", "--file=" + file.string(), "--dbname=" + connection});
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
  return run("pg_restore", {"--exit-on-error", "--single-transaction", "--no-owner",
                            "--no-privileges", "--dbname=" + connection, file.string()});
}

}  // namespace sv::store
