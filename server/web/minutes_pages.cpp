// The minutes of a meeting as a page: the protocol with its approvals and the forms of its
// lifecycle (/moten/{id}/protokoll: start, submit, approve an exact version, return with
// comments, register). The edit form is minutes_edit_pages.cpp, the versions and their diff
// minutes_history_pages.cpp; what they all show of a meeting and a version is minutes_parts.hpp.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <vector>

#include "server/services/access.hpp"
#include "server/web/confirm_pages.hpp"
#include "server/web/minutes_form.hpp"
#include "server/web/minutes_parts.hpp"
#include "server/web/pages.hpp"
#include "server/web/review_comments.hpp"
#include "server/web/words.hpp"
#include "workflows/stockholm_time.hpp"
#include "workflows/text.hpp"

namespace sv::web {
namespace {

const std::map<std::string, std::string> kMinutesFlashes{
    {"skickat",
     "Protokollet är skickat på justering. Justerarna ser det på sin startsida, Att göra."},
    {"justerat", "Din justering är sparad."},
    {"klart", "Protokollet är justerat av båda parterna och kan diarieföras."},
    {"tillbaka", "Protokollet är skickat tillbaka med dina synpunkter."},
    {"diariefort", "Protokollet är diariefört."},
};

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

// The return form's field per § ("section-6"), holding what was typed when a return was refused.
void addReturnSections(Data& data, const minutes::Minutes& doc,
                       const std::optional<FormError>& error) {
  auto sections = list();
  bool typed = false;
  for (const auto& section : doc.sections) {
    const std::string id = "section-" + std::to_string(section.number);
    Data d;
    d.set("id", id);
    d.set("number", std::to_string(section.number));
    d.set("title", section.title);
    const std::string value = kept(error, "return", id);
    typed = typed || !value.empty();
    d.set("value", value);
    d.set("invalid", error && error->form == "return" && error->field == id);
    sections.push_back(d);
  }
  data.set("return_sections", sections);
  data.set("return_sections_open", typed);
}

http::Reply minutesPage(const http::Request& req, Services& s, std::int64_t id,
                        std::optional<FormError> error = std::nullopt) {
  const auto& viewer = req.principal();
  auto meeting = s.meetings.get(viewer, id);
  if (!meeting) return failurePage(req, meeting.error());
  Page page{.title = "Protokoll " + meetingDate(*meeting) + " – " + meeting->contract.title,
            .templateName = "minutes",
            .current = "avtal"};
  page.flash = flashOf(req, kMinutesFlashes);
  Data& data = page.data;
  addMeeting(data, *meeting, s.catalog);
  const bool writer = writesMinutes(viewer, *meeting);

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
  addReturnSections(data, doc->document, error);
  auto comments = s.minutes.comments(viewer, id);
  if (!comments) return failurePage(req, comments.error());
  const auto until = life->registration
                         ? std::optional<std::string>(life->registration->registeredAt)
                         : std::nullopt;
  addMinutesText(data, doc->document, followUpHistory(s, viewer, doc->document, until),
                 {.all = std::move(*comments)});
  page.error = std::move(error);
  return render(req, std::move(page));
}

// The return form's field a refused return names: the general comment, or the § of
// "comments[i]…", counted as returnCommentsOf gave them (blank ones were dropped by the check).
std::map<std::string, std::string> returnFieldIds(const Result<services::LifecycleView>& result,
                                                  const http::FormBody& form) {
  std::map<std::string, std::string> ids{{"comment", "return_comment"}};
  if (result) return ids;
  const auto& field = result.error().field;
  if (!field.starts_with("comments[")) return ids;
  const auto index =
      std::strtoul(field.c_str() + std::string_view("comments[").size(), nullptr, 10);
  std::size_t i = 0;
  for (const auto& c : returnCommentsOf(form)) {
    if (text::isBlank(c.text)) continue;
    if (i++ == index) ids[field] = "section-" + c.part;
  }
  return ids;
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
    auto result = s.minutes.returnMinutes(req.principal(), *id, multiLine(form.value("comment")),
                                          returnCommentsOf(form));
    return afterLifecycle(req, s, *id, result, "return", returnFieldIds(result, form),
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
