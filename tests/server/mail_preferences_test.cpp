// E-mail choices over HTTP against the real server (issue 12): the unsubscribe link of a message
// works without a login and without a CSRF token (a mail program's one-click post, RFC 8058),
// a bad link is a Swedish 404, and the API reads and sets the caller's own choices. The token is
// made through the store between two starts of the server, as the mail sender makes it.
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "server/store/accounts.hpp"
#include "server/store/mail_preferences.hpp"
#include "server/store/store.hpp"
#include "support/json.hpp"
#include "support/server_process.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

constexpr const char* kForm = "application/x-www-form-urlencoded";

// The demo's data with an unsubscribe token for ulla, made while no server runs.
std::string tokenForUlla(const std::filesystem::path& data) {
  {
    ServerProcess demo{data, {}, true};
    REQUIRE(demo.stop() == 0);
  }
  auto store = sv::store::Store::open({data, 1});
  REQUIRE(store);
  return (*store)->write([](sv::store::Writing& c) {
    const auto login = sv::store::findLogin(c, "ulla.utforare");
    REQUIRE(login);
    return sv::store::mailToken(c, login->userId, "ulla-link-token-for-the-test");
  });
}

struct Fixture {
  TempDir dir;
  std::string token = tokenForUlla(dir.path() / "data");
  ServerProcess server{dir.path() / "data"};
  std::string ulla = server.login("ulla.utforare", kDemoPassword);

  std::string link(const std::string& kind, const std::string& t = {}) const {
    return "/e-post/avsluta/" + (t.empty() ? token : t) + "/" + kind;
  }
  // As a mail program posts it: no cookie, no page, the body RFC 8058 names.
  HttpResult oneClick(const std::string& path,
                      std::map<std::string, std::string> headers = {}) const {
    return server.request("POST", path, "List-Unsubscribe=One-Click", headers, kForm);
  }
  HttpResult page(const std::string& path) const {
    return server.request("GET", path, {}, {{"Accept", "text/html"}});
  }
  std::string choiceOf(const std::string& kind) const {
    const auto r = server.get("/api/v1/me/mail-preferences", ulla);
    REQUIRE(r.status == 200);
    const auto kinds = object(r.body)->getArray("kinds");
    for (std::size_t i = 0; i < kinds->size(); ++i) {
      const auto k = kinds->getObject(static_cast<unsigned>(i));
      if (text(k, "kind") == kind) return text(k, "choice");
    }
    return {};
  }
  HttpResult put(const std::string& json) const {
    return server.request("PUT", "/api/v1/me/mail-preferences", json,
                          {{"Authorization", bearer(ulla)}});
  }
};

bool has(const HttpResult& r, const std::string& words) {
  return r.body.find(words) != std::string::npos;
}

}  // namespace

TEST_CASE("unsubscribe link: the page names the person and the kind, a one-click post turns it off",
          "[server][mail]") {
  Fixture f;
  REQUIRE(f.choiceOf("agenda_published") == "now");

  const auto asked = f.page(f.link("agenda_published"));
  INFO(asked.body);
  REQUIRE(asked.status == 200);
  CHECK(asked.header("content-type").starts_with("text/html"));
  CHECK(has(asked, "Avsluta e-post"));
  CHECK(has(asked, "Ulla"));
  CHECK(has(asked, "publicerad dagordning"));
  CHECK(has(asked, "action=\"" + f.link("agenda_published") + "\""));
  CHECK(f.choiceOf("agenda_published") == "now");  // the page alone changes nothing

  const auto done = f.oneClick(f.link("agenda_published"));
  INFO(done.body);
  REQUIRE(done.status == 200);
  CHECK(has(done, "Du får inte längre e-post om publicerad dagordning."));
  CHECK(has(done, "href=\"/installningar\""));
  CHECK(f.choiceOf("agenda_published") == "never");
  CHECK(f.choiceOf("reminder") == "digest");
  // A second post (the person clicks after their mail program did) is as good as the first.
  CHECK(f.oneClick(f.link("agenda_published")).status == 200);
}

TEST_CASE("unsubscribe link: a browser with a session needs no CSRF token there, and only there",
          "[server][mail]") {
  Fixture f;
  const std::map<std::string, std::string> cookie{{"Cookie", "sv_session=" + f.ulla}};
  const auto done = f.oneClick(f.link("reminder"), cookie);
  INFO(done.body);
  REQUIRE(done.status == 200);
  CHECK(f.choiceOf("reminder") == "never");
  // The settings form, with the same cookie and no token, is refused as every other form.
  const auto refused = f.server.request("POST", "/installningar", "reminder=now", cookie, kForm);
  CHECK(refused.status == 403);
  CHECK(f.choiceOf("reminder") == "never");
}

TEST_CASE("unsubscribe link: a wrong token or kind is a 404 page in Swedish", "[server][mail]") {
  Fixture f;
  for (const auto& path : {f.link("agenda_published", "guessed-token"), f.link("weekly_news")}) {
    const auto shown = f.page(path);
    INFO(path << " " << shown.body);
    CHECK(shown.status == 404);
    CHECK(has(shown, "Länken gäller inte"));
    const auto posted = f.oneClick(path);
    CHECK(posted.status == 404);
    CHECK(has(posted, "Länken gäller inte"));
  }
  CHECK(f.choiceOf("agenda_published") == "now");
}

TEST_CASE("unsubscribe link: registered minutes cannot be turned off", "[server][mail]") {
  Fixture f;
  const auto shown = f.page(f.link("minutes_registered"));
  REQUIRE(shown.status == 200);
  CHECK(has(shown, "kan inte avslutas"));
  CHECK_FALSE(has(shown, "<form class=\"form\""));
  const auto posted = f.oneClick(f.link("minutes_registered"));
  INFO(posted.body);
  CHECK(posted.status == 409);
  CHECK(has(posted, "skickas alltid direkt"));
  CHECK(f.choiceOf("minutes_registered") == "now");
}

TEST_CASE("mail preferences API: set, read back, and a refusal that changes nothing",
          "[server][mail]") {
  Fixture f;
  CHECK(f.server.get("/api/v1/me/mail-preferences").status == 401);
  const auto set = f.put(R"({"choices": {"reminder": "now", "agenda_published": "digest"}})");
  INFO(set.body);
  REQUIRE(set.status == 200);
  CHECK(f.choiceOf("reminder") == "now");
  CHECK(f.choiceOf("agenda_published") == "digest");

  const auto refused = f.put(R"({"choices": {"reminder": "never", "invitation": "digest"}})");
  INFO(refused.body);
  REQUIRE(refused.status == 422);
  CHECK(refused.header("content-type") == "application/problem+json");
  CHECK(text(object(refused.body), "reason") == "choice-not-allowed");
  CHECK(text(object(refused.body), "field") == "invitation");
  CHECK(f.choiceOf("reminder") == "now");

  CHECK(f.put(R"({"choices": ["reminder"]})").status == 400);
  CHECK(f.put(R"({"choices": {"reminder": 3}})").status == 400);
  // The token is the secret of the person's mail: never part of an answer.
  CHECK(f.server.get("/api/v1/me/mail-preferences", f.ulla).body.find(f.token) ==
        std::string::npos);
}

}  // namespace SV_TEST_FILE
