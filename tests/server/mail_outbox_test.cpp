// The administrator's e-mail page and the mail commands against the real binary (issue 12): the
// failing messages listed without their text, for the administrator only, one of them made due
// again by a form that needs its CSRF token, and the same from the command line with an audit
// entry by the system. Rows are put into the outbox through the store while no server runs.
#include <catch2/catch.hpp>

#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "server/store/audit.hpp"
#include "server/store/outbox.hpp"
#include "server/store/store.hpp"
#include "support/browser_session.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::test;

namespace {

constexpr std::int64_t kWritten = 1767225600;   // 2026-01-01T00:00:00Z
constexpr std::int64_t kFarAhead = 4102444800;  // 2100-01-01T00:00:00Z
const std::string kSecret = "Hemligt protokollinnehåll";

std::int64_t nowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::unique_ptr<store::Store> openStore(const std::filesystem::path& data) {
  auto opened = store::Store::open({data, 1});
  REQUIRE(opened);
  return std::move(*opened);
}

// A message to `recipient`; failed once with its next attempt far ahead unless `sent`.
std::int64_t putMail(store::Store& s, const std::string& recipient, bool sent = false) {
  return s.write([&](store::Writing& c) {
    const auto id = store::enqueueMail(
        c, {recipient + "-" + std::to_string(sent) + "@samverkan.test", "minutes_submitted",
            std::nullopt, recipient, "Subject: Protokoll\r\n\r\n" + kSecret + "\r\n", kWritten});
    if (sent)
      store::markMailSent(c, id, kWritten + 60);
    else
      store::markMailFailed(c, id, "421 4.7.0 try again later", kFarAhead);
    return id;
  });
}

std::vector<std::int64_t> dueNow(store::Store& s) {
  std::vector<std::int64_t> out;
  for (const auto& r :
       s.read([](store::Reading& c) { return store::dueMail(c, nowSeconds(), 100000); }))
    out.push_back(r.id);
  return out;
}

// Whether the message is due now. The demo's own mail (its past, written on the first start) may
// still be due when the server stops; only this message's due time is the test's.
bool isDueNow(store::Store& s, std::int64_t id) {
  const auto due = dueNow(s);
  return std::find(due.begin(), due.end(), id) != due.end();
}

// Whether the message was made due again: sent since, or failing with its next attempt no longer
// in 2100. The sender the resend wakes may take the message up before the server stops (with the
// demo's own mail queued before it), so "due now" is not all a passing run can see.
bool resent(store::Store& s, std::int64_t id) {
  for (const auto& r : s.read([](store::Reading& c) { return store::failingMail(c, 100000, 0); }))
    if (r.id == id) return r.nextAttemptAt < kFarAhead;
  return true;  // no longer failing: sent
}

std::vector<store::AuditRecord> mailAudit(store::Store& s) {
  store::AuditQuery q;
  q.objectType = "mail";
  return s.auditEntries(q);
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("mail page: the administrator sees a failing message and sends it again",
          "[server][web][mail_outbox]") {
  TempDir dir;
  const auto data = dir.path() / "data";
  std::int64_t failing = 0;
  {
    auto s = openStore(data);
    failing = putMail(*s, "eva.ek@example.se");
    putMail(*s, "sent@example.se", true);
  }
  ServerProcess server{data, {}, true};
  const Browser admin(server, "admin", kAdminPassword);
  const std::string resend = "/administration/e-post/" + std::to_string(failing) + "/skicka";

  const auto start = admin.get("/administration");
  REQUIRE(start.status == 200);
  CHECK(has(start.body, "href=\"/administration/e-post\""));

  const auto page = admin.get("/administration/e-post");
  INFO(page.body);
  REQUIRE(page.status == 200);
  CHECK(has(page.body, "E-post som inte har kunnat skickas"));
  CHECK(has(page.body, "<th scope=\"col\">Mottagare</th>"));
  CHECK(has(page.body, "eva.ek@example.se"));
  CHECK(has(page.body, "Protokoll att justera"));  // the kind, in Swedish
  CHECK(has(page.body, "421 4.7.0 try again later"));
  CHECK(has(page.body, "action=\"" + resend + "\""));
  CHECK(has(page.body, "Försök igen nu"));
  CHECK_FALSE(has(page.body, "sent@example.se"));
  CHECK_FALSE(has(page.body, kSecret));

  SECTION("a person who is not the administrator is refused") {
    const Browser anna(server, "anna.avtal", "samverkan-demo");
    CHECK(anna.get("/administration/e-post").status == 403);
    CHECK(anna.post(resend, {{"confirm", "ja"}}).status == 403);
  }
  SECTION("a post without the CSRF token is refused") {
    CHECK(admin.post(resend, {{"confirm", "ja"}}, false).status == 403);
  }
  SECTION("an unknown message is not found and says so") {
    const auto r = admin.post("/administration/e-post/999999/skicka", {{"confirm", "ja"}});
    CHECK(r.status == 404);
    CHECK(has(r.body, "kan ha skickats"));
  }
  SECTION("with the token the message is due now") {
    const auto r = admin.post(resend, {{"confirm", "ja"}});
    REQUIRE(r.status == 303);
    const auto location = r.header("location");
    CHECK(location == "/administration/e-post?klart=skickas#misslyckade");
    const auto after = admin.get(location.substr(0, location.find('#')));
    CHECK(has(after.body, "Meddelandet skickas vid nästa försök."));
    REQUIRE(server.stop() == 0);
    auto s = openStore(data);
    CHECK(resent(*s, failing));
    const auto audit = mailAudit(*s);
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].entry.action == "mail.resend");
    CHECK(audit[0].entry.actor == "admin");
    return;
  }
  REQUIRE(server.stop() == 0);
  auto s = openStore(data);
  CHECK_FALSE(isDueNow(*s, failing));
  CHECK(mailAudit(*s).empty());
}

TEST_CASE("mail commands: the failing messages listed and one sent again by the system",
          "[server][commands][mail_outbox]") {
  TempDir dir;
  const auto data = dir.path() / "data";
  std::int64_t older = 0, newer = 0, sent = 0;
  {
    auto s = openStore(data);
    older = putMail(*s, "eva.ek@example.se");
    newer = putMail(*s, "ulla.ek@example.se");
    sent = putMail(*s, "sent@example.se", true);
  }

  const auto all = runSamverkan(data, "mail-failures");
  INFO(all.output);
  CHECK(all.status == 0);
  CHECK(has(all.output, "waiting 0, failing 2, sent 1\n"));
  CHECK(has(all.output, std::to_string(older) +
                            "\tminutes_submitted\teva.ek@example.se\t1\t2100-01-01T00:00:00Z\t"
                            "421 4.7.0 try again later\n"));
  CHECK(has(all.output, std::to_string(newer) + "\tminutes_submitted\tulla.ek@example.se\t"));
  CHECK_FALSE(has(all.output, "sent@example.se"));
  CHECK_FALSE(has(all.output, kSecret));

  const auto one = runSamverkan(data, "mail-failures --limit=1");
  CHECK(one.status == 0);
  CHECK(has(one.output, "ulla.ek@example.se"));
  CHECK_FALSE(has(one.output, "eva.ek@example.se"));

  CHECK(runSamverkan(data, "mail-failures --limit=none").status == 65);
  CHECK(runSamverkan(data, "mail-resend").status == 65);
  CHECK(runSamverkan(data, "mail-resend --id=" + std::to_string(sent)).status == 65);

  const auto resent = runSamverkan(data, "mail-resend --id=" + std::to_string(older));
  CHECK(resent.status == 0);
  CHECK(has(resent.output, "message " + std::to_string(older) + " is due now"));

  auto s = openStore(data);
  CHECK(dueNow(*s) == std::vector<std::int64_t>{older});
  const auto audit = mailAudit(*s);
  REQUIRE(audit.size() == 1);
  CHECK(audit[0].entry.action == "mail.resend");
  CHECK(audit[0].entry.objectId == std::to_string(older));
  CHECK(audit[0].entry.actor == "system");
}

}  // namespace SV_TEST_FILE
