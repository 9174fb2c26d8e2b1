// Actions (åtgärder) between meetings: the guards of their lifecycle
// (config/workflows/action.workflow) and what "overdue" and "due soon" mean. The date is passed
// in, never read from a clock.
#pragma once

#include <optional>
#include <string>

#include "workflows/stockholm_time.hpp"
#include "workflows/workflow.hpp"

namespace sv::minutes {

struct ActionFacts {
  std::string report;              // the responsible party's report
  std::string comment;             // an evaluation's comment
  std::optional<Date> newDueDate;  // with an insufficient evaluation
  Date today{};
};

workflows::GuardRegistry<ActionFacts> actionGuards();

inline constexpr int kDueSoonDays = 14;

// Not accepted, and the due date has passed.
bool isOverdue(const std::string& status, Date due, Date today);
// Not accepted, not overdue, due within kDueSoonDays.
bool isDueSoon(const std::string& status, Date due, Date today);

}  // namespace sv::minutes
