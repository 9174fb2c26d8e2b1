// SIGKILL in the middle of a burst of minutes saves: after a restart every acknowledged version is
// listed and readable byte for byte, git fsck and SQLite's integrity check pass, and the branch
// of the contract's repository is where SQLite says the newest version is.
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "support/json.hpp"
#include "support/server_process.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

std::string minutesPath(int meeting) {
  return "/api/v1/meetings/" + std::to_string(meeting) + "/minutes";
}

// The save body: the document of a minutes answer with § 6's notes replaced.
std::string withNotes(const Poco::JSON::Object::Ptr& answer, const std::string& notes) {
  return minutesWithNotes(answer, {{6, notes}});
}

struct Acknowledged {
  int meeting = 0;
  std::string version;
  std::string markdown;
};

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("acknowledged minutes versions survive SIGKILL during a burst of saves",
          "[server][minutes][crash]") {
  TempDir dir;
  const auto data = dir.path() / "data";
  const auto repository = (data / "repositories" / "contract-1.git").string();
  const auto database = (data / "samverkan.db").string();
  std::vector<Acknowledged> acknowledged;
  std::atomic<int> unexpected{0};
  std::string unexpectedAnswer;
  {
    ServerProcess server(data, {}, true);
    const auto anna = server.login("anna.avtal", "samverkan-demo");
    std::map<int, Poco::JSON::Object::Ptr> started;
    for (int meeting = 1; meeting <= 3; ++meeting) {
      const auto path = "/api/v1/meetings/" + std::to_string(meeting);
      REQUIRE(server.post(path + "/agenda/publish", "", anna).status == 200);
      const auto r = server.post(path + "/minutes", "", anna);
      REQUIRE(r.status == 201);
      started[meeting] = object(r.body);
      acknowledged.push_back({meeting, started[meeting]->getValue<std::string>("version"),
                              started[meeting]->getValue<std::string>("markdown")});
    }

    std::mutex mutex;
    std::atomic<bool> stop{false};
    std::atomic<int> saves{0};
    std::vector<std::thread> writers;
    for (int meeting = 1; meeting <= 3; ++meeting)
      writers.emplace_back([&, meeting] {
        auto latest = started.at(meeting);
        for (int i = 0; !stop; ++i) {
          try {
            const auto r = server.request(
                "PUT", minutesPath(meeting),
                withNotes(latest, "Sparning " + std::to_string(i) + " av möte " +
                                      std::to_string(meeting) + "."),
                {{"Authorization", bearer(anna)},
                 {"If-Match", "\"" + latest->getValue<std::string>("version") + "\""}});
            if (r.status != 200) {
              std::lock_guard lock(mutex);
              ++unexpected;
              unexpectedAnswer = std::to_string(r.status) + " " + r.body;
              return;
            }
            latest = object(r.body);
            std::lock_guard lock(mutex);
            acknowledged.push_back({meeting, latest->getValue<std::string>("version"),
                                    latest->getValue<std::string>("markdown")});
            ++saves;
          } catch (const std::exception&) {
            return;  // the server is gone
          }
        }
      });
    // Killed in the middle of the burst once enough saves were acknowledged (or after 20 s), at a
    // random moment of the saves then in flight.
    for (int i = 0; i < 20000 && saves < 60 && unexpected == 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::random_device random;
    std::this_thread::sleep_for(std::chrono::microseconds(random() % 20'000));
    server.kill(SIGKILL);
    stop = true;
    for (auto& t : writers) t.join();
  }
  INFO(unexpectedAnswer);
  REQUIRE(unexpected == 0);
  REQUIRE(acknowledged.size() >= 3 + 60);

  ServerProcess restarted(data);
  const auto anna = restarted.login("anna.avtal", "samverkan-demo");
  const auto admin = restarted.login("admin", kAdminPassword);
  std::map<int, std::vector<std::string>> listed;  // meeting -> versions, oldest first
  for (int meeting = 1; meeting <= 3; ++meeting) {
    const auto r = restarted.get(minutesPath(meeting) + "/versions", anna);
    REQUIRE(r.status == 200);
    const auto versions = array(r.body);
    for (std::size_t i = 0; i < versions->size(); ++i)
      listed[meeting].push_back(
          versions->getObject(static_cast<unsigned>(i))->getValue<std::string>("version"));
    const auto current = restarted.get(minutesPath(meeting), anna);
    REQUIRE(current.status == 200);
    CHECK(current.header("etag") == "\"" + listed[meeting].back() + "\"");
  }

  const auto reachable = lines(runTool("git --git-dir='" + repository + "' rev-list main"));
  const std::set<std::string> onBranch(reachable.begin(), reachable.end());
  std::map<int, std::size_t> lastAcknowledged;  // meeting -> its position in the list
  for (const auto& ack : acknowledged) {
    INFO("meeting " << ack.meeting << " version " << ack.version);
    const auto& versions = listed[ack.meeting];
    const auto it = std::find(versions.begin(), versions.end(), ack.version);
    REQUIRE(it != versions.end());
    const auto position = static_cast<std::size_t>(it - versions.begin());
    CHECK(position >= lastAcknowledged[ack.meeting]);
    lastAcknowledged[ack.meeting] = position;
    CHECK(onBranch.contains(ack.version));
    const auto md =
        restarted.get(minutesPath(ack.meeting) + "/versions/" + ack.version + "?format=md", anna);
    REQUIRE(md.status == 200);
    CHECK(md.body == ack.markdown);
  }
  // At most the one save in flight per writer got in without its answer.
  for (int meeting = 1; meeting <= 3; ++meeting)
    CHECK(listed[meeting].size() - lastAcknowledged[meeting] - 1 <= 1);

  const auto verification = restarted.get("/api/v1/audit/verification", admin);
  CHECK(verification.body.find("\"intact\":true") != std::string::npos);
  CHECK(restarted.stop() == 0);

  int code = -1;
  CHECK(runTool("sqlite3 '" + database + "' 'PRAGMA integrity_check'", &code) == "ok\n");
  CHECK(code == 0);
  const auto fsck = runTool("git --git-dir='" + repository + "' fsck --strict", &code);
  INFO(fsck);
  CHECK(code == 0);
  // SQLite and git agree: the branch is at the newest version SQLite names, which is the newest
  // version of one of the three minutes, and the repository head SQLite records.
  const auto branch = lines(runTool("git --git-dir='" + repository + "' rev-parse main"));
  const auto newest = lines(
      runTool("sqlite3 '" + database +
              "' \"SELECT version FROM document_versions WHERE repository = 'contract-1' "
              "AND document IN ('meetings/1/minutes', 'meetings/2/minutes', 'meetings/3/minutes') "
              "ORDER BY id DESC LIMIT 1\""));
  const auto head = lines(runTool("sqlite3 '" + database +
                                  "' \"SELECT head FROM repositories WHERE name = 'contract-1'\""));
  REQUIRE(branch.size() == 1);
  CHECK(newest == branch);
  CHECK(head == branch);
  CHECK((listed[1].back() == branch[0] || listed[2].back() == branch[0] ||
         listed[3].back() == branch[0]));
}

}  // namespace SV_TEST_FILE
