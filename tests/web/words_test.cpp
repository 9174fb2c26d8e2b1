// The Swedish sentences the pages build from domain values.
#include <catch2/catch.hpp>

#include "server/web/words.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;

namespace {

Date day(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

}  // namespace

// Issue 19 point 3: "Föregående möte hölls … Protokollet är ." for a meeting not yet held.
TEST_CASE("the previous meeting was held only when its day has passed", "[web][words]") {
  const Date today = day(2027, 2, 1);
  CHECK(web::previousMeetingSentence({day(2026, 11, 10), "registered", "SDN 2026/0001"}, today) ==
        "Föregående möte hölls 2026-11-10. Protokollet är diariefört, diarienummer SDN 2026/0001.");
  CHECK(web::previousMeetingSentence({day(2026, 11, 10), "", std::nullopt}, today) ==
        "Föregående möte hölls 2026-11-10. Protokollet är inte påbörjat.");
  CHECK(web::previousMeetingSentence({day(2027, 2, 1), "draft", std::nullopt}, today) ==
        "Föregående möte hålls i dag, 2027-02-01. Protokollet är ett utkast.");
  CHECK(web::previousMeetingSentence({day(2027, 5, 11), "", std::nullopt}, today) ==
        "Föregående möte är planerat till 2027-05-11 och har ännu inget protokoll.");
}

TEST_CASE("the previous meeting's sentence never leaves the status empty", "[web][words]") {
  for (const std::string state : {"", "draft", "in_review", "approved", "registered", "odd"}) {
    INFO(state);
    const std::string text =
        web::previousMeetingSentence({day(2026, 11, 10), state, std::nullopt}, day(2027, 1, 1));
    CHECK(text.find("är .") == std::string::npos);
    CHECK(text.find("är ,") == std::string::npos);
    CHECK(text.ends_with("."));
  }
}

// Issue 19 point 9: a person with two roles is shown with both.
TEST_CASE("an attendee's roles read as one phrase, the main role first", "[web][words]") {
  minutes::Attendee a{"Anna Berg",          "",   minutes::Party::Authority,
                      minutes::Role::Chair, true, {minutes::Role::Adjuster}};
  CHECK(web::attendeeRolesWord(a) == "Ordförande, justerare");
  a.additionalRoles.clear();
  CHECK(web::attendeeRolesWord(a) == "Ordförande");
  a.role = minutes::Role::Participant;
  CHECK(web::attendeeRolesWord(a) == "Deltagare");
}

TEST_CASE("a URL part keeps letters, digits and -_.~ and encodes the rest", "[web][words]") {
  CHECK(web::urlComponent("/moten/5/protokoll/redigera") == "%2Fmoten%2F5%2Fprotokoll%2Fredigera");
  CHECK(web::urlComponent("SDN 2026/1 & å") == "SDN%202026%2F1%20%26%20%C3%A5");
  CHECK(web::urlComponent("a-b_c.d~e") == "a-b_c.d~e");
}

// Issue 12: every kind of e-mail has its words on "Mina inställningar" and in a sentence.
TEST_CASE("every kind of e-mail has a Swedish label", "[web][words][mail]") {
  for (const auto& rule : mail::kindRules()) {
    INFO(rule.key);
    const auto word = web::mailKindWord(rule.kind);
    CHECK_FALSE(word.empty());
    CHECK(web::mailKindInSentence(rule.kind).substr(1) == word.substr(1));
  }
  CHECK(web::mailKindInSentence(mail::Kind::Reminder) == "påminnelser");
  CHECK(web::mailKindWord(mail::Kind::MinutesRegistered) == "Diariefört protokoll");
  CHECK(web::mailChoiceWord(mail::Choice::Digest) == "Samla i ett dagligt sammandrag");
}

TEST_CASE("a follow-up report's state, kind and assessments read in Swedish",
          "[web][words][report]") {
  using minutes::Assessment;
  using minutes::ReportState;
  CHECK(web::reportStateWord(ReportState::Draft) == "Utkast");
  CHECK(web::reportStateWord(ReportState::FactCheck) == "Faktagranskning");
  CHECK(web::reportStateWord(ReportState::Answered) == "Besvarad");
  CHECK(web::reportStateWord(ReportState::Final) == "Slutlig");
  CHECK(web::reportStateWord(ReportState::Registered) == "Diarieförd");
  CHECK(web::reportKindWord(minutes::ReportKind::Operational) == "Verksamhetsuppföljning");
  CHECK(web::reportKindWord(minutes::ReportKind::Contract) == "Avtalsuppföljning");
  CHECK(web::assessmentWord(Assessment::Meets) == "Uppfyller kraven");
  CHECK(web::assessmentWord(Assessment::PartlyMeets) == "Uppfyller delvis kraven");
  CHECK(web::assessmentWord(Assessment::DoesNotMeet) == "Uppfyller inte kraven");
  CHECK(web::assessmentWord(Assessment::NotAssessed) == "Ännu inte bedömt");
}

}  // namespace SV_TEST_FILE
