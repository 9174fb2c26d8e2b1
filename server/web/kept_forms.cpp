#include "server/web/kept_forms.hpp"

#include <algorithm>
#include <charconv>

#include "server/http/dispatcher.hpp"
#include "server/services/kept_forms.hpp"
#include "server/web/words.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::web {
namespace {

// The fields as the form posted them, minus the token: a kept form proves nothing later on.
std::string encodeWithoutToken(const http::FormBody& form) {
  std::string out;
  for (const auto& [name, value] : form.fields()) {
    if (name == "csrf_token") continue;
    if (!out.empty()) out += '&';
    out += urlComponent(name) + "=" + urlComponent(value);
  }
  return out;
}

// A browser sends Origin with every form post; a post from another site is never kept.
bool postedFromOurOrigin(const http::Request& req) {
  const auto origin = req.header("origin");
  if (!origin) return true;
  const auto host = req.header("host").value_or("");
  return *origin == "http://" + host || *origin == "https://" + host;
}

std::string editPath(std::int64_t meetingId) {
  return "/moten/" + std::to_string(meetingId) + "/protokoll/redigera";
}

}  // namespace

http::Reply keepFormAndLogIn(const http::Request& req, Services& s, std::int64_t meetingId) {
  const auto form = formOf(req);
  Result<std::int64_t> kept = fail(Errc::Unauthenticated, Reason::KeptFormUnproven, "not ours");
  if (postedFromOurOrigin(req))
    kept = services::keepMinutesForm(s.store, s.time, meetingId, form.value("owner"),
                                     form.value("csrf_token"), encodeWithoutToken(form));
  if (!kept) {
    // As any page without a session: to the login page, which says the session ended.
    return redirect("/logga-in?utgangen=1&next=" + urlComponent(editPath(meetingId)));
  }
  const std::string back =
      editPath(meetingId) + "?" + kKeptFormParam + "=" + std::to_string(*kept) + "#sparad-text";
  return redirect("/logga-in?sparad=1&next=" + urlComponent(back))
      .header("Set-Cookie", http::sessionCookie("", s.secureCookies, true));
}

std::optional<http::FormBody> restoredForm(const http::Request& req, Services& s,
                                           std::int64_t meetingId) {
  const auto param = req.queryValue(kKeptFormParam);
  if (!param) return std::nullopt;
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(param->data(), param->data() + param->size(), id);
  if (ec != std::errc{} || end != param->data() + param->size()) return std::nullopt;
  auto kept = services::restoreMinutesForm(s.store, s.time, req.principal(), meetingId, id);
  if (!kept) return std::nullopt;
  auto form = http::FormBody::parse(kept->form);
  if (!form) return std::nullopt;
  return std::move(*form);
}

void addSessionData(Data& data, const http::Request& req, Services& s, std::int64_t meetingId,
                    bool restoring) {
  const auto& viewer = req.principal();
  data.set("owner", viewer.username);
  const auto idle = s.accounts.settings().idleTimeout;
  // The server notes activity once a minute, so the session may end up to a minute earlier than
  // a full idle period from now: the page promises the earlier time.
  const auto lastsUntil =
      s.time.now() + idle - std::min<std::chrono::seconds>(idle / 2, std::chrono::minutes(1));
  Data session;
  session.set("until", formatSwedishTime(lastsUntil));
  session.set("idle_seconds", std::to_string(idle.count()));
  // Five minutes' warning, or half the period when it is shorter than ten minutes.
  session.set("warn_seconds", std::to_string(std::min<std::int64_t>(300, idle.count() / 2)));
  data.set("session", session);
  if (restoring) return;
  if (auto pending = services::pendingMinutesForm(s.store, s.time, viewer, meetingId)) {
    Data kept;
    kept.set("when", formatSwedishDateTime(pending->keptAt));
    kept.set("link", editPath(meetingId) + "?" + kKeptFormParam + "=" +
                         std::to_string(pending->id) + "#sparad-text");
    data.set("kept_form", kept);
  }
}

}  // namespace sv::web
