#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <future>
#include <thread>

#include "server/store/store.hpp"
#include "support/temp_dir.hpp"
#include "support/test_store.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::store;

namespace {

DocumentCommit save(const std::string& text, const std::string& author,
                    std::optional<std::string> expected = std::nullopt) {
  DocumentCommit w;
  w.repository = "contract-1";
  w.document = "meetings/1/agenda";
  w.files = {{"meetings/1/agenda.md", text}};
  w.author = {author, author + "@example.se"};
  w.message = "Dagordning ändrad av " + author;
  w.at = Clock::now();
  w.expectedVersion = std::move(expected);
  return w;
}

std::string gitCli(const std::filesystem::path& repo, const std::string& args,
                   int* code = nullptr) {
  return test::runTool("git --git-dir='" + repo.string() + "' " + args, code);
}

// Runs one save in a child process that dies (_exit, no clean-up) right after `step`.
void saveAndDieAfter(const std::filesystem::path& dir, WriteStep step, const std::string& text) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    auto store = Store::open(test::testStore(dir));
    if (!store) ::_exit(3);
    (*store)->documents().setStepHook([step](WriteStep reached) {
      if (reached == step) ::_exit(0);
    });
    (void)(*store)->documents().commit(save(text, "crash"));
    ::_exit(4);  // the hook did not fire
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
}

}  // namespace

TEST_CASE("three saves give three versions with their authors in git log", "[store][documents]") {
  test::TempDir dir;
  auto store = Store::open(test::testStore(dir.path()));
  REQUIRE(store);
  auto& docs = (*store)->documents();
  auto v1 = docs.commit(save("# Dagordning\n\n1. Mötets öppnande\n", "anna"));
  REQUIRE(v1);
  auto v2 =
      docs.commit(save("# Dagordning\n\n1. Mötets öppnande\n2. Val av justerare\n", "ulla", *v1));
  REQUIRE(v2);
  auto v3 = docs.commit(save("# Dagordning\n\nÄndrad\n", "anna", *v2));
  REQUIRE(v3);

  const auto repo = docs.pathOf("contract-1");
  CHECK(gitCli(repo, "log --format=%an main") == "anna\nulla\nanna\n");
  CHECK(gitCli(repo, "rev-parse main") == *v3 + "\n");
  int fsck = -1;
  gitCli(repo, "fsck --strict", &fsck);
  CHECK(fsck == 0);
  auto old = docs.readFile("contract-1", *v2, "meetings/1/agenda.md");
  REQUIRE(old);
  CHECK(*old == "# Dagordning\n\n1. Mötets öppnande\n2. Val av justerare\n");
  CHECK(docs.versions("contract-1", "meetings/1/agenda").size() == 3);
}

TEST_CASE("a save against an old version is refused and writes nothing", "[store][documents]") {
  test::TempDir dir;
  auto store = Store::open(test::testStore(dir.path()));
  REQUIRE(store);
  auto& docs = (*store)->documents();
  auto v1 = docs.commit(save("one\n", "anna", ""));
  REQUIRE(v1);
  REQUIRE(docs.commit(save("two\n", "anna", *v1)));
  auto stale = docs.commit(save("three\n", "ulla", *v1));
  REQUIRE_FALSE(stale);
  CHECK(stale.error().code == Errc::Conflict);
  CHECK(docs.versions("contract-1", "meetings/1/agenda").size() == 2);
}

TEST_CASE("a crash after the objects are written leaves the document as it was", "[store][crash]") {
  test::TempDir dir;
  std::string v1;
  {
    auto store = Store::open(test::testStore(dir.path()));
    REQUIRE(store);
    v1 = *(*store)->documents().commit(save("first\n", "anna"));
  }
  saveAndDieAfter(dir.path(), WriteStep::ObjectsWritten, "lost\n");
  auto store = Store::open(test::testStore(dir.path()));
  REQUIRE(store);
  auto& docs = (*store)->documents();
  CHECK(docs.currentVersion("contract-1", "meetings/1/agenda") == v1);
  const auto repo = docs.pathOf("contract-1");
  CHECK(gitCli(repo, "rev-parse main") == v1 + "\n");
  int fsck = -1;
  gitCli(repo, "fsck --strict", &fsck);
  CHECK(fsck == 0);
}

TEST_CASE("a crash after the transaction is repaired by moving the branch at start-up",
          "[store][crash]") {
  test::TempDir dir;
  std::string v1;
  {
    auto store = Store::open(test::testStore(dir.path()));
    REQUIRE(store);
    v1 = *(*store)->documents().commit(save("first\n", "anna"));
  }
  saveAndDieAfter(dir.path(), WriteStep::TransactionCommitted, "acknowledged\n");
  const auto repo = dir.path() / "repositories" / "contract-1.git";
  CHECK(gitCli(repo, "rev-parse main") == v1 + "\n");  // the branch is behind

  auto store = Store::open(test::testStore(dir.path()));
  REQUIRE(store);
  auto& docs = (*store)->documents();
  REQUIRE((*store)->repairsAtOpen().size() == 1);
  const auto head = docs.currentVersion("contract-1", "meetings/1/agenda");
  REQUIRE(head);
  CHECK(*head != v1);
  CHECK(gitCli(repo, "rev-parse main") == *head + "\n");
  CHECK(*docs.readFile("contract-1", *head, "meetings/1/agenda.md") == "acknowledged\n");
  int fsck = -1;
  gitCli(repo, "fsck --strict", &fsck);
  CHECK(fsck == 0);
}

TEST_CASE("a crash after the branch moved needs no repair", "[store][crash]") {
  test::TempDir dir;
  saveAndDieAfter(dir.path(), WriteStep::BranchMoved, "complete\n");
  auto store = Store::open(test::testStore(dir.path()));
  REQUIRE(store);
  CHECK((*store)->repairsAtOpen().empty());
  auto head = (*store)->documents().currentVersion("contract-1", "meetings/1/agenda");
  REQUIRE(head);
  CHECK(gitCli(dir.path() / "repositories" / "contract-1.git", "rev-parse main") == *head + "\n");
}

TEST_CASE("a lock file left by a killed process does not block the next write", "[store][crash]") {
  test::TempDir dir;
  std::string v1;
  {
    auto store = Store::open(test::testStore(dir.path()));
    REQUIRE(store);
    v1 = *(*store)->documents().commit(save("first\n", "anna"));
  }
  const auto repo = dir.path() / "repositories" / "contract-1.git";
  std::ofstream(repo / "refs" / "heads" / "main.lock") << "half";
  auto store = Store::open(test::testStore(dir.path()));
  REQUIRE(store);
  CHECK_FALSE(std::filesystem::exists(repo / "refs" / "heads" / "main.lock"));
  CHECK((*store)->documents().commit(save("second\n", "anna", v1)));
}

TEST_CASE("checking git against the database names a branch moved and a version git lacks",
          "[store][documents]") {
  test::TempDir dir;
  auto store = Store::open(test::testStore(dir.path()));
  REQUIRE(store);
  auto& docs = (*store)->documents();
  const auto v1 = docs.commit(save("first\n", "anna"));
  REQUIRE(v1);
  const auto v2 = docs.commit(save("second\n", "anna", *v1));
  REQUIRE(v2);
  CHECK(docs.checkRepositories().empty());

  const auto repo = docs.pathOf("contract-1");
  gitCli(repo, "update-ref refs/heads/main " + *v1);
  const std::string missing(40, 'a');
  test::RawDatabase raw(dir.path());
  REQUIRE(raw.exec("INSERT INTO document_versions (repository, document, version, author_name, "
                   "message, created_at) VALUES ('contract-1', 'meetings/2/agenda', '" +
                   missing + "', 'x', 'y', '2026-01-01T00:00:00Z')") == "");
  const auto findings = docs.checkRepositories();
  CHECK(findings ==
        std::vector<std::string>{
            "contract-1: the branch is at " + *v1 + ", the database says " + *v2,
            "contract-1: meetings/2/agenda's version " + missing + " is not in the repository"});
  // It only looks: the branch stays where it was found.
  CHECK(gitCli(repo, "rev-parse main") == *v1 + "\n");
}

// Several server processes on one PostgreSQL and one folder (issue 18): a process that starts
// while another is in the middle of a save must not "repair" the branch under it. The start takes
// each repository's lock and reads the head under it, so it waits for the save and then finds
// nothing to repair: paused after the objects (without the re-read it would set the branch back
// to the head it read before the commit) or after the commit (without the lock it would move the
// branch itself). On SQLite the folder has one process: the second is refused.
TEST_CASE("a process starting beside another waits for its save before it repairs",
          "[store][documents][processes]") {
  for (const WriteStep pauseAt : {WriteStep::ObjectsWritten, WriteStep::TransactionCommitted}) {
    INFO("paused after step " << static_cast<int>(pauseAt));
    test::TempDir dir;
    auto first = Store::open(test::testStore(dir.path()));
    REQUIRE(first);
    auto& docs = (*first)->documents();
    const auto v1 = docs.commit(save("first\n", "anna"));
    REQUIRE(v1);
    if (!test::onPostgresql()) {
      CHECK_FALSE(Store::open(test::testStore(dir.path())));
      return;
    }
    std::promise<void> paused;
    std::promise<void> resume;
    auto resumed = resume.get_future();
    std::atomic<bool> armed{true};
    docs.setStepHook([&](WriteStep step) {
      if (step != pauseAt || !armed.exchange(false)) return;
      paused.set_value();
      resumed.wait();
    });
    Result<std::string> v2 = std::string();
    std::thread saving([&] { v2 = docs.commit(save("second\n", "anna", *v1)); });
    paused.get_future().wait();

    std::atomic<bool> opened{false};
    Result<std::unique_ptr<Store>> second = fail(Errc::Internal, "not opened");
    std::thread starting([&] {
      second = Store::open(test::testStore(dir.path()));
      opened = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    CHECK_FALSE(opened);  // waiting for the repository's lock
    resume.set_value();
    saving.join();
    starting.join();
    REQUIRE(v2);
    REQUIRE(second);
    CHECK((*second)->repairsAtOpen().empty());
    CHECK(gitCli(docs.pathOf("contract-1"), "rev-parse main") == *v2 + "\n");
    docs.setStepHook({});
  }
}

}  // namespace SV_TEST_FILE
