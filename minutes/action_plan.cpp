#include "minutes/action_plan.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "minutes/text_rules.hpp"
#include "workflows/text.hpp"

namespace sv::minutes {
namespace {

using detail::checkText;
using detail::Lines;
using detail::Presence;

constexpr char kItemPrefix = 'p';

using detail::at;

// The number of an item's id ("p12" is 12), as report.cpp reads "i12": "p" and at most nine
// digits without a leading zero; 0 for anything else.
long itemNumber(std::string_view id) {
  if (id.size() < 2 || id.size() > 10 || id[0] != kItemPrefix) return 0;
  if (id[1] < '1' || id[1] > '9') return 0;
  long number = 0;
  const auto [end, ec] = std::from_chars(id.data() + 1, id.data() + id.size(), number);
  if (ec != std::errc{} || end != id.data() + id.size()) return 0;
  return number;
}

long highestItem(const ActionPlan& plan) {
  long highest = 0;
  for (const auto& item : plan.items) highest = std::max(highest, itemNumber(item.id));
  return highest;
}

// The responsible person is named on one line in the plan's table and in the actions made of it;
// the limit counts characters, as a name is counted.
Status checkResponsible(std::string_view responsible, const std::string& field) {
  if (!text::isValidUtf8(responsible))
    return fail(Errc::Invalid, Reason::InvalidUtf8, "the responsible person is not valid UTF-8",
                field);
  if (text::isBlank(responsible))
    return fail(Errc::Invalid, Reason::Missing, "name who is responsible for the action", field);
  if (responsible.find_first_of("\r\n") != std::string_view::npos)
    return fail(Errc::Invalid, Reason::NotOneLine, "the responsible person is one line", field);
  if (text::hasControlCharacters(responsible, false))
    return fail(Errc::Invalid, Reason::ControlCharacter,
                "the responsible person contains a control character", field);
  if (text::countCharacters(text::trim(responsible)) > kMaxResponsibleCharacters)
    return fail(Errc::Invalid, Reason::TooLong,
                "the responsible person is at most " + std::to_string(kMaxResponsibleCharacters) +
                    " characters",
                field, std::to_string(kMaxResponsibleCharacters));
  return {};
}

Status checkItem(const PlanItem& item, const std::string& path) {
  if (!item.id.empty() && itemNumber(item.id) == 0)
    return fail(Errc::Invalid, "an item's id is 'p' and a number", path + ".id");
  if (auto ok = checkText(item.text, path + ".text", "an action", kMaxPlanTextBytes, Lines::Many,
                          Presence::Required);
      !ok)
    return ok;
  if (auto ok = checkResponsible(item.responsible, path + ".responsible"); !ok) return ok;
  if (!item.dueDate.ok())
    return fail(Errc::Invalid, Reason::NotADate, "an action needs a due date", path + ".due_date",
                "YYYY-MM-DD");
  return {};
}

}  // namespace

ActionPlan createActionPlan(std::int64_t caseId, std::string caseTitle, std::string contractTitle,
                            std::string providerName) {
  ActionPlan plan;
  plan.caseId = caseId;
  plan.caseTitle = std::move(caseTitle);
  plan.contractTitle = std::move(contractTitle);
  plan.providerName = std::move(providerName);
  return plan;
}

Result<ActionPlan> applyPlanEdit(const ActionPlan& current, ActionPlan proposed) {
  // The summary may still be empty while the provider drafts; the points are what is sent.
  if (auto ok =
          checkText(proposed.summary, "summary", "the summary", kMaxPlanSummaryBytes, Lines::Many);
      !ok)
    return std::unexpected(ok.error());
  if (proposed.items.size() > kMaxPlanItems)
    return fail(Errc::Invalid, Reason::TooLong,
                "a plan has at most " + std::to_string(kMaxPlanItems) + " actions", "items",
                std::to_string(kMaxPlanItems));
  for (std::size_t i = 0; i < proposed.items.size(); ++i)
    if (auto ok = checkItem(proposed.items[i], at("items", i)); !ok)
      return std::unexpected(ok.error());
  std::set<std::string> used;
  for (std::size_t i = 0; i < proposed.items.size(); ++i) {
    const std::string& id = proposed.items[i].id;
    if (!id.empty() && !used.insert(id).second)
      return fail(Errc::Invalid, Reason::DuplicateKey, "the id '" + id + "' is used twice",
                  at("items", i) + ".id");
  }
  // Above every id either version has used, so a comment on a removed point never names a new one.
  long next = std::max(highestItem(current), highestItem(proposed));
  for (auto& item : proposed.items) {
    if (item.id.empty()) item.id = kItemPrefix + std::to_string(++next);
    item.responsible = text::trimmed(item.responsible);
  }
  proposed.caseId = current.caseId;
  proposed.caseTitle = current.caseTitle;
  proposed.contractTitle = current.contractTitle;
  proposed.providerName = current.providerName;
  return proposed;
}

Status checkPlanSendable(const ActionPlan& plan) {
  if (plan.items.empty())
    return fail(Errc::Conflict, Reason::PlanEmpty, "an action plan needs at least one action",
                "items");
  return {};
}

}  // namespace sv::minutes
