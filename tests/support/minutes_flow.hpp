// The minutes' way from start to register through HTTP, for the integration tests that follow it
// (approval_test.cpp on one server, processes_test.cpp through nginx in front of two): the
// demo's people logged in, and the steps, each one request that must succeed where it says so.
// The demo data: anna.avtal manages contract 1 and is chair, secretary and the authority's
// adjuster of its meetings 1-4; ulla.utforare is the provider's adjuster; rita.registrator
// registers; nils.norr represents another provider.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "support/http_checks.hpp"
#include "support/json.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::test {

inline std::string etagOf(const std::string& version) {
  return "\"" + version + "\"";
}

struct MinutesFlow {
  // `server`: where the requests go; `folder`: the data folder (for git).
  MinutesFlow(const HttpEndpoint& through, std::filesystem::path dataFolder)
      : server(through), folder(std::move(dataFolder)) {}

  const HttpEndpoint& server;
  std::filesystem::path folder;
  std::string anna = server.login("anna.avtal", kDemoPassword);
  std::string ulla = server.login("ulla.utforare", kDemoPassword);
  std::string rita = server.login("rita.registrator", kDemoPassword);
  std::string nils = server.login("nils.norr", kDemoPassword);

  static std::string path(std::int64_t meeting, const std::string& rest = "") {
    return "/api/v1/meetings/" + std::to_string(meeting) + rest;
  }

  // How many numbers this year's series has given (the demo registers this year's protocols of
  // Östermalm's other contract, Solgården): the next registration takes the one after.
  std::size_t registeredThisYear() const {
    const auto year =
        static_cast<int>(sv::toStockholm(std::chrono::system_clock::now()).date.year());
    return requireArray(server.get("/api/v1/registry?year=" + std::to_string(year), rita))->size();
  }

  std::int64_t idOf(const std::string& token) const {
    return requireOk(server.get("/api/v1/me", token))->getValue<std::int64_t>("id");
  }

  // Publishes the agenda and starts the minutes; the first version.
  std::string start(std::int64_t meeting) const {
    requireOk(server.post(path(meeting, "/agenda/publish"), "", anna));
    const auto started = server.post(path(meeting, "/minutes"), "", anna);
    const auto answer = requireOk(started, 201);
    CHECK(started.header("etag") == etagOf(text(answer, "version")));
    return text(answer, "version");
  }

  Poco::JSON::Object::Ptr minutes(std::int64_t meeting, const std::string& token) const {
    return requireOk(server.get(path(meeting, "/minutes"), token));
  }

  HttpResult lifecycleRaw(std::int64_t meeting, const std::string& token) const {
    return server.get(path(meeting, "/minutes/lifecycle"), token);
  }

  Poco::JSON::Object::Ptr lifecycle(std::int64_t meeting, const std::string& token) const {
    return requireOk(lifecycleRaw(meeting, token));
  }

  HttpResult submit(std::int64_t meeting) const {
    return server.post(path(meeting, "/minutes/submit"), "", anna);
  }

  HttpResult approve(std::int64_t meeting, const std::string& token, const std::string& version,
                     const std::string& note = "") const {
    return server.post(
        path(meeting, "/minutes/approve"),
        note.empty() ? body({{"version", version}}) : body({{"version", version}, {"note", note}}),
        token);
  }

  HttpResult returnMinutes(std::int64_t meeting, const std::string& token,
                           const std::string& json) const {
    return server.post(path(meeting, "/minutes/return"), json, token);
  }

  HttpResult registerMinutes(std::int64_t meeting, const std::string& token) const {
    return server.post(path(meeting, "/minutes/register"), "", token);
  }

  HttpResult put(std::int64_t meeting, const std::string& token, const std::string& version,
                 const std::string& json) const {
    return server.request("PUT", path(meeting, "/minutes"), json,
                          {{"Authorization", bearer(token)}, {"If-Match", etagOf(version)}});
  }

  // Started, submitted, approved by both adjusters; the approved version.
  std::string approved(std::int64_t meeting, const std::string& providerNote = "") const {
    const std::string version = start(meeting);
    requireOk(submit(meeting));
    requireOk(approve(meeting, ulla, version, providerNote));
    const auto done = requireOk(approve(meeting, anna, version));
    REQUIRE(text(done, "state") == "approved");
    return version;
  }

  // Registered by rita; the registry entry.
  Poco::JSON::Object::Ptr registered(std::int64_t meeting) const {
    const auto answer = requireOk(registerMinutes(meeting, rita));
    REQUIRE(text(answer, "state") == "registered");
    REQUIRE_FALSE(answer->isNull("registration"));
    return answer->getObject("registration");
  }

  // A new meeting of contract 1 with the given participants ({user id, role}).
  std::int64_t createMeeting(
      const std::string& startsAt,
      const std::vector<std::pair<std::int64_t, std::string>>& people) const {
    const auto created = requireOk(
        server.post("/api/v1/contracts/1/meetings",
                    body({{"starts_at", startsAt}, {"location", "Linnégården, konferensrummet"}}),
                    anna),
        201);
    const auto id = created->getValue<std::int64_t>("id");
    Poco::JSON::Array participants;
    for (const auto& [user, role] : people) {
      Poco::JSON::Object p;
      p.set("user_id", user);
      p.set("role", role);
      participants.add(p);
    }
    requireOk(server.request("PATCH", path(id), body({{"participants", participants}}),
                             {{"Authorization", bearer(anna)}}));
    return id;
  }

  std::string repository() const { return (folder / "repositories" / "contract-1.git").string(); }

  std::string git(const std::string& args, int* exitCode = nullptr) const {
    return runTool("git --git-dir='" + repository() + "' " + args, exitCode);
  }

  std::vector<std::string> notificationKinds(const std::string& token, std::int64_t meeting) const {
    const auto list = array(server.get("/api/v1/notifications", token).body);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < list->size(); ++i)
      if (!at(list, i)->isNull("meeting_id") &&
          at(list, i)->getValue<std::int64_t>("meeting_id") == meeting)
        out.push_back(text(at(list, i), "kind"));
    return out;
  }
};

}  // namespace sv::test
