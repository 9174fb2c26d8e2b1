#include <catch2/catch.hpp>

#include "tests/support/sample_files.hpp"
#include "workflows/attachment_rules.hpp"
#include "workflows/text.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::workflows;
using namespace sv::testing;

namespace {

Reason refusal(std::string_view bytes) {
  auto r = detectAttachmentType(bytes);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::Invalid);
  CHECK(r.error().field == "file");
  return r.error().reason;
}

std::string seen(std::string_view bytes) {
  auto r = detectAttachmentType(bytes);
  REQUIRE_FALSE(r);
  return r.error().value;
}

}  // namespace

TEST_CASE("attachments: each allowed type is told by its bytes", "[workflows][attachments]") {
  CHECK(detectAttachmentType(samplePdf()) == AttachmentType::Pdf);
  CHECK(detectAttachmentType(samplePng()) == AttachmentType::Png);
  CHECK(detectAttachmentType(sampleJpeg()) == AttachmentType::Jpeg);
  CHECK(detectAttachmentType(sampleDocx()) == AttachmentType::Docx);
  CHECK(detectAttachmentType(sampleXlsx()) == AttachmentType::Xlsx);
  CHECK(detectAttachmentType(sampleOdt()) == AttachmentType::Odt);
  CHECK(detectAttachmentType(sampleOds()) == AttachmentType::Ods);
  CHECK(detectAttachmentType("Anteckningar från mötet\r\n\tpunkt 1\n") == AttachmentType::Text);
}

TEST_CASE("attachments: HTML, executables and scripts are refused whatever their name",
          "[workflows][attachments]") {
  CHECK(refusal(sampleHtml()) == Reason::AttachmentTypeNotAllowed);
  CHECK(seen(sampleHtml()) == "html");
  CHECK(seen("  \n<HTML><p>x</p></HTML>") == "html");
  CHECK(seen("\xEF\xBB\xBF<script src=x></script>") == "html");
  CHECK(seen("<svg onload=alert(1)>") == "html");
  CHECK(seen("<?xml version=\"1.0\"?><x/>") == "html");
  CHECK(seen(sampleElf()) == "executable");
  CHECK(seen("MZ\x90\0\x03") == "executable");
  CHECK(seen("#!/bin/sh\nrm -rf /\n") == "script");
  // Text that merely starts with a "<" that is no tag stays text.
  CHECK(detectAttachmentType("<3 tack för i dag\n") == AttachmentType::Text);
}

TEST_CASE("attachments: text must be UTF-8 without control characters",
          "[workflows][attachments]") {
  CHECK(seen(std::string("hej\0då", 6)) == "unknown");
  CHECK(seen("hej\x1b[31m") == "unknown");
  CHECK(seen("caf\xE9") == "unknown");  // Latin-1
  CHECK(seen(std::string("\0\1\2\3", 4)) == "unknown");
}

TEST_CASE("attachments: a zip that is no office document is refused", "[workflows][attachments]") {
  CHECK(seen(zipOf({{"readme.txt", "hej"}})) == "zip");
  CHECK(seen(zipOf({{"[Content_Types].xml", "<Types/>"}, {"other/x.xml", ""}})) == "zip");
  CHECK(seen(zipOf({{"mimetype", "application/epub+zip"}})) == "zip");
  CHECK(seen(std::string("PK\x03\x04garbage", 11)) == "zip");
}

TEST_CASE("attachments: an empty file is missing", "[workflows][attachments]") {
  CHECK(refusal("") == Reason::Missing);
}

TEST_CASE("attachments: a name loses its path, control characters and reserved characters",
          "[workflows][attachments]") {
  CHECK(safeAttachmentName("Rapport 2026.pdf", AttachmentType::Pdf) == "Rapport 2026.pdf");
  CHECK(safeAttachmentName("../../etc/passwd", AttachmentType::Text) == "passwd.txt");
  CHECK(safeAttachmentName("C:\\Users\\a\\Bild.PNG", AttachmentType::Png) == "Bild.PNG");
  CHECK(safeAttachmentName("a\nb\rc\x01\x7f.pdf", AttachmentType::Pdf) == "abc.pdf");
  CHECK(safeAttachmentName("x<y>:\"|?*.pdf", AttachmentType::Pdf) == "x_y______.pdf");
  CHECK(safeAttachmentName("..", AttachmentType::Pdf) == "bilaga.pdf");
  CHECK(safeAttachmentName("", AttachmentType::Jpeg) == "bilaga.jpg");
  CHECK(safeAttachmentName("a..b.pdf", AttachmentType::Pdf) == "a.b.pdf");
  CHECK(safeAttachmentName(" .dold.pdf. ", AttachmentType::Pdf) == "dold.pdf");
  CHECK(safeAttachmentName("Åtgärdsplan.docx", AttachmentType::Docx) == "Åtgärdsplan.docx");
  // A right-to-left override would show "gpj.exe" as "exe.jpg".
  CHECK(safeAttachmentName("bild\u202Egpj.exe", AttachmentType::Jpeg) == "bildgpj.exe.jpg");
  CHECK(safeAttachmentName("caf\xE9.txt", AttachmentType::Text) == "caf\uFFFD.txt");
}

TEST_CASE("attachments: a name whose extension does not fit its content gets the content's",
          "[workflows][attachments]") {
  CHECK(safeAttachmentName("rapport.txt", AttachmentType::Pdf) == "rapport.txt.pdf");
  CHECK(safeAttachmentName("rapport", AttachmentType::Docx) == "rapport.docx");
  CHECK(safeAttachmentName("foto.jpeg", AttachmentType::Jpeg) == "foto.jpeg");
  CHECK(safeAttachmentName("siffror.csv", AttachmentType::Text) == "siffror.csv");
}

TEST_CASE("attachments: an overlong name is shortened and keeps its extension",
          "[workflows][attachments]") {
  const auto a = safeAttachmentName(std::string(300, 'a') + ".pdf", AttachmentType::Pdf);
  CHECK(text::countCharacters(a) == kMostNameCharacters);
  CHECK(a.ends_with("a.pdf"));
  std::string swedish;
  for (int i = 0; i < 200; ++i) swedish += "ö";
  const auto s = safeAttachmentName(swedish + ".xlsx", AttachmentType::Xlsx);
  CHECK(s.size() <= kMostNameBytes);
  CHECK(s.ends_with(".xlsx"));
  CHECK(text::isValidUtf8(s));
}

TEST_CASE("attachments: a stored type reads back", "[workflows][attachments]") {
  for (auto t :
       {AttachmentType::Pdf, AttachmentType::Docx, AttachmentType::Ods, AttachmentType::Text})
    CHECK(attachmentTypeOf(mediaTypeOf(t)) == t);
  CHECK_FALSE(attachmentTypeOf("text/html"));
}

}  // namespace SV_TEST_FILE
