// A meeting's agenda through HTTP against the real server: the fixed items of the adopted agenda,
// additions under Övriga frågor, publishing, and the history in the contract's git repository.
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>
#include <vector>

#include "support/http_checks.hpp"
#include "support/json.hpp"
#include "support/server_process.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

// A problem+json answer with this status; returns its body.
struct TemplateItem {
  std::string key;
  std::string kind;
  std::string title;
};

// The demo data and one contract of Linnégården (ulla.utforare's provider) with the meetings of
// 2030; anna.avtal is its contract manager, nils.norr is of another provider.
struct Fixture {
  TempDir dir;
  ServerProcess server{dir.path() / "data", {}, true};
  std::string admin = server.login("admin", kAdminPassword);
  std::string anna = server.login("anna.avtal", kDemoPassword);
  std::string ulla = server.login("ulla.utforare", kDemoPassword);
  std::string nils = server.login("nils.norr", kDemoPassword);
  std::int64_t contractId = 0;
  std::vector<std::int64_t> meetings;

  Fixture() {
    std::int64_t provider = 0;
    const auto orgs = array(server.get("/api/v1/organizations", admin).body);
    for (std::size_t i = 0; i < orgs->size(); ++i)
      if (text(at(orgs, i), "name") == "Omsorgshuset Linnégården AB")
        provider = number(at(orgs, i), "id");
    REQUIRE(provider != 0);
    const auto created = server.post("/api/v1/contracts",
                                     body({{"title", "Vård- och omsorgsboende Solgården"},
                                           {"provider_id", provider},
                                           {"service_area", "vard_och_omsorgsboende"},
                                           {"reference", "SDN 2030/0042"},
                                           {"starts_on", "2030-01-01"}}),
                                     anna);
    INFO(created.body);
    REQUIRE(created.status == 201);
    contractId = number(object(created.body), "id");
    REQUIRE(server
                .post("/api/v1/contracts/" + std::to_string(contractId) + "/meeting-plan",
                      body({{"year", 2030}}), anna)
                .status == 201);
    const auto listed = array(
        server.get("/api/v1/contracts/" + std::to_string(contractId) + "/meetings", anna).body);
    for (std::size_t i = 0; i < listed->size(); ++i)
      meetings.push_back(number(at(listed, i), "id"));
    REQUIRE(meetings.size() == 4);
  }

  std::string agendaPath(std::int64_t meeting) const {
    return "/api/v1/meetings/" + std::to_string(meeting) + "/agenda";
  }
  Poco::JSON::Object::Ptr agenda(std::int64_t meeting) const {
    const auto r = server.get(agendaPath(meeting), anna);
    INFO(r.body);
    REQUIRE(r.status == 200);
    return object(r.body);
  }
  HttpResult add(std::int64_t meeting, const std::string& title, const std::string& token,
                 const std::string& description = {}) const {
    return server.post(agendaPath(meeting) + "/items",
                       description.empty() ? body({{"title", title}})
                                           : body({{"title", title}, {"description", description}}),
                       token);
  }
  HttpResult remove(std::int64_t meeting, const std::string& key, const std::string& token) const {
    return server.request("DELETE", agendaPath(meeting) + "/items/" + key, {},
                          {{"Authorization", bearer(token)}});
  }
  HttpResult move(std::int64_t meeting, const std::string& key, int position,
                  const std::string& token) const {
    return server.request("PATCH", agendaPath(meeting) + "/items/" + key,
                          body({{"position", position}}), {{"Authorization", bearer(token)}});
  }
  HttpResult publish(std::int64_t meeting, const std::string& token) const {
    return server.post(agendaPath(meeting) + "/publish", "", token);
  }
  Poco::JSON::Array::Ptr versions(std::int64_t meeting) const {
    const auto r = server.get(agendaPath(meeting) + "/versions", anna);
    REQUIRE(r.status == 200);
    return array(r.body);
  }

  std::vector<TemplateItem> standardTemplate() const {
    const auto r = server.get("/api/v1/agenda-templates", anna);
    REQUIRE(r.status == 200);
    const auto templates = array(r.body);
    for (std::size_t i = 0; i < templates->size(); ++i) {
      const auto t = at(templates, i);
      if (text(t, "id") != "standard") continue;
      std::vector<TemplateItem> out;
      const auto items = t->getArray("items");
      for (std::size_t j = 0; j < items->size(); ++j)
        out.push_back(
            {text(at(items, j), "key"), text(at(items, j), "kind"), text(at(items, j), "title")});
      return out;
    }
    FAIL("no standard agenda template");
    return {};
  }

  std::string git(const std::string& args, int* exitCode = nullptr) const {
    const auto repo =
        dir.path() / "data" / "repositories" / ("contract-" + std::to_string(contractId) + ".git");
    return runTool("git --git-dir='" + repo.string() + "' " + args, exitCode);
  }
};

// The items of the agenda JSON.
Poco::JSON::Array::Ptr itemsOf(const Poco::JSON::Object::Ptr& agendaAnswer) {
  return agendaAnswer->getObject("agenda")->getArray("items");
}

Poco::JSON::Object::Ptr itemOfKind(const Poco::JSON::Object::Ptr& agendaAnswer,
                                   const std::string& kind) {
  const auto items = itemsOf(agendaAnswer);
  for (std::size_t i = 0; i < items->size(); ++i)
    if (text(at(items, i), "kind") == kind) return at(items, i);
  FAIL("no item of kind " << kind);
  return {};
}

// The version (or null) and markdown of an agenda, to show that nothing changed.
std::string snapshot(const Poco::JSON::Object::Ptr& agendaAnswer) {
  const std::string version =
      agendaAnswer->isNull("version") ? std::string("null") : text(agendaAnswer, "version");
  return version + "\n" + text(agendaAnswer, "markdown");
}

}  // namespace

TEST_CASE("a meeting's agenda holds every fixed item of its template, in order",
          "[server][agenda]") {
  Fixture f;
  const auto tmpl = f.standardTemplate();
  REQUIRE(tmpl.size() >= 5);
  for (const auto meeting : f.meetings) {
    const auto a = f.agenda(meeting);
    CHECK(number(a, "meeting_id") == meeting);
    CHECK(number(a, "contract_id") == f.contractId);
    CHECK(a->getValue<bool>("published") == false);
    CHECK(a->isNull("version"));  // nothing saved yet: the agenda is the template's
    const auto items = itemsOf(a);
    REQUIRE(items->size() == tmpl.size());
    const std::string markdown = text(a, "markdown");
    std::size_t lastAt = 0;
    for (std::size_t i = 0; i < tmpl.size(); ++i) {
      const auto item = at(items, i);
      INFO("item " << i << " " << tmpl[i].key);
      CHECK(text(item, "key") == tmpl[i].key);
      CHECK(text(item, "kind") == tmpl[i].kind);
      CHECK(text(item, "title") == tmpl[i].title);
      CHECK(number(item, "number") == static_cast<std::int64_t>(i + 1));
      CHECK(item->getValue<bool>("fixed"));
      CHECK(item->getArray("added_items")->size() == 0);
      // The document lists them as a numbered list in the same order.
      const std::string line = "\n" + std::to_string(i + 1) + ". " + tmpl[i].title + "\n";
      const auto where = markdown.find(line);
      REQUIRE(where != std::string::npos);
      CHECK(where > lastAt);
      lastAt = where;
    }
  }
  // The meeting names the template and its version.
  const auto m =
      object(f.server.get("/api/v1/meetings/" + std::to_string(f.meetings[0]), f.anna).body);
  CHECK(text(m->getObject("agenda_template"), "id") == "standard");
  CHECK_FALSE(text(m->getObject("agenda_template"), "version").empty());
}

TEST_CASE("a fixed item cannot be removed or moved: 422 naming it, and nothing changes",
          "[server][agenda]") {
  Fixture f;
  const auto tmpl = f.standardTemplate();
  const auto meeting = f.meetings[0];

  auto refuseAll = [&](const std::string& token) {
    const auto before = snapshot(f.agenda(meeting));
    const auto versionsBefore = f.versions(meeting)->size();
    for (const auto& item : tmpl) {
      INFO(item.key);
      auto p = requireProblem(f.remove(meeting, item.key, token), 422);
      CHECK(contains(text(p, "detail"), item.title));
      p = requireProblem(f.move(meeting, item.key, 1, token), 422);
      CHECK(contains(text(p, "detail"), item.title));
      p = requireProblem(f.move(meeting, item.key, static_cast<int>(tmpl.size()), token), 422);
      CHECK(contains(text(p, "detail"), item.title));
    }
    CHECK(snapshot(f.agenda(meeting)) == before);
    CHECK(f.versions(meeting)->size() == versionsBefore);
  };

  // On the agenda as generated, by the contract manager and by the provider.
  refuseAll(f.anna);
  refuseAll(f.ulla);
  CHECK(f.versions(meeting)->size() == 0);

  // And once it has a saved version with an added item.
  REQUIRE(f.add(meeting, "Lokalernas tillgänglighet", f.ulla).status == 201);
  refuseAll(f.anna);
  refuseAll(f.ulla);
  CHECK(f.versions(meeting)->size() == 1);

  // An unknown key is not found; a bad position of an added item names the position.
  requireProblem(f.remove(meeting, "no_such_item", f.anna), 404);
  const auto added = itemOfKind(f.agenda(meeting), "other_questions")->getArray("added_items");
  REQUIRE(added->size() == 1);
  requireProblem(f.move(meeting, text(at(added, 0), "key"), 2, f.anna), 422, "position");
  CHECK(f.versions(meeting)->size() == 1);
}

TEST_CASE("a provider's addition goes under Övriga frågor with its proposer, publishing ends it",
          "[server][agenda]") {
  Fixture f;
  const auto meeting = f.meetings[1];

  // The provider's representative proposes an item.
  const auto added = f.add(meeting, "Brandskydd och utrymningsvägar", f.ulla,
                           "Utföraren redovisar den senaste brandövningen.");
  INFO(added.body);
  REQUIRE(added.status == 201);
  auto a = object(added.body);
  CHECK(added.header("etag") == "\"" + text(a, "version") + "\"");
  auto other = itemOfKind(a, "other_questions");
  CHECK(text(other, "title") == "Övriga frågor");
  const auto n = std::to_string(number(other, "number"));
  auto extra = other->getArray("added_items");
  REQUIRE(extra->size() == 1);
  CHECK(text(at(extra, 0), "title") == "Brandskydd och utrymningsvägar");
  CHECK(text(at(extra, 0), "proposed_by") == "Ulla Ek");
  CHECK(text(at(extra, 0), "proposed_by_party") == "provider");
  CHECK(number(at(extra, 0), "number") == 1);
  // No other item got it.
  const auto items = itemsOf(a);
  for (std::size_t i = 0; i < items->size(); ++i)
    if (text(at(items, i), "kind") != "other_questions")
      CHECK(at(items, i)->getArray("added_items")->size() == 0);

  // In the document it is the point right after Övriga frågor, numbered as its § in the minutes
  // will be (issue 19 point 9: 11, not 10.1), and the next item follows on.
  auto markdown = text(f.agenda(meeting), "markdown");
  const auto after = [&](int k) { return std::to_string(std::stoi(n) + k); };
  const std::string fire =
      after(1) + ". Brandskydd och utrymningsvägar (övrig fråga, föreslagen av Ulla Ek, utföraren)";
  CHECK(contains(markdown, fire));
  CHECK(contains(markdown, "Utföraren redovisar den senaste brandövningen."));
  const auto otherAt = markdown.find("\n" + n + ". Övriga frågor\n");
  const auto nextAt = markdown.find("\n" + after(2) + ". ");
  REQUIRE(otherAt != std::string::npos);
  REQUIRE(nextAt != std::string::npos);
  CHECK(markdown.find(fire) > otherAt);
  CHECK(markdown.find(fire) < nextAt);

  // The contract manager adds one too; added items can be moved among themselves and removed.
  const auto second = f.add(meeting, "Lokalfrågor", f.anna);
  REQUIRE(second.status == 201);
  extra = itemOfKind(object(second.body), "other_questions")->getArray("added_items");
  REQUIRE(extra->size() == 2);
  const auto fireKey = text(at(extra, 0), "key");
  const auto roomsKey = text(at(extra, 1), "key");
  CHECK(fireKey != roomsKey);
  CHECK(contains(text(object(second.body), "markdown"),
                 after(2) + ". Lokalfrågor (övrig fråga, föreslagen av Anna Lind, förvaltningen)"));
  const auto moved = f.move(meeting, roomsKey, 1, f.ulla);
  INFO(moved.body);
  REQUIRE(moved.status == 200);
  markdown = text(object(moved.body), "markdown");
  CHECK(contains(markdown, after(1) + ". Lokalfrågor"));
  CHECK(contains(markdown, after(2) + ". Brandskydd och utrymningsvägar"));
  const auto removed = f.remove(meeting, roomsKey, f.anna);
  REQUIRE(removed.status == 200);
  CHECK(contains(text(object(removed.body), "markdown"), fire));
  CHECK_FALSE(contains(text(object(removed.body), "markdown"), "Lokalfrågor"));

  // Who may change it: not a reader of the authority, not another provider.
  const auto lars = f.server.login("lars.lasare", kDemoPassword);
  requireProblem(f.add(meeting, "Från läsaren", lars), 403);
  requireProblem(f.add(meeting, "Från fel utförare", f.nils), 404);
  requireProblem(f.add(meeting, "   ", f.ulla), 422, "title");
  requireProblem(f.server.post(f.agendaPath(meeting) + "/items", "{}", f.ulla), 422, "title");

  // Only the contract manager publishes.
  const auto beforePublish = snapshot(f.agenda(meeting));
  requireProblem(f.publish(meeting, f.ulla), 403);
  requireProblem(f.publish(meeting, lars), 403);
  CHECK(snapshot(f.agenda(meeting)) == beforePublish);
  const auto published = f.publish(meeting, f.anna);
  INFO(published.body);
  REQUIRE(published.status == 200);
  a = object(published.body);
  CHECK(a->getValue<bool>("published"));
  CHECK(text(a, "published_version") == text(a, "version"));
  CHECK(contains(text(a, "markdown"), fire));
  const auto m = object(f.server.get("/api/v1/meetings/" + std::to_string(meeting), f.ulla).body);
  CHECK(text(m, "agenda_published_version") == text(a, "version"));
  const auto afterPublish = snapshot(f.agenda(meeting));

  // After publishing nothing is added, removed or moved, and it is not published twice.
  requireProblem(f.add(meeting, "För sent", f.ulla), 409);
  requireProblem(f.add(meeting, "För sent", f.anna), 409);
  requireProblem(f.remove(meeting, fireKey, f.anna), 409);
  requireProblem(f.move(meeting, fireKey, 1, f.anna), 409);
  requireProblem(f.publish(meeting, f.anna), 409);
  CHECK(snapshot(f.agenda(meeting)) == afterPublish);

  // The other meetings' agendas are untouched.
  CHECK(f.agenda(f.meetings[0])->isNull("version"));
  CHECK(itemOfKind(f.agenda(f.meetings[2]), "other_questions")->getArray("added_items")->size() ==
        0);
}

TEST_CASE("the agenda's history in git shows who changed what", "[server][agenda][git]") {
  Fixture f;
  const auto meeting = f.meetings[0];
  REQUIRE(f.add(meeting, "Brandskydd", f.ulla).status == 201);
  REQUIRE(f.add(meeting, "Lokalfrågor", f.anna).status == 201);
  // Another meeting's agenda in the same repository does not enter this one's history.
  REQUIRE(f.add(f.meetings[1], "Annat möte", f.anna).status == 201);
  const auto published = f.publish(meeting, f.anna);
  REQUIRE(published.status == 200);
  const auto a = object(published.body);
  const auto version = text(a, "version");

  // The API's history: oldest first, authors, each version's parent the one before.
  const auto versions = f.versions(meeting);
  REQUIRE(versions->size() == 3);
  CHECK(text(at(versions, 0), "author") == "Ulla Ek");
  CHECK(contains(text(at(versions, 0), "message"), "Brandskydd"));
  CHECK(at(versions, 0)->isNull("parent"));
  CHECK(text(at(versions, 1), "author") == "Anna Lind");
  CHECK(contains(text(at(versions, 1), "message"), "Lokalfrågor"));
  CHECK(text(at(versions, 1), "parent") == text(at(versions, 0), "version"));
  CHECK(text(at(versions, 2), "author") == "Anna Lind");
  CHECK(text(at(versions, 2), "version") == version);
  CHECK(text(at(versions, 2), "parent") == text(at(versions, 1), "version"));

  // Plain git agrees: the commits that touch this meeting's agenda, newest first, by whom.
  int exit = -1;
  const auto log = lines(f.git(
      "log --format='%H|%an|%ae|%s' main -- meetings/" + std::to_string(meeting) + "/", &exit));
  INFO(f.git("log --format='%H|%an|%ae|%s' --all"));
  REQUIRE(exit == 0);
  REQUIRE(log.size() == 3);
  CHECK(log[0].starts_with(version + "|Anna Lind|anna.lind@ostermalm.example.se|"));
  CHECK(log[1].starts_with(text(at(versions, 1), "version") +
                           "|Anna Lind|anna.lind@ostermalm.example.se|"));
  CHECK(contains(log[1], "Lokalfrågor"));
  CHECK(log[2].starts_with(text(at(versions, 0), "version") +
                           "|Ulla Ek|ulla.ek@linnegarden.example.se|"));
  CHECK(contains(log[2], "Brandskydd"));

  // The published version is the document the API shows, readable with plain git.
  const auto md =
      f.git("show " + version + ":meetings/" + std::to_string(meeting) + "/agenda.md", &exit);
  REQUIRE(exit == 0);
  CHECK(md == text(a, "markdown"));
  CHECK(md == text(f.agenda(meeting), "markdown"));

  const auto fsck = f.git("fsck --strict --no-progress", &exit);
  INFO(fsck);
  CHECK(exit == 0);
  CHECK_FALSE(contains(fsck, "error"));
  CHECK_FALSE(contains(fsck, "missing"));
}

TEST_CASE("a cancelled meeting's agenda is not changed, a rescheduled one shows the new time",
          "[server][agenda]") {
  Fixture f;
  const auto moved = f.meetings[0];
  const auto cancelled = f.meetings[1];
  REQUIRE(f.server
              .request("PATCH", "/api/v1/meetings/" + std::to_string(moved),
                       body({{"starts_at", "2030-03-04T09:30"}}),
                       {{"Authorization", bearer(f.anna)}})
              .status == 200);
  CHECK(contains(text(f.agenda(moved), "markdown"), "- Tid: 2030-03-04 kl. 09.30\n"));

  REQUIRE(f.server
              .request("PATCH", "/api/v1/meetings/" + std::to_string(cancelled),
                       body({{"status", "cancelled"}, {"cancel_reason", "Sjukdom"}}),
                       {{"Authorization", bearer(f.anna)}})
              .status == 200);
  CHECK(f.server.get(f.agendaPath(cancelled), f.ulla).status == 200);
  requireProblem(f.add(cancelled, "Brandskydd", f.ulla), 409);
  requireProblem(f.publish(cancelled, f.anna), 409);
  CHECK(f.versions(cancelled)->size() == 0);
}

}  // namespace SV_TEST_FILE
