// The versions of a meeting's minutes (/moten/{id}/protokoll/historik): who saved each and
// when, who approved which, and the diff between any two, the latest against the one before it
// unless the reader asks for others.
#include <map>
#include <string>
#include <vector>

#include "server/web/minutes_parts.hpp"
#include "server/web/pages.hpp"
#include "server/web/words.hpp"

namespace sv::web {
namespace {

struct DiffLine {
  std::string text;
  std::string kind;  // "added", "removed", "hunk", "file" or ""
};

std::vector<DiffLine> diffLines(const std::string& unified) {
  std::vector<DiffLine> out;
  std::size_t at = 0;
  while (at < unified.size()) {
    auto end = unified.find('\n', at);
    if (end == std::string::npos) end = unified.size();
    std::string line = unified.substr(at, end - at);
    std::string kind;
    if (line.starts_with("+++") || line.starts_with("---") || line.starts_with("diff ") ||
        line.starts_with("index "))
      kind = "file";
    else if (line.starts_with("@@"))
      kind = "hunk";
    else if (line.starts_with("+"))
      kind = "added";
    else if (line.starts_with("-"))
      kind = "removed";
    out.push_back({std::move(line), std::move(kind)});
    at = end + 1;
  }
  return out;
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
    auto lines = list();
    for (const auto& line : diffLines(diff->unified)) {
      Data l;
      l.set("text", line.text);
      l.set("added", line.kind == "added");
      l.set("removed", line.kind == "removed");
      l.set("hunk", line.kind == "hunk");
      l.set("file", line.kind == "file");
      lines.push_back(l);
    }
    d.set("lines", lines);
    d.set("has_lines", !diff->unified.empty());
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
