// The minutes of a meeting through HTTP against the real server: saves with If-Match by two
// people, versions readable byte for byte with plain git, diffs, three-way merges and refused
// conflicts, access for the provider and for another provider, clones over git's dumb HTTP
// protocol, and hostile Markdown on the protocol page.
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "support/http_checks.hpp"
#include "support/json.hpp"
#include "support/server_process.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

const std::string kMinutes = "/api/v1/meetings/1/minutes";

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

// The lines a unified diff adds or removes, without the file headers.
std::vector<std::string> changedLines(const std::string& unified) {
  std::vector<std::string> out;
  for (const auto& line : lines(unified))
    if ((line.starts_with("+") || line.starts_with("-")) && !line.starts_with("+++") &&
        !line.starts_with("---"))
      out.push_back(line);
  return out;
}

std::string etagOf(const std::string& version) {
  return "\"" + version + "\"";
}

// The body of a save with the notes of the given §§ replaced (support/json.hpp).
std::string edited(const Poco::JSON::Object::Ptr& answer,
                   const std::vector<std::pair<int, std::string>>& notes) {
  return minutesWithNotes(answer, notes);
}

std::string notesOf(const Poco::JSON::Object::Ptr& answer, int number) {
  return minutesNotes(answer, number);
}

// The demo data: anna.avtal manages contract 1 (provider Omsorgshuset Linnégården AB, ulla.utforare
// its representative); nils.norr represents another provider. Meeting 1 belongs to contract 1.
struct Fixture {
  std::map<std::string, std::string> config = {};  // extra server properties
  TempDir dir;
  std::filesystem::path data = dir.path() / "data";
  ServerProcess server{data, config, true};
  std::string admin = server.login("admin", kAdminPassword);
  std::string anna = server.login("anna.avtal", kDemoPassword);
  std::string ulla = server.login("ulla.utforare", kDemoPassword);
  std::string nils = server.login("nils.norr", kDemoPassword);

  // Publishes the agenda of a meeting and starts its minutes; the 201 answer.
  Poco::JSON::Object::Ptr start(int meeting = 1) const {
    const std::string path = "/api/v1/meetings/" + std::to_string(meeting);
    const auto published = server.post(path + "/agenda/publish", "", anna);
    INFO(published.body);
    REQUIRE(published.status == 200);
    const auto started = server.post(path + "/minutes", "", anna);
    INFO(started.body);
    REQUIRE(started.status == 201);
    const auto answer = object(started.body);
    CHECK(started.header("etag") == etagOf(text(answer, "version")));
    CHECK(text(answer, "state") == "draft");
    return answer;
  }

  HttpResult put(const std::string& token, const std::string& ifMatch,
                 const std::string& json) const {
    std::map<std::string, std::string> headers{{"Authorization", bearer(token)}};
    if (!ifMatch.empty()) headers["If-Match"] = ifMatch;
    return server.request("PUT", kMinutes, json, headers);
  }

  // A save that must succeed; its answer.
  Poco::JSON::Object::Ptr save(const std::string& token, const std::string& version,
                               const std::string& json) const {
    const auto r = put(token, etagOf(version), json);
    INFO(r.body);
    REQUIRE(r.status == 200);
    const auto answer = object(r.body);
    CHECK(r.header("etag") == etagOf(text(answer, "version")));
    return answer;
  }

  Poco::JSON::Object::Ptr current(const std::string& token) const {
    const auto r = server.get(kMinutes, token);
    INFO(r.body);
    REQUIRE(r.status == 200);
    return object(r.body);
  }

  Poco::JSON::Array::Ptr versions() const {
    const auto r = server.get(kMinutes + "/versions", anna);
    INFO(r.body);
    REQUIRE(r.status == 200);
    return array(r.body);
  }

  std::string repository() const { return (data / "repositories" / "contract-1.git").string(); }

  std::string git(const std::string& args, int* exitCode = nullptr) const {
    return runTool("git --git-dir='" + repository() + "' " + args, exitCode);
  }

  void requireFsckClean() const {
    int code = -1;
    const auto out = git("fsck --strict", &code);
    INFO(out);
    CHECK(code == 0);
    CHECK_FALSE(contains(out, "error"));
    CHECK_FALSE(contains(out, "warning"));
  }

  // A user of the authority (Östermalm) with only the reader role, logged in.
  std::pair<std::int64_t, std::string> createAuthorityReader() const {
    std::int64_t authority = 0;
    const auto orgs = array(server.get("/api/v1/organizations", admin).body);
    for (std::size_t i = 0; i < orgs->size(); ++i)
      if (text(at(orgs, i), "name") == "Östermalms stadsdelsförvaltning")
        authority = at(orgs, i)->getValue<std::int64_t>("id");
    REQUIRE(authority != 0);
    Poco::JSON::Array roles;
    roles.add("reader");
    const auto created = server.post("/api/v1/users",
                                     body({{"username", "sara.sekreterare"},
                                           {"name", "Sara Sekreterare"},
                                           {"email", "sara.sekreterare@ostermalm.example.se"},
                                           {"password", "sara-sekreterare-1"},
                                           {"organization_id", authority},
                                           {"roles", roles}}),
                                     admin);
    INFO(created.body);
    REQUIRE(created.status == 201);
    return {object(created.body)->getValue<std::int64_t>("id"),
            server.login("sara.sekreterare", "sara-sekreterare-1")};
  }

  // Makes `secretary` the secretary of meeting 1 in place of anna (who stays chair and adjuster).
  void makeSecretary(std::int64_t secretary) const {
    const auto meeting = object(server.get("/api/v1/meetings/1", anna).body);
    const auto participants = meeting->getArray("participants");
    Poco::JSON::Array next;
    for (std::size_t i = 0; i < participants->size(); ++i) {
      const auto p = at(participants, i);
      if (text(p, "role") == "secretary") continue;
      Poco::JSON::Object entry;
      entry.set("user_id", p->getValue<std::int64_t>("user_id"));
      entry.set("role", text(p, "role"));
      next.add(entry);
    }
    Poco::JSON::Object entry;
    entry.set("user_id", secretary);
    entry.set("role", "secretary");
    next.add(entry);
    const auto r = server.request("PATCH", "/api/v1/meetings/1", body({{"participants", next}}),
                                  {{"Authorization", bearer(anna)}});
    INFO(r.body);
    REQUIRE(r.status == 200);
  }
};

}  // namespace

TEST_CASE(
    "three saves by two people are three versions with their authors, each readable "
    "byte for byte",
    "[server][minutes][git]") {
  Fixture f;
  const auto started = f.start();
  const std::string v0 = text(started, "version");
  const auto [saraId, sara] = f.createAuthorityReader();

  // Sara may read but not write until she is the meeting's secretary.
  const std::string first = edited(started, {{6, "Förvaltningen har granskat bemanningen."}});
  requireProblem(f.put(sara, etagOf(v0), first), 403);
  f.makeSecretary(saraId);

  const auto s1 = f.save(f.anna, v0, first);
  const std::string v1 = text(s1, "version");
  CHECK(s1->getValue<bool>("changed"));
  CHECK_FALSE(s1->getValue<bool>("merged"));
  const auto s2 = f.save(sara, v1, edited(s1, {{7, "Utföraren rapporterar tre nya medarbetare."}}));
  const std::string v2 = text(s2, "version");
  const auto s3 =
      f.save(f.anna, v2, edited(s2, {{8, "Två avvikelser, båda utredda."}, {6, "Granskat."}}));
  const std::string v3 = text(s3, "version");
  CHECK(std::set<std::string>{v0, v1, v2, v3}.size() == 4);
  CHECK(f.current(f.ulla)->getValue<std::string>("version") == v3);

  // Plain git: one commit per save, newest first, authored by the person who saved.
  CHECK(lines(f.git("log --format=%an -- meetings/1/minutes.json")) ==
        std::vector<std::string>{"Anna Lind", "Sara Sekreterare", "Anna Lind", "Anna Lind"});
  CHECK(lines(f.git("log --format=%H -- meetings/1/minutes.json")) ==
        std::vector<std::string>{v3, v2, v1, v0});
  CHECK(lines(f.git("log --format=%H -- meetings/1/minutes.md")) ==
        std::vector<std::string>{v3, v2, v1, v0});

  // The API's history says the same, oldest first, each version the parent of the next.
  const auto versions = f.versions();
  REQUIRE(versions->size() == 4);
  const std::vector<std::string> ids{v0, v1, v2, v3};
  const std::vector<std::string> authors{"Anna Lind", "Anna Lind", "Sara Sekreterare", "Anna Lind"};
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(text(at(versions, i), "version") == ids[i]);
    CHECK(text(at(versions, i), "author") == authors[i]);
    if (i == 0)
      CHECK(at(versions, i)->isNull("parent"));
    else
      CHECK(text(at(versions, i), "parent") == ids[i - 1]);
  }

  // Every version, old ones too, comes back exactly as committed, to anyone who may read it.
  for (const auto& v : ids) {
    INFO(v);
    const auto md = f.server.get(kMinutes + "/versions/" + v + "?format=md", f.ulla);
    REQUIRE(md.status == 200);
    CHECK(md.header("content-type") == "text/markdown; charset=utf-8");
    int code = -1;
    CHECK(md.body == f.git("show " + v + ":meetings/1/minutes.md", &code));
    CHECK(code == 0);
    const auto json = f.server.get(kMinutes + "/versions/" + v + "?format=json", f.anna);
    REQUIRE(json.status == 200);
    CHECK(json.body == f.git("show " + v + ":meetings/1/minutes.json", &code));
    CHECK(code == 0);
    const auto envelope = f.server.get(kMinutes + "/versions/" + v, sara);
    REQUIRE(envelope.status == 200);
    CHECK(envelope.header("etag") == etagOf(v));
    CHECK(text(object(envelope.body), "version") == v);
    CHECK(text(object(envelope.body), "markdown") == md.body);
  }
  // The old versions hold what was saved then and nothing later.
  const auto old = object(f.server.get(kMinutes + "/versions/" + v1, f.anna).body);
  CHECK(notesOf(old, 6) == "Förvaltningen har granskat bemanningen.");
  CHECK(notesOf(old, 7).empty());
  CHECK(contains(text(old, "markdown"), "Förvaltningen har granskat bemanningen."));
  CHECK_FALSE(contains(text(old, "markdown"), "Utföraren rapporterar"));
  const auto newest = f.current(f.anna);
  CHECK(notesOf(newest, 6) == "Granskat.");
  CHECK(notesOf(newest, 7) == "Utföraren rapporterar tre nya medarbetare.");
  CHECK(notesOf(newest, 8) == "Två avvikelser, båda utredda.");

  requireProblem(f.server.get(kMinutes + "/versions/" + std::string(40, '0'), f.anna), 404);
  requireProblem(f.server.get(kMinutes + "/versions/" + v1 + "?format=pdf", f.anna), 422);
  f.requireFsckClean();
}

TEST_CASE("the diff names the changed sections and shows the changed lines",
          "[server][minutes][diff]") {
  Fixture f;
  const auto started = f.start();
  const std::string v0 = text(started, "version");
  const auto s1 = f.save(f.anna, v0, edited(started, {{6, "Bemanningen är granskad."}}));
  const std::string v1 = text(s1, "version");
  const auto s2 = f.save(
      f.anna, v1,
      edited(s1, {{6, "Bemanningen är granskad och godkänd."}, {8, "Inga nya avvikelser."}}));
  const std::string v2 = text(s2, "version");

  auto diff = [&](const std::string& from, const std::string& to) {
    const auto r = f.server.get(kMinutes + "/diff?from=" + from + "&to=" + to, f.ulla);
    INFO(r.body);
    REQUIRE(r.status == 200);
    return object(r.body);
  };
  auto sectionsOf = [](const Poco::JSON::Object::Ptr& d) {
    std::vector<std::pair<int, std::string>> out;
    const auto changed = d->getArray("changed_sections");
    for (std::size_t i = 0; i < changed->size(); ++i)
      out.emplace_back(at(changed, i)->getValue<int>("section"), text(at(changed, i), "title"));
    return out;
  };
  auto summaryOf = [](const Poco::JSON::Object::Ptr& d) {
    std::string out;
    const auto summary = d->getArray("summary");
    for (std::size_t i = 0; i < summary->size(); ++i)
      out += summary->getElement<std::string>(static_cast<unsigned>(i)) + "\n";
    return out;
  };

  const auto first = diff(v0, v1);
  CHECK(text(first, "from") == v0);
  CHECK(text(first, "to") == v1);
  CHECK(sectionsOf(first) ==
        std::vector<std::pair<int, std::string>>{{6, "Förvaltningens uppföljning"}});
  CHECK(contains(summaryOf(first), "§ 6"));
  CHECK_FALSE(contains(summaryOf(first), "§ 8"));
  const auto unified1 = text(first, "unified");
  CHECK(contains(unified1, "+++ b/meetings/1/minutes.md"));
  CHECK(contains(unified1, "\n+Bemanningen är granskad.\n"));
  CHECK(contains(unified1, "\n-Inga anteckningar.\n"));
  // Nothing else: the notes in minutes.json and the paragraph in minutes.md.
  CHECK(changedLines(unified1) == std::vector<std::string>{
                                      R"(-      "notes": "",)",
                                      R"(+      "notes": "Bemanningen är granskad.",)",
                                      "-Inga anteckningar.",
                                      "+Bemanningen är granskad.",
                                  });

  const auto second = diff(v1, v2);
  CHECK(sectionsOf(second) ==
        std::vector<std::pair<int, std::string>>{{6, "Förvaltningens uppföljning"},
                                                 {8, "Avvikelser, klagomål och synpunkter"}});
  CHECK(contains(summaryOf(second), "§ 6"));
  CHECK(contains(summaryOf(second), "§ 8"));
  const auto unified2 = text(second, "unified");
  CHECK(contains(unified2, "\n-Bemanningen är granskad.\n"));
  CHECK(contains(unified2, "\n+Bemanningen är granskad och godkänd.\n"));
  CHECK(contains(unified2, "\n+Inga nya avvikelser.\n"));
  CHECK(changedLines(unified2) == std::vector<std::string>{
                                      R"(-      "notes": "Bemanningen är granskad.",)",
                                      R"(+      "notes": "Bemanningen är granskad och godkänd.",)",
                                      R"(-      "notes": "",)",
                                      R"(+      "notes": "Inga nya avvikelser.",)",
                                      "-Bemanningen är granskad.",
                                      "+Bemanningen är granskad och godkänd.",
                                      "-Inga anteckningar.",
                                      "+Inga nya avvikelser.",
                                  });

  // Across both saves, and the unchanged identity diff.
  CHECK(sectionsOf(diff(v0, v2)).size() == 2);
  CHECK(diff(v2, v2)->getArray("changed_sections")->size() == 0);

  requireProblem(f.server.get(kMinutes + "/diff?from=" + v0, f.anna), 422);
  requireProblem(
      f.server.get(kMinutes + "/diff?from=" + v0 + "&to=" + std::string(40, 'a'), f.anna), 404);
  requireProblem(f.server.get(kMinutes + "/diff?from=" + v0 + "&to=" + v1, f.nils), 404);
}

TEST_CASE(
    "a stale save merges another section's change and is refused with both texts for the "
    "same section",
    "[server][minutes][merge]") {
  Fixture f;
  const auto started = f.start();
  const std::string v0 = text(started, "version");
  const auto s1 = f.save(f.anna, v0, edited(started, {{6, "Förvaltningens text."}}));
  const std::string v1 = text(s1, "version");

  // Edited from v0 in § 7 only: merged with § 6 of v1.
  const auto merged = f.save(f.anna, v0, edited(started, {{7, "Utförarens text."}}));
  const std::string v2 = text(merged, "version");
  CHECK(merged->getValue<bool>("merged"));
  CHECK(merged->getValue<bool>("changed"));
  CHECK(notesOf(merged, 6) == "Förvaltningens text.");
  CHECK(notesOf(merged, 7) == "Utförarens text.");
  const auto now = f.current(f.anna);
  CHECK(text(now, "version") == v2);
  CHECK(notesOf(now, 6) == "Förvaltningens text.");
  CHECK(notesOf(now, 7) == "Utförarens text.");
  CHECK(contains(text(now, "markdown"), "Förvaltningens text."));
  CHECK(contains(text(now, "markdown"), "Utförarens text."));
  auto versions = f.versions();
  REQUIRE(versions->size() == 3);
  CHECK(text(at(versions, 2), "parent") == v1);

  // Edited from v0 in § 6 too: refused, with both texts and the section; nothing changes.
  const auto refused = f.put(f.anna, etagOf(v0), edited(started, {{6, "En annan text."}}));
  const auto problem = requireProblem(refused, 409);
  CHECK(text(problem, "current_version") == v2);
  const auto conflicts = problem->getArray("conflicts");
  REQUIRE(conflicts->size() == 1);
  const auto conflict = at(conflicts, 0);
  CHECK(conflict->getValue<int>("section") == 6);
  CHECK(text(conflict, "key") == "authority_followup");
  CHECK(text(conflict, "title") == "Förvaltningens uppföljning");
  CHECK(contains(text(conflict, "theirs"), "Förvaltningens text."));
  CHECK(contains(text(conflict, "mine"), "En annan text."));
  CHECK_FALSE(contains(text(conflict, "mine"), "Förvaltningens text."));

  // The same change made identically on both sides is no conflict.
  const auto same = f.save(f.anna, v0, edited(started, {{6, "Förvaltningens text."}}));
  CHECK(text(same, "version") == v2);
  CHECK_FALSE(same->getValue<bool>("changed"));

  // If-Match that names no version of these minutes, or none at all.
  const auto bad = edited(now, {{9, "Ny text."}});
  requireProblem(f.put(f.anna, etagOf(std::string(40, 'f')), bad), 409);
  requireProblem(f.put(f.anna, etagOf("not-a-version"), bad), 409);
  requireProblem(f.put(f.anna, "", bad), 428);
  // The provider reads but never writes; another provider does not see the minutes at all.
  requireProblem(f.put(f.ulla, etagOf(v2), bad), 403);
  CHECK(text(f.current(f.ulla), "version") == v2);
  requireProblem(f.server.get(kMinutes, f.nils), 404);
  requireProblem(f.server.get(kMinutes + "/versions", f.nils), 404);
  requireProblem(f.server.get(kMinutes + "/versions/" + v2 + "?format=md", f.nils), 404);
  requireProblem(f.server.get("/api/v1/meetings/1/minutes.html", f.nils), 404);
  requireProblem(f.put(f.nils, etagOf(v2), bad), 404);

  // None of the refused saves left a trace.
  versions = f.versions();
  CHECK(versions->size() == 3);
  CHECK(text(at(versions, 2), "version") == v2);
  const auto after = f.server.get(kMinutes, f.anna);
  CHECK(after.header("etag") == etagOf(v2));
  CHECK(notesOf(object(after.body), 6) == "Förvaltningens text.");
  CHECK(notesOf(object(after.body), 9).empty());
  CHECK(lines(f.git("log --format=%H -- meetings/1/minutes.json")).size() == 3);
  CHECK(lines(f.git("rev-parse main")) == std::vector<std::string>{v2});
  f.requireFsckClean();
}

TEST_CASE("two saves from the same version at the same moment in different sections both land",
          "[server][minutes][merge]") {
  Fixture f;
  auto answer = f.start();
  for (int round = 0; round < 5; ++round) {
    INFO("round " << round);
    const std::string from = text(answer, "version");
    const std::string mine = "Förvaltningen, omgång " + std::to_string(round) + ".";
    const std::string theirs = "Utföraren, omgång " + std::to_string(round) + ".";
    HttpResult a;
    HttpResult b;
    {
      std::jthread first([&] { a = f.put(f.anna, etagOf(from), edited(answer, {{6, mine}})); });
      std::jthread second([&] { b = f.put(f.anna, etagOf(from), edited(answer, {{7, theirs}})); });
    }
    INFO(a.body << "\n" << b.body);
    REQUIRE(a.status == 200);
    REQUIRE(b.status == 200);
    // One of them was merged with the other.
    CHECK(object(a.body)->getValue<bool>("merged") != object(b.body)->getValue<bool>("merged"));
    answer = f.current(f.anna);
    CHECK(notesOf(answer, 6) == mine);
    CHECK(notesOf(answer, 7) == theirs);
  }
  CHECK(f.versions()->size() == 1 + 2 * 5);
  f.requireFsckClean();
}

// Six people save at the same moment from the same version, each in a section of their own. Each
// save that meets another's is merged again, with the repository's lock held from its read to its
// commit: none is refused as busy, however many come between (before, a save that lost three
// rounds answered 409 document-busy, about a third of them under continuous saving).
TEST_CASE("six saves from the same version at the same moment all land, none refused as busy",
          "[server][minutes][merge]") {
  Fixture f;
  auto answer = f.start();
  constexpr int kWriters = 6;
  for (int round = 0; round < 3; ++round) {
    INFO("round " << round);
    const std::string from = text(answer, "version");
    std::vector<HttpResult> results(kWriters);
    {
      std::vector<std::jthread> writers;
      for (int w = 0; w < kWriters; ++w)
        writers.emplace_back([&, w] {
          const std::string notes =
              "Skrivare " + std::to_string(w) + ", omgång " + std::to_string(round) + ".";
          results[w] = f.put(f.anna, etagOf(from), edited(answer, {{w + 2, notes}}));
        });
    }
    int merged = 0;
    for (const auto& result : results) {
      INFO(result.body);
      REQUIRE(result.status == 200);
      if (object(result.body)->getValue<bool>("merged")) ++merged;
    }
    CHECK(merged == kWriters - 1);  // each but the first met the others' saves
    answer = f.current(f.anna);
    for (int w = 0; w < kWriters; ++w)
      CHECK(notesOf(answer, w + 2) ==
            "Skrivare " + std::to_string(w) + ", omgång " + std::to_string(round) + ".");
  }
  CHECK(f.versions()->size() == 1 + kWriters * 3);
  f.requireFsckClean();
}

TEST_CASE("the contract's repository clones over HTTP with a token of someone who may read it",
          "[server][minutes][git]") {
  Fixture f;
  const auto started = f.start();
  const auto saved =
      f.save(f.anna, text(started, "version"), edited(started, {{6, "Klonbar text."}}));
  const std::string version = text(saved, "version");
  const auto md = f.server.get(kMinutes + "/versions/" + version + "?format=md", f.anna);
  REQUIRE(md.status == 200);

  const std::string url = "127.0.0.1:" + std::to_string(f.server.port()) + "/git/contract-1.git";
  // Never a prompt: no terminal, an askpass that answers nothing, no credential helper.
  auto clone = [&](const std::string& credentials, const std::string& folder) {
    int code = -1;
    const auto out = runTool(
        "env GIT_TERMINAL_PROMPT=0 GIT_ASKPASS=true git -c credential.helper= clone -q "
        "'http://" +
            credentials + url + "' '" + (f.dir.path() / folder).string() + "'",
        &code);
    return std::pair{code, out};
  };
  auto fileIn = [&](const std::string& folder) {
    return runTool("cat '" + (f.dir.path() / folder / "meetings/1/minutes.md").string() + "'");
  };

  for (const auto& [who, token] : {std::pair{"ulla", f.ulla}, {"anna", f.anna}}) {
    INFO(who);
    const auto [code, out] = clone("x:" + token + "@", std::string("clone-") + who);
    INFO(out);
    REQUIRE(code == 0);
    CHECK(fileIn(std::string("clone-") + who) == md.body);
    CHECK(lines(runTool("git -C '" + (f.dir.path() / (std::string("clone-") + who)).string() +
                        "' rev-parse HEAD")) == std::vector<std::string>{version});
  }
  CHECK(clone("", "clone-anonymous").first != 0);
  CHECK(clone("x:" + f.nils + "@", "clone-nils").first != 0);
  CHECK(clone("x:not-a-token@", "clone-wrong").first != 0);
  CHECK_FALSE(std::filesystem::exists(f.dir.path() / "clone-nils" / "meetings"));
  // The same files over plain HTTP: another provider gets 404, no login 401.
  requireProblem(f.server.get("/git/contract-1.git/info/refs", f.nils), 404);
  requireProblem(f.server.get("/git/contract-1.git/info/refs"), 401);
  CHECK(f.server.get("/git/contract-1.git/info/refs", f.ulla).status == 200);
  requireProblem(f.server.get("/git/contract-1.git/config", f.anna), 404);
}

// Issue 20, point 0: a merge removed packs that a clone had listed a moment before, so the
// clone (or git fsck) failed. Merged packs are now retired for a grace period (2 s here, so that
// removals happen while the clones run; each clone takes a small part of it).
TEST_CASE("clones over HTTP in a loop all succeed while saves force pack merges",
          "[server][minutes][git][race]") {
  Fixture f{.config = {{"samverkan.git.retired_pack_seconds", "2"}}};
  auto answer = f.start();
  std::string version = text(answer, "version");
  const std::string url = "http://x:" + f.anna + "@127.0.0.1:" + std::to_string(f.server.port()) +
                          "/git/contract-1.git";
  std::atomic<bool> saving = true;
  std::vector<std::string> failures;
  int clones = 0;
  std::jthread cloner([&] {
    while (saving) {
      const auto folder = f.dir.path() / ("clone-" + std::to_string(clones));
      int code = -1;
      const auto out = runTool(
          "env GIT_TERMINAL_PROMPT=0 GIT_ASKPASS=true git -c credential.helper= clone -q '" + url +
              "' '" + folder.string() + "' 2>&1",
          &code);
      if (code != 0) failures.push_back(out);
      std::filesystem::remove_all(folder);
      ++clones;
    }
  });
  // 17 saves make a merge; 120 saves over about six seconds make seven, with removals between.
  for (int i = 0; i < 120; ++i) {
    const auto saved = f.save(
        f.anna, version, edited(answer, {{6, "Version " + std::to_string(i) + " av texten."}}));
    version = text(saved, "version");
    answer = saved;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  saving = false;
  cloner.join();
  INFO(clones << " clones; first failure: " << (failures.empty() ? "" : failures.front()));
  CHECK(failures.empty());
  CHECK(clones >= 10);
  // Merges did happen, and the retired packs of the early ones were removed.
  const auto packFolder = std::filesystem::path(f.repository()) / "objects" / "pack";
  std::size_t packs = 0;
  for (const auto& e : std::filesystem::directory_iterator(packFolder))
    if (e.path().extension() == ".pack") ++packs;
  CHECK(packs < 60);
  f.requireFsckClean();
}

TEST_CASE("hostile Markdown is saved and the protocol page carries no script",
          "[server][minutes][markdown]") {
  Fixture f;
  auto answer = f.start();
  std::string version = text(answer, "version");

  const std::vector<std::string> hostile{
      "<script>alert(1)</script>",
      "<div onclick=\"alert(1)\">\n\n<script>alert(2)</script>\n\n</div>\n\n"
      "<iframe src=\"javascript:alert(3)\"></iframe>",
      "Text med <script>alert(4)</script> inuti och <a href=\"javascript:alert(5)\">länk</a>.",
      "[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z]( javascript:alert(1) )",
      "![i](javascript:x)",
      std::string(2000, '>') + " djupt citat",
      std::string(2000, '[') + "x" + std::string(2000, ']'),
      std::string(99'000, '['),
      std::string(99'000, '>'),
  };
  std::set<std::string> pageTags;
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    INFO("input " << i);
    const int section = static_cast<int>(i % 12) + 1;
    answer = f.save(f.anna, version, edited(answer, {{section, hostile[i]}}));
    version = text(answer, "version");
    CHECK(notesOf(answer, section) == hostile[i]);
    for (const auto& token : {f.anna, f.ulla}) {
      const auto page = f.server.get("/api/v1/meetings/1/minutes.html", token);
      REQUIRE(page.status == 200);
      CHECK(page.header("content-type") == "text/html; charset=utf-8");
      CHECK_FALSE(page.header("etag").empty());
      pageTags.insert(page.header("etag"));
      const auto html = lower(page.body);
      CHECK_FALSE(contains(html, "<script"));
      CHECK_FALSE(contains(html, "javascript:"));
      CHECK_FALSE(contains(html, "<iframe"));
      CHECK_FALSE(contains(html, "onclick"));
      CHECK(contains(html, "</html>"));
    }
  }
  // One ETag a version, the same for everyone; If-None-Match with it answers 304 without a body.
  CHECK(pageTags.size() == hostile.size());
  const auto page = f.server.get("/api/v1/meetings/1/minutes.html", f.anna);
  CHECK(pageTags.contains(page.header("etag")));
  const auto notModified =
      f.server.request("GET", "/api/v1/meetings/1/minutes.html", {},
                       {{"Authorization", bearer(f.ulla)}, {"If-None-Match", page.header("etag")}});
  CHECK(notModified.status == 304);
  CHECK(notModified.body.empty());

  const auto before = f.versions()->size();
  CHECK(before == hostile.size() + 1);
  // Ill-formed UTF-8 (a stray byte, an overlong slash, a surrogate, an escaped lone surrogate) is
  // not JSON: refused, nothing saved.
  for (const std::string& bad : {std::string("\xff\xfe"), std::string("\xc0\xaf"),
                                 std::string("\xed\xa0\x80"), std::string("\\ud800")}) {
    std::string json = edited(answer, {{1, "före@@BAD@@efter"}});
    json.replace(json.find("@@BAD@@"), 7, bad);
    const auto r = f.put(f.anna, etagOf(version), json);
    INFO(r.body);
    CHECK(r.status == 400);
  }
  // One byte over the limit of a section's notes.
  const auto tooLong =
      f.put(f.anna, etagOf(version), edited(answer, {{2, std::string(100'001, 'a')}}));
  const auto problem = requireProblem(tooLong, 422);
  CHECK(text(problem, "field") == "sections[1].notes");
  CHECK(f.versions()->size() == before);
  CHECK(text(f.current(f.anna), "version") == version);
  f.requireFsckClean();
}

// Reported, not yet fixed: the page's <title> is made from the contract's title as it is now, not
// from the minutes' header, while the ETag names only the version (and approvals). After the
// contract is renamed and the server restarts, the same ETag comes with other bytes. Hidden ()
// until minutes_service.cpp takes the title from doc->header.contractTitle.
TEST_CASE(
    "the protocol page of a version keeps its bytes under its ETag after the contract is "
    "renamed",
    "[server][minutes][bug]") {
  TempDir dir;
  const auto data = dir.path() / "data";
  std::string firstTag;
  std::string firstPage;
  {
    ServerProcess server(data, {}, true);
    const auto anna = server.login("anna.avtal", kDemoPassword);
    REQUIRE(server.post("/api/v1/meetings/1/agenda/publish", "", anna).status == 200);
    REQUIRE(server.post(kMinutes, "", anna).status == 201);
    const auto page = server.get("/api/v1/meetings/1/minutes.html", anna);
    REQUIRE(page.status == 200);
    firstTag = page.header("etag");
    firstPage = page.body;
    const auto renamed =
        server.request("PATCH", "/api/v1/contracts/1", body({{"title", "Nytt namn på avtalet"}}),
                       {{"Authorization", bearer(anna)}});
    INFO(renamed.body);
    REQUIRE(renamed.status == 200);
    const auto again = server.get("/api/v1/meetings/1/minutes.html", anna);
    CHECK((again.header("etag") != firstTag || again.body == firstPage));
    CHECK(server.stop() == 0);
  }
  ServerProcess restarted(data);
  const auto anna = restarted.login("anna.avtal", kDemoPassword);
  const auto page = restarted.get("/api/v1/meetings/1/minutes.html", anna);
  REQUIRE(page.status == 200);
  INFO(page.header("etag"));
  CHECK((page.header("etag") != firstTag || page.body == firstPage));
}

// Issue 19 point 9 over the JSON API: the demo's Anna Lind is chair, secretary and adjuster of
// meeting 1 and keeps all three; a guest is added in a save; a guest who would be a second
// adjuster of the authority is refused with the rule's reason and the field of the role.
TEST_CASE("the minutes keep every role of a person and take guests", "[server][minutes]") {
  Fixture f;
  const auto started = f.start();
  const std::string v0 = text(started, "version");
  const auto attendance = started->getObject("minutes")->getArray("attendance");
  const auto anna = at(attendance, 0);
  CHECK(text(anna, "name") == "Anna Lind");
  CHECK(text(anna, "role") == "chair");
  const auto roles = anna->getArray("additional_roles");
  REQUIRE(roles);
  REQUIRE(roles->size() == 2);
  CHECK(roles->getElement<std::string>(0) == "secretary");
  CHECK(roles->getElement<std::string>(1) == "adjuster");
  CHECK_FALSE(at(attendance, 1)->has("additional_roles"));  // Ulla Ek, the provider's adjuster

  const auto withGuest = [&](bool adjusts) {
    std::ostringstream original;
    started->getObject("minutes")->stringify(original);
    const auto document = object(original.str());
    Poco::JSON::Object::Ptr guest = new Poco::JSON::Object;
    guest->set("name", "Maja Svensson");
    guest->set("organization", "MAS");
    guest->set("party", "authority");
    guest->set("role", adjusts ? "chair" : "participant");
    if (adjusts) {
      Poco::JSON::Array more;
      more.add("adjuster");
      guest->set("additional_roles", more);
    }
    guest->set("present", true);
    document->getArray("attendance")->add(guest);
    return body({{"minutes", document}});
  };
  const auto refused = requireProblem(f.put(f.anna, etagOf(v0), withGuest(true)), 422);
  CHECK(text(refused, "reason") == "one-adjuster-per-party");
  CHECK(text(refused, "field") == "attendance[2].additional_roles");
  CHECK(f.versions()->size() == 1);

  const auto saved = f.save(f.anna, v0, withGuest(false));
  const std::string v1 = text(saved, "version");
  const std::string json = f.git("show " + v1 + ":meetings/1/minutes.json");
  CHECK(contains(json,
                 "\"role\": \"chair\", \"additional_roles\": [\"secretary\", \"adjuster\"], "
                 "\"present\": true},\n"));
  CHECK(contains(json,
                 "{\"name\": \"Maja Svensson\", \"organization\": \"MAS\", \"party\": "
                 "\"authority\", \"role\": \"participant\", \"present\": true}\n"));
  const std::string markdown = f.git("show " + v1 + ":meetings/1/minutes.md");
  CHECK(contains(markdown, "- Anna Lind, ordförande, sekreterare, justerare\n"));
  CHECK(contains(markdown, "- Maja Svensson (MAS)\n"));
}

// Hardening issue, finding 5: the notes of the whole protocol are bounded (422, nothing saved),
// and the finding's notes within the bounds make a valid PDF with all their text, the same bytes
// for both parties.
TEST_CASE("the notes of a whole protocol are bounded and its pathological PDF is whole",
          "[server][minutes][budget]") {
  Fixture f;
  auto answer = f.start();
  const std::string version = text(answer, "version");
  const std::string third(250'000 / 3 + 1, 'a');  // minutes/edit.hpp kMaxDocumentNotesBytes
  const auto refused =
      f.put(f.anna, etagOf(version), edited(answer, {{1, third}, {2, third}, {3, third}}));
  const auto problem = requireProblem(refused, 422);
  CHECK(text(problem, "field") == "sections[2].notes");
  CHECK(text(problem, "reason") == "notes-too-long");
  CHECK(f.versions()->size() == 1);
  CHECK(text(f.current(f.anna), "version") == version);

  std::string runs;
  for (int i = 0; i < 50'000; ++i) runs += "*_";
  answer = f.save(f.anna, version, edited(answer, {{1, runs}, {2, runs}}));
  const auto pdf = f.server.get("/api/v1/meetings/1/minutes.pdf", f.anna);
  REQUIRE(pdf.status == 200);
  CHECK(pdf.header("content-type") == "application/pdf");
  REQUIRE(pdf.body.starts_with("%PDF-"));
  CHECK(f.server.get("/api/v1/meetings/1/minutes.pdf", f.ulla).body == pdf.body);
  const auto file = f.dir.path() / "protokoll.pdf";
  std::ofstream(file, std::ios::binary) << pdf.body;
  int code = -1;
  const std::string check = runTool("qpdf --check '" + file.string() + "'", &code);
  INFO(check.substr(0, 400));
  CHECK(code == 0);
  const std::string pdfText = runTool("pdftotext '" + file.string() + "' -");
  CHECK(std::count(pdfText.begin(), pdfText.end(), '*') >= 100'000);
  CHECK(std::count(pdfText.begin(), pdfText.end(), '_') >= 100'000);
}

}  // namespace SV_TEST_FILE
