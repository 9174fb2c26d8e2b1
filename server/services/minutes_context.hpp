// What every minutes use case starts from: the meeting and its contract, read under the viewer's
// tenant scope, with the participants and where the minutes are (state, current version), all in
// one read transaction. A meeting the viewer may not see is not found, as if it were not there.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "minutes/lifecycle.hpp"
#include "minutes/minutes.hpp"
#include "server/store/contracts.hpp"
#include "server/store/principal.hpp"
#include "server/store/store.hpp"
#include "server/store/transaction.hpp"
#include "workflows/result.hpp"

namespace sv::services {

struct MinutesContext {
  store::MeetingRow meeting;
  store::ContractRow contract;
  std::vector<store::ParticipantRow> participants;
  std::optional<minutes::MinutesState> state;  // none until the minutes are started
  std::optional<std::string> version;          // the current version; none until started
  std::string repository;                      // the contract's repository, e.g. "contract-12"
  std::string document;                        // the index key, e.g. "meetings/12/minutes"

  bool started() const { return state && version; }
  // A file of the minutes in the repository: "meetings/12/minutes.md" for "md".
  std::string path(std::string_view extension) const;
};

// "meetings/12/minutes": the minutes' document in the contract's repository.
std::string minutesDocumentOf(std::int64_t meetingId);

// Inside the caller's transaction. Errors: NotFound (no such meeting in the viewer's scope).
Result<MinutesContext> readMinutesContext(store::Reading& c, const store::Principal& viewer,
                                          std::int64_t meetingId);

// In a read transaction of its own. Errors: as readMinutesContext.
Result<MinutesContext> loadMinutesContext(store::Store& store, const store::Principal& viewer,
                                          std::int64_t meetingId);

// Errors: NotFound/MinutesNotStarted.
Status requireStarted(const MinutesContext& ctx);

// "Protokoll, samverkansmöte 2026-03-12 – Vård- och omsorgsboende Eken": the title of the PDF
// and the archived page.
std::string minutesDocumentTitle(const minutes::Minutes& doc);

}  // namespace sv::services
