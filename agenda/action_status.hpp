// Where an action (åtgärd) is in its lifecycle (config/workflows/action.workflow): open, reported
// by the responsible party, accepted and closed, or found insufficient (and then open again with a
// new due date). The workflow file names the same four states; the store keeps them as this text.
#pragma once

#include <optional>
#include <string_view>

namespace sv::agenda {

enum class ActionStatus { Open, Reported, Accepted, Insufficient };

std::string_view toString(ActionStatus status);  // "open", "reported", "accepted", "insufficient"
std::optional<ActionStatus> parseActionStatus(std::string_view text);

// What happened to an action, one entry of its history: made (from the minutes or by hand),
// reported on by the responsible party, changed, evaluated (accepted or insufficient).
enum class ActionEventKind { Created, Report, Change, Evaluation };

std::string_view toString(ActionEventKind kind);  // "created", "report", "change", "evaluation"
std::optional<ActionEventKind> parseActionEventKind(std::string_view text);

}  // namespace sv::agenda
