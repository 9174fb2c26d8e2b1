// The administrator's page (/administration): the organisations and the users, and the forms that
// create them (a user with roles in one organisation), and how many e-mails could not be sent.
#include <charconv>
#include <map>

#include "server/services/mail_outbox.hpp"
#include "server/web/pages.hpp"
#include "server/web/words.hpp"

namespace sv::web {
namespace {

const std::map<std::string, std::string> kAdminFlashes{
    {"organisation", "Organisationen är skapad."},
    {"anvandare", "Användaren är skapad och kan logga in."},
    {"losenord", "Inloggningen med lösenord är ändrad för organisationen."},
};

constexpr store::Role kRoles[] = {store::Role::ContractManager,
                                  store::Role::ProviderRep,
                                  store::Role::Registrar,
                                  store::Role::Reader,
                                  store::Role::Director,
                                  store::Role::CommitteeSecretary,
                                  store::Role::Admin};

std::string kindWord(store::OrganizationKind kind) {
  return kind == store::OrganizationKind::Authority ? "Förvaltning" : "Utförare";
}

http::Reply refusedAdmin(const http::Request& req) {
  return errorPage(req, 403, "Du har inte behörighet",
                   "Administrationen är till för administratören. Kontakta administratören om du "
                   "behöver en ny användare eller organisation.");
}

http::Reply adminPage(const http::Request& req, Services& s,
                      std::optional<FormError> error = std::nullopt) {
  const auto& viewer = req.principal();
  if (!viewer.isAdmin()) return refusedAdmin(req);
  Page page{.title = "Administration", .templateName = "admin", .current = "admin"};
  page.flash = flashOf(req, kAdminFlashes);
  Data& data = page.data;

  const auto organizations = s.accounts.organizations(viewer);
  std::map<std::int64_t, std::string> names;
  auto orgRows = list();
  for (const auto& o : organizations) {
    names[o.id] = o.name;
    Data d;
    d.set("id", std::to_string(o.id));
    d.set("name", o.name);
    d.set("kind", kindWord(o.kind));
    d.set("created", swedishDateTime(o.createdAt));
    d.set("password_login_word",
          o.passwordLogin ? "Tillåten" : "Avstängd (bara via identitetsleverantören)");
    d.set("password_login_next", o.passwordLogin ? "off" : "on");
    d.set("password_login_button", o.passwordLogin ? "Stäng av" : "Slå på");
    orgRows.push_back(d);
  }
  data.set("organizations", orgRows);

  auto userRows = list();
  for (const auto& u : s.accounts.users(viewer, std::nullopt)) {
    std::string roles;
    for (auto r : kRoles)
      if (u.roles.contains(r)) roles += (roles.empty() ? "" : ", ") + userRoleWord(r);
    Data d;
    d.set("username", u.username);
    d.set("name", u.name);
    d.set("email", u.email);
    d.set("organization", names.contains(u.organizationId) ? names[u.organizationId] : "");
    d.set("roles", roles);
    d.set("active", u.active ? std::string("Aktiv") : std::string("Avstängd"));
    userRows.push_back(d);
  }
  data.set("users", userRows);

  // The failing count only; the messages are on their own page (admin_mail_pages.cpp).
  if (auto outbox = services::outboxOverview(s.store, accounts::Actor{&viewer}, 1, 0)) {
    const auto failing = outbox->counts.failing;
    data.set("mail_failing", failing > 0);
    data.set("mail_failing_count",
             failing == 1 ? std::string("1 meddelande") : std::to_string(failing) + " meddelanden");
  }

  Data org;
  org.set("name", kept(error, "new_org", "name"));
  const std::string kind = kept(error, "new_org", "kind", "provider");
  org.set("provider", kind != "authority");
  org.set("authority", kind == "authority");
  data.set("new_org", org);

  const bool userFailed = error && error->form == "new_user";
  Data user;
  user.set("username", kept(error, "new_user", "username"));
  user.set("name", kept(error, "new_user", "name"));
  user.set("email", kept(error, "new_user", "email"));
  const std::string chosenOrg = kept(error, "new_user", "organization_id");
  auto orgOptions = list();
  for (const auto& o : organizations) {
    Data d;
    d.set("value", std::to_string(o.id));
    d.set("label", o.name + " (" + kindWord(o.kind) + ")");
    d.set("selected", chosenOrg == std::to_string(o.id));
    orgOptions.push_back(d);
  }
  user.set("organizations", orgOptions);
  const auto chosenRoles = userFailed ? error->posted.values("roles") : std::vector<std::string>{};
  auto roleBoxes = list();
  for (auto r : kRoles) {
    const std::string name(store::roleName(r));
    Data d;
    d.set("value", name);
    d.set("label", userRoleWord(r));
    d.set("checked", std::ranges::find(chosenRoles, name) != chosenRoles.end());
    roleBoxes.push_back(d);
  }
  user.set("roles", roleBoxes);
  data.set("new_user", user);
  page.error = std::move(error);
  return render(req, std::move(page));
}

std::string fieldIdFor(const std::string& form, const std::string& field) {
  static const std::map<std::string, std::string> kOrg{{"name", "new_org_name"},
                                                       {"kind", "new_org_kind_provider"}};
  static const std::map<std::string, std::string> kUser{
      {"username", "new_user_username"}, {"name", "new_user_name"},
      {"email", "new_user_email"},       {"password", "new_user_password"},
      {"roles", "new_user_roles"},       {"organization_id", "new_user_organization"}};
  const auto& table = form == "new_org" ? kOrg : kUser;
  const auto it = table.find(field);
  return it == table.end() ? std::string() : it->second;
}

}  // namespace

void registerAdminPages(http::Router& router, Services& s) {
  addPage(router, "GET", "/administration", [&s](http::Request& req) { return adminPage(req, s); });

  addPage(router, "POST", "/administration/organisationer", [&s](http::Request& req) {
    if (!req.principal().isAdmin()) return refusedAdmin(req);
    auto form = formOf(req);
    auto created = s.accounts.createOrganization(accounts::Actor{&req.principal()},
                                                 {oneLine(form.value("name")), form.value("kind")});
    if (!created) {
      const auto& e = created.error();
      if (e.code == Errc::Internal) return failurePage(req, e);
      return adminPage(req, s,
                       formError("new_org", e, fieldIdFor("new_org", e.field), std::move(form)));
    }
    return redirect("/administration?klart=organisation#organisationer");
  });

  // An organisation whose people all sign in through their identity provider turns passwords off.
  addPage(router, "POST", "/administration/organisationer/{id}/losenord", [&s](http::Request& req) {
    if (!req.principal().isAdmin()) return refusedAdmin(req);
    const auto& id = req.pathParams.at("id");
    std::int64_t orgId = 0;
    const auto [p, ec] = std::from_chars(id.data(), id.data() + id.size(), orgId);
    if (ec != std::errc{} || p != id.data() + id.size()) return notFoundPage(req);
    auto changed = s.accounts.setPasswordLogin(accounts::Actor{&req.principal()}, orgId,
                                               formOf(req).value("password_login") == "on");
    if (!changed) return failurePage(req, changed.error());
    return redirect("/administration?klart=losenord#organisationer");
  });

  addPage(router, "POST", "/administration/anvandare", [&s](http::Request& req) {
    if (!req.principal().isAdmin()) return refusedAdmin(req);
    auto form = formOf(req);
    accounts::NewUser input;
    input.username = oneLine(form.value("username"));
    input.name = oneLine(form.value("name"));
    input.email = oneLine(form.value("email"));
    input.password = form.value("password");
    const auto org = form.value("organization_id");
    std::int64_t orgId = 0;
    const auto [p, ec] = std::from_chars(org.data(), org.data() + org.size(), orgId);
    if (ec != std::errc{} || p != org.data() + org.size()) orgId = 0;
    input.organizationId = orgId;
    input.roles = form.values("roles");
    auto created = s.accounts.createUser(accounts::Actor{&req.principal()}, input);
    if (!created) {
      const auto& e = created.error();
      if (e.code == Errc::Internal) return failurePage(req, e);
      return adminPage(req, s,
                       formError("new_user", e, fieldIdFor("new_user", e.field), std::move(form)));
    }
    return redirect("/administration?klart=anvandare#anvandare");
  });
}

}  // namespace sv::web
