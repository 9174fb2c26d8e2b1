// Comments per § on returned minutes, through HTTP against the real server with the demo data:
// the provider returns with comments on § 2 and on the whole, the secretary reads them and says
// how each was handled, once; bad input changes nothing.
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

#include "support/http_checks.hpp"
#include "support/json.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

std::string path(std::int64_t meeting, const std::string& rest) {
  return "/api/v1/meetings/" + std::to_string(meeting) + rest;
}

// {"comment": …, "comments": [{"section": 2, "text": …}, {"text": …}]}
std::string returnBody(const std::string& comment,
                       const std::vector<std::pair<int, std::string>>& perSection) {
  Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  o.set("comment", comment);
  Poco::JSON::Array comments;
  for (const auto& [section, text] : perSection) {
    Poco::JSON::Object c;
    if (section > 0) c.set("section", section);
    c.set("text", text);
    comments.add(c);
  }
  o.set("comments", comments);
  std::ostringstream out;
  o.stringify(out);
  return out.str();
}

// anna.avtal is secretary and the authority's adjuster of demo meeting 2; ulla.utforare the
// provider's adjuster; nils.norr represents another provider.
struct Fixture {
  TempDir dir;
  ServerProcess server{dir.path() / "data", {}, true};
  std::string anna = server.login("anna.avtal", kDemoPassword);
  std::string ulla = server.login("ulla.utforare", kDemoPassword);
  std::string nils = server.login("nils.norr", kDemoPassword);
  std::int64_t meeting = 2;

  void underReview() const {
    requireOk(server.post(path(meeting, "/agenda/publish"), "", anna));
    requireOk(server.post(path(meeting, "/minutes"), "", anna), 201);
    requireOk(server.post(path(meeting, "/minutes/submit"), "", anna));
  }
};

}  // namespace

TEST_CASE("review comments: returned with comments per §, handled once by the secretary",
          "[server][review]") {
  Fixture f;
  f.underReview();
  const auto returned = requireOk(f.server.post(
      path(f.meeting, "/minutes/return"),
      returnBody("", {{2, "Beslutet om bemanning saknas."}, {0, "Enhetens namn är fel."}}),
      f.ulla));
  CHECK(text(returned, "state") == "draft");

  const auto comments = requireArray(f.server.get(path(f.meeting, "/minutes/comments"), f.anna));
  REQUIRE(comments->size() == 2);
  CHECK(number(at(comments, 0), "section") == 2);
  CHECK(text(at(comments, 0), "party") == "provider");
  CHECK(text(at(comments, 0), "text") == "Beslutet om bemanning saknas.");
  CHECK(at(comments, 0)->isNull("handled"));
  CHECK(at(comments, 1)->isNull("section"));
  const auto id = number(at(comments, 0), "id");
  const std::string handledPath =
      path(f.meeting, "/minutes/comments/" + std::to_string(id) + "/handled");

  // The provider may not handle it, and learns nothing of its fields first.
  requireProblem(f.server.post(handledPath, "{}", f.ulla), 403);
  // Blank: 422 on "how", nothing changes.
  const auto blank = requireProblem(f.server.post(handledPath, body({{"how", " "}}), f.anna), 422);
  CHECK(text(blank, "field") == "how");

  const auto handled =
      requireOk(f.server.post(handledPath, body({{"how", "Beslutet är infört i § 2."}}), f.anna));
  CHECK(text(handled->getObject("handled"), "how") == "Beslutet är infört i § 2.");
  const auto again =
      requireProblem(f.server.post(handledPath, body({{"how", "Igen."}}), f.anna), 409);
  CHECK(text(again, "reason") == "comment-handled");

  // The provider sees how its comment was handled; another provider sees nothing.
  const auto seen = requireArray(f.server.get(path(f.meeting, "/minutes/comments"), f.ulla));
  CHECK(text(at(seen, 0)->getObject("handled"), "how") == "Beslutet är infört i § 2.");
  requireProblem(f.server.get(path(f.meeting, "/minutes/comments"), f.nils), 404);
}

TEST_CASE("review comments: a comment on a § the minutes lack, or a wrong shape, changes nothing",
          "[server][review]") {
  Fixture f;
  f.underReview();
  const auto unknown = requireProblem(f.server.post(path(f.meeting, "/minutes/return"),
                                                    returnBody("", {{99, "Vilken §?"}}), f.ulla),
                                      422);
  CHECK(text(unknown, "field") == "comments[0].section");
  requireProblem(f.server.post(path(f.meeting, "/minutes/return"),
                               R"({"comments": [{"section": "två", "text": "x"}]})", f.ulla),
                 400);
  requireProblem(f.server.post(path(f.meeting, "/minutes/return"), R"({"comments": "x"})", f.ulla),
                 400);
  const auto life = requireOk(f.server.get(path(f.meeting, "/minutes/lifecycle"), f.anna));
  CHECK(text(life, "state") == "in_review");
  CHECK(requireArray(f.server.get(path(f.meeting, "/minutes/comments"), f.anna))->size() == 0);
}

}  // namespace SV_TEST_FILE
