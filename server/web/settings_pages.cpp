// "Mina inställningar" (GET/POST /installningar): which e-mail the person gets, kind by kind;
// and the unsubscribe link of a message (GET/POST /e-post/avsluta/{token}/{kind}), which works
// without a login: the token in the link is the proof, and a mail program may post to it on its
// own (RFC 8058), so the post is not checked for a CSRF token (Login::ByPathToken).
#include <map>

#include "server/http/problem.hpp"
#include "server/services/mail_choices.hpp"
#include "server/web/messages.hpp"
#include "server/web/pages.hpp"
#include "server/web/words.hpp"

namespace sv::web {
namespace {

const std::map<std::string, std::string> kSettingsFlashes{
    {"sparat", "Dina inställningar är sparade."},
};

constexpr const char* kForm = "settings";

std::string groupId(std::string_view key) {
  return "choice-" + std::string(key);
}

http::Reply settingsPage(const http::Request& req, Services& s,
                         std::optional<FormError> error = std::nullopt) {
  Page page{.title = "Mina inställningar", .templateName = "settings", .current = "installningar"};
  page.flash = flashOf(req, kSettingsFlashes);
  auto kinds = list();
  for (const auto& view : services::mailChoicesOf(s.store, req.principal())) {
    const auto kind = mailKindWord(view.kind);
    Data d;
    d.set("key", view.key);
    d.set("id", groupId(view.key));
    d.set("label", kind);
    d.set("required", view.required);
    // After a failed post the person's own picks come back, not what is stored.
    const std::string chosen = kept(error, kForm, view.key, std::string(mail::nameOf(view.choice)));
    auto options = list();
    for (const auto choice : view.allowed) {
      const std::string name(mail::nameOf(choice));
      Data o;
      o.set("value", name);
      o.set("id", groupId(view.key) + "-" + name);
      o.set("label", mailChoiceWord(choice));
      o.set("checked", chosen == name);
      options.push_back(o);
    }
    d.set("options", options);
    kinds.push_back(d);
  }
  page.data.set("kinds", kinds);
  page.error = std::move(error);
  return render(req, std::move(page));
}

http::Reply saveSettings(http::Request& req, Services& s) {
  const auto form = formOf(req);
  // The kinds the page shows a choice for; a required kind has none and is not sent.
  std::map<std::string, std::string> choices;
  for (const auto& rule : mail::kindRules()) {
    const std::string key(rule.key);
    if (form.has(key)) choices[key] = form.value(key);
  }
  if (auto done = services::setMailChoices(s.store, s.time, req.principal(), choices); !done) {
    const auto& e = done.error();
    if (e.code == Errc::Internal) return failurePage(req, e);
    return settingsPage(req, s, formError(kForm, e, groupId(e.field), form));
  }
  return redirect("/installningar?klart=sparat");
}

http::Reply badLinkPage(const http::Request& req) {
  return errorPage(req, 404, "Länken gäller inte",
                   "Länken för att avsluta e-post finns inte, eller så gäller den inte längre. "
                   "Logga in och välj vilken e-post du vill få under Mina inställningar.");
}

Data unsubscribeData(const services::UnsubscribeTarget& target, const http::Request& req) {
  Data d;
  d.set("name", target.name);
  d.set("kind", mailKindInSentence(target.kind));
  d.set("required", mail::ruleOf(target.kind).required);
  d.set("action", req.path);
  return d;
}

http::Reply unsubscribePage(const http::Request& req, Services& s) {
  const auto target =
      services::unsubscribeTarget(s.store, req.pathParams.at("token"), req.pathParams.at("kind"));
  if (!target) {
    if (target.error().code == Errc::NotFound) return badLinkPage(req);
    return failurePage(req, target.error());
  }
  Page page{.title = "Avsluta e-post", .templateName = "unsubscribe"};
  page.data = unsubscribeData(*target, req);
  return render(req, std::move(page));
}

http::Reply unsubscribe(const http::Request& req, Services& s) {
  const auto done = services::unsubscribeByToken(s.store, s.time, req.pathParams.at("token"),
                                                 req.pathParams.at("kind"));
  if (!done) {
    const auto& e = done.error();
    if (e.code == Errc::NotFound) return badLinkPage(req);
    if (e.code == Errc::Internal) return failurePage(req, e);
    return errorPage(req, http::statusOf(e.code), "E-posten kan inte avslutas", swedishMessage(e));
  }
  Page page{.title = "E-post avslutad", .templateName = "unsubscribed"};
  page.data = unsubscribeData(*done, req);
  return render(req, std::move(page));
}

}  // namespace

void registerSettingsPages(http::Router& router, Services& s) {
  addPage(router, "GET", "/installningar",
          [&s](http::Request& req) { return settingsPage(req, s); });
  addPage(router, "POST", "/installningar",
          [&s](http::Request& req) { return saveSettings(req, s); });

  addPage(router, "GET", "/e-post/avsluta/{token}/{kind}", Login::ByPathToken,
          [&s](http::Request& req) { return unsubscribePage(req, s); });
  addPage(router, "POST", "/e-post/avsluta/{token}/{kind}", Login::ByPathToken,
          [&s](http::Request& req) { return unsubscribe(req, s); });
}

}  // namespace sv::web
