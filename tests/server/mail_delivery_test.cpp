// The real server delivering to a real SMTP server (aiosmtpd): SIGKILL in the middle of a burst
// of changes loses no message and repeats one only with its Message-ID; a mail server that is
// down, refusing or slow never stops the server, the outbox grows, and delivery resumes.
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <atomic>
#include <csignal>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <thread>

#include "server/store/outbox.hpp"
#include "server/store/store.hpp"
#include "support/server_process.hpp"
#include "support/smtp_sink.hpp"
#include "workflows/stockholm_time.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::test;
using namespace std::chrono_literals;

namespace {

constexpr const char* kDemoPassword = "samverkan-demo";

std::map<std::string, std::string> smtpConfig(std::uint16_t port) {
  return {{"samverkan.mail.smtp_host", "127.0.0.1"},
          {"samverkan.mail.smtp_port", std::to_string(port)},
          {"samverkan.mail.timeout_seconds", "2"},
          {"samverkan.mail.poll_seconds", "1"},
          {"samverkan.mail.retry_first_seconds", "1"},
          {"samverkan.mail.retry_max_seconds", "2"}};
}

// Waits until the messages the sink received stop growing for three seconds (two minutes at most):
// the server delivers within a second of a message being due.
void waitUntilQuiet(const SmtpSink& sink) {
  std::size_t seen = sink.messages().size();
  for (int quiet = 0, i = 0; quiet < 12 && i < 480; ++i) {
    std::this_thread::sleep_for(250ms);
    const auto now = sink.messages().size();
    quiet = now == seen ? quiet + 1 : 0;
    seen = now;
  }
}

store::OutboxCounts countsOf(const std::filesystem::path& data) {
  auto opened = store::Store::open({data, 1});
  REQUIRE(opened);
  return (*opened)->read([](store::Reading& c) { return store::outboxCounts(c); });
}

// The Message-ID of each message that arrived, in the order they came.
std::vector<std::string> receivedIds(const SmtpSink& sink) {
  std::vector<std::string> out;
  const std::regex header(R"((^|\r\n)Message-ID: <([^>]+)>\r\n)");
  for (const auto& message : sink.messages()) {
    std::smatch m;
    REQUIRE(std::regex_search(message, m, header));
    out.push_back(m[2]);
  }
  return out;
}

// The demo's coming meetings the contract manager sees: a change to one is mail to its
// participants (a meeting already held invites nobody).
std::vector<std::string> meetingIds(const ServerProcess& server, const std::string& token) {
  Poco::JSON::Parser parser;
  std::vector<std::string> out;
  const auto contracts =
      parser.parse(server.get("/api/v1/contracts", token).body).extract<Poco::JSON::Array::Ptr>();
  for (std::size_t i = 0; i < contracts->size(); ++i) {
    const auto id = contracts->getObject(static_cast<unsigned>(i))->getValue<std::int64_t>("id");
    parser.reset();
    const auto meetings =
        parser
            .parse(server.get("/api/v1/contracts/" + std::to_string(id) + "/meetings", token).body)
            .extract<Poco::JSON::Array::Ptr>();
    const auto now = formatIsoUtc(std::chrono::system_clock::now());
    for (std::size_t j = 0; j < meetings->size(); ++j) {
      const auto meeting = meetings->getObject(static_cast<unsigned>(j));
      if (meeting->getValue<std::string>("starts_at") > now)
        out.push_back(std::to_string(meeting->getValue<std::int64_t>("id")));
    }
    parser.reset();
  }
  return out;
}

}  // namespace

TEST_CASE("mail: SIGKILL during a burst loses no message and repeats one only with its Message-ID",
          "[server][mail][crash]") {
  TempDir dir;
  const auto data = dir.path() / "data";
  SmtpSink sink(dir.path() / "received");
  std::atomic<int> acknowledged{0};
  {
    ServerProcess server(data, smtpConfig(sink.port()), true);
    const auto sofia = server.login("sofia.soder", kDemoPassword);
    auto ids = meetingIds(server, sofia);
    REQUIRE(ids.size() >= 2);
    std::atomic<bool> stop{false};
    std::vector<std::thread> writers;
    for (std::size_t w = 0; w < 3; ++w)
      writers.emplace_back([&, w] {
        // Each change moves a meeting's place: an update to every participant but the organizer.
        for (int i = 0; !stop; ++i) {
          const auto& id = ids[(w + static_cast<std::size_t>(i) * 3) % ids.size()];
          try {
            const auto r = server.request(
                "PATCH", "/api/v1/meetings/" + id,
                R"({"location":"Götgatan 40, rum )" + std::to_string(w * 1000 + i) + R"("})",
                {{"Authorization", bearer(sofia)}});
            if (r.status == 200) ++acknowledged;
            // A burst, not a flood: enough changes to be in the middle of when the kill comes.
            std::this_thread::sleep_for(5ms);
          } catch (const std::exception&) {
            return;  // the server is gone
          }
        }
      });
    std::this_thread::sleep_for(1500ms);
    server.kill(SIGKILL);
    stop = true;
    for (auto& t : writers) t.join();
  }
  REQUIRE(acknowledged > 5);

  // Started again, the server delivers what the killed one had not.
  {
    ServerProcess restarted(data, smtpConfig(sink.port()));
    waitUntilQuiet(sink);
    restarted.stop();
  }
  auto opened = store::Store::open({data, 1});
  REQUIRE(opened);
  const auto written =
      (*opened)->read([](store::Reading& c) { return store::outboxMessageIds(c); });
  const auto counts = (*opened)->read([](store::Reading& c) { return store::outboxCounts(c); });
  CHECK(counts.waiting == 0);
  CHECK(counts.failing == 0);
  CHECK(counts.sent == static_cast<std::int64_t>(written.size()));
  CHECK(counts.sent > acknowledged);
  const std::set<std::string> outbox(written.begin(), written.end());
  const auto arrived = receivedIds(sink);
  const std::set<std::string> distinct(arrived.begin(), arrived.end());
  // Every message written arrived; nothing arrived that was not written; a repeat (a kill between
  // delivery and marking) came with the Message-ID of the first.
  WARN("written " << written.size() << ", arrived " << arrived.size() << ", acknowledged changes "
                  << acknowledged.load());
  CHECK(distinct == outbox);
  CHECK(arrived.size() - distinct.size() <= 3);
}

TEST_CASE("mail: a mail server down, then refusing, then slow: the server serves, mail waits",
          "[server][mail]") {
  TempDir dir;
  const auto data = dir.path() / "data";
  std::uint16_t port = 0;
  {
    // A port nobody listens on once the probe is gone: every attempt fails at the connection.
    SmtpSink probe(dir.path() / "probe");
    port = probe.port();
  }
  {
    ServerProcess server(data, smtpConfig(port), true);
    const auto sofia = server.login("sofia.soder", kDemoPassword);
    std::this_thread::sleep_for(2s);
    // The server answers as ever, and a change still writes its mail.
    const auto ids = meetingIds(server, sofia);
    REQUIRE_FALSE(ids.empty());
    int moved = 0;
    for (const auto& id : ids)
      if (server
              .request("PATCH", "/api/v1/meetings/" + id, R"({"location":"Rum 2"})",
                       {{"Authorization", bearer(sofia)}})
              .status == 200)
        ++moved;
    CHECK(moved > 0);
    {
      SmtpSink refusing(dir.path() / "refusing", {.refuse = true, .port = port});
      std::this_thread::sleep_for(3s);
      CHECK(refusing.messages().empty());
    }
    {
      SmtpSink slow(dir.path() / "slow", {.delay = 5s, .port = port});
      std::this_thread::sleep_for(3s);
      CHECK(server.get("/healthz").status == 200);
      CHECK(slow.messages().empty());
    }
    server.stop();
  }
  // While the mail server was away, the outbox kept every message and counted the failures.
  const auto waiting = countsOf(data);
  CHECK(waiting.sent == 0);
  CHECK(waiting.failing > 0);

  // Back: everything that waited arrives, each once.
  SmtpSink back(dir.path() / "back", {.port = port});
  {
    ServerProcess server(data, smtpConfig(port));
    waitUntilQuiet(back);
    server.stop();
  }
  const auto done = countsOf(data);
  CHECK(done.waiting == 0);
  CHECK(done.failing == 0);
  CHECK(done.sent == waiting.waiting + waiting.failing);
  CHECK(back.messages().size() == static_cast<std::size_t>(done.sent));
}

}  // namespace SV_TEST_FILE
