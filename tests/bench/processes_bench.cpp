// Issue 18: minutes saves per second through two samverkan processes on one PostgreSQL and one
// data folder, against one process, in the same run and through the same kind of nginx in front
// (round robin over two upstreams, or one), so that the proxy's cost is in both figures.
//
// Each of --clients writers saves the minutes of a meeting of its own (a contract of its own, so
// a repository of its own: no two writers wait for the same repository lock), a ~30 KB protocol
// with one section changed per save, If-Match the version it saved last. Rounds of --seconds
// alternate between one process and two, --rounds of each; a round's figure is its acknowledged
// saves per second. Any other answer than 200 is counted and printed.
//
// A Catch program (the test support's server, nginx and PostgreSQL), its one case hidden from
// CTest: tests/bench/run.sh runs `processes_bench "[.bench]" -- …`. Markdown on stdout.
//
//   processes_bench "[.bench]"   (environment: BENCH_CLIENTS [6], BENCH_SECONDS [10],
//                                 BENCH_ROUNDS [3])
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/json.hpp"
#include "support/nginx_balancer.hpp"
#include "support/postgres_cluster.hpp"
#include "support/server_process.hpp"

using namespace sv::test;
using Clock = std::chrono::steady_clock;

namespace {

int fromEnvironment(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::max(1, std::atoi(value)) : fallback;
}

std::string bearer(const std::string& token) {
  return "Bearer " + token;
}

// About `bytes` of meeting notes.
std::string notes(std::size_t bytes, int seed) {
  static const char* sentences[] = {
      "Utföraren redovisade bemanningen under perioden och hur kontinuiteten har följts upp. ",
      "Förvaltningen påpekade att genomförandeplanerna ska vara uppdaterade inom två veckor. ",
      "Parterna gick igenom avvikelserna från kvartalet och de åtgärder som vidtagits. ",
  };
  std::string out;
  for (int k = seed; out.size() < bytes; ++k) out += sentences[k % 3];
  return out;
}

// A writer's meeting: its minutes started by anna, ~30 KB, and the version last saved.
struct Writer {
  std::int64_t meeting = 0;
  Poco::JSON::Object::Ptr answer;  // the last GET or PUT answer (minutes and version)
  std::string version;
  int saves = 0;
};

Writer prepareWriter(const HttpEndpoint& server, const std::string& anna, std::int64_t annaId,
                     std::int64_t provider, int k) {
  const auto contract = object(server
                                   .post("/api/v1/contracts",
                                         body({{"title", "Hemtjänst mätning " + std::to_string(k)},
                                               {"provider_id", provider},
                                               {"service_area", "hemtjanst"},
                                               {"reference", "MÄT 2026/" + std::to_string(100 + k)},
                                               {"starts_on", "2026-01-01"}}),
                                         anna)
                                   .body);
  const auto contractId = contract->getValue<std::int64_t>("id");
  const auto meeting =
      object(server
                 .post("/api/v1/contracts/" + std::to_string(contractId) + "/meetings",
                       body({{"starts_at", "2026-11-1" + std::to_string(k % 10) + "T13:00"},
                             {"location", "Förvaltningshuset"}}),
                       anna)
                 .body);
  Writer w;
  w.meeting = meeting->getValue<std::int64_t>("id");
  const std::string base = "/api/v1/meetings/" + std::to_string(w.meeting);
  Poco::JSON::Array participants;
  Poco::JSON::Object secretary;
  secretary.set("user_id", annaId);
  secretary.set("role", "secretary");
  participants.add(secretary);
  REQUIRE(server
              .request("PATCH", base, body({{"participants", participants}}),
                       {{"Authorization", bearer(anna)}})
              .status == 200);
  REQUIRE(server.post(base + "/agenda/publish", "", anna).status == 200);
  const auto started = server.post(base + "/minutes", "", anna);
  REQUIRE(started.status == 201);
  w.answer = object(started.body);
  const auto sections = w.answer->getObject("minutes")->getArray("sections")->size();
  std::vector<std::pair<int, std::string>> filled;
  for (std::size_t s = 1; s <= sections; ++s)
    filled.emplace_back(static_cast<int>(s), notes(30000 / sections, static_cast<int>(s)));
  const auto saved = server.request(
      "PUT", base + "/minutes", minutesWithNotes(w.answer, filled),
      {{"Authorization", bearer(anna)}, {"If-Match", "\"" + text(w.answer, "version") + "\""}});
  REQUIRE(saved.status == 200);
  w.answer = object(saved.body);
  w.version = text(w.answer, "version");
  return w;
}

struct Round {
  double savesPerSecond = 0;
  std::map<int, int> other;  // status -> count, anything but 200
};

Round saveRound(const HttpEndpoint& through, const std::string& anna, std::vector<Writer>& writers,
                int seconds) {
  std::atomic<bool> stop = false;
  std::atomic<int> saved = 0;
  std::mutex mutex;
  Round round;
  const auto start = Clock::now();
  {
    std::vector<std::jthread> threads;
    for (auto& w : writers)
      threads.emplace_back([&] {
        const std::string path = "/api/v1/meetings/" + std::to_string(w.meeting) + "/minutes";
        while (!stop) {
          const int section = 1 + w.saves % 3;
          const auto r = through.request(
              "PUT", path,
              minutesWithNotes(w.answer, {{section, "Sparning " + std::to_string(w.saves) + ". " +
                                                        notes(3000, w.saves)}}),
              {{"Authorization", bearer(anna)}, {"If-Match", "\"" + w.version + "\""}});
          if (r.status != 200) {
            std::lock_guard lock(mutex);
            ++round.other[r.status];
            continue;
          }
          w.answer = object(r.body);
          w.version = text(w.answer, "version");
          ++w.saves;
          ++saved;
        }
      });
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    stop = true;
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  round.savesPerSecond = saved / elapsed;
  return round;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

TEST_CASE("minutes saves per second: two processes on one PostgreSQL against one", "[.bench]") {
  const int clients = fromEnvironment("BENCH_CLIENTS", 6);
  const int seconds = fromEnvironment("BENCH_SECONDS", 10);
  const int rounds = fromEnvironment("BENCH_ROUNDS", 3);
  TempDir dir;
  PostgresCluster cluster;
  const auto data = dir.path() / "data";
  const std::map<std::string, std::string> config{
      {"samverkan.store", "postgresql"},
      {"samverkan.store.connection", cluster.createDatabase("bench")}};
  ServerProcess first(data, config, true);
  ServerProcess second(data, config);
  NginxBalancer one{dir.path() / "nginx-one", {first.port()}};
  NginxBalancer two{dir.path() / "nginx-two", {first.port(), second.port()}};

  const std::string anna = two.login("anna.avtal", kDemoPassword);
  const std::string admin = two.login("admin", kAdminPassword);
  const auto annaId = object(two.get("/api/v1/me", anna).body)->getValue<std::int64_t>("id");
  std::int64_t provider = 0;
  const auto organizations = array(two.get("/api/v1/organizations?limit=1000", admin).body);
  for (std::size_t i = 0; i < organizations->size(); ++i)
    if (text(at(organizations, i), "name") == "Omsorgshuset Linnégården AB")
      provider = at(organizations, i)->getValue<std::int64_t>("id");
  REQUIRE(provider != 0);
  std::vector<Writer> writers;
  for (int k = 0; k < clients; ++k)
    writers.push_back(prepareWriter(two, anna, annaId, provider, k));

  saveRound(two, anna, writers, 2);  // warm-up: connections, caches, the first pack merges
  std::vector<double> byOne, byTwo;
  std::map<int, int> other;
  for (int r = 0; r < rounds; ++r)
    for (const bool both : {false, true}) {
      const auto round = saveRound(both ? two : one, anna, writers, seconds);
      (both ? byTwo : byOne).push_back(round.savesPerSecond);
      for (const auto& [status, count] : round.other) other[status] += count;
    }

  std::ostringstream out;
  out.precision(1);
  out << std::fixed;
  out << "### Minutes saves per second, one process and two (processes_bench, metadata in "
         "PostgreSQL)\n\n"
      << clients << " writers, each saving the ~30 KB minutes of a meeting of its own (a "
      << "repository of its own), rounds of " << seconds << " s alternating, " << rounds
      << " of each, through nginx (one upstream or two).\n\n"
      << "| Through | saves/s, each round | median |\n|---|---|---:|\n";
  auto row = [&](const char* name, const std::vector<double>& v) {
    out << "| " << name << " | ";
    for (std::size_t i = 0; i < v.size(); ++i) out << (i ? ", " : "") << v[i];
    out << " | " << median(v) << " |\n";
  };
  row("one process", byOne);
  row("two processes", byTwo);
  out << "\nTwo against one: " << std::setprecision(2) << median(byTwo) / median(byOne)
      << "× at the median.";
  if (!other.empty()) {
    out << " Answers other than 200:";
    for (const auto& [status, count] : other) out << " " << status << " × " << count;
    out << ".";
  }
  out << "\n";
  std::cout << out.str();
  CHECK(first.stop() == 0);
  CHECK(second.stop() == 0);
}
