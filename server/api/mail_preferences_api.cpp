// The caller's own e-mail choices (issue 12), the same as the page "Mina inställningar": which
// kinds of e-mail they get at once, in the daily digest, or not at all. The unsubscribe token is
// never part of an answer: it is the secret of the links in the person's mail.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <map>

#include "server/api/api.hpp"
#include "server/http/json_body.hpp"
#include "server/services/mail_choices.hpp"

namespace sv::api {
namespace {

Poco::JSON::Object preferencesJson(const std::vector<services::MailChoiceView>& views) {
  Poco::JSON::Array kinds;
  for (const auto& v : views) {
    auto j = http::orderedObject();
    j.set("kind", v.key);
    j.set("choice", std::string(mail::nameOf(v.choice)));
    Poco::JSON::Array allowed;
    for (const auto choice : v.allowed) allowed.add(std::string(mail::nameOf(choice)));
    j.set("allowed", allowed);
    j.set("required", v.required);
    kinds.add(j);
  }
  auto out = http::orderedObject();
  out.set("kinds", kinds);
  return out;
}

// {"choices": {"reminder": "digest", …}}: an object of strings, read once here.
Result<std::map<std::string, std::string>> readChoices(const http::JsonBody& body) {
  auto object = body.object().getObject("choices");
  if (!object) return fail(Errc::Malformed, "'choices' must be an object", "choices");
  std::map<std::string, std::string> out;
  for (const auto& [key, value] : *object) {
    if (!value.isString())
      return fail(Errc::Malformed, "choices." + key + " must be a string", "choices." + key);
    out[key] = value.extract<std::string>();
  }
  return out;
}

}  // namespace

void registerMailPreferences(http::Router& router, Services& s) {
  router.add({"GET",
              "/api/v1/me/mail-preferences",
              http::Access::LoggedIn,
              [&s](http::Request& req) -> Result<http::Reply> {
                return http::Reply::json(
                    preferencesJson(services::mailChoicesOf(s.store, req.principal())));
              },
              {.operationId = "getMailPreferences",
               .summary = "Which e-mail the caller gets, per kind, and what each kind allows",
               .tag = "session",
               .responseSchema = "MailPreferences"}});

  router.add({"PUT",
              "/api/v1/me/mail-preferences",
              http::Access::LoggedIn,
              [&s](http::Request& req) -> Result<http::Reply> {
                auto body = http::JsonBody::parse(req.body);
                if (!body) return std::unexpected(body.error());
                auto choices = readChoices(*body);
                if (!choices) return std::unexpected(choices.error());
                if (auto done =
                        services::setMailChoices(s.store, s.time, req.principal(), *choices);
                    !done)
                  return std::unexpected(done.error());
                return http::Reply::json(
                    preferencesJson(services::mailChoicesOf(s.store, req.principal())));
              },
              {
                  .operationId = "setMailPreferences",
                  .summary = "Set the caller's e-mail choices; kinds not named keep theirs",
                  .tag = "session",
                  .requestSchema = "MailPreferencesUpdate",
                  .responseSchema = "MailPreferences",
              }});
}

}  // namespace sv::api
