#include "server/services/save_rounds.hpp"

namespace sv::services {

std::optional<Result<std::string>> commitRound(store::DocumentStore& documents,
                                               const store::DocumentCommit& commit,
                                               const store::RecordInTransaction& record,
                                               std::optional<store::DocumentStore::Locked>& held) {
  auto version = held ? documents.commit(commit, record, *held) : documents.commit(commit, record);
  if (version || version.error().reason != Reason::VersionMovedOn) return version;
  if (held)
    return fail(Errc::Conflict, Reason::DocumentBusy,
                "the document moved on while its repository's lock was held; try again");
  held.emplace(documents.lock(commit.repository));
  return std::nullopt;
}

}  // namespace sv::services
