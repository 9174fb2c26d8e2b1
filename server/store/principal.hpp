// Who is asking, and what of the data they may know of. TenantScope is the one place that turns
// a principal into SQL conditions: every query on tenant-owned rows takes a scope and uses its
// filter, so a provider's people never see another provider's rows (they answer 404, not 403).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "workflows/principal.hpp"

namespace sv::store {

// The value types live in the domain (workflows/principal.hpp); these names keep every
// store::Principal, store::Role, ... of the server as it was.
using sv::OrganizationKind;
using sv::organizationKindName;
using sv::parseOrganizationKind;
using sv::parseRole;
using sv::Principal;
using sv::Role;
using sv::roleName;

// A SQL condition with its parameters, to be appended to a WHERE clause.
struct SqlFilter {
  std::string sql;
  std::vector<std::int64_t> params;
};

class TenantScope {
 public:
  static TenantScope of(const Principal& p);
  static TenantScope system();  // the server itself: start-up, repair, command line

  // Conditions on tables by alias; `?` placeholders, to be bound after the query's own.
  SqlFilter organizations(std::string_view alias) const;
  SqlFilter users(std::string_view alias) const;
  SqlFilter contracts(std::string_view alias) const;
  // Entries of the audit log (audit_log's columns object_type, object_id) about what this scope
  // sees: its contracts and what hangs on them, its yearly summaries, its own organisation, people
  // and accounts. An entry about anything else (the server's own, another tenant's) is hidden.
  SqlFilter auditEntries(std::string_view alias) const;
  // The rows of open_action_counts (migration 031) that count this scope's actions: its own
  // party's. Not for a scope that sees everything, whose every action is counted twice there
  // (once for each party).
  SqlFilter openActionCounts(std::string_view alias) const;

  bool seesEverything() const { return everything_; }
  // A provider's people: what is the authority's own until it is shared (a draft follow-up
  // report) is hidden from them as well.
  bool providerSide() const { return !everything_ && kind_ == OrganizationKind::Provider; }
  // Equal scopes make the same conditions: what one was shown, the other may see.
  bool operator==(const TenantScope&) const = default;

 private:
  bool everything_ = false;
  OrganizationKind kind_ = OrganizationKind::Provider;
  std::int64_t organizationId_ = 0;
};

}  // namespace sv::store
