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
  if (everything_) return {"TRUE", {}};
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
  if (everything_) return {"TRUE", {}};
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
  if (everything_) return {"TRUE", {}};
  return {
      column(alias, kind_ == OrganizationKind::Authority ? "authority_id" : "provider_id") + " = ?",
      {organizationId_}};
}

SqlFilter TenantScope::openActionCounts(std::string_view alias) const {
  return {column(alias, "party") +
              (kind_ == OrganizationKind::Authority ? " = 'authority'" : " = 'provider'") +
              " AND " + column(alias, "organization_id") + " = ?",
          {organizationId_}};
}

SqlFilter TenantScope::auditEntries(std::string_view alias) const {
  if (everything_) return {"TRUE", {}};
  const std::string type = column(alias, "object_type");
  const std::string id = column(alias, "object_id");
  const std::string party = kind_ == OrganizationKind::Authority ? "authority_id" : "provider_id";
  SqlFilter out{"(", {}};
  auto add = [&](std::string_view objectType, std::string_view idsOfOrganization) {
    if (!out.params.empty()) out.sql.append(" OR ");
    out.sql.append("(")
        .append(type)
        .append(" = '")
        .append(objectType)
        .append("' AND ")
        .append(id)
        .append(" IN (")
        .append(idsOfOrganization)
        .append("))");
    out.params.push_back(organizationId_);
  };
  // Everything that belongs to a contract: the row's id as the log writes it, as text.
  const auto onContract = [&](std::string_view table) {
    return std::string("SELECT CAST(x.id AS TEXT) FROM ")
        .append(table)
        .append(" x JOIN contracts c ON c.id = x.contract_id WHERE c.")
        .append(party)
        .append(" = ?");
  };
  add("contract",
      std::string("SELECT CAST(id AS TEXT) FROM contracts WHERE ").append(party) + " = ?");
  add("meeting", onContract("meetings"));
  add("action", onContract("actions"));
  add("attachment", onContract("attachments"));
  add("report", onContract("reports"));
  add("case", onContract("follow_up_cases"));
  if (kind_ == OrganizationKind::Authority)
    add("annual_report", "SELECT CAST(id AS TEXT) FROM annual_reports WHERE authority_id = ?");
  add("user", "SELECT CAST(id AS TEXT) FROM users WHERE organization_id = ?");
  add("account", "SELECT username FROM users WHERE organization_id = ?");
  add("organization", "SELECT CAST(? AS TEXT)");
  out.sql.append(")");
  return out;
}

}  // namespace sv::store
