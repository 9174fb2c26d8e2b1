// E-mail messages as Python's email package reads them (tests/support/read_mail.py): Swedish
// subjects and names, text with an HTML and a calendar alternative, no defects; and the checks
// that keep a line break out of the headers.
#include <catch2/catch.hpp>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cstdlib>
#include <fstream>

#include "support/read_mail.hpp"
#include "support/temp_dir.hpp"
#include "workflows/mail_message.hpp"
#include "workflows/stockholm_time.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;

namespace {

mail::Message invitation() {
  mail::Message m;
  m.messageId = "invitation-12-3@samverkan.example.se";
  m.date = *parseDateTime("2026-12-03T11:54:56Z");
  m.from = {"Samverkan – Östermalm", "samverkan@ostermalm.example.se"};
  m.to = {"Ulla Ek", "ulla.ek@linnegarden.example.se"};
  m.subject =
      "Inbjudan: samverkansmöte Vård- och omsorgsboende Linnégården, 9 februari 2027 "
      "kl. 13.00 – dagordningen är fastställd och öppna åtgärder är överförda";
  m.text =
      "Hej Ulla!\n\nDu är inbjuden till samverkansmötet. Läs dagordningen här:\n"
      "https://samverkan.example.se/moten/12\n";
  m.html =
      "<p>Hej Ulla!</p><p>Du är inbjuden till <a href=\"https://samverkan.example.se/"
      "moten/12\">samverkansmötet</a>.</p>";
  m.calendar = mail::CalendarPart{"REQUEST",
                                  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\n"
                                  "END:VCALENDAR\r\n"};
  m.unsubscribe = "https://samverkan.example.se/installningar/avregistrera?t=abc";
  return m;
}

}  // namespace

TEST_CASE("mail: an invitation reads in a mail program as written, Swedish and all",
          "[workflows][mail]") {
  const auto m = invitation();
  REQUIRE(mail::checkMessage(m));
  const auto rendered = mail::render(m);
  // On the wire: CRLF only, every line short enough for SMTP.
  std::size_t lineStart = 0;
  for (std::size_t i = 0; i < rendered.size(); ++i) {
    if (rendered[i] == '\n') {
      REQUIRE(i > 0);
      CHECK(rendered[i - 1] == '\r');
      CHECK(i - lineStart - 1 <= 78);
      lineStart = i + 1;
    }
  }
  CHECK(mail::render(m) == rendered);  // the same message renders to the same bytes

  const auto read = test::readMail(rendered);
  CHECK(read->getArray("defects")->size() == 0);
  CHECK(read->getValue<std::string>("message_id") == "<" + m.messageId + ">");
  CHECK(read->getValue<std::string>("date") == "Thu, 03 Dec 2026 11:54:56 +0000");
  CHECK(read->getValue<std::string>("subject") == m.subject);
  CHECK(read->getValue<std::string>("from") ==
        "Samverkan – Östermalm <samverkan@ostermalm.example.se>");
  CHECK(read->getValue<std::string>("from_address") == "samverkan@ostermalm.example.se");
  CHECK(read->getValue<std::string>("to") == "Ulla Ek <ulla.ek@linnegarden.example.se>");
  CHECK(read->getValue<std::string>("list_unsubscribe") == "<" + m.unsubscribe + ">");
  CHECK(read->getValue<std::string>("content_type") == "multipart/alternative");
  const auto parts = read->getArray("parts");
  REQUIRE(parts->size() == 3);
  const auto part = [&](std::size_t i) { return parts->getObject(static_cast<unsigned>(i)); };
  CHECK(part(0)->getValue<std::string>("type") == "text/plain");
  CHECK(part(0)->getValue<std::string>("text") == m.text);
  CHECK(part(1)->getValue<std::string>("type") == "text/html");
  CHECK(part(1)->getValue<std::string>("text") == m.html);
  CHECK(part(2)->getValue<std::string>("type") == "text/calendar");
  CHECK(part(2)->getObject("params")->getValue<std::string>("method") == "REQUEST");
  CHECK(part(2)->getValue<std::string>("text") == m.calendar->ics);
}

TEST_CASE("mail: a text-only message is one text part", "[workflows][mail]") {
  auto m = invitation();
  m.html.clear();
  m.calendar.reset();
  m.unsubscribe.clear();
  const auto read = test::readMail(mail::render(m));
  CHECK(read->getArray("defects")->size() == 0);
  CHECK(read->getValue<std::string>("content_type") == "text/plain");
  CHECK(read->getValue<std::string>("list_unsubscribe").empty());
  REQUIRE(read->getArray("parts")->size() == 1);
  CHECK(read->getArray("parts")->getObject(0)->getValue<std::string>("text") == m.text);
}

TEST_CASE("mail: nothing can add a header or break an address", "[workflows][mail]") {
  const auto refused = [](auto change, const std::string& field) {
    auto m = invitation();
    change(m);
    const auto checked = mail::checkMessage(m);
    REQUIRE_FALSE(checked);
    CHECK(checked.error().code == Errc::Invalid);
    CHECK(checked.error().field == field);
  };
  refused([](mail::Message& m) { m.subject += "\r\nBcc: someone@example.se"; }, "subject");
  refused([](mail::Message& m) { m.to.name = "Ulla\nBcc: x@example.se"; }, "to.name");
  refused([](mail::Message& m) { m.to.address = "ulla ek@example.se"; }, "to.address");
  refused([](mail::Message& m) { m.to.address = "ulla@example.se>, x@example.se"; }, "to.address");
  refused([](mail::Message& m) { m.from.address = "samverkan"; }, "from.address");
  refused([](mail::Message& m) { m.messageId = "no-host"; }, "message_id");
  refused([](mail::Message& m) { m.text = "\xC3("; }, "text");
  refused([](mail::Message& m) { m.unsubscribe = "https://x\r\nBcc: y"; }, "unsubscribe");
}

TEST_CASE("mail: the Date header is RFC 5322 in UTC", "[workflows][mail]") {
  CHECK(mail::formatDateHeader(*parseDateTime("2027-02-09T12:00:00Z")) ==
        "Tue, 09 Feb 2027 12:00:00 +0000");
  CHECK(mail::formatDateHeader(*parseDateTime("2026-01-01T00:00:07Z")) ==
        "Thu, 01 Jan 2026 00:00:07 +0000");
}

}  // namespace SV_TEST_FILE
