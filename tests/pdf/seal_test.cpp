// The e-seal on a registered protocol (issue "Evidence that outlives the server", point 4): a
// PAdES baseline-B signature that poppler's pdfsig and openssl cms -verify accept, over the whole
// file but its /Contents, with the signing certificate in a signed attribute and no signing-time;
// one changed byte and both refuse it, as does our own verifySeal. The sealed file is still the
// PDF/A-2a it was (tests/support/pdf_archival.hpp).
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "server/pdf/seal.hpp"
#include "support/pdf_archival.hpp"
#include "support/pdf_seal.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::pdf;
namespace fx = sv::pdf::test;
using sv::test::TempDir;

namespace {

constexpr const char* kOrganization = "Östermalms stadsdelsförvaltning";
constexpr const char* kPassword = "test-sigill";

// A demo key, the sample protocol rendered with its subject on the last page, and sealed.
struct Sealed {
  Sealed();
  TempDir dir;
  std::string p12;
  std::filesystem::path file;
  std::string bytes;
  std::string subject;
};

Sealed::Sealed() {
  Sealed& s = *this;
  auto made = SealKey::makeDemoPkcs12(kOrganization, kPassword, fx::at(2026, 3, 1, 9, 0));
  REQUIRE(made);
  s.p12 = *made;
  auto key = SealKey::fromPkcs12(s.p12, kPassword);
  REQUIRE(key);
  s.subject = key->subject();
  auto pdf = renderProtocolPdf(fx::sampleMinutes(), {.createdAt = fx::at(2026, 3, 16, 15, 0),
                                                     .sealSubject = key->subject()});
  REQUIRE(pdf);
  auto withSeal = key->seal(*pdf, fx::at(2026, 3, 16, 15, 0), "Diariefört som SDN 2026/0042");
  REQUIRE(withSeal);
  // An incremental update: the rendered file is the start of the sealed one, byte for byte.
  REQUIRE(withSeal->starts_with(*pdf));
  s.bytes = *withSeal;
  s.file = s.dir.path() / "sealed.pdf";
  sv::test::writeBytes(s.file, s.bytes);
}

}  // namespace

TEST_CASE("a demo certificate names the organisation and is for signing only", "[pdf][seal]") {
  TempDir dir;
  auto p12 = SealKey::makeDemoPkcs12(kOrganization, kPassword, fx::at(2026, 3, 1, 9, 0));
  REQUIRE(p12);
  auto key = SealKey::fromPkcs12(*p12, kPassword);
  REQUIRE(key);
  CHECK(
      key->subject() ==
      "CN=Östermalms stadsdelsförvaltning Demo e-sigill, O=Östermalms stadsdelsförvaltning, C=SE");
  // openssl reads the file as a standard PKCS#12.
  sv::test::writeBytes(dir.path() / "seal.p12", *p12);
  const std::string text = sv::test::runTool(
      "openssl pkcs12 -in " + sv::test::quotedPath(dir.path() / "seal.p12") +
      " -passin pass:" + kPassword + " -nokeys 2>/dev/null | openssl x509 -noout -text");
  CHECK_THAT(text, Catch::Contains("Digital Signature, Non Repudiation"));
  CHECK_THAT(text, Catch::Contains("CA:FALSE"));
  CHECK_THAT(text, Catch::Contains("ASN1 OID: prime256v1"));

  SECTION("the wrong password is refused") {
    auto wrong = SealKey::fromPkcs12(*p12, "not-the-password");
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().reason == Reason::SealKeyUnreadable);
  }
  SECTION("a file that is not PKCS#12 is refused") {
    auto junk = SealKey::fromPkcs12("not a pkcs12 file", kPassword);
    REQUIRE_FALSE(junk);
    CHECK(junk.error().reason == Reason::SealKeyUnreadable);
  }
}

TEST_CASE("a sealed protocol is PAdES-B-B that pdfsig and openssl verify", "[pdf][seal]") {
  const Sealed s;
  const auto report = sv::test::pdfsig(s.file);
  INFO(report.output);
  CHECK(report.code == 0);
  CHECK_THAT(report.output, Catch::Contains("Signature Validation: Signature is Valid."));
  CHECK_THAT(report.output, Catch::Contains("Total document signed"));
  CHECK_THAT(report.output, Catch::Contains("Signature Type: ETSI.CAdES.detached"));
  CHECK_THAT(report.output, Catch::Contains("Signing Hash Algorithm: SHA-256"));
  CHECK_THAT(report.output, Catch::Contains("Demo e-sigill"));

  TempDir work;
  const auto inside = sv::test::opensslVerify(s.file, work);
  INFO(inside.output);
  CHECK(inside.code == 0);
  CHECK_THAT(inside.output, Catch::Contains("Verification successful"));
  // And with the demo certificate as the one trusted certificate (the chain is the certificate).
  sv::test::writeBytes(work.path() / "seal.p12", s.p12);
  sv::test::runTool("openssl pkcs12 -in " + sv::test::quotedPath(work.path() / "seal.p12") +
                    " -passin pass:" + kPassword + " -nokeys -out " +
                    sv::test::quotedPath(work.path() / "demo.pem") + " 2>&1");
  const auto trusted = sv::test::opensslVerify(s.file, work, work.path() / "demo.pem");
  INFO(trusted.output);
  CHECK(trusted.code == 0);

  // The signed attributes PAdES-B-B asks for, and no signing-time (the time is /M).
  const std::string cms = sv::test::cmsPrint(s.file, work);
  INFO(cms);
  CHECK_THAT(cms, Catch::Contains("contentType"));
  CHECK_THAT(cms, Catch::Contains("messageDigest"));
  CHECK_THAT(cms, Catch::Contains("signingCertificateV2"));
  CHECK_THAT(cms, !Catch::Contains("signingTime"));
  CHECK_THAT(cms, Catch::Contains("sha256"));

  auto ours = verifySeal(s.bytes);
  REQUIRE(ours);
  CHECK(ours->subject == s.subject);
  CHECK(ours->signedAt == "D:20260316140000Z");
  CHECK(ours->signedBytes == s.bytes.size() - 2 * 8192 - 2);
}

TEST_CASE("a sealed protocol names its seal on the last page and stays a PDF/A-2a",
          "[pdf][seal][pdfa]") {
  const Sealed s;
  const fx::RenderedPdf pdf(fx::PdfBytes{s.bytes});
  std::string check;
  CHECK(pdf.qpdfCheck(&check) == 0);
  INFO(check);
  const std::string info = sv::test::runTool("pdfinfo " + pdf.path());
  const int pages = std::stoi(sv::test::pdfInfoField(info, "Pages"));
  const std::string last = pdf.pageText(pages);
  // The subject is long enough to wrap; its start and end are on the last page.
  CHECK_THAT(last, Catch::Contains("Elektroniskt sigill, certifikatets innehavare: CN=Östermalms"));
  CHECK_THAT(last, Catch::Contains("O=Östermalms stadsdelsförvaltning, C=SE"));
  sv::test::checkArchivalPdf(s.file,
                             {.title = "Protokoll, samverkansmöte 2026-03-12 – Hemtjänst Östermalm",
                              .author = kOrganization,
                              .registryNumber = "SDN 2026/0042",
                              .createdAt = "2026-03-16T14:00:00Z"});
  // The widget is in the structure tree as a Form, with its description.
  const auto structure = sv::test::pdfArchival("structure", s.file);
  INFO(structure.output);
  CHECK_THAT(structure.output, Catch::Contains("Form"));
}

TEST_CASE("one changed byte breaks the seal for pdfsig, openssl and verifySeal", "[pdf][seal]") {
  const Sealed s;
  const sv::test::SignedParts parts = sv::test::signedParts(s.bytes);
  // A byte of the rendered protocol (in the first range) and one of the update after /Contents.
  for (const std::size_t at : {parts.ranges[1] / 2, parts.ranges[2] + 10}) {
    std::string changed = s.bytes;
    changed[at] = static_cast<char>(changed[at] ^ 0x01);
    TempDir work;
    const auto file = work.path() / "changed.pdf";
    sv::test::writeBytes(file, changed);
    const auto report = sv::test::pdfsig(file);
    INFO("byte " << at << "\n" << report.output);
    CHECK_THAT(report.output, !Catch::Contains("Signature is Valid"));
    CHECK(sv::test::opensslVerify(file, work).code != 0);
    auto ours = verifySeal(changed);
    REQUIRE_FALSE(ours);
    CHECK(ours.error().reason == Reason::SealBroken);
  }
}

TEST_CASE("a seal over less than the whole file, or none, does not verify", "[pdf][seal]") {
  const Sealed s;
  SECTION("bytes appended after the seal") {
    auto ours = verifySeal(s.bytes + "1 0 obj\n<< >>\nendobj\n");
    REQUIRE_FALSE(ours);
    CHECK(ours.error().reason == Reason::SealBroken);
  }
  SECTION("something hidden in the room after the CMS") {
    std::string changed = s.bytes;
    const sv::test::SignedParts parts = sv::test::signedParts(s.bytes);
    changed[parts.ranges[2] - 3] = '7';
    auto ours = verifySeal(changed);
    REQUIRE_FALSE(ours);
    CHECK(ours.error().reason == Reason::SealBroken);
  }
  SECTION("an unsealed protocol") {
    auto pdf = renderProtocolPdf(fx::sampleMinutes(), {.createdAt = fx::at(2026, 3, 16, 15, 0)});
    REQUIRE(pdf);
    auto ours = verifySeal(*pdf);
    REQUIRE_FALSE(ours);
    CHECK(ours.error().reason == Reason::SealMissing);
  }
}

}  // namespace SV_TEST_FILE
