// Attachments in SQLite and git: the row names the blob the uploader's commit wrote; rows are
// never deleted, a removal is recorded once, and the seal of the document they belong with closes
// them, by the store's triggers whatever a service does.
#include <catch2/catch.hpp>

#include "server/crypto/crypto.hpp"
#include "server/store/accounts.hpp"
#include "server/store/attachments.hpp"
#include "server/store/contracts.hpp"
#include "server/store/database.hpp"
#include "server/store/documents.hpp"
#include "server/store/store.hpp"
#include "support/temp_dir.hpp"
#include "support/test_store.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::store;

namespace {

const std::string kRepository = "contract-1";
const std::string kMinutes = "meetings/1/minutes";

struct AttachmentsFixture {
  test::TempDir dir;
  std::unique_ptr<Store> store = std::move(*Store::open(test::testStore(dir.path())));
  std::int64_t user = 0;
  std::int64_t contract = 0;

  AttachmentsFixture() {
    store->db().write([&](Writing& c) {
      const auto authority =
          insertOrganization(c, "Östermalm", OrganizationKind::Authority, "2026-01-01");
      const auto provider =
          insertOrganization(c, "Omsorg AB", OrganizationKind::Provider, "2026-01-01");
      user =
          insertUser(c, {"anna", "Anna Lind", "anna@example.se", "x", authority, {}}, "2026-01-01");
      ContractRow row;
      row.title = "Hemtjänst";
      row.authorityId = authority;
      row.providerId = provider;
      row.serviceArea = "hemtjanst";
      row.reference = "SDN 2026/1";
      row.startsOn = "2026-01-01";
      row.agendaTemplate = "standard";
      row.createdAt = row.updatedAt = "2026-01-01T00:00:00Z";
      contract = insertContract(c, row);
      return 0;
    });
  }

  // The upload as a service does it: the file in a commit, the row in its transaction.
  Result<std::int64_t> upload(const std::string& bytes, const std::string& name) {
    AttachmentRow row;
    row.contractId = contract;
    row.repository = kRepository;
    row.document = kMinutes;
    row.sealedWith = kMinutes;
    row.sha256 = crypto::sha256Hex(bytes);
    row.path = attachmentPath(kMinutes, row.sha256, name);
    row.blobOid = gitBlobId(bytes);
    row.size = static_cast<std::int64_t>(bytes.size());
    row.contentType = "text/plain; charset=utf-8";
    row.fileName = name;
    row.uploadedBy = user;
    row.uploadedAt = "2026-05-13T08:00:00Z";
    DocumentCommit w{kRepository,
                     attachmentsDocument(kMinutes),
                     {{row.path, bytes}},
                     {"Anna Lind", "anna@example.se"},
                     user,
                     "Bilaga " + name,
                     Clock::now(),
                     std::nullopt};
    std::int64_t id = 0;
    auto committed = store->documents().commit(w, [&](Writing& c, const std::string& v) -> Status {
      row.version = v;
      id = insertAttachment(c, row);
      return {};
    });
    if (!committed) return std::unexpected(committed.error());
    return id;
  }
};

}  // namespace

TEST_CASE("an attachment's row names the blob its commit wrote", "[store][attachments]") {
  AttachmentsFixture f;
  const std::string bytes = "Närvarolista\n";
  auto id = f.upload(bytes, "närvaro.txt");
  REQUIRE(id);
  auto row = f.store->db().read([&](Reading& c) { return findAttachment(c, *id); });
  REQUIRE(row);
  CHECK(row->uploaderName == "Anna Lind");
  CHECK(row->path == "meetings/1/minutes/bilagor/" + crypto::sha256Hex(bytes) + "-närvaro.txt");
  auto stored = f.store->documents().readFile(kRepository, row->version, row->path);
  REQUIRE(stored);
  CHECK(*stored == bytes);
  const auto blob =
      test::runTool("git --git-dir='" + f.store->documents().pathOf(kRepository).string() +
                    "' rev-parse '" + row->version + ":" + row->path + "'");
  CHECK(blob == row->blobOid + "\n");
  CHECK(f.store->db()
            .read([&](Reading& c) { return listAttachments(c, kRepository, kMinutes); })
            .size() == 1);
}

TEST_CASE("an attachment is listed once, removed once and never deleted", "[store][attachments]") {
  AttachmentsFixture f;
  auto id = f.upload("a\n", "a.txt");
  REQUIRE(id);
  CHECK_THROWS_AS(f.upload("a\n", "a.txt"), DatabaseError);  // the same file again
  CHECK(f.store->db().write(
      [&](Writing& c) { return markAttachmentRemoved(c, *id, f.user, "2026-05-14", "v"); }));
  CHECK_FALSE(f.store->db().write(
      [&](Writing& c) { return markAttachmentRemoved(c, *id, f.user, "2026-05-15", "v"); }));
  CHECK_FALSE(f.store->db().read([&](Reading& c) { return findAttachment(c, *id); }));
  CHECK_THROWS_AS(f.store->db().write([&](Writing& c) {
    c.prepare("DELETE FROM attachments WHERE id = ?1").bindAll(*id).run();
    return 0;
  }),
                  DatabaseError);
  CHECK(f.upload("a\n", "a.txt"));  // listed again after its removal
}

TEST_CASE("a sealed document's attachments are neither added nor removed",
          "[store][attachments][sealed]") {
  AttachmentsFixture f;
  auto id = f.upload("a\n", "a.txt");
  REQUIRE(id);
  f.store->db().write([&](Writing& c) {
    DocumentStore::seal(c, kRepository, kMinutes, "registered", Clock::now());
    return 0;
  });
  const auto before =
      f.store->documents().currentVersion(kRepository, attachmentsDocument(kMinutes));
  std::string refusal;
  try {
    (void)f.upload("b\n", "b.txt");
  } catch (const DatabaseError& e) {
    refusal = e.what();
  }
  CHECK(refusal.find("the document is sealed") != std::string::npos);
  CHECK(f.store->documents().currentVersion(kRepository, attachmentsDocument(kMinutes)) == before);
  CHECK_THROWS_AS(f.store->db().write([&](Writing& c) {
    return markAttachmentRemoved(c, *id, f.user, "2026-05-14", "v");
  }),
                  DatabaseError);
  auto row = f.store->db().read([&](Reading& c) { return findAttachment(c, *id); });
  REQUIRE(row);
  CHECK(f.store->db().read([&](Reading& c) { return attachmentSealed(c, *row); }));
}

}  // namespace SV_TEST_FILE
