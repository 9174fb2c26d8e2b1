// Attachments of a meeting and its minutes through the use cases, on a real store: who may add,
// read and remove; the type from the bytes; the seal of registration; tenant isolation; the audit.
#include <catch2/catch.hpp>

#include "workflows/text.hpp"

#include "minutes_fixture.hpp"
#include "server/services/archive.hpp"
#include "server/services/attachments.hpp"
#include "server/store/attachments.hpp"
#include "server/store/audit.hpp"
#include "tests/support/sample_files.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::test;
using services::AttachedTo;
using services::AttachmentUpload;

namespace {

struct AttachmentsFixture : MinutesFixture {
  services::AttachmentService attachments{*store, time, 4096};
  store::Principal stranger = person(
      "nils",
      accounts.createOrganization(accounts::Actor::system(), {"Annan Omsorg AB", "provider"})->id,
      {"provider_rep"});
  std::int64_t id = meeting();

  services::Attachment upload(const store::Principal& who, std::string bytes,
                              std::string name = "bilaga.pdf",
                              AttachedTo to = AttachedTo::Meeting) {
    return valueOf(attachments.upload(who, id, {to, std::move(name), std::move(bytes)}));
  }
};

}  // namespace

TEST_CASE("attachments: a participant uploads a PDF and anyone of the meeting downloads it",
          "[services][attachments]") {
  AttachmentsFixture f;
  const auto a = f.upload(f.adjuster, testing::samplePdf(), "Genomförandeplan.pdf");
  CHECK(a.fileName == "Genomförandeplan.pdf");
  CHECK(a.contentType == "application/pdf");
  CHECK(a.uploadedByName == f.adjuster.name);
  const auto file = valueOf(f.attachments.download(f.providerRep, a.id));
  CHECK(file.bytes == testing::samplePdf());
  const auto listed = valueOf(f.attachments.list(f.registrar, f.id));
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].sha256 == a.sha256);
}

TEST_CASE("attachments: the type is read from the bytes, not the name", "[services][attachments]") {
  AttachmentsFixture f;
  checkError(f.attachments.upload(f.manager, f.id,
                                  {AttachedTo::Meeting, "rapport.pdf", testing::sampleHtml()}),
             Errc::Invalid, Reason::AttachmentTypeNotAllowed, "file", "html");
  checkError(f.attachments.upload(f.manager, f.id,
                                  {AttachedTo::Meeting, "rapport.pdf", testing::sampleElf()}),
             Errc::Invalid, Reason::AttachmentTypeNotAllowed, "file", "executable");
  checkError(f.attachments.upload(f.manager, f.id, {AttachedTo::Meeting, "tom.txt", ""}),
             Errc::Invalid, Reason::Missing, "file");
  CHECK(valueOf(f.attachments.list(f.manager, f.id)).empty());
}

TEST_CASE("attachments: a file over the limit is refused", "[services][attachments]") {
  AttachmentsFixture f;
  checkError(f.attachments.upload(f.manager, f.id,
                                  {AttachedTo::Meeting, "stor.txt", std::string(4097, 'a')}),
             Errc::Invalid, Reason::AttachmentTooLarge, "file", "4096");
}

TEST_CASE("attachments: the name loses its path and control characters",
          "[services][attachments]") {
  AttachmentsFixture f;
  const auto a = f.upload(f.manager, "rot\n", "../../etc/pass\x01wd\n");
  CHECK(a.fileName == "passwd.txt");
  auto row = f.store->read([&](store::Reading& c) { return store::findAttachment(c, a.id); });
  REQUIRE(row);
  CHECK(row->path == "meetings/" + std::to_string(f.id) + "/bilagor/" + a.sha256 + "-passwd.txt");
}

TEST_CASE("attachments: roles come before the file", "[services][attachments]") {
  AttachmentsFixture f;
  // Bo sees the meeting but takes no part in it; the file is not even looked at.
  checkError(f.attachments.upload(f.providerRep, f.id, {AttachedTo::Meeting, "x.pdf", ""}),
             Errc::Forbidden, Reason::NotMeetingParticipant);
  checkError(f.attachments.upload(f.stranger, f.id, {AttachedTo::Meeting, "x.pdf", ""}),
             Errc::NotFound, Reason::None);
}

TEST_CASE("attachments: another provider's people find nothing", "[services][attachments]") {
  AttachmentsFixture f;
  const auto a = f.upload(f.manager, testing::samplePng(), "bild.png");
  checkError(f.attachments.list(f.stranger, f.id), Errc::NotFound, Reason::None);
  checkError(f.attachments.download(f.stranger, a.id), Errc::NotFound, Reason::None);
  checkError(f.attachments.remove(f.stranger, a.id), Errc::NotFound, Reason::None);
  checkError(f.attachments.download(f.manager, a.id + 100), Errc::NotFound, Reason::None);
}

TEST_CASE("attachments: the same file under the same name is listed once",
          "[services][attachments]") {
  AttachmentsFixture f;
  f.upload(f.manager, testing::sampleDocx(), "plan.docx");
  checkError(f.attachments.upload(f.adjuster, f.id,
                                  {AttachedTo::Meeting, "plan.docx", testing::sampleDocx()}),
             Errc::Conflict, Reason::AttachmentExists, "file", "plan.docx");
  // On the minutes it is another document's attachment.
  CHECK(f.attachments.upload(f.manager, f.id,
                             {AttachedTo::Minutes, "plan.docx", testing::sampleDocx()}));
}

TEST_CASE("attachments: the uploader or the manager removes, and the record keeps it",
          "[services][attachments]") {
  AttachmentsFixture f;
  const auto a = f.upload(f.adjuster, testing::sampleXlsx(), "siffror.xlsx");
  checkError(f.attachments.remove(f.secretary, a.id), Errc::Forbidden, Reason::NotAttachmentOwner);
  REQUIRE(f.attachments.remove(f.manager, a.id));
  CHECK(valueOf(f.attachments.list(f.manager, f.id)).empty());
  checkError(f.attachments.download(f.manager, a.id), Errc::NotFound, Reason::None);
  const auto audit = f.store->auditEntries({"attachment", std::to_string(a.id)});
  REQUIRE(audit.size() == 2);
  CHECK(audit[0].entry.action == "attachment.upload");
  CHECK(audit[1].entry.action == "attachment.remove");
  CHECK(audit[0].entry.version == a.version);
  // The file left the repository in the remover's commit; the first commit still has it.
  const auto repo = "contract-" + std::to_string(f.contract);
  const auto path = "meetings/" + std::to_string(f.id) + "/bilagor/" + a.sha256 + "-siffror.xlsx";
  CHECK(f.store->documents().readFile(repo, a.version, path));
}

TEST_CASE("attachments: registered minutes close their attachments and the meeting's",
          "[services][attachments][sealed]") {
  AttachmentsFixture f;
  const auto onMeeting = f.upload(f.manager, testing::sampleOdt(), "plan.odt");
  const auto onMinutes =
      f.upload(f.manager, testing::sampleOds(), "tabell.ods", AttachedTo::Minutes);
  f.approved(f.id);
  valueOf(f.minutes.registerMinutes(f.registrar, f.id));
  checkError(
      f.attachments.upload(f.manager, f.id, {AttachedTo::Minutes, "sen.pdf", testing::samplePdf()}),
      Errc::Conflict, Reason::DocumentRegistered);
  checkError(
      f.attachments.upload(f.manager, f.id, {AttachedTo::Meeting, "sen.pdf", testing::samplePdf()}),
      Errc::Conflict, Reason::DocumentRegistered);
  checkError(f.attachments.remove(f.manager, onMeeting.id), Errc::Conflict,
             Reason::DocumentRegistered);
  checkError(f.attachments.remove(f.manager, onMinutes.id), Errc::Conflict,
             Reason::DocumentRegistered);
  const auto listed = valueOf(f.attachments.list(f.registrar, f.id));
  REQUIRE(listed.size() == 2);
  CHECK(listed[0].sealed);
  CHECK(listed[1].to == AttachedTo::Minutes);
}

TEST_CASE("attachments: the archival package holds them with their checksums",
          "[services][attachments][archive]") {
  AttachmentsFixture f;
  const auto a = f.upload(f.manager, testing::samplePdf(), "Underlag.pdf");
  const auto b = f.upload(f.adjuster, "Närvaro\n", "närvaro.txt", AttachedTo::Minutes);
  f.approved(f.id);
  valueOf(f.minutes.registerMinutes(f.registrar, f.id));
  const auto [name, zip] = valueOf(f.minutes.archive(f.registrar, f.id));
  const auto bag = valueOf(services::checkBag(zip));
  INFO(bag.problems.size());
  CHECK(bag.problems.empty());
  std::string manifest, listing;
  for (const auto& [path, bytes] : bag.files) {
    if (path.ends_with("manifest-sha256.txt") && !path.ends_with("tagmanifest-sha256.txt"))
      manifest = bytes;
    if (path.ends_with("/metadata/other/bilagor.json")) listing = bytes;
  }
  for (const auto& x : {a, b}) {
    // The file in the package is named in ASCII (a zip's names are read in the unzip tool's
    // code page); bilagor.json keeps the name as it was uploaded.
    // The SIP's representation holds them (data/<OBJID>/representations/rep1/data/bilagor/).
    CHECK(manifest.find(x.sha256 + "  data/") != std::string::npos);
    CHECK(manifest.find("/representations/rep1/data/bilagor/" + x.sha256 + "-" +
                        text::asciiFileName(x.fileName) + "\n") != std::string::npos);
    CHECK(listing.find(x.sha256) != std::string::npos);
    CHECK(listing.find(x.fileName) != std::string::npos);
  }
}

}  // namespace SV_TEST_FILE
