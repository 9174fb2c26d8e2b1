// The story of each action a meeting's minutes follow up (the evaluation rows, usually § 5): what
// the responsible party reported, who, and when, and the evaluations made since the action was
// agreed, by whom or at which meeting. Read from the action register beside the minutes, so the
// people at the meeting see the reports they are to judge.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "minutes/minutes.hpp"
#include "server/web/pages.hpp"

namespace sv::web {

// Per action id: a list of entries with `when`, `who` (a person's name, or "" when made at a
// meeting), `kind` ("Rapport", "Bedömning"), `text`, and `meeting_link`, `meeting_id`,
// `meeting_date` for an evaluation made at a meeting.
using FollowUpHistory = std::map<std::int64_t, Data>;

// `until`: the time registered minutes were registered, whose story ends there.
FollowUpHistory followUpHistory(Services& s, const store::Principal& viewer,
                                const minutes::Minutes& doc,
                                const std::optional<std::string>& until = std::nullopt);

// `history` and `has_history` of one evaluation row.
void addFollowUp(Data& row, const FollowUpHistory& history, std::int64_t actionId);

}  // namespace sv::web
