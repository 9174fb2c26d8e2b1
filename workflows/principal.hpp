// Who is asking: a person, the organisation they belong to and the roles they hold. A plain value
// of the domain: the store loads it, the HTTP frame carries it (http::Identity), the services
// decide with it. The tenant rule built on it (what a person may see) is store::TenantScope.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace sv {

// Director (förvaltningschef) and CommitteeSecretary (nämndsekreterare) belong to an authority and
// are told of acute cases; they read what the authority's people read.
enum class Role {
  Admin,
  ContractManager,
  ProviderRep,
  Registrar,
  Reader,
  Director,
  CommitteeSecretary
};
enum class OrganizationKind { Authority, Provider };

// Which roles each kind of organisation may hold, the one table of it: a provider's people are
// provider_rep and nothing else; every other role, admin included, is the authority's (the
// municipality runs the server and sees every tenant; a provider's administrator would see its
// competitors). Accounts refuses a user that breaks it; a principal counts admin only where it
// fits.
bool roleFitsOrganization(Role r, OrganizationKind kind);

std::string_view roleName(Role r);
std::optional<Role> parseRole(std::string_view name);
std::string_view organizationKindName(OrganizationKind k);
std::optional<OrganizationKind> parseOrganizationKind(std::string_view name);

struct Principal {
  std::int64_t userId = 0;
  std::string username;
  std::string name;
  std::string email;
  std::int64_t organizationId = 0;
  std::string organizationName;
  OrganizationKind organizationKind = OrganizationKind::Provider;
  std::set<Role> roles;
  // How this session's person logged in, as the signature block says it after "efter": empty for
  // a password; "inloggning via <provider> (OpenID Connect, acr …)" through an identity provider.
  std::string authentication;

  bool has(Role r) const { return roles.contains(r); }
  // An admin row at a provider (written before the table above held) grants nothing.
  bool isAdmin() const {
    return has(Role::Admin) && roleFitsOrganization(Role::Admin, organizationKind);
  }
};

}  // namespace sv
