// The minutes' lifecycle through HTTP against the real server (issue 5): submit, approval of an
// exact version, an edit that makes earlier approvals stop counting, returns with comments,
// notes of disagreement, registration with a gapless registry number and a git tag, registered
// minutes that never change again, the PDF, the archival package that `samverkan verify` checks,
// and a broken workflow definition that stops the start.
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "support/http_checks.hpp"
#include "support/json.hpp"
#include "support/minutes_flow.hpp"
#include "support/server_process.hpp"
#include "workflows/stockholm_time.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;
namespace fs = std::filesystem;

namespace {

const std::regex kOstermalmNumber(R"(^SDN (\d{4})/(\d{4})$)");

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// Every run of white space as one space: text from a PDF breaks lines where it likes.
std::string normalised(const std::string& s) {
  std::string out;
  bool space = false;
  for (unsigned char c : s) {
    if (std::isspace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

std::string readFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void writeFile(const fs::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary) << bytes;
}

std::string shellQuoted(const fs::path& p) {
  return "'" + p.string() + "'";
}

// A command line's exit code and output (stdout and stderr).
struct ToolRun {
  int code = -1;
  std::string output;
};

ToolRun tool(const std::string& command) {
  ToolRun r;
  r.output = runTool(command, &r.code);
  return r;
}

// The body of a save: the document of a minutes answer with the notes of § `number` replaced.
std::string edited(const Poco::JSON::Object::Ptr& answer, int number, const std::string& notes) {
  return minutesWithNotes(answer, {{number, notes}});
}

std::string sourceDir() {
  if (const char* dir = std::getenv("SAMVERKAN_SOURCE_DIR")) return dir;
  return fs::path(__FILE__).parent_path().parent_path().parent_path().string();
}

// The samverkan binary this test binary was built with: $SAMVERKAN_BIN, or the server target
// next to the tests in the same build folder.
std::string serverBinary() {
  if (const char* bin = std::getenv("SAMVERKAN_BIN")) return bin;
  return (fs::read_symlink("/proc/self/exe").parent_path().parent_path() / "server" / "samverkan")
      .string();
}

// The demo on one server, and the minutes' steps against it (support/minutes_flow.hpp).
struct DemoServer {
  TempDir dir;
  fs::path data = dir.path() / "data";
  ServerProcess process{data, {}, true};
};

struct Fixture : DemoServer, MinutesFlow {
  Fixture() : MinutesFlow(process, data) {}
};

int countingApprovals(const Poco::JSON::Object::Ptr& lifecycle) {
  int n = 0;
  const auto approvals = lifecycle->getArray("approvals");
  for (std::size_t i = 0; i < approvals->size(); ++i)
    if (at(approvals, i)->getValue<bool>("counts")) ++n;
  return n;
}

std::string registryPath(const std::string& number) {
  std::string encoded;
  Poco::URI::encode(number, "/?#&=+ ", encoded);
  return "/api/v1/registry?number=" + encoded;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// Runs the binary on `configFile` until it exits (at most 30 s); its exit code and stderr.
std::pair<int, std::string> runServerUntilExit(const fs::path& folder, const fs::path& configFile) {
  const auto err = folder / "stderr.txt";
  int code = -1;
  runTool("( SAMVERKAN_DATA_DIR=" + shellQuoted(folder / "data") +
              " SAMVERKAN_PORT=" + std::to_string(freeLoopbackPort()) +
              " SAMVERKAN_ADMIN_PASSWORD=admin-password-for-tests timeout 30 " +
              shellQuoted(serverBinary()) + " --config=" + shellQuoted(configFile) +
              " >/dev/null 2>" + shellQuoted(err) + " )",
          &code);
  return {code, readFile(err)};
}

}  // namespace

TEST_CASE(
    "approval: an edit after an approval makes it stop counting, both parties approve the "
    "current version, only the registrar registers and registered minutes never change",
    "[server][approval][registry]") {
  Fixture f;
  const std::int64_t m = 1;
  const std::string v1 = f.start(m);

  // Nothing to approve or register before the minutes are submitted.
  requireProblem(f.approve(m, f.ulla, v1), 409);
  requireProblem(f.registerMinutes(m, f.rita), 409);
  // Only the authority's side submits.
  requireProblem(f.server.post(Fixture::path(m, "/minutes/submit"), "", f.ulla), 403);
  auto life = requireOk(f.submit(m));
  CHECK(text(life, "state") == "in_review");
  CHECK(text(life, "version") == v1);
  CHECK(life->getArray("approvals")->size() == 0);

  // The provider approves version 1; it counts.
  life = requireOk(f.approve(m, f.ulla, v1));
  CHECK(text(life, "state") == "in_review");
  REQUIRE(life->getArray("approvals")->size() == 1);
  auto first = at(life->getArray("approvals"), 0);
  CHECK(text(first, "party") == "provider");
  CHECK(text(first, "name") == "Ulla Ek");
  CHECK(text(first, "version") == v1);
  CHECK(first->getValue<bool>("counts"));
  CHECK(first->isNull("superseded_at"));
  // Another provider does not see the minutes at all; the registrar is no adjuster.
  requireProblem(f.approve(m, f.nils, v1), 404);
  requireProblem(f.approve(m, f.rita, v1), 403);

  // The contract manager edits: version 2, and the provider's approval no longer counts.
  const auto saved = f.put(m, f.anna, v1, edited(f.minutes(m, f.anna), 6, "Bemanningen granskad."));
  const std::string v2 = text(requireOk(saved), "version");
  REQUIRE(v2 != v1);
  life = f.lifecycle(m, f.anna);
  CHECK(text(life, "state") == "in_review");
  CHECK(text(life, "version") == v2);
  REQUIRE(life->getArray("approvals")->size() == 1);
  first = at(life->getArray("approvals"), 0);
  CHECK(text(first, "version") == v1);
  CHECK_FALSE(first->getValue<bool>("counts"));
  CHECK_FALSE(first->isNull("superseded_at"));

  // Approving the old version again is refused and records nothing.
  const auto old = requireProblem(f.approve(m, f.ulla, v1), 409);
  CHECK(text(old, "field") == "version");
  CHECK(contains(text(old, "detail"), v2));
  CHECK(f.lifecycle(m, f.anna)->getArray("approvals")->size() == 1);
  // A version that is no version at all, or none.
  requireProblem(f.approve(m, f.ulla, std::string(40, 'a')), 409);
  requireProblem(f.server.post(Fixture::path(m, "/minutes/approve"), "{}", f.ulla), 422);

  // Both approve version 2: approved only after the second.
  life = requireOk(f.approve(m, f.ulla, v2));
  CHECK(text(life, "state") == "in_review");
  life = requireOk(f.approve(m, f.anna, v2));
  CHECK(text(life, "state") == "approved");
  CHECK(text(life, "version") == v2);
  CHECK(countingApprovals(life) == 2);

  // An edit of approved minutes: a new version, back in review, nothing to register.
  const auto revised =
      requireOk(f.put(m, f.anna, v2, edited(f.minutes(m, f.anna), 8, "Inga nya avvikelser.")));
  const std::string v3 = text(revised, "version");
  life = f.lifecycle(m, f.anna);
  CHECK(text(life, "state") == "in_review");
  CHECK(text(life, "version") == v3);
  CHECK(life->getArray("approvals")->size() == 3);
  CHECK(countingApprovals(life) == 0);
  requireProblem(f.registerMinutes(m, f.rita), 409);
  requireProblem(f.approve(m, f.anna, v2), 409);
  CHECK(text(requireOk(f.approve(m, f.anna, v3)), "state") == "in_review");
  life = requireOk(f.approve(m, f.ulla, v3));
  CHECK(text(life, "state") == "approved");
  CHECK(countingApprovals(life) == 2);

  // Only the registrar registers.
  requireProblem(f.registerMinutes(m, f.ulla), 403);
  requireProblem(f.registerMinutes(m, f.anna), 403);
  requireProblem(f.registerMinutes(m, f.nils), 404);
  CHECK(text(f.lifecycle(m, f.anna), "state") == "approved");
  const auto earlier = f.registeredThisYear();
  const auto reg = f.registered(m);
  const std::string number = text(reg, "number");
  INFO("registry number " << number);
  std::smatch parts;
  REQUIRE(std::regex_match(number, parts, kOstermalmNumber));
  CHECK(parts[1].str() == std::to_string(reg->getValue<int>("year")));
  CHECK(std::stoi(parts[2].str()) == reg->getValue<int>("sequence"));
  CHECK(reg->getValue<int>("sequence") == static_cast<int>(earlier) + 1);
  CHECK(text(reg, "version") == v3);
  CHECK(reg->getValue<std::int64_t>("meeting_id") == m);
  const std::string tag = "SDN-" + parts[1].str() + "-" + parts[2].str();
  CHECK(text(reg, "tag") == tag);
  CHECK(text(reg, "registered_by") == "Rita Berg");
  // A second registration of the same minutes is refused.
  requireProblem(f.registerMinutes(m, f.rita), 409);

  // Registered minutes never change: a save, an approval and a return each answer 409.
  const auto versionsBefore = f.server.get(Fixture::path(m, "/minutes/versions"), f.anna);
  const auto lifecycleBefore = f.lifecycleRaw(m, f.anna);
  REQUIRE(versionsBefore.status == 200);
  REQUIRE(lifecycleBefore.status == 200);
  CHECK(text(object(lifecycleBefore.body), "state") == "registered");
  requireProblem(f.put(m, f.anna, v3, edited(f.minutes(m, f.anna), 7, "Efter diarieföringen.")),
                 409);
  requireProblem(f.approve(m, f.ulla, v3), 409);
  requireProblem(f.approve(m, f.anna, v3), 409);
  requireProblem(f.returnMinutes(m, f.ulla, body({{"comment", "Vi vill ändra § 7."}})), 409);
  requireProblem(f.submit(m), 409);
  CHECK(f.server.get(Fixture::path(m, "/minutes/versions"), f.anna).body == versionsBefore.body);
  CHECK(f.lifecycleRaw(m, f.anna).body == lifecycleBefore.body);
  CHECK(f.server.get(Fixture::path(m, "/minutes"), f.anna).header("etag") == etagOf(v3));

  // Plain git: an annotated tag named after the number on the approved (registered) commit.
  int code = -1;
  const auto tags = f.git("tag -n", &code);
  INFO(tags);
  CHECK(code == 0);
  CHECK(contains(tags, tag));
  CHECK(contains(tags, number));
  CHECK(trimmed(f.git("rev-parse '" + tag + "^{commit}'")) == v3);
  CHECK(trimmed(f.git("cat-file -t '" + tag + "'")) == "tag");
  CHECK(trimmed(f.git("rev-parse main")) == v3);

  // The register finds it, for both parties of the contract; another provider sees nothing.
  for (const auto& token : {f.anna, f.ulla, f.rita}) {
    const auto found = requireArray(f.server.get(registryPath(number), token));
    REQUIRE(found->size() == 1);
    CHECK(text(at(found, 0), "number") == number);
    CHECK(at(found, 0)->getValue<std::int64_t>("meeting_id") == m);
    CHECK(text(at(found, 0), "version") == v3);
  }
  CHECK(requireArray(f.server.get(registryPath(number), f.nils))->size() == 0);
  CHECK(requireArray(f.server.get("/api/v1/registry?contract=1", f.nils))->size() == 0);
  CHECK(requireArray(f.server.get("/api/v1/registry", f.nils))->size() == 0);
  requireProblem(f.lifecycleRaw(m, f.nils), 404);
}

TEST_CASE(
    "approval: submitting notifies the adjusters, the provider returns the minutes with a "
    "comment, a return needs a comment and submitting needs both adjusters",
    "[server][approval]") {
  Fixture f;
  const std::int64_t m = 2;
  const std::string v1 = f.start(m);
  requireOk(f.submit(m));
  // Both adjusters are told; anna is the authority's adjuster of the demo meetings.
  CHECK(has(f.notificationKinds(f.ulla, m), "minutes.submitted"));
  CHECK(has(f.notificationKinds(f.anna, m), "minutes.submitted"));
  CHECK_FALSE(has(f.notificationKinds(f.anna, m), "minutes.returned"));
  CHECK(f.notificationKinds(f.nils, m).empty());
  CHECK(f.notificationKinds(f.rita, m).empty());

  // A return needs a comment: none, an empty one, only white space.
  for (const std::string& json :
       {std::string(), std::string("{}"), body({{"comment", ""}}), body({{"comment", " \n\t "}})}) {
    INFO("body '" << json << "'");
    const auto problem = requireProblem(f.returnMinutes(m, f.ulla, json), 422);
    CHECK(text(problem, "field") == "comment");
  }
  CHECK(text(f.lifecycle(m, f.anna), "state") == "in_review");
  CHECK(f.lifecycle(m, f.anna)->getArray("returns")->size() == 0);
  // Another provider cannot; the registrar cannot.
  requireProblem(f.returnMinutes(m, f.nils, body({{"comment", "Fel."}})), 404);
  requireProblem(f.returnMinutes(m, f.rita, body({{"comment", "Fel."}})), 403);

  const std::string comment = "§ 7 ska säga att tre medarbetare har börjat, inte två.";
  auto life = requireOk(f.returnMinutes(m, f.ulla, body({{"comment", comment}})));
  CHECK(text(life, "state") == "draft");
  const auto returns = life->getArray("returns");
  REQUIRE(returns->size() == 1);
  CHECK(text(at(returns, 0), "comment") == comment);
  CHECK(text(at(returns, 0), "name") == "Ulla Ek");
  CHECK(text(at(returns, 0), "version") == v1);
  CHECK(f.lifecycle(m, f.anna)->getArray("returns")->size() == 1);
  CHECK(has(f.notificationKinds(f.anna, m), "minutes.returned"));
  // The returned minutes are a draft: nothing to approve until submitted again.
  requireProblem(f.approve(m, f.ulla, v1), 409);
  requireProblem(f.returnMinutes(m, f.ulla, body({{"comment", "Igen."}})), 409);
  const auto v2 =
      text(requireOk(f.put(m, f.anna, v1, edited(f.minutes(m, f.anna), 7, "Tre."))), "version");
  life = requireOk(f.submit(m));
  CHECK(text(life, "state") == "in_review");
  CHECK(text(life, "version") == v2);

  // Submitting needs an adjuster of each party.
  const auto annaId = f.idOf(f.anna);
  const auto ullaId = f.idOf(f.ulla);
  const auto without = f.createMeeting("2027-03-02T13:00", {{annaId, "secretary"}});
  const auto onlyAuthority =
      f.createMeeting("2027-03-03T13:00", {{annaId, "secretary"}, {annaId, "adjuster"}});
  const auto onlyProvider =
      f.createMeeting("2027-03-04T13:00", {{annaId, "secretary"}, {ullaId, "adjuster"}});
  for (const auto meeting : {without, onlyAuthority, onlyProvider}) {
    INFO("meeting " << meeting);
    f.start(meeting);
    const auto problem = requireProblem(f.submit(meeting), 409);
    CHECK(contains(text(problem, "detail"), "adjuster"));
    CHECK(text(f.lifecycle(meeting, f.anna), "state") == "draft");
    CHECK(f.notificationKinds(f.ulla, meeting).empty());
  }
}

TEST_CASE(
    "approval: a return withdraws the approvals given before it, an adjuster approves a version "
    "once, and each person is told once",
    "[server][approval]") {
  Fixture f;
  const std::int64_t m = 4;
  const std::string v1 = f.start(m);
  requireOk(f.submit(m));
  auto count = [&](const std::string& token, const std::string& kind) {
    const auto kinds = f.notificationKinds(token, m);
    return std::count(kinds.begin(), kinds.end(), kind);
  };
  // anna is both chair and secretary (and the authority's adjuster): one notice each time.
  CHECK(count(f.anna, "minutes.submitted") == 1);
  CHECK(count(f.ulla, "minutes.submitted") == 1);

  auto life = requireOk(f.approve(m, f.ulla, v1));
  CHECK(countingApprovals(life) == 1);
  // The same version approved again by the same party: refused, nothing recorded twice.
  requireProblem(f.approve(m, f.ulla, v1), 409);
  CHECK(f.lifecycle(m, f.anna)->getArray("approvals")->size() == 1);

  // The provider changes its mind and returns the minutes: its approval no longer counts.
  life = requireOk(f.returnMinutes(m, f.ulla, body({{"comment", "§ 6 är fel, rätta den."}})));
  CHECK(text(life, "state") == "draft");
  REQUIRE(life->getArray("approvals")->size() == 1);
  CHECK_FALSE(at(life->getArray("approvals"), 0)->getValue<bool>("counts"));
  CHECK_FALSE(at(life->getArray("approvals"), 0)->isNull("superseded_at"));
  CHECK(count(f.anna, "minutes.returned") == 1);

  // Submitted again unchanged, the authority's approval alone does not make it approved.
  requireOk(f.submit(m));
  CHECK(count(f.ulla, "minutes.submitted") == 2);
  life = requireOk(f.approve(m, f.anna, v1));
  CHECK(text(life, "state") == "in_review");
  CHECK(countingApprovals(life) == 1);
  requireProblem(f.registerMinutes(m, f.rita), 409);
  life = requireOk(f.approve(m, f.ulla, v1));
  CHECK(text(life, "state") == "approved");
  CHECK(countingApprovals(life) == 2);
}

TEST_CASE(
    "approval: a note of disagreement is part of the protocol, whose signature block names "
    "both adjusters",
    "[server][approval]") {
  Fixture f;
  const std::int64_t m = 3;
  const std::string note = "Utföraren delar inte bedömningen av bemanningen i § 6.";
  const std::string version = f.approved(m, note);
  const auto life = f.lifecycle(m, f.ulla);
  std::string provider;
  for (std::size_t i = 0; i < life->getArray("approvals")->size(); ++i)
    if (text(at(life->getArray("approvals"), i), "party") == "provider")
      provider = text(at(life->getArray("approvals"), i), "note");
  CHECK(provider == note);

  for (const auto& token : {f.anna, f.ulla}) {
    const auto page = f.server.get(Fixture::path(m, "/minutes.html"), token);
    REQUIRE(page.status == 200);
    INFO(page.body);
    CHECK(contains(page.body, note));
    const auto begin = page.body.find("protocol-adjustment");
    REQUIRE(begin != std::string::npos);
    const auto block = page.body.substr(begin, page.body.find("</section>", begin) - begin);
    CHECK(contains(block, "Anna Lind"));
    CHECK(contains(block, "Ulla Ek"));
    CHECK(contains(block, version.substr(0, 7)));
    const auto disagreement = page.body.find("protocol-disagreements");
    REQUIRE(disagreement != std::string::npos);
    CHECK(contains(page.body.substr(disagreement), note));
    CHECK(contains(page.body.substr(disagreement), "Ulla Ek"));
  }
  // The note is there after registration too.
  f.registered(m);
  CHECK(contains(f.server.get(Fixture::path(m, "/minutes.html"), f.anna).body, note));
}

TEST_CASE("registration: twenty registrations at once get twenty consecutive numbers",
          "[server][registry]") {
  Fixture f;
  const auto annaId = f.idOf(f.anna);
  const auto ullaId = f.idOf(f.ulla);
  const std::size_t before = f.registeredThisYear();
  std::vector<std::int64_t> meetings;
  std::map<std::int64_t, std::string> versions;
  for (int day = 1; day <= 20; ++day) {
    const std::string date = "2027-03-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
    const auto id = f.createMeeting(
        date + "T13:00", {{annaId, "adjuster"}, {ullaId, "adjuster"}, {annaId, "secretary"}});
    versions[id] = f.approved(id);
    meetings.push_back(id);
  }

  std::vector<HttpResult> results(meetings.size());
  {
    std::vector<std::jthread> threads;
    for (std::size_t i = 0; i < meetings.size(); ++i)
      threads.emplace_back([&, i] { results[i] = f.registerMinutes(meetings[i], f.rita); });
  }
  std::set<int> seqs;
  std::set<std::string> numbers;
  int year = 0;
  for (std::size_t i = 0; i < meetings.size(); ++i) {
    INFO("meeting " << meetings[i] << ": " << results[i].status << " " << results[i].body);
    REQUIRE(results[i].status == 200);
    const auto reg = object(results[i].body)->getObject("registration");
    const std::string number = text(reg, "number");
    std::smatch parts;
    REQUIRE(std::regex_match(number, parts, kOstermalmNumber));
    year = std::stoi(parts[1].str());
    seqs.insert(std::stoi(parts[2].str()));
    numbers.insert(number);
    CHECK(text(reg, "version") == versions[meetings[i]]);
    // Its tag on its approved version.
    CHECK(trimmed(f.git("rev-parse '" + text(reg, "tag") + "^{commit}'")) == versions[meetings[i]]);
  }
  CHECK(numbers.size() == 20);
  std::set<int> expected;
  for (int n = 1; n <= 20; ++n) expected.insert(static_cast<int>(before) + n);
  CHECK(seqs == expected);

  // The register holds them all, once each.
  const auto all =
      requireArray(f.server.get("/api/v1/registry?year=" + std::to_string(year), f.anna));
  CHECK(all->size() == before + 20);
  std::set<std::string> listed;
  for (std::size_t i = 0; i < all->size(); ++i) listed.insert(text(at(all, i), "number"));
  for (const auto& number : numbers) CHECK(listed.contains(number));
}

TEST_CASE(
    "pdf: the registered protocol as PDF passes qpdf --check and holds the registry number, "
    "both adjusters and every section",
    "[server][pdf][registry]") {
  Fixture f;
  const std::int64_t m = 1;
  const std::string v1 = f.start(m);
  const auto saved = requireOk(
      f.put(m, f.anna, v1, edited(f.minutes(m, f.anna), 6, "Förvaltningen har granskat.")));
  const std::string version = text(saved, "version");
  requireOk(f.submit(m));
  const std::string note = "Utföraren anser att § 6 saknar uppgifter om vikarier.";
  requireOk(f.approve(m, f.ulla, version, note));
  requireOk(f.approve(m, f.anna, version));
  const std::string number = text(f.registered(m), "number");

  const auto pdf = f.server.get(Fixture::path(m, "/minutes.pdf"), f.ulla);
  REQUIRE(pdf.status == 200);
  CHECK(pdf.header("content-type") == "application/pdf");
  REQUIRE(pdf.body.starts_with("%PDF-"));
  const auto file = f.dir.path() / "protocol.pdf";
  writeFile(file, pdf.body);
  {
    const auto qpdf = tool("qpdf --check " + shellQuoted(file));
    INFO(qpdf.output);
    CHECK(qpdf.code == 0);
  }
  const auto extracted = tool("pdftotext -enc UTF-8 " + shellQuoted(file) + " -");
  REQUIRE(extracted.code == 0);
  const auto pageText = normalised(extracted.output);
  INFO(pageText);
  CHECK(contains(pageText, number));
  CHECK(contains(pageText, "Anna Lind"));
  CHECK(contains(pageText, "Ulla Ek"));
  CHECK(contains(pageText, "Förvaltningen har granskat."));
  CHECK(contains(pageText, note));
  const auto sections = f.minutes(m, f.anna)->getObject("minutes")->getArray("sections");
  REQUIRE(sections->size() > 0);
  for (std::size_t i = 0; i < sections->size(); ++i) {
    const std::string title = "§ " + std::to_string(at(sections, i)->getValue<int>("number")) +
                              " " + normalised(text(at(sections, i), "title"));
    INFO(title);
    CHECK(contains(pageText, title));
  }
  requireProblem(f.server.get(Fixture::path(m, "/minutes.pdf"), f.nils), 404);
}

// Issue 19 point 3: a draft never looks final, and its file name says what it is.
TEST_CASE("pdf: unregistered minutes are marked on every page and named as a draft",
          "[server][pdf][registry][mark]") {
  Fixture f;
  const std::int64_t m = 1;
  const std::string date =
      text(requireOk(f.server.get(Fixture::path(m), f.anna)), "starts_at").substr(0, 10);
  auto pdfText = [&](const HttpResult& pdf) {
    const auto file = f.dir.path() / "mark.pdf";
    writeFile(file, pdf.body);
    const auto extracted = tool("pdftotext -enc UTF-8 " + shellQuoted(file) + " -");
    REQUIRE(extracted.code == 0);
    return normalised(extracted.output);
  };
  const std::string draftName = "protokoll-" + date + "-utkast.pdf";
  const std::string version = f.start(m);
  const auto draft = f.server.get(Fixture::path(m, "/minutes.pdf"), f.anna);
  REQUIRE(draft.status == 200);
  CHECK(draft.header("content-disposition") ==
        "inline; filename=\"" + draftName + "\"; filename*=UTF-8''" + draftName);
  CHECK(contains(pdfText(draft), "UTKAST"));

  requireOk(f.submit(m));
  requireOk(f.approve(m, f.ulla, version));
  requireOk(f.approve(m, f.anna, version));
  const auto approved = f.server.get(Fixture::path(m, "/minutes.pdf"), f.anna);
  CHECK(contains(approved.header("content-disposition"), draftName));
  const std::string approvedText = pdfText(approved);
  INFO(approvedText);
  CHECK(contains(approvedText, "Justerat, ej diariefört"));
  CHECK_FALSE(contains(approvedText, "UTKAST"));

  const std::string number = text(f.registered(m), "number");  // "SDN 2026/0001"
  std::string name = number;
  for (char& c : name)
    if (c == ' ' || c == '/') c = '-';
  const auto registered = f.server.get(Fixture::path(m, "/minutes.pdf"), f.anna);
  CHECK(registered.header("content-disposition") ==
        "inline; filename=\"" + name + ".pdf\"; filename*=UTF-8''" + name + ".pdf");
  const std::string registeredText = pdfText(registered);
  CHECK_FALSE(contains(registeredText, "UTKAST"));
  CHECK_FALSE(contains(registeredText, "Justerat, ej diariefört"));
}

TEST_CASE(
    "archive: the package of registered minutes passes sha256sum, qpdf and samverkan verify, "
    "and one changed byte fails verify",
    "[server][archive][registry]") {
  Fixture f;
  const std::int64_t m = 1;
  const std::string version = f.approved(m);
  const auto early =
      requireProblem(f.server.get(Fixture::path(m, "/minutes/archive"), f.rita), 409);
  CHECK(contains(text(early, "detail"), "registered"));
  const auto reg = f.registered(m);
  const std::string number = text(reg, "number");
  const std::string tag = text(reg, "tag");
  requireProblem(f.server.get(Fixture::path(m, "/minutes/archive"), f.nils), 404);

  const auto archive = f.server.get(Fixture::path(m, "/minutes/archive"), f.rita);
  REQUIRE(archive.status == 200);
  CHECK(archive.header("content-type") == "application/zip");
  CHECK(contains(archive.header("content-disposition"), tag + ".zip"));
  const auto zip = f.dir.path() / "package.zip";
  writeFile(zip, archive.body);

  const auto out = f.dir.path() / "unzipped";
  {
    const auto unzip = tool("unzip -q " + shellQuoted(zip) + " -d " + shellQuoted(out));
    INFO(unzip.output);
    REQUIRE(unzip.code == 0);
  }
  const auto bag = out / tag;
  REQUIRE(fs::is_directory(bag));
  for (const std::string manifest : {"manifest-sha256.txt", "tagmanifest-sha256.txt"}) {
    const auto checked = tool("cd " + shellQuoted(bag) + " && sha256sum -c " + manifest);
    INFO(manifest << ":\n" << checked.output);
    CHECK(checked.code == 0);
    CHECK_FALSE(contains(checked.output, "FAILED"));
  }
  // The payload is an E-ARK SIP named by the tag (eark_sip_test below checks it as such).
  const auto sip = bag / "data" / tag;
  for (const std::string payload : {"protocol.md", "protocol.html", "protocol.pdf"})
    CHECK(contains(readFile(bag / "manifest-sha256.txt"),
                   "data/" + tag + "/representations/rep1/data/" + payload));
  for (const std::string record : {"minutes.md", "minutes.json", "metadata.json", "approvals.json"})
    CHECK(contains(readFile(bag / "manifest-sha256.txt"),
                   "data/" + tag + "/metadata/other/" + record));
  CHECK(contains(readFile(bag / "bag-info.txt"), "External-Identifier: " + number));

  // The protocol is a PDF/A-2 as the renderer writes it (evidence_pdf_test.cpp checks it whole).
  const auto protocol = sip / "representations" / "rep1" / "data" / "protocol.pdf";
  {
    const auto qpdf = tool("qpdf --check " + shellQuoted(protocol));
    INFO(qpdf.output);
    CHECK(qpdf.code == 0);
  }
  {
    const auto info = tool("pdfinfo " + shellQuoted(protocol));
    INFO(info.output);
    CHECK(info.code == 0);
    CHECK(contains(info.output, "Tagged:          yes"));
  }
  {
    const auto meta = tool("pdfinfo -meta " + shellQuoted(protocol));
    INFO(meta.output);
    CHECK(meta.code == 0);
    CHECK(contains(meta.output, "pdfaid"));
  }
  CHECK(contains(normalised(tool("pdftotext -enc UTF-8 " + shellQuoted(protocol) + " -").output),
                 number));

  // What the package says matches the register and git.
  const auto metadata = object(readFile(sip / "metadata" / "other" / "metadata.json"));
  CHECK(text(metadata, "registry_number") == number);
  CHECK(text(metadata, "approved_version") == version);
  CHECK(text(metadata, "tag") == tag);
  CHECK(readFile(sip / "metadata" / "other" / "minutes.json") ==
        f.git("show " + version + ":meetings/1/minutes.json"));
  CHECK(array(readFile(sip / "metadata" / "other" / "approvals.json"))->size() == 2);

  // samverkan verify, with the server still running.
  // (env -u: SAMVERKAN_DATA_DIR in the environment would win over --data-dir.)
  const std::string verify = "env -u SAMVERKAN_DATA_DIR " + shellQuoted(serverBinary()) +
                             " verify --data-dir=" + shellQuoted(f.data) + " --file=";
  {
    const auto verified = tool(verify + shellQuoted(zip));
    INFO(verified.output);
    CHECK(verified.code == 0);
    CHECK(contains(verified.output, "OK"));
  }

  // One byte of data/protocol.md changed inside the zip: verify fails and names the file.
  const auto script = f.dir.path() / "tamper.py";
  writeFile(script,
            "import sys, zipfile\n"
            "src, dst = sys.argv[1], sys.argv[2]\n"
            "changed = 0\n"
            "with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) "
            "as zout:\n"
            "    for item in zin.infolist():\n"
            "        data = bytearray(zin.read(item.filename))\n"
            "        if item.filename.endswith('/data/protocol.md'):\n"
            "            i = next(k for k, b in enumerate(data) if 97 <= b <= 122)\n"
            "            data[i] ^= 1\n"
            "            changed += 1\n"
            "        zout.writestr(item, bytes(data))\n"
            "assert changed == 1, changed\n");
  const auto tampered = f.dir.path() / "tampered.zip";
  {
    const auto rewritten = tool("python3 " + shellQuoted(script) + " " + shellQuoted(zip) + " " +
                                shellQuoted(tampered));
    INFO(rewritten.output);
    REQUIRE(rewritten.code == 0);
  }
  {
    const auto refused = tool(verify + shellQuoted(tampered));
    INFO(refused.output);
    CHECK(refused.code == 1);
    CHECK(contains(refused.output, "data/protocol.md"));
    CHECK_FALSE(contains(refused.output, "data/protocol.pdf"));
  }
  // The original is still good.
  CHECK(tool(verify + shellQuoted(zip)).code == 0);
}

namespace {

// One registered protocol's package, unpacked, shared by the E-ARK sections below (each SECTION
// reruns the test case; the server and the registration are made once).
struct SipPackage {
  Fixture f;
  std::string tag;
  std::string number;  // the registry number
  fs::path zip;
  fs::path sip;  // data/<OBJID>/ inside the bag
  SipPackage() {
    f.approved(1);
    const auto registered = f.registered(1);
    tag = text(registered, "tag");
    number = text(registered, "number");
    const auto archive = f.server.get(Fixture::path(1, "/minutes/archive"), f.rita);
    REQUIRE(archive.status == 200);
    zip = f.dir.path() / "package.zip";
    writeFile(zip, archive.body);
    const auto out = f.dir.path() / "unzipped";
    REQUIRE(tool("unzip -q " + shellQuoted(zip) + " -d " + shellQuoted(out)).code == 0);
    sip = out / tag / "data" / tag;
  }
};

SipPackage& sipPackage() {
  static SipPackage package;
  return package;
}

fs::path earkSchema(const std::string& name) {
  return fs::path(sourceDir()) / "tests" / "schemas" / "eark" / name;
}

}  // namespace

TEST_CASE(
    "eark: the package of registered minutes is an E-ARK SIP whose METS and PREMIS validate "
    "against the vendored schemas and whose CSIP requirements hold",
    "[server][archive][eark]") {
  SipPackage& p = sipPackage();
  REQUIRE(fs::is_regular_file(p.sip / "METS.xml"));

  SECTION("METS.xml validates against METS 1.12 with the DILCIS CSIP extension (xmllint)") {
    const auto lint =
        tool("xmllint --noout --nonet --schema " + shellQuoted(earkSchema("sip.xsd")) + " " +
             shellQuoted(p.sip / "METS.xml"));
    INFO(lint.output);
    CHECK(lint.code == 0);
    CHECK(contains(lint.output, "validates"));
  }
  SECTION("a csip: attribute outside its vocabulary fails the same validation") {
    const auto bad = p.f.dir.path() / "bad-METS.xml";
    std::string mets = readFile(p.sip / "METS.xml");
    const auto at = mets.find("csip:OAISPACKAGETYPE=\"SIP\"");
    REQUIRE(at != std::string::npos);
    mets.replace(at, std::string("csip:OAISPACKAGETYPE=\"SIP\"").size(),
                 "csip:OAISPACKAGETYPE=\"PARCEL\"");
    writeFile(bad, mets);
    const auto lint = tool("xmllint --noout --nonet --schema " +
                           shellQuoted(earkSchema("sip.xsd")) + " " + shellQuoted(bad));
    INFO(lint.output);
    CHECK(lint.code != 0);
  }
  SECTION("the description is Dublin Core and EAD 3; ead.xml validates against EAD 3 (xmllint)") {
    const auto ead = p.sip / "metadata" / "descriptive" / "ead.xml";
    const auto lint = tool("xmllint --noout --nonet --schema " +
                           shellQuoted(earkSchema("ead3.xsd")) + " " + shellQuoted(ead));
    INFO(lint.output);
    CHECK(lint.code == 0);
    const std::string text = readFile(ead);
    CHECK(contains(text, "<unitid>" + p.number + "</unitid>"));
    CHECK(contains(text, "<archdesc level=\"item\" localtype=\"Protokoll\">"));
    const std::string mets = readFile(p.sip / "METS.xml");
    CHECK(contains(mets, "MDTYPE=\"EAD\""));
    CHECK(contains(mets, "DMDID=\"dmd-1 dmd-2\""));
  }
  SECTION("premis.xml validates against PREMIS 3.0 (xmllint)") {
    const auto lint =
        tool("xmllint --noout --nonet --schema " + shellQuoted(earkSchema("premis.xsd")) + " " +
             shellQuoted(p.sip / "metadata" / "preservation" / "premis.xml"));
    INFO(lint.output);
    CHECK(lint.code == 0);
    const std::string premis = readFile(p.sip / "metadata" / "preservation" / "premis.xml");
    CHECK(contains(premis, "<eventType>registration</eventType>"));
    CHECK(contains(premis, "<eventType>approval</eventType>"));
    CHECK(contains(premis, "<agentType>software</agentType>"));
  }
  SECTION("every file METS lists has the size and SHA-256 it says (sha256sum)") {
    const std::string mets = readFile(p.sip / "METS.xml");
    const std::regex entry(
        "SIZE=\"([0-9]+)\"[^>]*CHECKSUM=\"([0-9a-f]{64})\"[^>]*?(?:/>|><mets:FLocat)"
        "[^>]*xlink:href=\"([^\"]+)\"|xlink:href=\"([^\"]+)\"[^>]*SIZE=\"([0-9]+)\"[^>]*"
        "CHECKSUM=\"([0-9a-f]{64})\"");
    std::size_t n = 0;
    for (auto it = std::sregex_iterator(mets.begin(), mets.end(), entry);
         it != std::sregex_iterator(); ++it) {
      const auto& m = *it;
      const std::string href = m[3].matched ? m[3].str() : m[4].str();
      const std::string size = m[3].matched ? m[1].str() : m[5].str();
      const std::string sum = m[3].matched ? m[2].str() : m[6].str();
      const auto file = p.sip / href;
      INFO(href);
      REQUIRE(fs::is_regular_file(file));
      CHECK(std::to_string(fs::file_size(file)) == size);
      CHECK(tool("sha256sum " + shellQuoted(file)).output.substr(0, 64) == sum);
      ++n;
    }
    // dc.xml, premis.xml, six JSON/Markdown records, and the three forms of the protocol.
    CHECK(n >= 11);
  }
  const auto checks =
      tool("python3 " + shellQuoted(fs::path(sourceDir()) / "tests" / "server" / "csip_checks.py") +
           " " + shellQuoted(p.sip));
  INFO(checks.output);
  REQUIRE(checks.code == 0);
  auto requirement = [&](const std::string& id) {
    INFO(checks.output);
    CHECK(contains(checks.output, id + " ok\n"));
  };
  SECTION("CSIP1 OBJID names the package folder") {
    requirement("CSIP1");
  }
  SECTION("CSIP2 TYPE gives the content category") {
    requirement("CSIP2");
  }
  SECTION("CSIP4 CSIP5 content information type, OTHER with its name") {
    requirement("CSIP4");
    requirement("CSIP5");
  }
  SECTION("CSIP6 PROFILE is the E-ARK CSIP profile") {
    requirement("CSIP6");
  }
  SECTION("CSIP117 CSIP7 CSIP9 metsHdr with CREATEDATE and OAISPACKAGETYPE SIP") {
    requirement("CSIP117");
    requirement("CSIP7");
    requirement("CSIP9");
  }
  SECTION("CSIP10 CSIP14 CSIP16 the creating software as agent with name and version note") {
    requirement("CSIP10");
    requirement("CSIP14");
    requirement("CSIP16");
  }
  SECTION("CSIP17 CSIP20 CSIP22 CSIP23 CSIP29 dmdSec references the descriptive record") {
    for (const char* id : {"CSIP17", "CSIP20", "CSIP22", "CSIP23", "CSIP29"}) requirement(id);
  }
  SECTION("CSIP32 CSIP43 digiprovMD references PREMIS with its checksum") {
    requirement("CSIP32");
    requirement("CSIP43");
  }
  SECTION("CSIP58 CSIP114 CSIP66 CSIP71 CSIP76 fileSec lists rep1's files with checksums") {
    for (const char* id : {"CSIP58", "CSIP114", "CSIP66", "CSIP71", "CSIP76"}) requirement(id);
  }
  SECTION("CSIP80 CSIP81 CSIP88 CSIP105 structMap CSIP with Metadata and Representations") {
    for (const char* id : {"CSIP80", "CSIP81", "CSIP88", "CSIP105"}) requirement(id);
  }
  SECTION("PREMIS objects carry METS's digests, events link their agents") {
    requirement("PREMIS fixity");
    requirement("PREMIS events");
  }
  SECTION("PREMIS has the e-seal as an event by the authority as an organisation") {
    requirement("PREMIS seal");
    const std::string premis = readFile(p.sip / "metadata" / "preservation" / "premis.xml");
    CHECK(contains(premis, "<eventType>digital signature generation</eventType>"));
    CHECK(contains(premis, "<agentType>organization</agentType>"));
  }
  SECTION("a changed representation file fails samverkan verify on METS's checksum as well") {
    const auto script = p.f.dir.path() / "tamper-html.py";
    writeFile(script,
              "import sys, zipfile\n"
              "with zipfile.ZipFile(sys.argv[1]) as zin, zipfile.ZipFile(sys.argv[2], 'w', "
              "zipfile.ZIP_DEFLATED) as zout:\n"
              "    for item in zin.infolist():\n"
              "        data = zin.read(item.filename)\n"
              "        if item.filename.endswith('/rep1/data/protocol.html'):\n"
              "            data = data.replace(b'<', b' <', 1)\n"
              "        zout.writestr(item, data)\n");
    const auto tampered = p.f.dir.path() / "tampered-html.zip";
    REQUIRE(tool("python3 " + shellQuoted(script) + " " + shellQuoted(p.zip) + " " +
                 shellQuoted(tampered))
                .code == 0);
    const std::string verify = "env -u SAMVERKAN_DATA_DIR " + shellQuoted(serverBinary()) +
                               " verify --data-dir=" + shellQuoted(p.f.data) + " --file=";
    const auto refused = tool(verify + shellQuoted(tampered));
    INFO(refused.output);
    CHECK(refused.code == 1);
    CHECK(contains(refused.output, "protocol.html does not match its checksum in METS.xml"));
    CHECK(tool(verify + shellQuoted(p.zip)).code == 0);
  }
}

TEST_CASE("workflow: a broken minutes workflow stops the start with a message naming the fault",
          "[server][workflow]") {
  TempDir dir;
  const auto config = dir.path() / "config";
  fs::copy(fs::path(sourceDir()) / "config", config, fs::copy_options::recursive);
  const auto workflowFile = config / "workflows" / "minutes.workflow";
  const std::string original = readFile(workflowFile);

  // The copy as it is starts.
  {
    ServerProcess intact(dir.path() / "intact", {{"samverkan.config_dir", config.string()}});
    CHECK(intact.get("/healthz").status == 200);
    CHECK(intact.stop() == 0);
  }

  const auto properties = dir.path() / "server.properties";
  writeFile(properties, readFile(fs::path(sourceDir()) / "config" / "samverkan.properties") +
                            "\nsamverkan.config_dir = " + config.string() + "\n");
  struct Breakage {
    std::string what;
    std::string from;
    std::string to;
    std::string named;
  };
  const std::vector<Breakage> breakages{
      {"an unknown role", "roles: registrar", "roles: registrator", "registrator"},
      {"a state nothing reaches", "states: draft, in_review, approved, registered",
       "states: draft, in_review, approved, registered, archived", "archived"},
      {"an unknown guard", "guards: comment_given", "guards: comment_written", "comment_written"},
  };
  for (const auto& b : breakages) {
    INFO(b.what);
    std::string broken = original;
    const auto pos = broken.find(b.from);
    REQUIRE(pos != std::string::npos);
    broken.replace(pos, b.from.size(), b.to);
    writeFile(workflowFile, broken);
    const auto [code, stderrText] = runServerUntilExit(dir.path(), properties);
    INFO("exit " << code << ", stderr:\n" << stderrText);
    CHECK(code != 0);
    CHECK(code != 124);  // it stopped by itself, not by the timeout
    CHECK(contains(stderrText, b.named));
    CHECK(contains(stderrText, "minutes.workflow"));
  }
  writeFile(workflowFile, original);
}

// minutes.html is kept in memory, rendered once per state of what it shows, and answered without
// asking the database while nothing was written (MinutesService::html). Each change it shows must
// still be on the page at the very next request, for both parties, and another provider must
// still get 404 however often the others read it.
TEST_CASE("the protocol page shows each change at the next request and stays hidden from others",
          "[server][minutes][cache]") {
  Fixture f;
  const std::int64_t m = 1;
  const auto pagePath = Fixture::path(m, "/minutes.html");
  struct Page {
    std::string etag;
    std::string body;
  };
  // Read by anna, then again by anna and twice by ulla (the second reading of each is the one
  // answered from memory), and twice refused to nils.
  const auto read = [&] {
    const auto first = f.server.get(pagePath, f.anna);
    INFO(first.body);
    REQUIRE(first.status == 200);
    for (const auto& token : {f.anna, f.ulla, f.ulla}) {
      const auto again = f.server.get(pagePath, token);
      REQUIRE(again.status == 200);
      CHECK(again.header("etag") == first.header("etag"));
      CHECK(again.body == first.body);
    }
    requireProblem(f.server.get(pagePath, f.nils), 404);
    requireProblem(f.server.get(pagePath, f.nils), 404);
    return Page{first.header("etag"), first.body};
  };
  const auto adjustment = [](const Page& page) {
    const auto begin = page.body.find("protocol-adjustment");
    return begin == std::string::npos
               ? std::string()
               : page.body.substr(begin, page.body.find("</section>", begin) - begin);
  };

  requireProblem(f.server.get(pagePath, f.anna), 404);  // not started
  const std::string v1 = f.start(m);
  const Page started = read();

  // A save.
  const auto v2 =
      text(requireOk(f.put(m, f.anna, v1, edited(f.minutes(m, f.anna), 1, "Första anteckningen."))),
           "version");
  const Page saved = read();
  CHECK(saved.etag != started.etag);
  CHECK(contains(saved.body, "Första anteckningen."));
  CHECK_FALSE(contains(started.body, "Första anteckningen."));

  // An approval.
  requireOk(f.submit(m));
  const Page submitted = read();
  CHECK_FALSE(contains(adjustment(submitted), "Ulla Ek"));
  requireOk(f.approve(m, f.ulla, v2));
  const Page approved = read();
  CHECK(approved.etag != submitted.etag);
  CHECK(contains(adjustment(approved), "Ulla Ek"));
  CHECK_FALSE(contains(adjustment(approved), "avser en tidigare version"));

  // An edit after the approval: the approval stays on the page, as one of an earlier version.
  const auto v3 =
      text(requireOk(f.put(m, f.anna, v2, edited(f.minutes(m, f.anna), 2, "Andra anteckningen."))),
           "version");
  const Page edited = read();
  CHECK(edited.etag != approved.etag);
  CHECK(contains(edited.body, "Andra anteckningen."));
  CHECK(contains(adjustment(edited), "avser en tidigare version"));

  // An approval of the current version, then a return, which withdraws it.
  requireOk(f.approve(m, f.ulla, v3, "Vi delar inte bedömningen i § 2."));
  const Page approvedAgain = read();
  CHECK(contains(approvedAgain.body, "Vi delar inte bedömningen i § 2."));
  requireOk(f.returnMinutes(m, f.ulla, body({{"comment", "Se över § 2."}})));
  const Page returned = read();
  CHECK(returned.etag != approvedAgain.etag);
  CHECK_FALSE(contains(returned.body, "Vi delar inte bedömningen i § 2."));

  // A change of participants is not on the page (the protocol records the attendance when the
  // minutes start), and the page is the same after it.
  requireOk(f.server.request("PATCH", Fixture::path(m),
                             body({{"participants",
                                    [&] {
                                      Poco::JSON::Array people;
                                      for (const auto& [user, role] :
                                           std::vector<std::pair<std::int64_t, std::string>>{
                                               {f.idOf(f.anna), "chair"},
                                               {f.idOf(f.anna), "secretary"},
                                               {f.idOf(f.anna), "adjuster"},
                                               {f.idOf(f.ulla), "adjuster"},
                                               {f.idOf(f.rita), "participant"}}) {
                                        Poco::JSON::Object p;
                                        p.set("user_id", user);
                                        p.set("role", role);
                                        people.add(p);
                                      }
                                      return people;
                                    }()}}),
                             {{"Authorization", bearer(f.anna)}}));
  const Page afterParticipants = read();
  CHECK(afterParticipants.etag == returned.etag);
  CHECK(afterParticipants.body == returned.body);

  // A registration.
  requireOk(f.submit(m));
  requireOk(f.approve(m, f.ulla, v3));
  requireOk(f.approve(m, f.anna, v3));
  const Page beforeRegistration = read();
  const auto number = text(f.registered(m), "number");
  const Page registered = read();
  CHECK(registered.etag != beforeRegistration.etag);
  CHECK(contains(registered.body, number));
  CHECK_FALSE(contains(beforeRegistration.body, number));

  // The page is still behind the login: a token that logged out is refused at once.
  REQUIRE(f.server.request("DELETE", "/api/v1/session", {}, {{"Authorization", bearer(f.ulla)}})
              .status == 204);
  CHECK(f.server.get(pagePath, f.ulla).status == 401);
  CHECK(f.server.get(pagePath, f.anna).status == 200);
}

}  // namespace SV_TEST_FILE
