#include "server/store/principal.hpp"

#include <string>

namespace sv::store {
namespace {

// Conditions are built by appending: `"(" + std::string` inserts at the front of a temporary,
// which GCC 12 reports as a false -Wrestrict in Release (GCC bug 105329).
std::string column(std::string_view alias, std::string_view name) {
  return std::string(alias) + "." + std::string(name);
}

}  // namespace

TenantScope TenantScope::of(const Principal& p) {
  TenantScope scope;
  scope.everything_ = p.isAdmin();
  scope.kind_ = p.organizationKind;
  scope.organizationId_ = p.organizationId;
  return scope;
}

TenantScope TenantScope::system() {
  TenantScope scope;
  scope.everything_ = true;
  return scope;
}

// An authority's people know their own authority and every provider (they choose among them when
// a contract is made); a provider's people know only their own organisation.
SqlFilter TenantScope::organizations(std::string_view alias) const {
  if (everything_) return {"1", {}};
  if (kind_ == OrganizationKind::Authority)
    return {std::string("(")
                .append(column(alias, "id"))
                .append(" = ? OR ")
                .append(column(alias, "kind"))
                .append(" = 'provider')"),
            {organizationId_}};
  return {column(alias, "id") + " = ?", {organizationId_}};
}

// People are known within their organisation, and across a contract the two parties know each
// other (to name adjusters and responsible persons).
SqlFilter TenantScope::users(std::string_view alias) const {
  if (everything_) return {"1", {}};
  const std::string org = column(alias, "organization_id");
  if (kind_ == OrganizationKind::Authority)
    return {std::string("(")
                .append(org)
                .append(" = ? OR ")
                .append(org)
                .append(" IN (SELECT provider_id FROM contracts WHERE authority_id = ?))"),
            {organizationId_, organizationId_}};
  return {std::string("(")
              .append(org)
              .append(" = ? OR ")
              .append(org)
              .append(" IN (SELECT authority_id FROM contracts WHERE provider_id = ?))"),
          {organizationId_, organizationId_}};
}

SqlFilter TenantScope::contracts(std::string_view alias) const {
  if (everything_) return {"1", {}};
  return {
      column(alias, kind_ == OrganizationKind::Authority ? "authority_id" : "provider_id") + " = ?",
      {organizationId_}};
}

}  // namespace sv::store
