// The minutes of a meeting as pages: the protocol with its approvals and the forms of its
// lifecycle (/moten/{id}/protokoll: start, submit, approve an exact version, return with
// comments, register), the whole protocol as one edit form that is saved against the version it
// was made from (…/redigera). The versions and their diff are minutes_history_pages.cpp; what
// both show of a meeting and a version is minutes_parts.hpp. At about 410 lines on purpose for
// now: the edit page's save keeps the typed text across an ended session (kept_forms.hpp) in the
// same handler that saves; the next page of the minutes (review comments per §) splits the
// lifecycle forms into their own file.
#include <algorithm>
#include <map>
#include <vector>

#include "minutes/markdown_html.hpp"
#include "server/services/access.hpp"
#include "server/web/confirm_pages.hpp"
#include "server/web/kept_forms.hpp"
#include "server/web/minutes_form.hpp"
#include "server/web/minutes_parts.hpp"
#include "server/web/pages.hpp"
#include "server/web/words.hpp"
#include "workflows/stockholm_time.hpp"
#include "workflows/text.hpp"

namespace sv::web {
namespace {

// A conflict's texts start with their own "## § n" heading: under the conflict's h3 and the h4
// naming whose text it is, that becomes an h5.
constexpr int kConflictHeadingOffset = 3;

const std::map<std::string, std::string> kFlashes{
    {"upprattat", "Protokollet är upprättat från den publicerade dagordningen."},
    {"sparat", "Protokollet är sparat."},
    {"sammanfogat",
     "Protokollet är sparat. Någon annan hade sparat ändringar i andra delar under tiden; de finns "
     "kvar och är sammanfogade med dina."},
    {"oforandrat", "Inget var ändrat, så ingen ny version sparades."},
    {"skickat",
     "Protokollet är skickat på justering. Justerarna ser det på sin startsida, Att göra."},
    {"justerat", "Din justering är sparad."},
    {"klart", "Protokollet är justerat av båda parterna och kan diarieföras."},
    {"tillbaka", "Protokollet är skickat tillbaka med dina synpunkter."},
    {"diariefort", "Protokollet är diariefört."},
};

// The meeting's secretary or chair (of the authority), or the contract manager: who writes.
bool writes(const store::Principal& p, const services::Meeting& m) {
  if (services::managesContract(p, m.contract)) return true;
  return std::ranges::any_of(m.participants, [&](const store::ParticipantRow& part) {
    return part.userId == p.userId && part.party == Party::Authority &&
           (part.role == agenda::ParticipantRole::Secretary ||
            part.role == agenda::ParticipantRole::Chair);
  });
}

// What changed that the viewer has not approved: since their own last approval when it was of an
// earlier version, else in the latest version (against the one before it).
void addChanges(Data& data, Services& s, const store::Principal& viewer, std::int64_t id,
                const services::LifecycleView& life,
                const std::vector<store::DocumentVersion>& versions,
                const std::map<std::string, VersionFacts>& facts) {
  const store::ApprovalRow* mine = nullptr;
  for (const auto& a : life.approvals)
    if (a.userId == viewer.userId) mine = &a;
  std::string from;
  std::string heading;
  if (mine && mine->version == life.version && !mine->supersededAt) {
    data.set("my_approval_when", swedishDateTime(mine->approvedAt));
  } else if (mine && mine->version != life.version) {
    from = mine->version;
    const auto it = facts.find(from);
    heading = "Ändringar sedan du justerade version " +
              (it == facts.end() ? std::string() : std::to_string(it->second.number) + " ") + "(" +
              shortVersion(from) + ")";
  } else if (versions.size() >= 2) {
    from = versions[versions.size() - 2].version;
    heading = "Ändringar i den senaste versionen";
  }
  data.set("approved_by_me", mine && mine->version == life.version && !mine->supersededAt);
  if (from.empty()) {
    data.set("has_changes", false);
    return;
  }
  auto diff = s.minutes.diff(viewer, id, from, life.version);
  if (!diff) {
    data.set("has_changes", false);
    return;
  }
  Data changes;
  changes.set("heading", heading);
  changes.set("from", versionData(from, facts));
  changes.set("to", versionData(life.version, facts));
  changes.set("summary", summaryData(diff->summary));
  changes.set("has_summary", !diff->summary.empty());
  changes.set("link",
              minutesPath(id) + "/historik?fran=" + from + "&till=" + life.version + "#skillnader");
  data.set("changes", changes);
  data.set("has_changes", true);
}

void addApprovals(Data& data, const services::LifecycleView& life,
                  const std::vector<store::ParticipantRow>& participants,
                  const std::map<std::string, VersionFacts>& facts) {
  auto approvals = list();
  for (auto it = life.approvals.rbegin(); it != life.approvals.rend(); ++it) {
    const auto& a = *it;
    const bool counts = !a.supersededAt && a.version == life.version;
    Data d;
    d.set("party", partyWord(a.party));
    d.set("name", a.userName);
    d.set("version", versionData(a.version, facts));
    d.set("when", swedishDateTime(a.approvedAt));
    d.set("counts", counts);
    d.set("status", counts ? std::string("Gäller")
                    : a.version != life.version
                        ? std::string("Avser en tidigare version")
                        : std::string("Gäller inte längre: protokollet skickades tillbaka"));
    d.set("note", a.note);
    d.set("has_note", !text::isBlank(a.note));
    approvals.push_back(d);
  }
  data.set("approvals", approvals);
  data.set("has_approvals", !life.approvals.empty());

  // Each adjuster, and whether they have approved the current version.
  auto adjusters = list();
  for (const auto& p : participants) {
    if (p.role != agenda::ParticipantRole::Adjuster) continue;
    const bool done = std::ranges::any_of(life.approvals, [&](const store::ApprovalRow& a) {
      return a.party == p.party && !a.supersededAt && a.version == life.version;
    });
    Data d;
    d.set("name", p.name);
    d.set("party", partyWord(p.party));
    d.set("done", done);
    adjusters.push_back(d);
  }
  data.set("adjusters", adjusters);
  data.set("has_adjusters", !adjusters.is_empty_list());

  auto returns = list();
  for (auto it = life.returns.rbegin(); it != life.returns.rend(); ++it) {
    Data d;
    d.set("name", it->userName);
    d.set("when", swedishDateTime(it->returnedAt));
    d.set("version", versionData(it->version, facts));
    d.set("comment", it->comment);
    returns.push_back(d);
  }
  data.set("returns", returns);
  data.set("has_returns", !life.returns.empty());
}

http::Reply minutesPage(const http::Request& req, Services& s, std::int64_t id,
                        std::optional<FormError> error = std::nullopt) {
  const auto& viewer = req.principal();
  auto meeting = s.meetings.get(viewer, id);
  if (!meeting) return failurePage(req, meeting.error());
  Page page{.title = "Protokoll " + meetingDate(*meeting) + " – " + meeting->contract.title,
            .templateName = "minutes",
            .current = "avtal"};
  page.flash = flashOf(req, kFlashes);
  Data& data = page.data;
  addMeeting(data, *meeting, s.catalog);
  const bool writer = writes(viewer, *meeting);

  auto life = s.minutes.lifecycle(viewer, id);
  if (!life) {
    if (life.error().code != Errc::NotFound) return failurePage(req, life.error());
    const bool published = meeting->row.agendaPublishedVersion.has_value();
    const bool cancelled = meeting->row.status == agenda::MeetingStatus::Cancelled;
    data.set("started", false);
    data.set("cancelled", cancelled);
    data.set("can_start", writer && published && !cancelled);
    data.set("needs_agenda", !published && !cancelled);
    page.error = std::move(error);
    return render(req, std::move(page));
  }
  auto doc = s.minutes.atVersion(viewer, id, life->version);
  if (!doc) return failurePage(req, doc.error());
  auto versions = s.minutes.versions(viewer, id);
  if (!versions) return failurePage(req, versions.error());
  const auto facts = versionFacts(*versions);

  data.set("started", true);
  data.set("state", minutesStateWord(life->state));
  data.set("state_key", std::string(minutes::stateName(life->state)));
  data.set("in_review", life->state == minutes::MinutesState::InReview);
  data.set("registered", life->state == minutes::MinutesState::Registered);
  data.set("version", versionData(life->version, facts));
  data.set("version_count", std::to_string(versions->size()));
  data.set("can_edit", writer && life->state != minutes::MinutesState::Registered);
  if (life->registration) {
    Data reg;
    reg.set("number", life->registration->number);
    reg.set("when", swedishDateTime(life->registration->registeredAt));
    reg.set("by", life->registration->registeredByName);
    data.set("registration", reg);
  }

  const auto may = [&](const char* transition) {
    return std::ranges::find(life->available, transition) != life->available.end();
  };
  addChanges(data, s, viewer, id, *life, *versions, facts);
  addApprovals(data, *life, meeting->participants, facts);
  const bool approvedByMe = std::ranges::any_of(life->approvals, [&](const store::ApprovalRow& a) {
    return a.userId == viewer.userId && !a.supersededAt && a.version == life->version;
  });
  data.set("can_submit", may("submit"));
  data.set("can_approve", may("approve") && !approvedByMe);
  data.set("can_return", may("return"));
  data.set("can_register", may("register"));
  data.set("has_forms",
           may("submit") || (may("approve") && !approvedByMe) || may("return") || may("register"));
  data.set("approve_note", kept(error, "approve", "note"));
  data.set("return_comment", kept(error, "return", "comment"));
  addMinutesText(data, doc->document, followUpHistory(s, viewer, doc->document));
  page.error = std::move(error);
  return render(req, std::move(page));
}

http::Reply editPage(const http::Request& req, Services& s, std::int64_t id,
                     std::optional<minutes::Minutes> shown = std::nullopt, std::string version = {},
                     std::optional<FormError> error = std::nullopt,
                     const std::vector<minutes::MergeConflict>& conflicts = {},
                     bool restored = false) {
  const auto& viewer = req.principal();
  auto meeting = s.meetings.get(viewer, id);
  if (!meeting) return failurePage(req, meeting.error());
  if (!writes(viewer, *meeting))
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
  page.flash = flashOf(req, kFlashes);
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
    d.set("theirs_html", minutes::markdownToSafeHtml(c.theirs, kConflictHeadingOffset));
    d.set("mine_html", minutes::markdownToSafeHtml(c.mine, kConflictHeadingOffset));
    conflictList.push_back(d);
  }
  data.set("conflicts", conflictList);
  data.set("has_conflicts", !conflicts.empty());
  data.set("restored", restored);
  addSessionData(data, req, s, id, restored);
  addMinutesForm(data, *shown, saved->document.attendance.size(), error ? error->field : "",
                 followUpHistory(s, viewer, *shown));
  page.error = std::move(error);
  return render(req, std::move(page));
}

// After a lifecycle post: the protocol page with a confirmation, or again with the error.
http::Reply afterLifecycle(http::Request& req, Services& s, std::int64_t id,
                           const Result<services::LifecycleView>& result, const std::string& form,
                           const std::map<std::string, std::string>& fieldIds,
                           http::FormBody posted, const std::string& done) {
  if (result) return redirect(minutesPath(id) + "?klart=" + done);
  const auto& e = result.error();
  if (e.code == Errc::Internal) return failurePage(req, e);
  const auto it = fieldIds.find(e.field);
  return minutesPage(req, s, id,
                     formError(form, e, it == fieldIds.end() ? "" : it->second, std::move(posted)));
}

}  // namespace

void registerMinutesPages(http::Router& router, Services& s) {
  addPage(router, "GET", "/moten/{id}/protokoll", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    return minutesPage(req, s, *id);
  });

  addPage(router, "POST", "/moten/{id}/protokoll/uppratta", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto started = s.minutes.start(req.principal(), *id);
    if (!started) {
      if (started.error().code == Errc::Internal) return failurePage(req, started.error());
      return minutesPage(req, s, *id, formError("start", started.error(), "", formOf(req)));
    }
    return redirect(minutesPath(*id) + "/redigera?klart=upprattat");
  });

  addPage(router, "GET", "/moten/{id}/protokoll/redigera", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    // Text kept when a save came after the session had ended: back in the form, on the version
    // it was typed on, so that saving it merges or shows conflicts as any save does.
    if (auto kept = restoredForm(req, s, *id)) {
      const std::string version = kept->value("version");
      if (auto base = s.minutes.atVersion(req.principal(), *id, version))
        return editPage(req, s, *id, minutesFromForm(base->document, *kept), version, std::nullopt,
                        {}, true);
    }
    return editPage(req, s, *id);
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
      return editPage(req, s, *id, std::nullopt, {},
                      FormError{"minutes",
                                "Formuläret hör till en version av protokollet som inte finns. "
                                "Ladda om sidan och skriv in dina ändringar igen.",
                                "", std::move(form), 409});
    }
    const auto mine = minutesFromForm(base->document, form);
    auto saved = s.minutes.save(viewer, *id, version, mine);
    if (!saved) {
      const auto& e = saved.error();
      if (e.code == Errc::Internal) return failurePage(req, e);
      return editPage(req, s, *id, mine, version,
                      formError("minutes", e, fieldIdOf(e.field), std::move(form)));
    }
    if (saved->conflict) {
      const auto& current = saved->conflict->currentVersion;
      auto now = s.minutes.atVersion(viewer, *id, current);
      if (!now) return failurePage(req, now.error());
      return editPage(req, s, *id, keepEditorsChanges(base->document, now->document, mine), current,
                      FormError{"minutes",
                                "Någon annan har sparat ändringar i samma del av protokollet medan "
                                "du skrev, så inget sparades. Din text finns kvar i formuläret. "
                                "Jämför den med den sparade texten under Krockar, rätta det som "
                                "behövs och spara igen.",
                                "", std::move(form), 409},
                      saved->conflict->conflicts);
    }
    const std::string done = !saved->changed ? "oforandrat"
                             : saved->merged ? "sammanfogat"
                                             : "sparat";
    return redirect(minutesPath(*id) + "/redigera?klart=" + done);
  });

  addPage(router, "POST", "/moten/{id}/protokoll/skicka", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto result = s.minutes.submit(req.principal(), *id);
    return afterLifecycle(req, s, *id, result, "submit", {}, formOf(req), "skickat");
  });

  addPage(router, "POST", "/moten/{id}/protokoll/justera", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto form = formOf(req);
    auto result = s.minutes.approve(req.principal(), *id, oneLine(form.value("version")),
                                    multiLine(form.value("note")));
    const std::string done =
        result && result->state == minutes::MinutesState::Approved ? "klart" : "justerat";
    return afterLifecycle(req, s, *id, result, "approve", {{"note", "approve_note"}},
                          std::move(form), done);
  });

  addPage(router, "POST", "/moten/{id}/protokoll/skicka-tillbaka", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto form = formOf(req);
    if (auto ask = askToReturnMinutes(req, s, *id, form)) return std::move(*ask);
    auto result = s.minutes.returnMinutes(req.principal(), *id, multiLine(form.value("comment")));
    return afterLifecycle(req, s, *id, result, "return", {{"comment", "return_comment"}},
                          std::move(form), "tillbaka");
  });

  addPage(router, "POST", "/moten/{id}/protokoll/diariefor", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    const std::string path = minutesPath(*id);
    if (auto ask = askToRegisterMinutes(req, s, *id, formOf(req), path + "/diariefor", path))
      return std::move(*ask);
    auto result = s.minutes.registerMinutes(req.principal(), *id);
    return afterLifecycle(req, s, *id, result, "register", {}, formOf(req), "diariefort");
  });
}

}  // namespace sv::web
