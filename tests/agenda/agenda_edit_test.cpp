#include <catch2/catch.hpp>

#include "agenda/agenda.hpp"
#include "agenda_fixtures.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::agenda;
using sv::agenda::testing::newItem;
using sv::agenda::testing::sampleAgenda;
using sv::agenda::testing::standardTemplate;

namespace {

Agenda withAdded(Agenda agenda, std::initializer_list<const char*> titles) {
  for (const char* title : titles) {
    auto next = addItem(std::move(agenda), newItem(title));
    REQUIRE(next);
    agenda = std::move(*next);
  }
  return agenda;
}

const AgendaItem& otherQuestions(const Agenda& agenda) {
  for (const auto& item : agenda.items)
    if (item.kind == ItemKind::OtherQuestions) return item;
  FAIL("no other_questions item");
  return agenda.items.front();
}

std::vector<std::string> addedKeys(const Agenda& agenda) {
  std::vector<std::string> keys;
  for (const auto& added : otherQuestions(agenda).addedItems) keys.push_back(added.key);
  return keys;
}

std::vector<int> addedNumbers(const Agenda& agenda) {
  std::vector<int> numbers;
  for (const auto& added : otherQuestions(agenda).addedItems) numbers.push_back(added.number);
  return numbers;
}

}  // namespace

TEST_CASE("a generated agenda holds every template item in order", "[agenda]") {
  const AgendaTemplate t = standardTemplate();
  const Agenda agenda = sampleAgenda();
  CHECK(agenda.templateId == "standard");
  CHECK(agenda.templateName == t.name);
  CHECK(agenda.templateVersion == "2026-1");
  CHECK_FALSE(agenda.published);
  REQUIRE(agenda.items.size() == t.items.size());
  for (std::size_t i = 0; i < t.items.size(); ++i) {
    INFO(t.items[i].key);
    CHECK(agenda.items[i].key == t.items[i].key);
    CHECK(agenda.items[i].number == int(i) + 1);
    CHECK(agenda.items[i].title == t.items[i].title);
    CHECK(agenda.items[i].kind == t.items[i].kind);
    CHECK(agenda.items[i].description == t.items[i].description);
    CHECK(agenda.items[i].fixed);
    CHECK(agenda.items[i].addedItems.empty());
  }
  REQUIRE(agenda.previousMeeting);
  CHECK(agenda.previousMeeting->registryNumber == "SDN 2025/0399");
  REQUIRE(agenda.openActions.size() == 1);
  CHECK(agenda.openActions[0].id == "17");
}

TEST_CASE("an added item goes under Övriga frågor, numbered on as their § in the minutes",
          "[agenda]") {
  auto first = addItem(sampleAgenda(),
                       NewItem{"  Vikarier under sommaren  ", "Hur planeras\r\nsemesterperioden?\n",
                               " Eva Lind ", Party::Authority});
  REQUIRE(first);
  auto second = addItem(*first, newItem("Nytt larmsystem"));
  REQUIRE(second);
  const AgendaItem& parent = otherQuestions(*second);
  CHECK(parent.number == 10);
  REQUIRE(parent.addedItems.size() == 2);
  const AddedItem& a = parent.addedItems[0];
  CHECK(a.key == "extra-1");
  CHECK(a.number == 1);
  CHECK(a.title == "Vikarier under sommaren");
  CHECK(a.description == "Hur planeras\nsemesterperioden?");
  CHECK(a.proposedBy == "Eva Lind");
  CHECK(a.proposedByParty == Party::Authority);
  CHECK(parent.addedItems[1].key == "extra-2");
  // Numbered as their § in the minutes will be: whole numbers right after Övriga frågor, and the
  // items after it follow on (issue 19 point 9).
  const auto numbers = sectionNumbers(*second);
  CHECK(numbers.at("other_questions") == 10);
  CHECK(numbers.at("extra-1") == 11);
  CHECK(numbers.at("extra-2") == 12);
  CHECK(numbers.at("next_meeting") == 13);
  CHECK(numbers.at("closing") == 14);
  // Nothing else moved.
  CHECK(second->items.size() == 12);
  CHECK(second->items[10].key == "next_meeting");
  CHECK(second->items[10].number == 11);
}

TEST_CASE("a new item needs a title of one line and at most 200 characters", "[agenda]") {
  const std::string swedish200 = [] {
    std::string s;
    for (int i = 0; i < 200; ++i) s += "å";
    return s;
  }();
  CHECK(addItem(sampleAgenda(), newItem(swedish200)));

  struct Case {
    const char* name;
    NewItem item;
    const char* field;
  };
  const Case cases[] = {
      {"empty", newItem(""), "title"},
      {"blank", newItem(" \t "), "title"},
      {"201 characters", newItem(swedish200 + "a"), "title"},
      {"two lines", newItem("Första\nAndra"), "title"},
      {"not UTF-8", newItem("Bad \xC3("), "title"},
      {"no proposer", newItem("Titel", "  "), "proposed_by"},
      {"long description", NewItem{"Titel", std::string(4001, 'x'), "Eva", Party::Provider},
       "description"},
      {"control character", NewItem{"Titel", "a\x07", "Eva", Party::Provider}, "description"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto result = addItem(sampleAgenda(), c.item);
    REQUIRE_FALSE(result);
    CHECK(result.error().code == Errc::Invalid);
    CHECK(result.error().field == c.field);
  }
}

TEST_CASE("an agenda takes at most 50 added items", "[agenda]") {
  Agenda agenda = sampleAgenda();
  for (int i = 0; i < kMaxAddedItems; ++i) {
    auto next = addItem(std::move(agenda), newItem("Punkt"));
    REQUIRE(next);
    agenda = std::move(*next);
  }
  auto result = addItem(agenda, newItem("En för mycket"));
  REQUIRE_FALSE(result);
  CHECK(result.error().code == Errc::Conflict);
  // Room again after a removal, and the new key is not one used before.
  auto removed = removeItem(agenda, "extra-7");
  REQUIRE(removed);
  auto again = addItem(*removed, newItem("Ny"));
  REQUIRE(again);
  CHECK(otherQuestions(*again).addedItems.back().key == "extra-51");
}

TEST_CASE("fixed items cannot be removed or moved, and the error names the item", "[agenda]") {
  const Agenda agenda = withAdded(sampleAgenda(), {"Extra"});
  const std::pair<const char*, const char*> fixedItems[] = {
      {"opening", "Mötets öppnande"},
      {"adjusters", "Val av justerare"},
      {"previous_minutes", "Föregående mötes protokoll"},
      {"action_followup", "Uppföljning av åtgärder från tidigare möten"},
      {"other_questions", "Övriga frågor"},
      {"closing", "Mötets avslutande"},
  };
  for (const auto& [key, title] : fixedItems) {
    INFO(key);
    auto removed = removeItem(agenda, key);
    REQUIRE_FALSE(removed);
    CHECK(removed.error().code == Errc::Invalid);
    CHECK(removed.error().field == "key");
    CHECK(removed.error().detail ==
          std::string("item '") + title + "' is fixed by the adopted agenda and cannot be removed");

    auto moved = moveItem(agenda, key, 1);
    REQUIRE_FALSE(moved);
    CHECK(moved.error().code == Errc::Invalid);
    CHECK(moved.error().field == "key");
    CHECK(moved.error().detail ==
          std::string("item '") + title + "' is fixed by the adopted agenda and cannot be moved");
  }
}

TEST_CASE("an unknown key is not found", "[agenda]") {
  const Agenda agenda = withAdded(sampleAgenda(), {"Extra"});
  for (const char* key : {"extra-2", "", "EXTRA-1", "nope"}) {
    INFO(key);
    auto removed = removeItem(agenda, key);
    REQUIRE_FALSE(removed);
    CHECK(removed.error().code == Errc::NotFound);
    CHECK(removed.error().field == "key");
    auto moved = moveItem(agenda, key, 1);
    REQUIRE_FALSE(moved);
    CHECK(moved.error().code == Errc::NotFound);
  }
}

TEST_CASE("added items are removed and reordered among themselves", "[agenda]") {
  const Agenda agenda = withAdded(sampleAgenda(), {"A", "B", "C", "D"});

  auto removed = removeItem(agenda, "extra-2");
  REQUIRE(removed);
  CHECK(addedKeys(*removed) == std::vector<std::string>{"extra-1", "extra-3", "extra-4"});
  CHECK(addedNumbers(*removed) == std::vector<int>{1, 2, 3});

  struct Case {
    const char* key;
    int position;
    std::vector<std::string> order;
  };
  const Case cases[] = {
      {"extra-4", 1, {"extra-4", "extra-1", "extra-2", "extra-3"}},
      {"extra-1", 4, {"extra-2", "extra-3", "extra-4", "extra-1"}},
      {"extra-2", 3, {"extra-1", "extra-3", "extra-2", "extra-4"}},
      {"extra-3", 3, {"extra-1", "extra-2", "extra-3", "extra-4"}},
  };
  for (const auto& c : cases) {
    INFO(c.key << " to " << c.position);
    auto moved = moveItem(agenda, c.key, c.position);
    REQUIRE(moved);
    CHECK(addedKeys(*moved) == c.order);
    CHECK(addedNumbers(*moved) == std::vector<int>{1, 2, 3, 4});
  }
  for (int position : {0, 5, -1}) {
    INFO(position);
    auto moved = moveItem(agenda, "extra-1", position);
    REQUIRE_FALSE(moved);
    CHECK(moved.error().code == Errc::Invalid);
    CHECK(moved.error().field == "position");
  }
}

TEST_CASE("a published agenda can no longer be changed", "[agenda]") {
  auto published = publish(withAdded(sampleAgenda(), {"Extra"}));
  REQUIRE(published);
  CHECK(published->published);

  auto added = addItem(*published, newItem("Sent förslag"));
  REQUIRE_FALSE(added);
  CHECK(added.error().code == Errc::Conflict);

  // Published wins over every other reason, so the caller learns the state first.
  for (const char* key : {"extra-1", "opening", "nope"}) {
    INFO(key);
    auto removed = removeItem(*published, key);
    REQUIRE_FALSE(removed);
    CHECK(removed.error().code == Errc::Conflict);
    auto moved = moveItem(*published, key, 1);
    REQUIRE_FALSE(moved);
    CHECK(moved.error().code == Errc::Conflict);
  }
  auto twice = publish(*published);
  REQUIRE_FALSE(twice);
  CHECK(twice.error().code == Errc::Conflict);
}

TEST_CASE("a proposed order keeps every fixed item in template order", "[agenda]") {
  const AgendaTemplate t = standardTemplate();
  std::vector<std::string> keys;
  for (const auto& item : t.items) keys.push_back(item.key);
  CHECK(checkKeepsFixedItems(t, keys));

  auto withExtras = keys;
  withExtras.insert(withExtras.begin() + 10, {"extra-3", "extra-1"});
  CHECK(checkKeepsFixedItems(t, withExtras));

  const auto without = [&](std::string_view key) {
    auto copy = keys;
    std::erase(copy, std::string(key));
    return copy;
  };
  const auto swapped = [&](std::size_t a, std::size_t b) {
    auto copy = keys;
    std::swap(copy[a], copy[b]);
    return copy;
  };
  auto extraEarly = keys;
  extraEarly.insert(extraEarly.begin() + 2, "extra-1");
  auto extraLast = keys;
  extraLast.push_back("extra-1");
  auto duplicated = withExtras;
  duplicated.insert(duplicated.begin() + 10, "extra-1");

  struct Case {
    const char* name;
    std::vector<std::string> proposed;
    const char* detail;
  };
  const Case cases[] = {
      {"missing", without("adjusters"),
       "item 'Val av justerare' is fixed by the adopted agenda and cannot be removed"},
      {"missing last", without("closing"),
       "item 'Mötets avslutande' is fixed by the adopted agenda and cannot be removed"},
      {"swapped", swapped(1, 2),
       "item 'Val av justerare' is fixed by the adopted agenda and cannot be moved"},
      {"other questions moved", swapped(9, 11),
       "item 'Övriga frågor' is fixed by the adopted agenda and cannot be moved"},
      {"empty", {}, "item 'Mötets öppnande' is fixed by the adopted agenda and cannot be removed"},
      {"added early", extraEarly, "item 'extra-1' can only be added under 'Övriga frågor'"},
      {"added last", extraLast, "item 'extra-1' can only be added under 'Övriga frågor'"},
      {"listed twice", duplicated, "item 'extra-1' is listed twice"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto status = checkKeepsFixedItems(t, c.proposed);
    REQUIRE_FALSE(status);
    CHECK(status.error().code == Errc::Invalid);
    CHECK(status.error().field == "items");
    CHECK(status.error().detail == c.detail);
  }
}

TEST_CASE("parties have stable names", "[agenda]") {
  CHECK(toString(Party::Authority) == "authority");
  CHECK(toString(Party::Provider) == "provider");
  CHECK(parseParty("authority") == Party::Authority);
  CHECK(parseParty("provider") == Party::Provider);
  CHECK_FALSE(parseParty("Provider"));
}

}  // namespace SV_TEST_FILE
