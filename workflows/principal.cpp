#include "workflows/principal.hpp"

#include <array>
#include <utility>

namespace sv {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 5> kRoles{{
    {Role::Admin, "admin"},
    {Role::ContractManager, "contract_manager"},
    {Role::ProviderRep, "provider_rep"},
    {Role::Registrar, "registrar"},
    {Role::Reader, "reader"},
}};

}  // namespace

std::string_view roleName(Role r) {
  for (const auto& [role, name] : kRoles)
    if (role == r) return name;
  return "";
}

std::optional<Role> parseRole(std::string_view text) {
  for (const auto& [role, name] : kRoles)
    if (name == text) return role;
  return std::nullopt;
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
