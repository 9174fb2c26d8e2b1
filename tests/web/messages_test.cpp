// The Swedish words of the web pages are chosen by an error's reason, never by its English detail
// (issue 11, point 4): rewording a detail must not change what a person reads.
#include <catch2/catch.hpp>

#include "server/web/messages.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;

TEST_CASE("the Swedish message follows the reason, not the English detail", "[web][messages]") {
  const Error a{Errc::Conflict, Reason::DocumentRegistered, "the minutes are registered"};
  const Error b{Errc::Conflict, Reason::DocumentRegistered, "reworded: sealed for good"};
  CHECK(web::swedishMessage(a) == "Protokollet är diariefört och kan inte ändras längre.");
  CHECK(web::swedishMessage(a) == web::swedishMessage(b));
}

TEST_CASE("a reason's value fills its sentence", "[web][messages]") {
  CHECK(web::swedishMessage({Errc::Invalid, Reason::PasswordTooShort, "a password is at least 10",
                             "password", "10"}) ==
        "Kontrollera fältet Lösenord. Lösenordet måste ha minst 10 tecken.");
  CHECK(web::swedishMessage({Errc::Invalid, Reason::AfterContractEnd, "the contract ends on x",
                             "starts_at", "2028-12-31"}) ==
        "Kontrollera fältet Datum och tid. Mötet måste ligga inom avtalets period, som slutar "
        "2028-12-31.");
  // Without its value the sentence would have a hole: the code's own sentence instead.
  CHECK(web::swedishMessage({Errc::Invalid, Reason::TooLong, "too long", "title"}) ==
        "Kontrollera fältet Rubrik.");
}

// Hardening issue, finding 5: the bound on the notes of a whole protocol, at the § that went
// over it.
TEST_CASE("notes too long together say so at their section", "[web][messages][budget]") {
  const std::string said = web::swedishMessage(
      {Errc::Invalid, Reason::NotesTooLong, "the notes together", "sections[2].notes", "250000"});
  CHECK_THAT(said, Catch::StartsWith("Kontrollera fältet "));
  CHECK_THAT(said, Catch::Contains("§ 3"));
  CHECK_THAT(said, Catch::EndsWith("Texterna är för långa tillsammans. Korta någon av dem."));
}

TEST_CASE("a transition's reason names what was tried", "[web][messages]") {
  CHECK(web::swedishMessage({Errc::Conflict, Reason::TransitionNotAllowed, "x", "", "register"}) ==
        "Bara ett protokoll som båda parterna har justerat kan diarieföras.");
  CHECK(web::swedishMessage({Errc::Forbidden, Reason::RoleMissingForTransition, "x", "",
                             "approve"}) == "Bara mötets justerare justerar protokollet.");
}

TEST_CASE("an error without a reason still reads as a sentence", "[web][messages]") {
  CHECK(web::swedishMessage({Errc::Conflict, Reason::None, "anything"}) ==
        "Det gick inte, eftersom något har ändrats under tiden. Ladda om sidan och försök igen.");
  CHECK(web::swedishMessage({Errc::Internal, Reason::None, "sqlite: disk I/O error"}) ==
        "Något gick fel. Försök igen om en stund.");
}

TEST_CASE("a review comment's reasons read as Swedish", "[web][messages][review]") {
  CHECK(web::swedishMessage({Errc::Conflict, Reason::CommentHandled, "handled already"}) ==
        "Synpunkten är redan hanterad. Ladda om sidan.");
  CHECK(web::swedishMessage({Errc::Invalid, Reason::Missing, "say how", "how"})
            .ends_with("Skriv hur synpunkten har hanterats."));
}

TEST_CASE("a comment on a § the protocol lacks names the § and the field",
          "[web][messages][review]") {
  CHECK(web::swedishMessage(
            {Errc::Invalid, Reason::UnknownChoice, "no part", "comments[0].section", "99"}) ==
        "Kontrollera fältet Synpunkter per paragraf. Protokollet har ingen § 99.");
  CHECK(web::swedishMessage({Errc::Invalid, Reason::Missing, "say how", "how"}) ==
        "Kontrollera fältet Så här hanterades synpunkten. Skriv hur synpunkten har hanterats.");
}

// Issue 19 point 9: the guest added in the minutes' edit form is named as the form labels it.
TEST_CASE("a guest's field errors read as the form's labels", "[web][messages][attendance]") {
  CHECK(web::swedishMessage(
            {Errc::Invalid, Reason::Missing, "the name is empty", "attendance[5].name"}) ==
        "Kontrollera fältet Gästens namn. Skriv gästens namn.");
  CHECK(web::swedishMessage({Errc::Invalid, Reason::TooLong, "longer than 200 bytes",
                             "attendance[5].organization", "200"}) ==
        "Kontrollera fältet Gästens organisation eller titel. Texten är för lång. Korta den och "
        "spara igen.");
  CHECK(web::swedishMessage(
            {Errc::Invalid, Reason::AttendeeListedTwice, "listed twice", "attendance[5]"}) ==
        "Kontrollera fältet Närvaro. Personen finns redan i närvarolistan för den parten. Markera "
        "där om personen var med.");
  CHECK(web::swedishMessage({Errc::Invalid, Reason::OneAdjusterPerParty, "a second adjuster",
                             "attendance[1].additional_roles"}) ==
        "Kontrollera fältet Närvaro. Varje part har en justerare.");
}

// Issue 12: an e-mail choice's errors name the kind as "Mina inställningar" lists it.
TEST_CASE("an e-mail choice's errors name the kind in Swedish", "[web][messages][mail]") {
  CHECK(web::swedishMessage(
            {Errc::Invalid, Reason::ChoiceNotAllowed, "no digest", "invitation", "digest"}) ==
        "Kontrollera fältet Kallelser till möten (kalenderinbjudningar). Det valet finns inte för "
        "den här e-posten. Välj ett av de andra.");
  CHECK(web::swedishMessage(
            {Errc::Conflict, Reason::MailKindRequired, "always sent", "kind", "minutes_registered"})
            .starts_with("Den här e-posten skickas alltid direkt"));
}

TEST_CASE("the report's steps and fields are named in the report's words",
          "[web][messages][report]") {
  CHECK(web::swedishReportMessage({Errc::Conflict, Reason::TransitionNotAllowed, "no", "",
                                   "register"}) == "Bara en slutlig rapport kan diarieföras.");
  // The minutes keep their own sentence for the same step.
  CHECK(web::swedishMessage({Errc::Conflict, Reason::TransitionNotAllowed, "no", "", "register"}) ==
        "Bara ett protokoll som båda parterna har justerat kan diarieföras.");
  CHECK(web::swedishReportMessage(
            {Errc::Forbidden, Reason::RoleMissingForTransition, "no", "", "answer_fact_check"}) ==
        "Bara utförarens representant faktagranskar rapporten.");
  CHECK(web::swedishReportMessage({Errc::Conflict, Reason::CommentsOpen, "open"}) ==
        "Besvara varje synpunkt från faktagranskningen först.");
  CHECK(web::fieldLabel("areas[2].improvements[0].due_date") ==
        "Klart senast för förbättring 1 i område 3");
  CHECK(web::fieldLabel("areas[0].assessment") == "Bedömning av område 1");
  CHECK(web::fieldLabel("visits[1].date") == "Datum för besök 2");
  CHECK(web::swedishReportMessage({Errc::Invalid, Reason::NotADate, "bad", "visits[0].date"}) ==
        "Kontrollera fältet Datum för besök 1. Ange datumet som ÅÅÅÅ-MM-DD.");
  CHECK(web::swedishReportMessage({Errc::Invalid, Reason::Missing, "empty", "how"}) ==
        "Kontrollera fältet Svar på synpunkten. Skriv ditt svar på synpunkten.");
  CHECK(web::swedishReportMessage({Errc::Invalid, Reason::Missing, "empty", "text"}) ==
        "Kontrollera fältet Kompletteringen. Skriv kompletteringen.");
  CHECK(web::swedishReportMessage(
            {Errc::Invalid, Reason::OutOfRange, "passed", "due_on", "2026-12-03"}) ==
        "Kontrollera fältet Senast. Sista dagen kan inte vara före i dag.");
}

TEST_CASE("the case's steps and fields are named in the case's words", "[web][messages][cases]") {
  // "text" is the form's own field: a note, an analysis; never "Vad har gjorts" of an action.
  CHECK(web::swedishCaseMessage({Errc::Invalid, Reason::Missing, "empty", "text"}, "Analys") ==
        "Kontrollera fältet Analys. Fältet måste fyllas i.");
  CHECK(
      web::swedishCaseMessage({Errc::Invalid, Reason::Missing, "no one", "items[1].responsible"}) ==
      "Kontrollera fältet Ansvarig för åtgärd 2. Ange vem som är ansvarig.");
  CHECK(web::swedishCaseMessage({Errc::Invalid, Reason::NotADate, "unset", "items[0].due_date"}) ==
        "Kontrollera fältet Klart senast för åtgärd 1. Ange ett datum som ÅÅÅÅ-MM-DD.");
  CHECK(web::swedishCaseMessage(
            {Errc::Invalid, Reason::OutOfRange, "after today", "occurred_on", "2026-12-04"}) ==
        "Kontrollera fältet När det hände. Datumet kan inte vara senare än i dag.");
  CHECK(web::swedishCaseMessage(
            {Errc::Invalid, Reason::OutOfRange, "before today", "plan_due_on", "2026-12-04"}) ==
        "Kontrollera fältet Sista dag för åtgärdsplanen. Sista dagen kan inte vara före i dag.");
  CHECK(
      web::swedishCaseMessage({Errc::Invalid, Reason::Missing, "none", "comments"})
          .starts_with("Kontrollera fältet Synpunkter på åtgärdsplanen. Skriv minst en synpunkt"));
  CHECK(web::swedishCaseMessage(
            {Errc::Conflict, Reason::TransitionNotAllowed, "no", "", "accept_action_plan"}) ==
        "Ingen åtgärdsplan väntar på förvaltningens beslut.");
  CHECK(web::swedishCaseMessage(
            {Errc::Forbidden, Reason::RoleMissingForTransition, "no", "", "submit_action_plan"}) ==
        "Bara utförarens företrädare skickar åtgärdsplanen.");
  // What the case shares with the other forms comes from swedishMessage.
  CHECK(web::swedishCaseMessage({Errc::Conflict, Reason::CaseClosed, "closed"}) ==
        web::swedishMessage({Errc::Conflict, Reason::CaseClosed, "closed"}));
}

}  // namespace SV_TEST_FILE
