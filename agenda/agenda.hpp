// The agenda (dagordning) of one meeting: generated from the adopted template, with the previous
// meeting's minutes and the actions still open filled in, and with items the parties add under
// Övriga frågor. A value type: every change takes an Agenda and returns a new one or an error.
//
// Implemented in three files: agenda.cpp (the rules), agenda_markdown.cpp (the document for
// people) and agenda_json.cpp (the machine-readable form the server stores next to it).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agenda/action_status.hpp"
#include "agenda/agenda_template.hpp"
#include "workflows/clock.hpp"
#include "workflows/party.hpp"
#include "workflows/result.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::agenda {

using Party = sv::Party;

std::string_view toString(Party party);  // "authority", "provider"
std::optional<Party> parseParty(std::string_view text);

struct MeetingInfo {
  std::string contractTitle;
  std::string contractReference;  // the contract's reference number, e.g. "SDN 2025/0012"
  std::string providerName;
  std::string authorityName;
  TimePoint startsAt;  // kept to the second
  std::string location;

  bool operator==(const MeetingInfo&) const = default;
};

struct PreviousMeetingRef {
  Date date;                                  // the Swedish date of the previous meeting
  std::string minutesState;                   // "draft", "in_review", "approved", "registered"
  std::optional<std::string> registryNumber;  // "SDN 2026/0042" once registered

  bool operator==(const PreviousMeetingRef&) const = default;
};

struct OpenActionRef {
  std::string id;
  std::string text;
  Party responsibleParty = Party::Provider;
  std::string responsiblePerson;  // may be empty
  Date due;
  ActionStatus status = ActionStatus::Open;
  std::string origin;  // e.g. "möte 2026-03-12 § 6"

  bool operator==(const OpenActionRef&) const = default;
};

// An event-driven case (händelsestyrd uppföljning) of the contract still open when the agenda is
// made: listed under the authority's follow-up item (authority_followup) until it is closed.
struct OpenCaseRef {
  std::string id;
  std::string title;
  std::string trigger;  // in Swedish, e.g. "Klagomål och synpunkter"
  std::string state;    // in Swedish, e.g. "Åtgärdsplan begärd"
  bool acute = false;
  Date openedOn;

  bool operator==(const OpenCaseRef&) const = default;
};

// An item a participant adds under Övriga frågor. Never fixed.
struct AddedItem {
  std::string key;  // "extra-1", "extra-2", ...: never reused within one agenda
  int number = 0;   // 1-based position under its parent: 10.<number>
  std::string title;
  std::string description;  // may be empty
  std::string proposedBy;   // the person's name
  Party proposedByParty = Party::Provider;

  bool operator==(const AddedItem&) const = default;
};

struct AgendaItem {
  std::string key;  // the template key
  int number = 0;   // 1-based
  std::string title;
  ItemKind kind = ItemKind::Fixed;
  std::string description;
  // Every item that comes from the template is fixed; the flag is here so that a client can show
  // it without knowing that rule.
  bool fixed = true;
  std::vector<AddedItem> addedItems;  // only ever non-empty for the other_questions item

  bool operator==(const AgendaItem&) const = default;
};

struct Agenda {
  std::string templateId;
  std::string templateName;
  std::string templateVersion;
  MeetingInfo meeting;
  std::vector<AgendaItem> items;
  std::optional<PreviousMeetingRef> previousMeeting;
  std::vector<OpenActionRef> openActions;  // listed under the action_followup item
  std::vector<OpenCaseRef> openCases;      // listed under the authority_followup item
  bool published = false;
  int lastAddedNumber = 0;  // the N of the last "extra-N" handed out

  bool operator==(const Agenda&) const = default;
};

struct NewItem {
  std::string title;        // required, one line, at most 200 characters
  std::string description;  // optional, at most 4000 characters
  std::string proposedBy;   // required
  Party proposedByParty = Party::Provider;
};

inline constexpr int kMaxAddedItems = 50;

// Every template item, in order, numbered from 1.
Agenda generateAgenda(const AgendaTemplate& tmpl, MeetingInfo meeting,
                      std::optional<PreviousMeetingRef> previous,
                      std::vector<OpenActionRef> openActions);

// Appends an item under other_questions with the next key "extra-N". Errors:
// Conflict/AgendaPublished; Invalid with field "title" (Missing, NotOneLine, TooLong value "200",
// InvalidUtf8), "description" (TooLong value "4000", InvalidUtf8, ControlCharacter),
// "proposed_by" (Missing); Conflict/TooManyAddedItems (value kMaxAddedItems).
Result<Agenda> addItem(Agenda agenda, NewItem item);

// Removes an added item. Errors: Conflict/AgendaPublished; NotFound (field "key") for an unknown
// key; Invalid/FixedItem (field "key", value the item's key) for a template item, detail e.g.
// "item 'Val av justerare' is fixed by the adopted agenda and cannot be removed".
Result<Agenda> removeItem(Agenda agenda, std::string_view key);

// Moves an added item to `newPosition` (1-based, among the added items only). Errors:
// Conflict/AgendaPublished; NotFound for an unknown key; Invalid/FixedItem (field "key", value
// the key) for a template item, naming it; Invalid/OutOfRange (field "position") when newPosition
// is outside 1..number of added items.
Result<Agenda> moveItem(Agenda agenda, std::string_view key, int newPosition);

// Errors: Conflict/AgendaAlreadyPublished.
Result<Agenda> publish(Agenda agenda);

// For a client that sends the whole order of an agenda: every template key present, once, in
// template order, and any other key placed directly under other_questions (after it and before
// the next template item). Invalid with field "items" otherwise: FixedItem (value the key of the
// first template item missing or out of place; no value for a misplaced added key) or
// DuplicateKey; the detail names the item by its title, or the misplaced added key.
Status checkKeepsFixedItems(const AgendaTemplate& tmpl,
                            const std::vector<std::string>& proposedKeys);

// The number of every item and added item by key, the same as its § in the minutes (issue 19
// point 9). Swedish protocols number their paragraphs with whole numbers, one per matter, so an
// item added under Övriga frågor is a matter of its own right after it: 10 Övriga frågor, 11 and
// 12 the added items, 13 Nästa möte. The agenda numbers the same way, so that "punkt 11" and
// "§ 11" are one matter; minutes are started from the items in this order (minutes_start.cpp).
std::map<std::string, int> sectionNumbers(const Agenda& agenda);

// The agenda as a Swedish Markdown document (CommonMark without extensions, so no tables). The
// same agenda always gives the same bytes, ending in a newline; text from people is escaped so
// it cannot start a heading, list, quote, link or HTML.
std::string renderAgendaMarkdown(const Agenda& agenda);

// A stable, pretty-printed JSON form with keys in a fixed order and UTF-8 kept as is, for git.
// parseAgenda(serializeAgenda(a)) == a for every agenda generated and changed by the functions
// above. parseAgenda errors: Malformed (not JSON, wrong type, missing member: field names the
// member path, e.g. "items[3].title") or Invalid (a value out of range, e.g. a bad date).
std::string serializeAgenda(const Agenda& agenda);
Result<Agenda> parseAgenda(std::string_view json);

}  // namespace sv::agenda
