// The commit of a save that merges: a document saved from an older version is merged with what
// others saved meanwhile and committed with If-Match; should yet another save land between the
// merge and the commit, the save merges again, and that second round holds the repository's lock
// from its read to its commit (every writer of a repository, in any process, takes it), so it
// cannot lose again. Minutes and follow-up reports save this way.
#pragma once

#include <optional>
#include <string>

#include "server/store/documents.hpp"
#include "workflows/result.hpp"

namespace sv::services {

// Commits `commit` (under `held` when the caller holds the lock). std::nullopt: another save
// moved the document on and the lock is now in `held`; read, merge and call again. Otherwise the
// commit's result, where Conflict/DocumentBusy means the document moved on under the lock (a
// writer that took none; no code here is one).
std::optional<Result<std::string>> commitRound(store::DocumentStore& documents,
                                               const store::DocumentCommit& commit,
                                               const store::RecordInTransaction& record,
                                               std::optional<store::DocumentStore::Locked>& held);

}  // namespace sv::services
