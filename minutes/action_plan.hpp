// The provider's action plan (åtgärdsplan) in an event-driven case: what it will do about what the
// authority found, who is responsible and by when. A document kept in git like the minutes and the
// follow-up report (canonical JSON beside its Markdown, every save a version); the authority
// accepts the version sent or returns it with comments per point, and accepted points become
// actions followed at the next meetings.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "workflows/result.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::minutes {

inline constexpr std::size_t kMaxPlanItems = 100;
inline constexpr std::size_t kMaxPlanTextBytes = 10'000;     // an item's text
inline constexpr std::size_t kMaxPlanSummaryBytes = 50'000;  // the provider's own analysis
inline constexpr std::size_t kMaxResponsibleCharacters = 200;

struct PlanItem {
  std::string id;           // "p1", "p2", …: unique in the plan, stable across revisions
  std::string text;         // what will be done; Markdown, line breaks allowed
  std::string responsible;  // the person (or function) at the provider; one line
  Date dueDate{};
  bool operator==(const PlanItem&) const = default;
};

struct ActionPlan {
  // Taken from the case, never from an editor.
  std::int64_t caseId = 0;
  std::string caseTitle;
  std::string contractTitle;
  std::string providerName;
  // The provider's.
  std::string summary;  // causes and analysis, in the provider's words (Markdown)
  std::vector<PlanItem> items;
  bool operator==(const ActionPlan&) const = default;
};

// An empty plan for the case.
ActionPlan createActionPlan(std::int64_t caseId, std::string caseTitle, std::string contractTitle,
                            std::string providerName);

// The plan `proposed` would make of `current`, or why not. The editor may change the summary and
// the items; the case's facts are taken from `current`. New items (empty id) get ids above every id
// in `current` and `proposed`.
// Errors (the first found; indexes count from 0): Invalid with field "summary" or
// "items[i].text" / ".responsible" (Missing, TooLong, InvalidUtf8, ControlCharacter, NotOneLine for
// responsible), "items[i].due_date" (NotADate: not set), "items" (TooLong value the count, over
// kMaxPlanItems), "items[i].id" (None: neither empty nor "p" and a number; DuplicateKey).
Result<ActionPlan> applyPlanEdit(const ActionPlan& current, ActionPlan proposed);

// Conflict/PlanEmpty (field "items") for a plan without items: what cannot be sent.
Status checkPlanSendable(const ActionPlan& plan);

// Canonical JSON (fixed key order, one item per line, trailing newline); never fails.
inline constexpr int kActionPlanJsonFormat = 1;
std::string toJson(const ActionPlan& plan);
// actionPlanFromJson(toJson(p)) == p. Errors: Malformed (not JSON, wrong type, missing or unknown
// key; field names the place), Invalid (a date that does not parse, another format).
Result<ActionPlan> actionPlanFromJson(std::string_view json);
// The plan in the member `member` of a request body ({"plan": {…}}), dates as YYYY-MM-DD; the
// case's facts may be left out (they are taken from the stored plan by applyPlanEdit).
Result<ActionPlan> actionPlanFromJsonMember(std::string_view json, const std::string& member);

// The plan in Swedish as Markdown a person reads with plain git: "# Åtgärdsplan", the case, the
// summary, then one numbered section per item with the responsible person and the due date.
std::string renderActionPlanMarkdown(const ActionPlan& plan);

}  // namespace sv::minutes
