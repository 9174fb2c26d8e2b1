// The versions of a meeting's minutes (/moten/{id}/protokoll/historik): who saved each and
// when, who approved which, and the changes between any two, the latest against the one before it
// unless the reader asks for others: per § in words, with added and removed words marked. Git's
// patch of minutes.md and minutes.json stays in the API (GET …/minutes/diff) and in plain git.
#include <map>
#include <string>
#include <vector>

#include "minutes/section_diff.hpp"
#include "server/web/minutes_parts.hpp"
#include "server/web/pages.hpp"
#include "server/web/words.hpp"

namespace sv::web {
namespace {

// Words of a text as runs for the _words partial: unchanged, added (<ins>) or removed (<del>),
// each marked in words for screen readers, not by colour alone.
Data wordsData(const std::vector<minutes::WordRun>& runs) {
  auto out = list();
  for (const auto& r : runs) {
    Data d;
    d.set("text", r.text);
    d.set("same", r.change == minutes::WordChange::Same);
    d.set("added", r.change == minutes::WordChange::Added);
    d.set("removed", r.change == minutes::WordChange::Removed);
    out.push_back(d);
  }
  return out;
}

std::string itemWord(minutes::ItemKind kind) {
  switch (kind) {
    case minutes::ItemKind::Observation:
      return "Iakttagelse";
    case minutes::ItemKind::Action:
      return "Åtgärd";
    case minutes::ItemKind::Decision:
      return "Beslut";
    case minutes::ItemKind::Evaluation:
      return "Uppföljning";
    case minutes::ItemKind::Attendee:
      return "Deltagare";
  }
  return "Del";
}

std::string changeWord(minutes::RowChange change, minutes::ItemKind kind) {
  const bool neuter = kind == minutes::ItemKind::Decision;
  switch (change) {
    case minutes::RowChange::Added:
      return neuter ? "Tillagt" : "Tillagd";
    case minutes::RowChange::Removed:
      return neuter ? "Borttaget" : "Borttagen";
    case minutes::RowChange::Changed:
      return neuter ? "Ändrat" : "Ändrad";
  }
  return "Ändrad";
}

Data rowsData(const std::vector<minutes::ItemRow>& rows) {
  auto out = list();
  for (const auto& r : rows) {
    Data d;
    d.set("kind", itemWord(r.kind));
    d.set("change", changeWord(r.change, r.kind));
    d.set("words", wordsData(r.words));
    out.push_back(d);
  }
  return out;
}

// The changes per § in words: what the page shows instead of git's patch, which stays in the API.
Data readableData(const minutes::ReadableDiff& diff) {
  Data d;
  auto header = list();
  for (const auto& line : diff.header) {
    Data h;
    h.set("text", line);
    header.push_back(h);
  }
  d.set("header", header);
  d.set("has_header", !diff.header.empty());
  d.set("attendance", rowsData(diff.attendance));
  d.set("has_attendance", !diff.attendance.empty());
  auto sections = list();
  for (const auto& s : diff.sections) {
    Data x;
    x.set("number", std::to_string(s.number));
    x.set("title", s.title);
    x.set("old_title", s.oldTitle);
    x.set("has_old_title", !s.oldTitle.empty());
    x.set("section_added", s.sectionAdded);
    x.set("section_removed", s.sectionRemoved);
    x.set("notes_changed", s.notesChanged);
    x.set("notes", wordsData(s.notes));
    x.set("rows", rowsData(s.rows));
    x.set("has_rows", !s.rows.empty());
    sections.push_back(x);
  }
  d.set("sections", sections);
  auto other = list();
  for (const auto& line : diff.other) {
    Data o;
    o.set("text", line);
    other.push_back(o);
  }
  d.set("other", other);
  d.set("has_other", !diff.other.empty());
  return d;
}

http::Reply historyPage(const http::Request& req, Services& s, std::int64_t id) {
  const auto& viewer = req.principal();
  auto meeting = s.meetings.get(viewer, id);
  if (!meeting) return failurePage(req, meeting.error());
  auto life = s.minutes.lifecycle(viewer, id);
  if (!life) {
    if (life.error().code == Errc::NotFound) return redirect(minutesPath(id));
    return failurePage(req, life.error());
  }
  auto versions = s.minutes.versions(viewer, id);
  if (!versions) return failurePage(req, versions.error());
  const auto facts = versionFacts(*versions);

  Page page{
      .title = "Protokollets versioner " + meetingDate(*meeting) + " – " + meeting->contract.title,
      .templateName = "minutes_history",
      .current = "avtal"};
  Data& data = page.data;
  addMeeting(data, *meeting, s.catalog);

  std::map<std::string, std::vector<std::string>> approvedBy;
  for (const auto& a : life->approvals)
    approvedBy[a.version].push_back(a.userName + " (" + partyWord(a.party) + ") " +
                                    swedishDateTime(a.approvedAt));
  auto rows = list();
  for (auto it = versions->rbegin(); it != versions->rend(); ++it) {
    Data d = versionData(it->version, facts);
    d.set("message", it->message);
    d.set("current", it->version == life->version);
    auto approvals = list();
    for (const auto& text : approvedBy[it->version]) {
      Data a;
      a.set("text", text);
      approvals.push_back(a);
    }
    d.set("approvals", approvals);
    d.set("has_approvals", !approvedBy[it->version].empty());
    rows.push_back(d);
  }
  data.set("versions", rows);

  // The two versions to compare: as asked, else the latest against the one before it.
  const auto known = [&](const std::string& v) { return facts.contains(v); };
  std::string from = req.queryValue("fran").value_or("");
  std::string to = req.queryValue("till").value_or("");
  const bool asked = !from.empty() || !to.empty();
  if (asked && (!known(from) || !known(to))) {
    page.error = FormError{"compare",
                           "Versionen finns inte bland protokollets versioner. Välj två versioner "
                           "i listorna och försök igen.",
                           "compare_from",
                           {},
                           404};
    from.clear();
    to.clear();
  }
  if (!asked || page.error) {
    to = life->version;
    from = versions->size() >= 2 ? (*versions)[versions->size() - 2].version : to;
  }
  const auto options = [&](const std::string& selected) {
    auto out = list();
    for (auto it = versions->rbegin(); it != versions->rend(); ++it) {
      const auto& f = facts.at(it->version);
      Data o;
      o.set("value", it->version);
      o.set("label", "Version " + std::to_string(f.number) + " (" + shortVersion(it->version) +
                         "), " + f.when + ", " + f.author);
      o.set("selected", it->version == selected);
      out.push_back(o);
    }
    return out;
  };
  data.set("from_options", options(from));
  data.set("to_options", options(to));
  data.set("can_compare", versions->size() >= 2);

  if (versions->size() >= 2 || asked) {
    auto diff = s.minutes.diff(viewer, id, from, to);
    if (!diff) return failurePage(req, diff.error());
    Data d;
    d.set("from", versionData(from, facts));
    d.set("to", versionData(to, facts));
    d.set("same", from == to);
    d.set("summary", summaryData(diff->summary));
    d.set("has_summary", !diff->summary.empty());
    d.set("readable", readableData(diff->readable));
    d.set("has_readable", !diff->readable.empty());
    data.set("diff", d);
    data.set("has_diff", true);
  } else {
    data.set("has_diff", false);
  }
  return render(req, std::move(page));
}

}  // namespace

void registerMinutesHistoryPages(http::Router& router, Services& s) {
  addPage(router, "GET", "/moten/{id}/protokoll/historik", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    return historyPage(req, s, *id);
  });
}

}  // namespace sv::web
