// Actions (åtgärder) followed from meeting to meeting: created from approved minutes' planned
// actions (or directly), reported by the responsible party, evaluated by the authority or, at a
// meeting, by both parties in the minutes; every action not accepted is carried to the next
// meeting's agenda and minutes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "minutes/action_rules.hpp"
#include "minutes/minutes.hpp"
#include "minutes/report.hpp"
#include "server/services/catalog.hpp"
#include "server/store/actions.hpp"
#include "server/store/contracts.hpp"
#include "server/store/store.hpp"
#include "workflows/clock.hpp"

namespace sv::services {

struct ActionView {
  store::ActionRow row;
  bool overdue = false;
  bool dueSoon = false;
  std::vector<store::ActionEventRow> events;
};

struct ActionFilter {
  std::optional<std::int64_t> contractId;
  std::optional<std::string> status;
  bool overdueOnly = false;
  std::optional<std::string> dueBefore;
  bool openOnly = false;     // not accepted yet: open, reported or insufficient
  bool latestFirst = false;  // the last changed first (the closed ones), not the soonest due
};

struct NewAction {
  std::int64_t contractId = 0;
  std::string text;
  std::string responsibleParty;
  std::string responsiblePerson;
  std::string dueOn;
};

struct ActionChange {
  std::optional<std::string> text;
  std::optional<std::string> responsiblePerson;
  std::optional<std::string> dueOn;
};

class ActionService {
 public:
  ActionService(store::Store& store, const Catalog& catalog, const TimeSource& time)
      : store_(store), catalog_(catalog), time_(time) {}

  // Errors: Invalid/UnknownChoice (status), Invalid/NotADate (due_before, value "YYYY-MM-DD").
  Result<std::vector<ActionView>> list(const store::Principal& viewer, const ActionFilter& filter);
  // `span` of the same list, and how many actions the filter finds for the viewer.
  // Errors: those of list.
  Result<store::Page<ActionView>> page(const store::Principal& viewer, const ActionFilter& filter,
                                       store::PageSpan span);
  // Errors: NotFound.
  Result<ActionView> get(const store::Principal& viewer, std::int64_t id);
  // Errors: NotFound, Forbidden/NotContractManager (both before any field); Invalid/Missing or
  // TooLong (text, value "10000"), ResponsiblePartyUnknown, TooLong (responsible_person, value
  // "200"), NotADate (due_on).
  Result<ActionView> create(const store::Principal& actor, const NewAction& input);
  // Errors: NotFound, Forbidden/NotContractManager, Conflict/ActionClosed, Invalid/Missing or
  // TooLong (text), Invalid/NotADate (due_on).
  Result<ActionView> change(const store::Principal& actor, std::int64_t id,
                            const ActionChange& change);
  // Errors: NotFound; the workflow's Forbidden (a role missing) and Conflict (not from this
  // state); the guard's Invalid/ReportMissing, Invalid/TooLong (value "20000").
  Result<ActionView> report(const store::Principal& actor, std::int64_t id,
                            const std::string& text);
  // Errors: Invalid/NotADate (new_due_date), NotFound, Invalid/UnknownChoice (outcome); the
  // workflow's Forbidden (a role missing) and Conflict (an accepted action); the guards'
  // Invalid/CommentMissing, InsufficientNeedsDueDate, OutOfRange (a date passed; value today).
  Result<ActionView> evaluate(const store::Principal& actor, std::int64_t id,
                              const std::string& outcome, const std::string& comment,
                              const std::optional<std::string>& newDueDate);

  // The actions a meeting's minutes follow up (their evaluations' action ids), each with its
  // history: the reports (who, when, what) and earlier evaluations (who, or at which meeting).
  // Ids the viewer may not see, or that name no action, are left out: the minutes still show
  // what they say (action_follow_up.cpp). With `until` (an ISO UTC time), only what happened
  // by then: registered minutes tell the story as it stood when they were registered, not what
  // came after. No errors.
  std::vector<ActionView> followUps(const store::Principal& viewer,
                                    const std::vector<std::int64_t>& ids,
                                    const std::optional<std::string>& until = std::nullopt);

  // Inside the transaction in which minutes become approved: their planned actions become actions,
  // and their evaluations of earlier actions are recorded as the meeting's joint decision.
  static Status recordApprovedMinutes(store::Writing& c, const Catalog& catalog,
                                      const minutes::Minutes& doc,
                                      const store::ContractRow& contract,
                                      const store::MeetingRow& meeting, TimePoint now);
  // Inside the transaction in which a follow-up report becomes final: each required improvement
  // becomes an action of the contract (action_from_report.cpp), followed from the next meeting on
  // like a meeting's planned actions. Returns how many were added.
  static int recordFinalReport(store::Writing& c, const minutes::FollowUpReport& report,
                               std::int64_t reportId, const store::ContractRow& contract,
                               TimePoint now);

  // "möte 2026-02-10 § 6" or "överenskommen 2026-03-01".
  static std::string originOf(const store::ActionRow& row);

 private:
  ActionView view(store::Reading& c, store::ActionRow row) const;
  ActionView view(store::ActionRow row, std::vector<store::ActionEventRow> events) const;

  store::Store& store_;
  const Catalog& catalog_;
  const TimeSource& time_;
};

}  // namespace sv::services
