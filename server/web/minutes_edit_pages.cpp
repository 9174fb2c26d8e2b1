// The whole protocol as one edit form (/moten/{id}/protokoll/redigera), saved against the version
// it was made from: a save on an older version merges what others saved meanwhile or shows the
// conflicts, and text typed when the session had ended is kept (kept_forms.hpp) and given back
// after the next login. The protocol page and its lifecycle forms are minutes_pages.cpp.
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "minutes/markdown_html.hpp"
#include "server/web/kept_forms.hpp"
#include "server/web/minutes_form.hpp"
#include "server/web/minutes_parts.hpp"
#include "server/web/pages.hpp"
#include "server/web/review_comments.hpp"
#include "server/web/words.hpp"

namespace sv::web {
namespace {

// A conflict's texts start with their own "## § n" heading: under the conflict's h3 and the h4
// naming whose text it is, that becomes an h5.
constexpr int kMinutesConflictOffset = 3;

const std::map<std::string, std::string> kMinutesEditFlashes{
    {"upprattat", "Protokollet är upprättat från den publicerade dagordningen."},
    {"sparat", "Protokollet är sparat."},
    {"sammanfogat",
     "Protokollet är sparat. Någon annan hade sparat ändringar i andra delar under tiden; de finns "
     "kvar och är sammanfogade med dina."},
    {"oforandrat", "Inget var ändrat, så ingen ny version sparades."},
    {"hanterat",
     "Dina svar på synpunkterna är sparade. Protokollets text var oförändrad, så ingen ny version "
     "sparades."},
    {"sparat-hanterat", "Protokollet och dina svar på synpunkterna är sparade."},
};

// Before anything is saved: may the viewer answer the comments at all (roles before fields), and
// does each answer hold. The error and the field to mark, or nothing.
std::optional<std::pair<Error, std::string>> checkHandlings(
    const http::Request& req, Services& s, std::int64_t id,
    const std::vector<std::pair<std::int64_t, std::string>>& handlings) {
  if (handlings.empty()) return std::nullopt;
  if (auto may = s.minutes.mayEdit(req.principal(), id); !may) return {{may.error(), ""}};
  for (const auto& [commentId, how] : handlings)
    if (auto ok = review::checkHandling(how); !ok)
      return {{ok.error(), handlingFieldId(commentId)}};
  return std::nullopt;
}

http::Reply minutesEditPage(const http::Request& req, Services& s, std::int64_t id,
                            std::optional<minutes::Minutes> shown = std::nullopt,
                            std::string version = {}, std::optional<FormError> error = std::nullopt,
                            const std::vector<minutes::MergeConflict>& conflicts = {},
                            const http::FormBody* restored = nullptr) {
  const auto& viewer = req.principal();
  auto meeting = s.meetings.get(viewer, id);
  if (!meeting) return failurePage(req, meeting.error());
  if (!writesMinutes(viewer, *meeting))
    return errorPage(req, 403, "Du har inte behörighet",
                     "Bara mötets sekreterare eller ordförande och avtalsansvarig skriver "
                     "protokollet. Du kan läsa det och justera det om du är justerare.");
  auto life = s.minutes.lifecycle(viewer, id);
  if (!life) {
    if (life.error().code == Errc::NotFound) return redirect(minutesPath(id));
    return failurePage(req, life.error());
  }
  if (life->state == minutes::MinutesState::Registered)
    return errorPage(req, 409, "Protokollet kan inte ändras",
                     "Protokollet är diariefört och ändras aldrig mer. Du kan läsa det och hämta "
                     "det som PDF från protokollets sida.");
  if (version.empty()) version = life->version;
  auto saved = s.minutes.atVersion(viewer, id, version);  // what the form's attendees are
  if (!saved) return failurePage(req, saved.error());
  if (!shown) shown = saved->document;
  auto versions = s.minutes.versions(viewer, id);
  if (!versions) return failurePage(req, versions.error());
  const auto facts = versionFacts(*versions);

  Page page{
      .title = "Redigera protokollet " + meetingDate(*meeting) + " – " + meeting->contract.title,
      .templateName = "minutes_edit",
      .current = "avtal"};
  page.flash = flashOf(req, kMinutesEditFlashes);
  Data& data = page.data;
  addMeeting(data, *meeting, s.catalog);
  data.set("version", versionData(version, facts));
  data.set("state", minutesStateWord(life->state));
  data.set("under_review", life->state == minutes::MinutesState::InReview ||
                               life->state == minutes::MinutesState::Approved);
  auto conflictList = list();
  for (const auto& c : conflicts) {
    Data d;
    d.set("title", c.unit == minutes::MergeUnit::Section
                       ? "§ " + std::to_string(c.sectionNumber) + " " + c.title
                       : c.title);
    // Both texts are the unit as Markdown; shown rendered, as the protocol shows them, through the
    // one safe renderer. Its "## § n" heading goes under the conflict's h3 and h4.
    d.set("theirs_html", minutes::markdownToSafeHtml(c.theirs, kMinutesConflictOffset));
    d.set("mine_html", minutes::markdownToSafeHtml(c.mine, kMinutesConflictOffset));
    conflictList.push_back(d);
  }
  data.set("conflicts", conflictList);
  data.set("has_conflicts", !conflicts.empty());
  data.set("restored", restored);
  addSessionData(data, req, s, id, restored);
  auto comments = s.minutes.comments(viewer, id);
  if (!comments) return failurePage(req, comments.error());
  const std::string invalidId = error ? error->field : "";
  addMinutesForm(data, *shown, saved->document.attendance.size(), invalidId,
                 followUpHistory(s, viewer, *shown),
                 {.all = std::move(*comments),
                  .handleable = true,
                  .typed = restored ? restored
                           : error  ? &error->posted
                                    : nullptr,
                  .invalidId = invalidId});
  page.error = std::move(error);
  return render(req, std::move(page));
}

}  // namespace

void registerMinutesEditPages(http::Router& router, Services& s) {
  addPage(router, "GET", "/moten/{id}/protokoll/redigera", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    // Text kept when a save came after the session had ended: back in the form, on the version
    // it was typed on, so that saving it merges or shows conflicts as any save does.
    if (auto kept = restoredForm(req, s, *id)) {
      const std::string version = kept->value("version");
      if (auto base = s.minutes.atVersion(req.principal(), *id, version))
        return minutesEditPage(req, s, *id, minutesFromForm(base->document, *kept), version,
                               std::nullopt, {}, &*kept);
    }
    return minutesEditPage(req, s, *id);
  });

  // Login::Optional: when the session ended while the person typed, their text is kept for them.
  addPage(router, "POST", "/moten/{id}/protokoll/redigera", Login::Optional, [&s](auto& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    if (!req.session) return keepFormAndLogIn(req, s, *id);
    const auto& viewer = req.principal();
    auto form = formOf(req);
    const std::string version = form.value("version");
    auto base = s.minutes.atVersion(viewer, *id, version);
    if (!base) {
      if (base.error().code == Errc::Internal) return failurePage(req, base.error());
      // No such version (or meeting): the page shows the current version, or 404.
      return minutesEditPage(
          req, s, *id, std::nullopt, {},
          FormError{"minutes",
                    "Formuläret hör till en version av protokollet som inte finns. "
                    "Ladda om sidan och skriv in dina ändringar igen.",
                    "", std::move(form), 409});
    }
    const auto mine = minutesFromForm(base->document, form);
    auto comments = s.minutes.comments(viewer, *id);
    if (!comments) return failurePage(req, comments.error());
    const auto handlings = handlingsOf(form, *comments);
    if (auto refused = checkHandlings(req, s, *id, handlings)) {
      if (refused->first.code == Errc::Internal) return failurePage(req, refused->first);
      return minutesEditPage(
          req, s, *id, mine, version,
          formError("minutes", refused->first, refused->second, std::move(form)));
    }
    auto saved = s.minutes.save(viewer, *id, version, mine);
    if (!saved) {
      const auto& e = saved.error();
      if (e.code == Errc::Internal) return failurePage(req, e);
      return minutesEditPage(req, s, *id, mine, version,
                             formError("minutes", e, fieldIdOf(e.field), std::move(form)));
    }
    if (saved->conflict) {
      const auto& current = saved->conflict->currentVersion;
      auto now = s.minutes.atVersion(viewer, *id, current);
      if (!now) return failurePage(req, now.error());
      return minutesEditPage(
          req, s, *id, keepEditorsChanges(base->document, now->document, mine), current,
          FormError{"minutes",
                    "Någon annan har sparat ändringar i samma del av protokollet medan "
                    "du skrev, så inget sparades. Din text finns kvar i formuläret. "
                    "Jämför den med den sparade texten under Krockar, rätta det som "
                    "behövs och spara igen.",
                    "", std::move(form), 409},
          saved->conflict->conflicts);
    }
    // The word on each comment once the text it may speak of is saved. One handled by someone
    // else meanwhile keeps their word.
    for (const auto& [commentId, how] : handlings) {
      auto handled = s.minutes.handleComment(viewer, *id, commentId, how);
      if (!handled && handled.error().reason != Reason::CommentHandled)
        return failurePage(req, handled.error());
    }
    const std::string done = !handlings.empty() ? (saved->changed ? "sparat-hanterat" : "hanterat")
                             : !saved->changed  ? "oforandrat"
                             : saved->merged    ? "sammanfogat"
                                                : "sparat";
    return redirect(minutesPath(*id) + "/redigera?klart=" + done);
  });
}

}  // namespace sv::web
