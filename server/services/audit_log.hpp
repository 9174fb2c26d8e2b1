// Reading the audit log: its entries, and the check of its hash chain. The log is written by
// every use case inside its own transaction (store/audit.hpp); these are the only readers.
#pragma once

#include <vector>

#include "server/store/audit.hpp"
#include "server/store/store.hpp"
#include "workflows/principal.hpp"
#include "workflows/result.hpp"

namespace sv::services {

// Administrators, and the authority's readers (who follow up on the contracts). A caller may ask
// before it reads its query, so that a person without the right learns nothing more.
// Errors: Forbidden/NotAuditReader.
Status mayReadAudit(const Principal& viewer);

// Entries in id order, as the query narrows them, its limit from its offset; and how many the
// query finds in the viewer's tenant.
// Errors: Forbidden/NotAuditReader.
Result<store::Page<store::AuditRecord>> readAudit(store::Store& store, const Principal& viewer,
                                                  const store::AuditQuery& query);

// Walks the whole chain, its seals and its anchor; no findings means every entry is as it was
// written and none is missing.
// Errors: Forbidden/NotAuditReader.
Result<store::AuditReport> verifyAudit(store::Store& store, const Principal& viewer);

}  // namespace sv::services
