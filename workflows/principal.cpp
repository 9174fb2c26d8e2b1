#include "workflows/principal.hpp"

#include "workflows/name_table.hpp"

namespace sv {
namespace {

constexpr NameTable<Role, 7> kRoles{{
    {Role::Admin, "admin"},
    {Role::ContractManager, "contract_manager"},
    {Role::ProviderRep, "provider_rep"},
    {Role::Registrar, "registrar"},
    {Role::Reader, "reader"},
    {Role::Director, "director"},
    {Role::CommitteeSecretary, "committee_secretary"},
}};

}  // namespace

std::string_view roleName(Role r) {
  return nameIn(kRoles, r);
}

std::optional<Role> parseRole(std::string_view text) {
  return valueIn(kRoles, text);
}

bool roleFitsOrganization(Role r, OrganizationKind kind) {
  return (r == Role::ProviderRep) == (kind == OrganizationKind::Provider);
}

std::string_view organizationKindName(OrganizationKind k) {
  return k == OrganizationKind::Authority ? "authority" : "provider";
}

std::optional<OrganizationKind> parseOrganizationKind(std::string_view name) {
  if (name == "authority") return OrganizationKind::Authority;
  if (name == "provider") return OrganizationKind::Provider;
  return std::nullopt;
}

}  // namespace sv
