#include "server/app/oidc_settings.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace sv::app {
namespace {

// A comma- (or semicolon-) separated list, each item trimmed; empty items dropped. Organisation
// names may hold commas ("Vård och omsorg, Norr"), so a semicolon in the list separates alone.
std::vector<std::string> listOf(const std::string& text) {
  const char separator = text.find(';') != std::string::npos ? ';' : ',';
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, separator)) {
    const auto first = item.find_first_not_of(" \t");
    const auto last = item.find_last_not_of(" \t");
    if (first != std::string::npos) out.push_back(item.substr(first, last - first + 1));
  }
  return out;
}

std::unexpected<Error> bad(const std::string& property, const std::string& why) {
  return fail(Errc::Invalid, property + ": " + why, property);
}

bool isProviderName(const std::string& name) {
  if (name.empty() || name.size() > 40 || name == "callback") return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  return true;
}

}  // namespace

OidcSettings readOidcSettings(const Poco::Util::AbstractConfiguration& c) {
  OidcSettings s;
  s.caFile = c.getString("samverkan.oidc.ca_file", "");
  for (const auto& name : listOf(c.getString("samverkan.oidc.providers", ""))) {
    const std::string key = "samverkan.oidc." + name + ".";
    OidcProviderProperties p;
    p.settings.name = name;
    p.settings.issuer = c.getString(key + "issuer", "");
    p.settings.clientId = c.getString(key + "client_id", "");
    p.clientSecretFile = c.getString(key + "client_secret_file", "");
    p.settings.scopes = c.getString(key + "scopes", p.settings.scopes);
    p.settings.organizations = listOf(c.getString(key + "organizations", ""));
    p.settings.label = c.getString(key + "label", "");
    p.provision = c.getString(key + "provision", "off");
    p.settings.rolesClaim = c.getString(key + "roles_claim", "");
    s.providers.push_back(std::move(p));
  }
  return s;
}

Result<std::vector<oidc::ProviderSettings>> checkOidcSettings(const OidcSettings& s) {
  std::vector<oidc::ProviderSettings> out;
  if (!s.caFile.empty() && !std::filesystem::is_regular_file(s.caFile))
    return bad("samverkan.oidc.ca_file", "no such file '" + s.caFile + "'");
  for (const auto& p : s.providers) {
    const std::string key = "samverkan.oidc." + p.settings.name + ".";
    if (!isProviderName(p.settings.name))
      return bad("samverkan.oidc.providers",
                 "a provider's name is 1-40 characters of a-z, 0-9, '-' and '_' (not 'callback')");
    for (const auto& other : out)
      if (other.name == p.settings.name)
        return bad("samverkan.oidc.providers", "'" + p.settings.name + "' is named twice");
    if (p.settings.issuer.rfind("https://", 0) != 0)
      return bad(key + "issuer", "an https URL is required");
    if (p.settings.clientId.empty()) return bad(key + "client_id", "required");
    if (p.settings.scopes.find("openid") == std::string::npos)
      return bad(key + "scopes", "must include 'openid'");
    if (p.settings.organizations.empty())
      return bad(key + "organizations", "name the organisations whose people it signs in");
    if (p.settings.label.empty())
      return bad(key + "label", "the button's Swedish text is required");
    if (p.provision != "off" && p.provision != "claims")
      return bad(key + "provision", "'off' or 'claims', not '" + p.provision + "'");
    if (p.provision == "claims" && p.settings.rolesClaim.empty())
      return bad(key + "roles_claim", "provision = claims gives roles only from this claim");
    // The secret stays out of the properties (they are in version control and in backups).
    if (p.clientSecretFile.empty()) return bad(key + "client_secret_file", "required");
    std::ifstream in(p.clientSecretFile, std::ios::binary);
    std::string secret((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
    if (!in.good() && !in.eof()) secret.clear();
    if (secret.empty())
      return bad(key + "client_secret_file", "cannot read '" + p.clientSecretFile + "'");
    auto settings = p.settings;
    settings.clientSecret = std::move(secret);
    settings.provisionFromClaims = p.provision == "claims";
    out.push_back(std::move(settings));
  }
  return out;
}

}  // namespace sv::app
