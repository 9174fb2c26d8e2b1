#include "minutes/action_rules.hpp"

#include "workflows/free_text.hpp"
#include "workflows/names.hpp"

namespace sv::minutes {
namespace {

std::chrono::sys_days days(Date d) {
  return std::chrono::sys_days{d};
}

}  // namespace

workflows::GuardRegistry<ActionFacts> actionGuards() {
  namespace g = workflows::guards;
  workflows::GuardRegistry<ActionFacts> guards;
  guards[std::string(g::kReportGiven)] = [](const ActionFacts& f) -> Status {
    if (text::isBlank(f.report))
      return fail(Errc::Invalid, Reason::ReportMissing, "say what has been done", "text");
    return text::checkFreeText(f.report, "text", "the report", 20000, text::Lines::Many);
  };
  guards[std::string(g::kCommentGiven)] = [](const ActionFacts& f) -> Status {
    if (text::isBlank(f.comment))
      return fail(Errc::Invalid, Reason::CommentMissing, "say why the action is not enough",
                  "comment");
    return text::checkFreeText(f.comment, "comment", "the comment", 20000, text::Lines::Many);
  };
  guards[std::string(g::kNewDueDateGiven)] = [](const ActionFacts& f) -> Status {
    if (!f.newDueDate)
      return fail(Errc::Invalid, Reason::InsufficientNeedsDueDate, "give a new due date",
                  "new_due_date");
    if (days(*f.newDueDate) < days(f.today))
      return fail(Errc::Invalid, Reason::OutOfRange, "the new due date has already passed",
                  "new_due_date", formatDate(f.today));
    return {};
  };
  return guards;
}

bool isOverdue(const std::string& status, Date due, Date today) {
  return status != "accepted" && days(due) < days(today);
}

bool isDueSoon(const std::string& status, Date due, Date today) {
  return status != "accepted" && days(due) >= days(today) &&
         days(due) <= days(today) + std::chrono::days{kDueSoonDays};
}

}  // namespace sv::minutes
