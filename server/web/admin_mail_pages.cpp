// The administrator's page of e-mail that could not be sent (/administration/e-post): how many
// messages wait, fail and have gone, the failing ones a page at a time with why the last attempt
// failed, and for each a button that tries it again at the sender's next round. The message's
// text is never shown: it may hold what an administrator may not read.
#include <algorithm>
#include <charconv>
#include <map>

#include "server/services/mail_outbox.hpp"
#include "server/web/pages.hpp"
#include "server/web/words.hpp"
#include "workflows/mail_kinds.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::web {
namespace {

constexpr int kMailPageSize = 25;

const std::map<std::string, std::string> kMailFlashes{
    {"skickas", "Meddelandet skickas vid nästa försök."},
};

http::Reply refusedMail(const http::Request& req) {
  return errorPage(req, 403, "Du har inte behörighet",
                   "E-postkön är till för administratören. Kontakta administratören om e-post "
                   "från Samverkan inte kommer fram.");
}

std::string messagesWord(std::int64_t n) {
  return std::to_string(n) + (n == 1 ? " meddelande" : " meddelanden");
}

http::Reply mailPage(const http::Request& req, Services& s,
                     std::optional<FormError> error = std::nullopt) {
  const auto& viewer = req.principal();
  if (!viewer.isAdmin()) return refusedMail(req);
  const int pageNo = pageNumber(req);
  // One more than a page tells whether there is a next one.
  auto overview = services::outboxOverview(s.store, accounts::Actor{&viewer}, kMailPageSize + 1,
                                           (pageNo - 1) * kMailPageSize);
  if (!overview) return failurePage(req, overview.error());
  Page page{.title = "E-post som inte har kunnat skickas",
            .templateName = "admin_mail",
            .current = "admin"};
  page.flash = flashOf(req, kMailFlashes);
  Data& data = page.data;

  const auto& counts = overview->counts;
  data.set("waiting", messagesWord(counts.waiting));
  data.set("failing", messagesWord(counts.failing));
  data.set("sent", messagesWord(counts.sent));

  auto& failing = overview->failing;
  const bool more = failing.size() > static_cast<std::size_t>(kMailPageSize);
  if (more) failing.resize(kMailPageSize);
  auto rows = list();
  for (const auto& m : failing) {
    Data d;
    d.set("id", std::to_string(m.id));
    // The kind in Swedish; the digest is no kind a person chooses, but it is sent.
    const auto kind = mail::parseKind(m.kind);
    d.set("kind", kind ? mailKindWord(*kind) : m.kind == "digest" ? "Dagligt sammandrag" : m.kind);
    d.set("recipient", m.recipient);
    d.set("attempts", std::to_string(m.attempts));
    d.set("last_error", m.lastError);
    d.set("next_attempt", formatSwedishDateTime(m.nextAttemptAt));
    d.set("created", formatSwedishDateTime(m.createdAt));
    rows.push_back(d);
  }
  data.set("messages", rows);
  data.set("has_messages", !failing.empty());
  if (!failing.empty()) {
    const auto first = static_cast<std::size_t>(pageNo - 1) * kMailPageSize + 1;
    data.set("shown", "meddelande " + std::to_string(first) + "–" +
                          std::to_string(first + failing.size() - 1) + ", sida " +
                          std::to_string(pageNo));
  }
  const std::string base = "/administration/e-post?sida=";
  data.set("has_previous", pageNo > 1);
  data.set("previous_href", base + std::to_string(pageNo - 1) + "#misslyckade");
  data.set("has_next", more);
  data.set("next_href", base + std::to_string(pageNo + 1) + "#misslyckade");
  data.set("has_pages", pageNo > 1 || more);
  page.error = std::move(error);
  return render(req, std::move(page));
}

}  // namespace

void registerAdminMailPages(http::Router& router, Services& s) {
  addPage(router, "GET", "/administration/e-post",
          [&s](http::Request& req) { return mailPage(req, s); });

  addPage(router, "POST", "/administration/e-post/{id}/skicka", [&s](http::Request& req) {
    if (!req.principal().isAdmin()) return refusedMail(req);
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto resent = services::resendMail(s.store, s.time, accounts::Actor{&req.principal()}, *id);
    if (!resent) {
      const auto& e = resent.error();
      if (e.code == Errc::Internal) return failurePage(req, e);
      auto shown = formError("resend", e, "", formOf(req));
      // Usually the sender got there first: say so rather than "no longer exists".
      if (e.code == Errc::NotFound)
        shown.message =
            "Meddelandet finns inte bland dem som inte har kunnat skickas. Det kan ha skickats "
            "under tiden.";
      return mailPage(req, s, std::move(shown));
    }
    return redirect("/administration/e-post?klart=skickas#misslyckade");
  });
}

}  // namespace sv::web
