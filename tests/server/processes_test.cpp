// Issue 18, point 2, with the real binary: two samverkan processes on one PostgreSQL and one data
// folder, behind nginx as the load balancer (round robin, so consecutive requests go to either):
// saves of the same minutes from both merge as within one, registrations from both get numbers
// without a gap, a write in one is seen at once by the other's caches (the protocol page, the
// session), and kill -9 of one during a burst loses nothing acknowledged; git fsck stays clean.
#include <catch2/catch.hpp>

#include <atomic>
#include <csignal>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <set>
#include <thread>
#include <vector>

#include "support/minutes_flow.hpp"
#include "support/nginx_balancer.hpp"
#include "support/postgres_cluster.hpp"
#include "support/repository_checks.hpp"
#include "support/write_burst.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

// Two servers on the folder, the demo loaded into PostgreSQL by the first, nginx in front.
struct TwoProcesses {
  TempDir dir;
  PostgresCluster cluster;
  std::filesystem::path data = dir.path() / "data";
  std::map<std::string, std::string> config{
      {"samverkan.store", "postgresql"},
      {"samverkan.store.connection", cluster.createDatabase("shared")}};
  std::unique_ptr<ServerProcess> first = std::make_unique<ServerProcess>(data, config, true);
  std::unique_ptr<ServerProcess> second = std::make_unique<ServerProcess>(data, config);
  NginxBalancer nginx{dir.path() / "nginx", {first->port(), second->port()}};

  void requireFsckClean() const { checkRepositoriesFsckClean(data); }
};

std::string path(std::int64_t meeting, const std::string& rest) {
  return "/api/v1/meetings/" + std::to_string(meeting) + rest;
}

// Saves of the same minutes from four writers through both processes.
void savesMerge(TwoProcesses& p) {
  MinutesFlow flow(p.nginx, p.data);
  flow.start(1);
  // Four people's saves at once, each in a section of its own, every request to either process:
  // each save is made on the version its writer last read, so most meet a newer version and are
  // merged (three-way, as within one process; the second round under the repository's lock, which
  // both processes take), none is refused as busy, none conflicts and none acknowledged is lost.
  std::mutex mutex;
  std::map<int, std::string> lastSaved;  // section -> the text of its last acknowledged save
  std::set<std::string> versions;        // every acknowledged version
  std::vector<std::string> unexpected;
  int merged = 0;  // saves made on an older version and merged with the newer
  int busy = 0;    // refused as busy (none: the second round holds the lock)
  {
    std::vector<std::jthread> writers;
    for (int w = 0; w < 4; ++w)
      writers.emplace_back([&, w] {
        const int section = w + 2;
        for (int i = 0; i < 12; ++i) {
          const auto current = p.nginx.get(path(1, "/minutes"), flow.anna);
          if (current.status != 200) {
            std::lock_guard lock(mutex);
            unexpected.push_back("GET " + std::to_string(current.status) + " " + current.body);
            continue;
          }
          const auto answer = object(current.body);
          const std::string notes =
              "Skrivare " + std::to_string(w) + ", sparning " + std::to_string(i) + ".";
          const auto saved = flow.put(1, flow.anna, text(answer, "version"),
                                      minutesWithNotes(answer, {{section, notes}}));
          std::lock_guard lock(mutex);
          if (saved.status == 200) {
            lastSaved[section] = notes;
            const auto savedAnswer = object(saved.body);
            versions.insert(text(savedAnswer, "version"));
            if (savedAnswer->getValue<bool>("merged")) ++merged;
          } else if (saved.status == 409 && text(object(saved.body), "reason") == "document-busy") {
            ++busy;
          } else {  // each writer has a section of its own: a save merges, it never conflicts
            unexpected.push_back("PUT " + std::to_string(saved.status) + " " + saved.body);
          }
        }
      });
  }
  INFO((unexpected.empty() ? std::string() : unexpected.front()));
  CHECK(unexpected.empty());
  REQUIRE(lastSaved.size() == 4);
  // Most saves met a version the other writers had saved, through either process, and merged.
  INFO(versions.size() << " saves, " << merged << " merged, " << busy << " busy");
  CHECK(merged > 0);
  CHECK(busy == 0);

  // Both processes give the same minutes, with every writer's last save in its section.
  const auto viaFirst = object(p.first->get(path(1, "/minutes"), flow.anna).body);
  const auto viaSecond = object(p.second->get(path(1, "/minutes"), flow.anna).body);
  CHECK(text(viaFirst, "version") == text(viaSecond, "version"));
  for (const auto& [section, notes] : lastSaved) CHECK(minutesNotes(viaFirst, section) == notes);
  // Every acknowledged version is in the record and in git.
  const auto listed = requireArray(p.first->get(path(1, "/minutes/versions?limit=100"), flow.anna));
  std::set<std::string> recorded;
  for (std::size_t i = 0; i < listed->size(); ++i) recorded.insert(text(at(listed, i), "version"));
  for (const auto& version : versions) {
    CHECK(recorded.contains(version));
    CHECK(oneSpaced(flow.git("cat-file -t " + version)) == "commit");
  }
  CHECK(oneSpaced(flow.git("rev-parse main")) == text(viaFirst, "version"));
  p.requireFsckClean();
}

// Registrations at once through both: the numbers follow one another without a gap.
void registrationsFollowEachOther(TwoProcesses& p) {
  MinutesFlow flow(p.nginx, p.data);
  const auto annaId = requireOk(p.nginx.get("/api/v1/me", flow.anna))->getValue<std::int64_t>("id");
  const auto ullaId = requireOk(p.nginx.get("/api/v1/me", flow.ulla))->getValue<std::int64_t>("id");
  const std::size_t before = flow.registeredThisYear();
  std::vector<std::int64_t> meetings;
  for (int day = 1; day <= 8; ++day) {
    const auto id =
        flow.createMeeting("2027-04-0" + std::to_string(day) + "T13:00",
                           {{annaId, "adjuster"}, {ullaId, "adjuster"}, {annaId, "secretary"}});
    flow.approved(id);
    meetings.push_back(id);
  }
  std::vector<HttpResult> results(meetings.size());
  {
    std::vector<std::jthread> threads;
    for (std::size_t i = 0; i < meetings.size(); ++i)
      threads.emplace_back([&, i] { results[i] = flow.registerMinutes(meetings[i], flow.rita); });
  }
  const std::regex number(R"(^SDN (\d{4})/(\d{4})$)");
  std::set<int> sequence;
  for (const auto& r : results) {
    INFO(r.status << " " << r.body);
    REQUIRE(r.status == 200);
    const std::string given = text(object(r.body)->getObject("registration"), "number");
    std::smatch parts;
    REQUIRE(std::regex_match(given, parts, number));
    sequence.insert(std::stoi(parts[2].str()));
  }
  std::set<int> expected;
  for (int n = 1; n <= 8; ++n) expected.insert(static_cast<int>(before) + n);
  CHECK(sequence == expected);
  p.requireFsckClean();
}

// A write in one process, seen at once by the other's caches (meeting 2: the saves above had 1).
void cachesSeeTheOther(TwoProcesses& p) {
  MinutesFlow flow(*p.first, p.data);  // every step through the first process
  flow.start(2);
  const auto answer = flow.minutes(2, flow.anna);
  // The protocol page rendered and cached by the second, then a save through the first.
  const auto cached = p.second->get(path(2, "/minutes.html"), flow.anna);
  REQUIRE(cached.status == 200);
  CHECK(cached.body.find("Ändrat i den första.") == std::string::npos);
  requireOk(flow.put(2, flow.anna, text(answer, "version"),
                     minutesWithNotes(answer, {{6, "Ändrat i den första."}})));
  const auto page = p.second->get(path(2, "/minutes.html"), flow.anna);
  CHECK(page.body.find("Ändrat i den första.") != std::string::npos);

  // A session the second has cached ends in the first: the second refuses it at once.
  REQUIRE(p.second->get("/api/v1/me", flow.ulla).status == 200);
  REQUIRE(p.first->request("DELETE", "/api/v1/session", {}, {{"Authorization", bearer(flow.ulla)}})
              .status == 204);
  CHECK(p.second->get("/api/v1/me", flow.ulla).status == 401);
}

// kill -9 of the second during a burst through nginx: what was acknowledged is there.
void killedDuringBurst(TwoProcesses& p) {
  const auto admin = p.nginx.login("admin", kAdminPassword);
  const auto acknowledged = organizationsWrittenDuring(p.nginx, admin, [&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    p.second->kill(SIGKILL);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  });
  REQUIRE(acknowledged.size() > 20);
  // A new process on the folder, as after a crash, and the record through the survivor.
  ServerProcess restarted(p.data, p.config);
  std::set<std::string> present;
  for (std::size_t offset = 0;;) {
    const auto list = requireArray(
        p.first->get("/api/v1/organizations?limit=1000&offset=" + std::to_string(offset), admin));
    for (std::size_t i = 0; i < list->size(); ++i) present.insert(text(at(list, i), "name"));
    if (list->size() < 1000) break;
    offset += list->size();
  }
  for (const auto& name : acknowledged) CHECK(present.contains(name));
  const auto verification = restarted.get("/api/v1/audit/verification", admin);
  INFO(verification.body);
  CHECK(object(verification.body)->getValue<bool>("intact"));
  p.requireFsckClean();
}

}  // namespace

// One setup for all four (a cluster, the demo loaded into it, two servers and nginx cost seconds,
// more under the sanitizers), in an order where each leaves what the next needs: the caches'
// check uses a meeting of its own, and the kill comes last.
TEST_CASE("two processes on one PostgreSQL and one data folder, behind nginx, lose nothing",
          "[processes][postgresql]") {
  TwoProcesses p;
  savesMerge(p);
  registrationsFollowEachOther(p);
  cachesSeeTheOther(p);
  killedDuringBurst(p);
}

}  // namespace SV_TEST_FILE
