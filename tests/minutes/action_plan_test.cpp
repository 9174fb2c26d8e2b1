// The provider's action plan (minutes/action_plan.hpp): edits and their rules, its canonical JSON
// and the Markdown kept beside it.
#include <catch2/catch.hpp>

#include <string>

#include "minutes/action_plan.hpp"
#include "tests/minutes/fixtures.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using sv::minutes::test::date;
using sv::minutes::test::replaceOnce;

namespace {

ActionPlan empty() {
  return createActionPlan(7, "Uteblivna besök", "Hemtjänst Norr", "Omsorg & Co AB");
}

PlanItem item(std::string text, std::string id = "") {
  return PlanItem{std::move(id), std::move(text), "Eva Lind, enhetschef", date(2026, 4, 30)};
}

ActionPlan drafted() {
  ActionPlan proposed = empty();
  proposed.summary = "Schemat *lades om* utan att kunderna fick veta.";
  proposed.items = {item("Inför en kontroll av schemat varje vecka."), item("Utbilda planerarna.")};
  auto saved = applyPlanEdit(empty(), proposed);
  REQUIRE(saved);
  return *saved;
}

void requireError(const Result<ActionPlan>& r, Errc code, Reason reason, const std::string& field) {
  REQUIRE_FALSE(r);
  CHECK(r.error().code == code);
  CHECK(r.error().reason == reason);
  CHECK(r.error().field == field);
}

ActionPlan withItem(PlanItem changed) {
  ActionPlan proposed = drafted();
  proposed.items[1] = std::move(changed);
  return proposed;
}

}  // namespace

TEST_CASE("action plan: an edit gives new points ids and keeps the case's facts",
          "[minutes][case]") {
  const ActionPlan plan = drafted();
  REQUIRE(plan.items.size() == 2);
  CHECK(plan.items[0].id == "p1");
  CHECK(plan.items[1].id == "p2");
  CHECK(plan.caseId == 7);

  ActionPlan proposed = plan;
  proposed.caseId = 99;
  proposed.caseTitle = "Annat";
  proposed.providerName = "Någon annan";
  proposed.items.erase(proposed.items.begin());  // p1 goes
  proposed.items.push_back(item("Följ upp med kunderna."));
  const auto saved = applyPlanEdit(plan, proposed);
  REQUIRE(saved);
  CHECK(saved->caseId == 7);
  CHECK(saved->caseTitle == "Uteblivna besök");
  CHECK(saved->providerName == "Omsorg & Co AB");
  REQUIRE(saved->items.size() == 2);
  CHECK(saved->items[0].id == "p2");
  CHECK(saved->items[1].id == "p3");  // above every id used, never a removed one's

  // A draft may be saved before the summary is written.
  ActionPlan noSummary = plan;
  noSummary.summary.clear();
  CHECK(applyPlanEdit(plan, noSummary));
}

TEST_CASE("action plan: an edit names the first field that breaks a rule", "[minutes][case]") {
  const ActionPlan plan = drafted();
  ActionPlan badSummary = plan;
  badSummary.summary = std::string("a\x01", 2);
  requireError(applyPlanEdit(plan, badSummary), Errc::Invalid, Reason::ControlCharacter, "summary");
  badSummary.summary = std::string(kMaxPlanSummaryBytes + 1, 'x');
  requireError(applyPlanEdit(plan, badSummary), Errc::Invalid, Reason::TooLong, "summary");

  requireError(applyPlanEdit(plan, withItem(item(" \n"))), Errc::Invalid, Reason::Missing,
               "items[1].text");
  requireError(applyPlanEdit(plan, withItem(item(std::string(kMaxPlanTextBytes + 1, 'x')))),
               Errc::Invalid, Reason::TooLong, "items[1].text");
  requireError(applyPlanEdit(plan, withItem(item("Text \xff"))), Errc::Invalid, Reason::InvalidUtf8,
               "items[1].text");

  auto responsible = item("Text");
  responsible.responsible = "";
  requireError(applyPlanEdit(plan, withItem(responsible)), Errc::Invalid, Reason::Missing,
               "items[1].responsible");
  responsible.responsible = "Eva\nLind";
  requireError(applyPlanEdit(plan, withItem(responsible)), Errc::Invalid, Reason::NotOneLine,
               "items[1].responsible");
  responsible.responsible = std::string(kMaxResponsibleCharacters + 1, 'x');
  const auto longName = applyPlanEdit(plan, withItem(responsible));
  requireError(longName, Errc::Invalid, Reason::TooLong, "items[1].responsible");
  CHECK(longName.error().value == "200");

  auto noDate = item("Text");
  noDate.dueDate = Date{};
  requireError(applyPlanEdit(plan, withItem(noDate)), Errc::Invalid, Reason::NotADate,
               "items[1].due_date");

  requireError(applyPlanEdit(plan, withItem(item("Text", "i2"))), Errc::Invalid, Reason::None,
               "items[1].id");
  requireError(applyPlanEdit(plan, withItem(item("Text", "p01"))), Errc::Invalid, Reason::None,
               "items[1].id");
  requireError(applyPlanEdit(plan, withItem(item("Text", "p1"))), Errc::Invalid,
               Reason::DuplicateKey, "items[1].id");

  ActionPlan tooMany = plan;
  tooMany.items.assign(kMaxPlanItems + 1, item("Text"));
  const auto many = applyPlanEdit(plan, tooMany);
  requireError(many, Errc::Invalid, Reason::TooLong, "items");
  CHECK(many.error().value == "100");
}

TEST_CASE("action plan: one without points cannot be sent", "[minutes][case]") {
  const auto refused = checkPlanSendable(empty());
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == Errc::Conflict);
  CHECK(refused.error().reason == Reason::PlanEmpty);
  CHECK(refused.error().field == "items");
  CHECK(checkPlanSendable(drafted()));
}

TEST_CASE("action plan: its JSON reads back equal and writes the same bytes", "[minutes][case]") {
  ActionPlan plan = drafted();
  plan.items[1].text = "Citat \"så\" och \\ och\nny rad";
  plan.items.push_back(PlanItem{"p3", "Utan datum", "Eva", Date{}});
  const std::string json = toJson(plan);
  CHECK_THAT(json, Catch::StartsWith("{\n  \"format\": 1,\n  \"case_id\": 7,\n"
                                     "  \"case_title\": \"Uteblivna besök\",\n"
                                     "  \"contract_title\": \"Hemtjänst Norr\",\n"
                                     "  \"provider_name\": \"Omsorg & Co AB\",\n"));
  CHECK_THAT(json, Catch::Contains("    {\"id\": \"p1\", \"text\": \"Inför en kontroll av schemat "
                                   "varje vecka.\", \"responsible\": \"Eva Lind, enhetschef\", "
                                   "\"due_date\": \"2026-04-30\"}"));
  CHECK(json.back() == '\n');
  const auto back = actionPlanFromJson(json);
  REQUIRE(back);
  CHECK(*back == plan);
  CHECK(toJson(*back) == json);

  const auto unknownKey =
      actionPlanFromJson(replaceOnce(json, "\"summary\"", "\"sammanfattning\""));
  REQUIRE_FALSE(unknownKey);
  CHECK(unknownKey.error().code == Errc::Malformed);
  const auto missingKey = actionPlanFromJson(replaceOnce(json, "  \"case_id\": 7,\n", ""));
  REQUIRE_FALSE(missingKey);
  CHECK(missingKey.error().code == Errc::Malformed);
  CHECK(missingKey.error().field == "case_id");
  const auto badDate = actionPlanFromJson(replaceOnce(json, "2026-04-30", "2026-04-31"));
  REQUIRE_FALSE(badDate);
  CHECK(badDate.error().reason == Reason::NotADate);
  CHECK(badDate.error().field == "items[0].due_date");
  const auto otherFormat = actionPlanFromJson(replaceOnce(json, "\"format\": 1", "\"format\": 2"));
  REQUIRE_FALSE(otherFormat);
  CHECK(otherFormat.error().code == Errc::Invalid);
  CHECK(otherFormat.error().field == "format");
  CHECK_FALSE(actionPlanFromJson("[1, 2"));
}

TEST_CASE("action plan: a request body may leave out the case's facts", "[minutes][case]") {
  const auto body = actionPlanFromJsonMember(
      R"({"plan": {"summary": "Orsaker.", "items": [{"id": "", "text": "Gör så.",)"
      R"( "responsible": "Eva", "due_date": "2026-05-01"}]}})",
      "plan");
  REQUIRE(body);
  CHECK(body->summary == "Orsaker.");
  REQUIRE(body->items.size() == 1);
  CHECK(body->items[0].dueDate == date(2026, 5, 1));
  CHECK(body->caseId == 0);
  const auto saved = applyPlanEdit(drafted(), *body);
  REQUIRE(saved);
  CHECK(saved->caseId == 7);
  CHECK(saved->items[0].id == "p3");

  // The stored form is accepted too.
  const std::string stored = toJson(drafted());
  const auto whole = actionPlanFromJsonMember("{\"plan\": " + stored + "}", "plan");
  REQUIRE(whole);
  CHECK(*whole == drafted());

  const auto missing = actionPlanFromJsonMember(R"({"other": {}})", "plan");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == Errc::Invalid);
  CHECK(missing.error().reason == Reason::Missing);
  CHECK(missing.error().field == "plan");
  const auto noItems = actionPlanFromJsonMember(R"({"plan": {"summary": ""}})", "plan");
  REQUIRE_FALSE(noItems);
  CHECK(noItems.error().code == Errc::Malformed);
  CHECK(noItems.error().field == "items");
  const auto stray =
      actionPlanFromJsonMember(R"({"plan": {"summary": "", "items": [], "x": 1}})", "plan");
  REQUIRE_FALSE(stray);
  CHECK(stray.error().field == "x");
  const auto badDate = actionPlanFromJsonMember(
      R"({"plan": {"summary": "", "items": [{"id": "", "text": "a", "responsible": "b",)"
      R"( "due_date": "1 maj"}]}})",
      "plan");
  REQUIRE_FALSE(badDate);
  CHECK(badDate.error().reason == Reason::NotADate);
  CHECK(badDate.error().field == "items[0].due_date");
  CHECK_FALSE(actionPlanFromJsonMember("", "plan"));
  CHECK_FALSE(actionPlanFromJsonMember("[]", "plan"));
}

TEST_CASE("action plan: its Markdown is Swedish and names cannot change its structure",
          "[minutes][case]") {
  ActionPlan plan = drafted();
  plan.items[1].responsible = "# Rubrik | <script>";
  plan.items[1].text = "# Egen rubrik\n\n<script>alert(1)</script>\n\n- punkt";
  plan.caseTitle = "[länk](javascript:x)";
  const std::string md = renderActionPlanMarkdown(plan);
  CHECK_THAT(md, Catch::StartsWith("# Åtgärdsplan\n\n- Ärende: 7, "));
  CHECK_THAT(md, Catch::Contains("- Avtal: Hemtjänst Norr\n- Utförare: Omsorg & Co AB"));
  CHECK_THAT(md, Catch::Contains("## Orsaker och analys\n\nSchemat *lades om* utan att kunderna "
                                 "fick veta."));
  CHECK_THAT(md, Catch::Contains("### 1. Åtgärd p1\n\n- Ansvarig: Eva Lind, enhetschef\n"
                                 "- Klar senast: 2026-04-30\n\nInför en kontroll av schemat varje "
                                 "vecka."));
  CHECK_THAT(md, Catch::Contains("### 2. Åtgärd p2"));
  CHECK_THAT(md, Catch::Contains("- Ansvarig: \\# Rubrik \\| \\<script\\>"));
  CHECK_THAT(md, !Catch::Contains("<script>"));
  CHECK_THAT(md, Catch::Contains("- Ärende: 7, \\[länk\\](javascript:x)\n"));
  CHECK_THAT(md, Catch::Contains("\n#### Egen rubrik\n"));
  CHECK(md.back() == '\n');
  CHECK(renderActionPlanMarkdown(plan) == md);
  CHECK_THAT(renderActionPlanMarkdown(empty()), Catch::Contains("Inga åtgärder har förts in."));
}

}  // namespace SV_TEST_FILE
