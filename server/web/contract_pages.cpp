// "Mina avtal" and one contract's page: its facts, meetings, follow-up reports and event-driven
// cases, and for its contract manager the forms that plan a year, add a single meeting, start a
// follow-up and open a case.
#include <map>
#include <vector>

#include "server/services/access.hpp"
#include "server/web/case_parts.hpp"
#include "server/web/pages.hpp"
#include "server/web/report_parts.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::web {
namespace {

const std::map<std::string, std::string> kContractFlashes{
    {"planerat", "Årets möten är planerade."},
    {"inget-nytt", "Året var redan planerat; inga nya möten behövdes."},
};

std::string countText(std::size_t n) {
  if (n == 0) return "Avtalet har inga möten ännu.";
  if (n == 1) return "Avtalet har 1 möte.";
  return "Avtalet har " + std::to_string(n) + " möten.";
}

http::Reply contractsPage(const http::Request& req, Services& s) {
  Page page{.title = "Mina avtal", .templateName = "contracts", .current = "avtal"};
  auto contracts = list();
  const auto rows = s.contracts.list(req.principal());
  for (const auto& c : rows) contracts.push_back(contractData(c, s.catalog));
  page.data.set("contracts", contracts);
  page.data.set("has_contracts", !rows.empty());
  return render(req, std::move(page));
}

}  // namespace

http::Reply contractPage(const http::Request& req, Services& s, std::int64_t id,
                         std::optional<FormError> error) {
  auto contract = s.contracts.get(req.principal(), id);
  if (!contract) return failurePage(req, contract.error());
  auto meetings = s.meetings.list(req.principal(), id);
  if (!meetings) return failurePage(req, meetings.error());

  Page page{.title = contract->title, .templateName = "contract", .current = "avtal"};
  page.flash = flashOf(req, kContractFlashes);
  if (req.queryValue("klart") == "planerat") {
    const auto year = req.queryValue("ar").value_or("");
    const auto count = req.queryValue("antal").value_or("");
    const auto number = [](const std::string& t) {
      return !t.empty() && t.size() <= 4 && t.find_first_not_of("0123456789") == std::string::npos;
    };
    if (number(year) && number(count))
      page.flash = count +
                   (count == "1" ? " nytt möte är planerat för " : " nya möten är planerade för ") +
                   year + ".";
  }
  page.data.set("contract", contractData(*contract, s.catalog));

  std::map<int, Data> byYear;
  for (const auto& m : *meetings) {
    const auto start = parseDateTime(m.row.startsAt);
    const int year = start ? static_cast<int>(toStockholm(*start).date.year()) : 0;
    auto it = byYear.try_emplace(year, list()).first;
    Data row;
    row.set("id", std::to_string(m.row.id));
    row.set("when", swedishDateTime(m.row.startsAt));
    row.set("location", m.row.location);
    row.set("has_location", !m.row.location.empty());
    row.set("cancelled", m.row.status == agenda::MeetingStatus::Cancelled);
    row.set("reason", m.row.cancelReason.value_or(""));
    it->second.push_back(row);
  }
  auto years = list();
  for (auto& [year, rows] : byYear) {
    Data y;
    y.set("year", std::to_string(year));
    y.set("meetings", rows);
    years.push_back(y);
  }
  page.data.set("years", years);
  page.data.set("meeting_count_text", countText(meetings->size()));

  const bool manager = services::managesContract(req.principal(), *contract);
  page.data.set("manager", manager);
  if (manager) {
    const int nextYear = static_cast<int>(toStockholm(s.time.now()).date.year()) + 1;
    Data plan;
    plan.set("year", kept(error, "plan", "year", std::to_string(nextYear)));
    page.data.set("plan", plan);
    Data fresh;
    fresh.set("date", kept(error, "new_meeting", "date"));
    fresh.set("time", kept(error, "new_meeting", "time", timeOfDay(s.catalog.planRule.startTime)));
    fresh.set("location", kept(error, "new_meeting", "location"));
    page.data.set("new_meeting", fresh);
  }
  page.data.set("follow_ups", contractReportsData(req, s, id, manager, error));
  page.data.set("has_follow_ups", s.reports != nullptr);
  page.data.set("case_section", contractCasesData(req, s, id, manager, error));
  page.data.set("has_case_section", s.cases != nullptr);
  page.error = std::move(error);
  return render(req, std::move(page));
}

void registerContractPages(http::Router& router, Services& s) {
  addPage(router, "GET", "/avtal", [&s](http::Request& req) { return contractsPage(req, s); });

  addPage(router, "GET", "/avtal/{id}", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    return contractPage(req, s, *id);
  });

  addPage(router, "POST", "/avtal/{id}/planera", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto form = formOf(req);
    const std::string text = form.value("year");
    int year = 0;
    const bool digits =
        text.size() == 4 && text.find_first_not_of("0123456789") == std::string::npos;
    if (digits) year = std::stoi(text);
    if (!digits || year < 1900 || year > 2999)
      return contractPage(req, s, *id,
                          formError("plan",
                                    Error{Errc::Invalid, Reason::OutOfRange,
                                          "a year between 1900 and 2999", "year"},
                                    "plan_year", std::move(form)));
    auto plan = s.meetings.planYear(req.principal(), *id, year);
    if (!plan) {
      if (endsThePage(plan.error())) return failurePage(req, plan.error());
      return contractPage(
          req, s, *id,
          formError("plan", plan.error(), plan.error().field == "year" ? "plan_year" : "",
                    std::move(form)));
    }
    if (plan->created.empty()) return redirect(pathOf("/avtal/", *id) + "?klart=inget-nytt");
    return redirect(pathOf("/avtal/", *id) + "?klart=planerat&ar=" + std::to_string(year) +
                    "&antal=" + std::to_string(plan->created.size()));
  });

  addPage(router, "POST", "/avtal/{id}/moten", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto form = formOf(req);
    services::NewMeeting input{form.value("date") + "T" + form.value("time"), std::nullopt,
                               form.value("location")};
    auto meeting = s.meetings.create(req.principal(), *id, input);
    if (!meeting) {
      const auto& e = meeting.error();
      if (endsThePage(e)) return failurePage(req, e);
      const std::string field = e.field == "location" ? "new_meeting_location"
                                : e.field == "starts_at" || e.field == "ends_at"
                                    ? "new_meeting_date"
                                    : "";
      return contractPage(req, s, *id, formError("new_meeting", e, field, std::move(form)));
    }
    return redirect(pathOf("/moten/", meeting->row.id) + "?klart=skapat");
  });
}

}  // namespace sv::web
