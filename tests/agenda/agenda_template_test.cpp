#include <catch2/catch.hpp>

#include "agenda/agenda_template.hpp"
#include "agenda_fixtures.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::agenda;

namespace {

// A valid template to break one rule at a time.
std::string templateText(const std::string& items) {
  return "name: Test\nversion: 1\n" + items;
}

const std::string kMinimalItems =
    "item: opening | fixed | Mötets öppnande\n"
    "item: actions | action_followup | Uppföljning av åtgärder\n"
    "item: other | other_questions | Övriga frågor\n";

}  // namespace

TEST_CASE("the shipped standard agenda parses with every item in order", "[agenda]") {
  const AgendaTemplate t = testing::standardTemplate();
  CHECK(t.id == "standard");
  CHECK(t.name == "Standardagenda för samverkansmöten");
  CHECK(t.version == "2026-1");
  const std::tuple<const char*, ItemKind, const char*> expected[] = {
      {"opening", ItemKind::Fixed, "Mötets öppnande"},
      {"adjusters", ItemKind::Fixed, "Val av justerare"},
      {"agenda_approval", ItemKind::Fixed, "Godkännande av dagordningen"},
      {"previous_minutes", ItemKind::PreviousMinutes, "Föregående mötes protokoll"},
      {"action_followup", ItemKind::ActionFollowup, "Uppföljning av åtgärder från tidigare möten"},
      {"authority_followup", ItemKind::Fixed, "Förvaltningens uppföljning"},
      {"provider_report", ItemKind::Fixed, "Utförarens rapport"},
      {"deviations", ItemKind::Fixed, "Avvikelser, klagomål och synpunkter"},
      {"health_care", ItemKind::Fixed, "Hälso- och sjukvård (MAS/MAR)"},
      {"other_questions", ItemKind::OtherQuestions, "Övriga frågor"},
      {"next_meeting", ItemKind::Fixed, "Nästa möte"},
      {"closing", ItemKind::Fixed, "Mötets avslutande"},
  };
  REQUIRE(t.items.size() == std::size(expected));
  for (std::size_t i = 0; i < t.items.size(); ++i) {
    const auto& [key, kind, title] = expected[i];
    INFO(key);
    CHECK(t.items[i].key == key);
    CHECK(t.items[i].kind == kind);
    CHECK(t.items[i].title == title);
  }
  CHECK(findTemplateItem(t, "authority_followup")->description ==
        "Iakttagelser från verksamhets- och avtalsuppföljning.");
  CHECK(findTemplateItem(t, "closing")->description.empty());
  CHECK(findTemplateItem(t, "nope") == nullptr);
}

TEST_CASE("a template keeps description lines, titles with '|' and ':'", "[agenda]") {
  auto t = parseAgendaTemplate("kort-2",
                               "# comment\n"
                               "name: Kort: agenda\n"
                               "version: KF 2026-01-15 § 4\n"
                               "\n"
                               "item: opening | fixed | Öppnande | med streck: och kolon\n"
                               "  Första raden.\n"
                               "\tAndra raden.\n"
                               "item: actions | action_followup | Åtgärder\n"
                               "item: other | other_questions | Övriga frågor\r\n");
  REQUIRE(t);
  CHECK(t->id == "kort-2");
  CHECK(t->name == "Kort: agenda");
  CHECK(t->version == "KF 2026-01-15 § 4");
  REQUIRE(t->items.size() == 3);
  CHECK(t->items[0].title == "Öppnande | med streck: och kolon");
  CHECK(t->items[0].description == "Första raden.\nAndra raden.");
  CHECK(t->items[2].title == "Övriga frågor");
}

TEST_CASE("template rules are refused with the line and the key named", "[agenda]") {
  struct Case {
    const char* name;
    std::string text;
    Errc code;
    const char* field;
    const char* detailStart;
  };
  const Case cases[] = {
      {"no version", "name: Test\n" + kMinimalItems, Errc::Invalid, "version",
       "the agenda template has no 'version:'"},
      {"empty version", "name: Test\nversion:\n" + kMinimalItems, Errc::Invalid, "version",
       "the agenda template has no 'version:'"},
      {"no name", "version: 1\n" + kMinimalItems, Errc::Invalid, "name",
       "the agenda template has no 'name:'"},
      {"version twice", "name: T\nversion: 1\nversion: 2\n" + kMinimalItems, Errc::Invalid,
       "version", "line 3: setting 'version' is set twice"},
      {"no items", templateText(""), Errc::Invalid, "items", "the agenda template has no items"},
      {"duplicate key", templateText(kMinimalItems + "item: opening | fixed | Igen\n"),
       Errc::Invalid, "opening", "line 6: item key 'opening' is already used on line 3"},
      {"bad key", templateText("item: Öppning | fixed | X\n" + kMinimalItems), Errc::Invalid,
       "Öppning", "line 3: item key 'Öppning' may only hold"},
      {"extra-style key", templateText("item: extra-1 | fixed | X\n" + kMinimalItems),
       Errc::Invalid, "extra-1", "line 3:"},
      {"unknown kind", templateText("item: a | optional | X\n" + kMinimalItems), Errc::Invalid, "a",
       "line 3: item 'a' has an unknown kind 'optional'"},
      {"empty title", templateText("item: a | fixed |   \n" + kMinimalItems), Errc::Invalid, "a",
       "line 3: item 'a' has no title"},
      {"long title",
       templateText("item: a | fixed | " + std::string(201, 'x') + "\n" + kMinimalItems),
       Errc::Invalid, "a", "line 3: the title of item 'a' is longer than 200 characters"},
      {"no other_questions", templateText("item: a | fixed | A\nitem: b | action_followup | B\n"),
       Errc::Invalid, "other_questions", "the agenda template has no other_questions item"},
      {"two other_questions", templateText(kMinimalItems + "item: o2 | other_questions | Ö\n"),
       Errc::Invalid, "other_questions",
       "line 6: item 'o2' is a second other_questions item; there can be only one"},
      {"no action_followup", templateText("item: a | fixed | A\nitem: o | other_questions | Ö\n"),
       Errc::Invalid, "action_followup", "the agenda template has no action_followup item"},
      {"two action_followup", templateText(kMinimalItems + "item: a2 | action_followup | Å\n"),
       Errc::Invalid, "action_followup", "line 6: item 'a2' is a second action_followup item"},
      {"two previous_minutes",
       templateText("item: p1 | previous_minutes | P\nitem: p2 | previous_minutes | P\n" +
                    kMinimalItems),
       Errc::Invalid, "previous_minutes", "line 4: item 'p2' is a second previous_minutes item"},
      {"item without bars", templateText("item: a fixed Titel\n" + kMinimalItems), Errc::Malformed,
       "", "line 3: an item is written 'item: key | kind | title'"},
      {"unknown setting", "name: T\nversion: 1\nowner: X\n" + kMinimalItems, Errc::Malformed, "",
       "line 3: unknown setting 'owner'"},
      {"setting after items", templateText(kMinimalItems + "name: Sent\n"), Errc::Malformed, "",
       "line 6: setting 'name' must come before the items"},
      {"description first", "  beskrivning\n" + templateText(kMinimalItems), Errc::Malformed, "",
       "line 1: an indented description line comes before any item"},
      {"stray line", templateText(kMinimalItems + "Mötets avslutande\n"), Errc::Malformed, "",
       "line 6: expected"},
      {"not UTF-8", templateText(kMinimalItems + "item: z | fixed | \xFF\n"), Errc::Malformed, "",
       "the agenda template is not UTF-8 text"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto result = parseAgendaTemplate("test", c.text);
    REQUIRE_FALSE(result);
    CHECK(result.error().code == c.code);
    CHECK(result.error().field == c.field);
    CHECK_THAT(result.error().detail, Catch::StartsWith(c.detailStart));
  }
}

TEST_CASE("a template id is a file name stem", "[agenda]") {
  for (const char* bad : {"", "Standard", "../etc", "a b", "a.agenda"}) {
    INFO(bad);
    auto result = parseAgendaTemplate(bad, templateText(kMinimalItems));
    REQUIRE_FALSE(result);
    CHECK(result.error().code == Errc::Invalid);
    CHECK(result.error().field == "id");
  }
  CHECK(parseAgendaTemplate("lss_2026-b", templateText(kMinimalItems)));
}

TEST_CASE("item kinds have stable names", "[agenda]") {
  for (ItemKind kind : {ItemKind::Fixed, ItemKind::PreviousMinutes, ItemKind::ActionFollowup,
                        ItemKind::OtherQuestions})
    CHECK(parseItemKind(toString(kind)) == kind);
  CHECK(toString(ItemKind::OtherQuestions) == "other_questions");
  CHECK_FALSE(parseItemKind("Fixed"));
}

}  // namespace SV_TEST_FILE
