// The agenda of a meeting as a git document (agenda.md for people, agenda.json for the server),
// generated from the template version the meeting was made from. Until it is published its
// references (the meeting's date and place, the previous meeting, the open actions) follow the
// data; publishing freezes a version and records it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "agenda/agenda.hpp"
#include "server/services/catalog.hpp"
#include "server/store/principal.hpp"
#include "server/store/store.hpp"
#include "workflows/clock.hpp"

namespace sv::services {

struct AgendaView {
  std::int64_t meetingId = 0;
  std::int64_t contractId = 0;
  agenda::Agenda agenda;
  std::optional<std::string> version;  // none until the first change is saved
  std::optional<std::string> publishedVersion;
  std::string markdown;
};

class AgendaService {
 public:
  AgendaService(store::Store& store, const Catalog& catalog, const TimeSource& time)
      : store_(store), catalog_(catalog), time_(time) {}

  // Errors: NotFound.
  Result<AgendaView> get(const store::Principal& viewer, std::int64_t meetingId);
  // The changes: Errors: NotFound, Conflict/MeetingCancelled, Forbidden/NotAgendaEditor (publish:
  // NotContractManager), Conflict/DocumentBusy (others kept changing it), and those of the
  // matching agenda:: function (AgendaPublished, AgendaAlreadyPublished, FixedItem,
  // TooManyAddedItems, Missing, TooLong, NotOneLine, ...).
  Result<AgendaView> addItem(const store::Principal& actor, std::int64_t meetingId,
                             const std::string& title, const std::string& description);
  // removeItem also: Forbidden/NotItemProposer (an item the other party proposed; the contract
  // manager removes any added item).
  Result<AgendaView> removeItem(const store::Principal& actor, std::int64_t meetingId,
                                const std::string& key);
  Result<AgendaView> moveItem(const store::Principal& actor, std::int64_t meetingId,
                              const std::string& key, int position);
  Result<AgendaView> publish(const store::Principal& actor, std::int64_t meetingId);
  // Errors: NotFound.
  // `span` of the agenda's versions, oldest first, and how many. Errors: NotFound.
  Result<store::Page<store::DocumentVersion>> historyPage(const store::Principal& viewer,
                                                          std::int64_t meetingId,
                                                          store::PageSpan span);
  Result<std::vector<store::DocumentVersion>> history(const store::Principal& viewer,
                                                      std::int64_t meetingId);

  static std::string repositoryOf(std::int64_t contractId);
  static std::string documentOf(std::int64_t meetingId);

 private:
  using Change = std::function<Result<agenda::Agenda>(agenda::Agenda)>;
  Result<AgendaView> modify(const store::Principal& actor, std::int64_t meetingId,
                            const std::string& action, const std::string& message,
                            const Change& change, bool publishing);

  store::Store& store_;
  const Catalog& catalog_;
  const TimeSource& time_;
};

}  // namespace sv::services
