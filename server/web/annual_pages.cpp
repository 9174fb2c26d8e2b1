// The yearly summary to the committee as a page (GET /arsrapport, issue 15): the year's key
// figures beside the year before, and each chart as server-rendered SVG (minutes/annual_charts:
// role="img" with its <title> and <desc>) with the same figures as a table under it, so that the
// page needs no JavaScript and a screen reader gets every number. The CSV and the PDF are the
// API's (the session cookie is enough there too).
#include <algorithm>

#include "minutes/annual_charts.hpp"
#include "minutes/annual_items.hpp"
#include "minutes/annual_labels.hpp"
#include "server/web/annual_parts.hpp"
#include "server/web/pages.hpp"

namespace sv::web {
namespace {

std::string numberText(const std::optional<double>& value) {
  return value ? minutes::formatSwedishNumber(*value) : "–";
}

std::string changeText(const std::optional<double>& change) {
  if (!change) return "–";
  return (*change > 0 ? "+" : "") + minutes::formatSwedishNumber(*change);
}

Data chartData(const minutes::Chart& chart) {
  Data d;
  d.set("id", chart.id);
  d.set("title", chart.title);
  d.set("description", chart.description);
  // Made by renderChartSvg, which escapes every text it writes: inserted as markup.
  d.set("svg_html", minutes::renderChartSvg(chart));
  const auto table = minutes::chartTable(chart);
  d.set("caption", table.caption);
  auto columns = list();
  for (std::size_t i = 1; i < table.columns.size(); ++i)
    columns.push_back(Data("name", table.columns[i]));
  d.set("first_column", table.columns.empty() ? std::string() : table.columns.front());
  d.set("columns", columns);
  auto rows = list();
  for (const auto& row : table.rows) {
    Data r;
    r.set("head", row.empty() ? std::string() : row.front());
    auto cells = list();
    for (std::size_t i = 1; i < row.size(); ++i) cells.push_back(Data("value", row[i]));
    r.set("cells", cells);
    rows.push_back(r);
  }
  d.set("rows", rows);
  return d;
}

}  // namespace

std::variant<int, http::Reply> annualYearOf(http::Request& req, Services& s) {
  int year = s.annual->currentYear();
  // "ar" on the page; "year" as the API's .html names it.
  auto asked = req.queryValue("ar");
  if (!asked) asked = req.queryValue("year");
  if (asked) {
    const bool digits = asked->size() == 4 && std::all_of(asked->begin(), asked->end(), [](char c) {
                          return c >= '0' && c <= '9';
                        });
    if (!digits)
      return errorPage(req, 400, "Året går inte att läsa",
                       "Skriv året med fyra siffror, till exempel 2026.");
    year = std::stoi(*asked);
  }
  return year;
}

http::Reply annualPage(http::Request& req, Services& s, int year, std::optional<FormError> error) {
  auto& annual = *s.annual;
  // The authority asked for (a provider with contracts of several authorities), or the viewer's
  // own; one the viewer may not see is not found, by the figures' own rule.
  std::optional<std::int64_t> authority;
  if (auto asked = req.queryValue("authority")) {
    const bool digits =
        !asked->empty() && asked->size() < 10 &&
        std::all_of(asked->begin(), asked->end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) return notFoundPage(req);
    authority = std::stoll(*asked);
  } else {
    authority = annual.defaultAuthority(req.principal());
  }
  if (!authority) return notFoundPage(req);
  auto figures = annual.figures(req.principal(), *authority, year);
  if (!figures) {
    if (figures.error().code == Errc::Invalid)
      return errorPage(req, 422, "Året finns inte", "Välj ett år mellan 2000 och 2100.");
    return failurePage(req, figures.error());
  }
  Page page{.title = "Årsrapport " + std::to_string(year),
            .templateName = "annual",
            .current = "arsrapport"};
  Data& d = page.data;
  addAnnualRecordData(req, s, *authority, year, error, d);
  page.flash = annualRecordFlash(req);
  if (error) page.status = error->status;
  page.error = std::move(error);
  d.set("year", std::to_string(year));
  d.set("previous_year", std::to_string(year - 1));
  d.set("authority", figures->authorityName);
  d.set("provider_only", figures->providerOnly.has_value());
  const std::string query =
      "?authority=" + std::to_string(*authority) + "&year=" + std::to_string(year);
  d.set("csv_href", "/api/v1/reports/annual.csv" + query);
  d.set("pdf_href", "/api/v1/reports/annual.pdf" + query);
  auto key = list();
  for (const auto& row : minutes::compareYears(figures->totals)) {
    Data r;
    r.set("label", std::string(minutes::swedishLabel(row.figure)));
    r.set("current", numberText(row.current));
    r.set("previous", numberText(row.previous));
    r.set("change", changeText(row.change));
    key.push_back(r);
  }
  d.set("key_figures", key);
  auto charts = list();
  for (const auto& chart : minutes::annualCharts(*figures)) charts.push_back(chartData(chart));
  d.set("charts", charts);
  d.set("has_data", !minutes::sectionsWithData(figures->totals).empty());
  // Per agenda item, as the PDF has it: "–" for a year without the item.
  auto count = [](const std::optional<int>& n) { return n ? std::to_string(*n) : "–"; };
  const auto observationRows = minutes::observationRows(figures->totals);
  auto observations = list();
  for (const auto& row : observationRows) {
    Data r;
    r.set("title", row.title);
    r.set("minutes", count(row.minutes));
    r.set("observations", count(row.observations));
    r.set("previous", count(row.previousObservations));
    observations.push_back(r);
  }
  d.set("has_observations", !observationRows.empty());
  d.set("observations_title",
        std::string(minutes::swedishSectionTitle(minutes::AnnualSection::Observations)));
  d.set("observation_rows", observations);
  auto providers = list();
  for (const auto& p : figures->providers) {
    Data pd;
    pd.set("name", p.providerName);
    auto contracts = list();
    for (const auto& c : p.contracts) {
      Data cd;
      cd.set("title", c.title);
      cd.set("reference", c.reference);
      cd.set("held", std::to_string(c.figures.current.meetings.held));
      cd.set("planned", std::to_string(c.figures.current.meetings.planned));
      cd.set("actions", std::to_string(c.figures.current.actions.opened));
      cd.set("cases", std::to_string(c.figures.current.cases.opened));
      contracts.push_back(cd);
    }
    pd.set("contracts", contracts);
    providers.push_back(pd);
  }
  d.set("providers", providers);
  return render(req, std::move(page));
}

void registerAnnualPages(http::Router& router, Services& s) {
  if (!s.annual) return;
  const auto page = [&s](http::Request& req) {
    auto year = annualYearOf(req, s);
    if (auto* refused = std::get_if<http::Reply>(&year)) return std::move(*refused);
    return annualPage(req, s, std::get<int>(year));
  };
  addPage(router, "GET", "/arsrapport", page);
  // DESIGN.md's `.html` beside the API's JSON, CSV and PDF: the same page, by the API's names
  // (authority, year).
  addPage(router, "GET", "/api/v1/reports/annual.html", page);
}

}  // namespace sv::web
