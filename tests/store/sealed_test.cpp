// A sealed (registered) document never changes again, in the store and not only in the HTTP
// layer: DocumentStore::commit refuses it, and SQLite's trigger refuses a version written
// around the store.
#include <catch2/catch.hpp>

#include "server/store/database.hpp"
#include "server/store/store.hpp"
#include "support/temp_dir.hpp"
#include "support/test_store.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::store;

namespace {

const std::string kRepository = "contract-7";
const std::string kDocument = "meetings/7/minutes";

DocumentCommit minutesCommit(const std::string& text, std::optional<std::string> expected) {
  DocumentCommit w;
  w.repository = kRepository;
  w.document = kDocument;
  w.files = {{"meetings/7/minutes.md", text}};
  w.author = {"Anna Lind", "anna.lind@ostermalm.example.se"};
  w.message = "Protokoll";
  w.at = Clock::now();
  w.expectedVersion = std::move(expected);
  return w;
}

std::string gitCli(const std::filesystem::path& repo, const std::string& args) {
  return test::runTool("git --git-dir='" + repo.string() + "' " + args);
}

}  // namespace

TEST_CASE("a sealed document takes no new version, through the store or around it",
          "[store][documents][sealed]") {
  test::TempDir dir;
  auto store = Store::open(test::testStore(dir.path()));
  REQUIRE(store);
  auto& docs = (*store)->documents();
  auto v1 = docs.commit(minutesCommit("# Protokoll\n\nFörsta versionen.\n", ""));
  REQUIRE(v1);
  auto v2 = docs.commit(minutesCommit("# Protokoll\n\nJusterad version.\n", *v1));
  REQUIRE(v2);
  CHECK_FALSE(docs.sealed(kRepository, kDocument));

  (*store)->db().write([&](store::Writing& c) {
    DocumentStore::seal(c, kRepository, kDocument, "registered as SDN 2026/0001", Clock::now());
    return 0;
  });
  CHECK(docs.sealed(kRepository, kDocument));
  const auto repo = docs.pathOf(kRepository);
  const auto headBefore = gitCli(repo, "rev-parse main");
  CHECK(headBefore == *v2 + "\n");

  // Through the store: a commit from the current version, and one that names no version.
  for (const std::optional<std::string>& expected :
       {std::optional<std::string>(*v2), std::optional<std::string>()}) {
    auto refused = docs.commit(minutesCommit("# Protokoll\n\nÄndrad efteråt.\n", expected));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == Errc::Conflict);
  }
  // A commit whose own transaction work would have succeeded is refused the same way.
  bool recorded = false;
  auto withRecord = docs.commit(minutesCommit("# Protokoll\n\nÄndrad igen.\n", *v2),
                                [&](Writing&, const std::string&) -> Status {
                                  recorded = true;
                                  return {};
                                });
  REQUIRE_FALSE(withRecord);
  CHECK(withRecord.error().code == Errc::Conflict);
  CHECK_FALSE(recorded);

  // Nothing changed: the versions, the current version, the branch.
  const auto versions = docs.versions(kRepository, kDocument);
  REQUIRE(versions.size() == 2);
  CHECK(versions.back().version == *v2);
  CHECK(docs.currentVersion(kRepository, kDocument) == *v2);
  CHECK(gitCli(repo, "rev-parse main") == headBefore);

  // Around the store: a version inserted with raw SQL is refused by the trigger.
  std::string refusal;
  try {
    (*store)->db().write([&](store::Writing& c) {
      c.prepare(
           "INSERT INTO document_versions (repository, document, version, parent_version, "
           "author_name, message, created_at) VALUES (?1, ?2, ?3, ?4, 'x', 'x', "
           "'2026-01-01T00:00:00Z')")
          .bindAll(kRepository, kDocument, std::string(40, 'b'), *v2)
          .run();
      return 0;
    });
  } catch (const DatabaseError& e) {
    refusal = e.what();
    CHECK(e.isConstraint());
  }
  INFO(refusal);
  CHECK(refusal.find("the document is sealed") != std::string::npos);
  // The seal itself cannot be removed either.
  CHECK_THROWS_AS((*store)->db().write([&](store::Writing& c) {
    c.prepare("DELETE FROM sealed_documents WHERE repository = ?1 AND document = ?2")
        .bindAll(kRepository, kDocument)
        .run();
    return 0;
  }),
                  DatabaseError);
  CHECK(docs.versions(kRepository, kDocument).size() == 2);
  CHECK(docs.sealed(kRepository, kDocument));

  // Another document in the same repository is not affected.
  auto other = minutesCommit("# Dagordning\n", "");
  other.document = "meetings/7/agenda";
  other.files = {{"meetings/7/agenda.md", "# Dagordning\n"}};
  CHECK(docs.commit(other));

  // And the seal holds after the store is opened again.
  store->reset();
  auto reopened = Store::open(test::testStore(dir.path()));
  REQUIRE(reopened);
  CHECK((*reopened)->documents().sealed(kRepository, kDocument));
  auto afterReopen = (*reopened)->documents().commit(minutesCommit("# Protokoll\n\nSent.\n", *v2));
  REQUIRE_FALSE(afterReopen);
  CHECK(afterReopen.error().code == Errc::Conflict);
  CHECK((*reopened)->documents().versions(kRepository, kDocument).size() == 2);
}

}  // namespace SV_TEST_FILE
