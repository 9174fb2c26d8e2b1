// The start page ("Att göra", GET /): what waits for the person, kind by kind with counts and a
// link to each thing, and their unread notifications, each marked read with a form
// (POST /meddelanden/{id}/las). The viewer's overdue event-driven cases are counted among them.
#include <map>

#include "server/services/case_service.hpp"
#include "server/services/notifications.hpp"
#include "server/services/waiting.hpp"
#include "server/web/pages.hpp"
#include "server/web/words.hpp"

namespace sv::web {
namespace {

constexpr int kShown = 10;  // rows of each kind on the page; the count says how many in all

const std::map<std::string, std::string> kStartFlashes{
    {"last", "Meddelandet är markerat som läst."},
};

enum class Link { Protocol, EditProtocol, Registry, Action };

std::string hrefOf(Link link, const store::WaitingItem& item) {
  const std::string meeting = std::to_string(item.meetingId);
  switch (link) {
    case Link::Protocol:
      return "/moten/" + meeting + "/protokoll";
    case Link::EditProtocol:
      return "/moten/" + meeting + "/protokoll/redigera";
    case Link::Registry:
      return "/diariet#ko";
    case Link::Action:
      return "/atgarder#atgard-" + std::to_string(item.actionId);
  }
  return "/";
}

std::string countText(int n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// One kind of work: a heading, its count, the first rows; nothing when none waits. Whether it
// added one.
bool addSection(Data& sections, const std::string& id, const std::string& heading,
                const store::WaitingList& waiting, Link link, const std::string& one,
                const std::string& many) {
  if (waiting.count == 0) return false;
  auto items = list();
  for (const auto& item : waiting.first) {
    Data d;
    d.set("href", hrefOf(link, item));
    if (item.actionId != 0) {
      d.set("label", item.text);
      d.set("detail", item.contractTitle + " (" + item.providerName + "), senast " + item.when);
    } else {
      d.set("label", item.contractTitle + ", mötet " + swedishDateTime(item.when));
      d.set("detail", item.providerName);
    }
    items.push_back(d);
  }
  Data s;
  s.set("id", id);
  s.set("heading", heading);
  s.set("count", std::to_string(waiting.count));
  s.set("count_text", countText(waiting.count, one, many));
  s.set("items", items);
  s.set("more", waiting.count > static_cast<int>(waiting.first.size()));
  s.set("shown", std::to_string(waiting.first.size()));
  sections.push_back(s);
  return true;
}

// Follow-up reports of one kind of work, as addSection lists meetings and actions.
bool addReportSection(Data& sections, const std::string& id, const std::string& heading,
                      const services::WaitingReports& waiting, const std::string& anchor,
                      const std::string& dueWord) {
  if (waiting.count == 0) return false;
  auto items = list();
  for (const auto& w : waiting.first) {
    const auto kind =
        minutes::parseReportKind(w.report.kind).value_or(minutes::ReportKind::Operational);
    Data d;
    d.set("href", pathOf("/uppfoljningar/", w.report.id) + anchor);
    std::string label =
        reportKindWord(kind) + " " + std::to_string(w.report.year) + ", " + w.report.contractTitle;
    if (w.supplement != 0) label = "Komplettering " + std::to_string(w.supplement) + ": " + label;
    d.set("label", label);
    d.set("detail", w.report.providerName +
                        (w.dueOn.empty() ? std::string() : ", " + dueWord + " " + w.dueOn));
    items.push_back(d);
  }
  Data s;
  s.set("id", id);
  s.set("heading", heading);
  s.set("count", std::to_string(waiting.count));
  s.set("count_text", countText(waiting.count, "rapport", "rapporter"));
  s.set("items", items);
  s.set("more", waiting.count > static_cast<int>(waiting.first.size()));
  s.set("shown", std::to_string(waiting.first.size()));
  sections.push_back(s);
  return true;
}

// The viewer's cases past a deadline (an action plan overdue, or no progress for long), with a
// link to the list filtered to them.
bool addOverdueCases(Data& sections, Services& s, const store::Principal& viewer) {
  if (!s.cases) return false;
  const int count = s.cases->overdueCount(viewer);
  if (count == 0) return false;
  store::CaseQuery q;
  q.overdue = true;
  q.limit = kShown;
  const auto found = s.cases->list(viewer, q);
  auto items = list();
  for (const auto& item : found.items) {
    Data d;
    d.set("href", pathOf("/arenden/", item.row.id));
    d.set("label", item.row.title + ", " + item.row.contractTitle);
    d.set("detail", item.row.providerName + (item.planOverdue ? ", åtgärdsplanen är försenad"
                                                              : ", inget har hänt på länge"));
    items.push_back(d);
  }
  Data section;
  section.set("id", "forsenade-arenden");
  section.set("heading", "Försenade ärenden");
  section.set("count", std::to_string(count));
  section.set("count_text", countText(count, "ärende", "ärenden"));
  section.set("items", items);
  section.set("more", count > static_cast<int>(found.items.size()));
  section.set("shown", std::to_string(found.items.size()));
  section.set("all_href", "/arenden?forsenade=ja");
  sections.push_back(section);
  return true;
}

http::Reply startPage(const http::Request& req, Services& s) {
  const auto waiting = services::waitingFor(s.store, s.time, req.principal(), kShown);
  Page page{.title = "Att göra", .templateName = "start", .current = "start"};
  page.flash = flashOf(req, kStartFlashes);

  auto sections = list();
  bool any = false;
  any |= addSection(sections, "justera", "Protokoll att justera", waiting.toApprove, Link::Protocol,
                    "protokoll", "protokoll");
  any |= addSection(sections, "atgarda", "Protokoll som skickats tillbaka med synpunkter",
                    waiting.toFix, Link::EditProtocol, "protokoll", "protokoll");
  any |= addSection(sections, "diariefor", "Justerade protokoll att diarieföra", waiting.toRegister,
                    Link::Registry, "protokoll", "protokoll");
  any |= addSection(sections, "rapportera", "Åtgärder att rapportera", waiting.toReport,
                    Link::Action, "åtgärd", "åtgärder");
  any |= addSection(sections, "bedom", "Rapporterade åtgärder att bedöma", waiting.toEvaluate,
                    Link::Action, "åtgärd", "åtgärder");
  any |= addSection(sections, "forsenade", "Försenade åtgärder", waiting.overdue, Link::Action,
                    "åtgärd", "åtgärder");
  any |= addSection(sections, "utan-protokoll", "Hållna möten utan protokoll",
                    waiting.withoutMinutes, Link::Protocol, "möte", "möten");
  any |= addReportSection(sections, "faktagranska", "Uppföljningar att faktagranska",
                          waiting.reportsToFactCheck, "#granska", "svara senast");
  any |= addReportSection(sections, "komplettera", "Begärda kompletteringar",
                          waiting.supplementsToSend, "#kompletteringar", "senast");
  any |=
      addReportSection(sections, "besvara", "Faktagranskade uppföljningar: synpunkter att besvara",
                       waiting.reportsAnswered, "#faktagranskning", "");
  any |=
      addReportSection(sections, "diariefor-uppfoljning", "Slutliga uppföljningar att diarieföra",
                       waiting.reportsToRegister, "#gora", "");
  any |= addOverdueCases(sections, s, req.principal());
  page.data.set("has_sections", any);
  page.data.set("sections", sections);

  auto notes = list();
  for (const auto& n : waiting.notifications) {
    Data d;
    d.set("id", std::to_string(n.id));
    d.set("text", n.text);
    d.set("when", swedishDateTime(n.createdAt));
    d.set("has_meeting", n.meetingId.has_value());
    d.set("href", n.meetingId ? "/moten/" + std::to_string(*n.meetingId) + "/protokoll" : "");
    notes.push_back(d);
  }
  page.data.set("notifications", notes);
  page.data.set("has_notifications", waiting.unreadCount > 0);
  page.data.set("unread_text",
                countText(waiting.unreadCount, "oläst meddelande", "olästa meddelanden"));
  page.data.set("more_notifications",
                waiting.unreadCount > static_cast<int>(waiting.notifications.size()));
  return render(req, std::move(page));
}

}  // namespace

void registerStartPages(http::Router& router, Services& s) {
  addPage(router, "GET", "/", [&s](http::Request& req) { return startPage(req, s); });

  addPage(router, "POST", "/meddelanden/{id}/las", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    if (auto done = services::markNotificationRead(s.store, s.time, req.principal(), *id); !done)
      return failurePage(req, done.error());
    return redirect("/?klart=last#meddelanden");
  });
}

}  // namespace sv::web
