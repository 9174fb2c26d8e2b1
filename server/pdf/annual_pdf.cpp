// The layout of the yearly summary (annual_pdf.hpp). Why each section has a "Nyckeltal" table
// beside its chart: the charts show this year per provider, while the committee asks how the year
// compares with the last; the table gives both years and the change, with "–" where a median has
// no values (an empty cell would read as zero). The charts and their tables come from the same
// models the web page draws (minutes/annual_charts.hpp), so paper and screen cannot disagree.
#include "server/pdf/annual_pdf.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "minutes/annual_charts.hpp"
#include "minutes/annual_items.hpp"
#include "minutes/annual_labels.hpp"
#include "minutes/follow_up_case.hpp"
#include "minutes/report.hpp"
#include "minutes/report_record.hpp"
#include "server/pdf/annual_chart_draw.hpp"
#include "server/pdf/document_layout.hpp"
#include "server/pdf/flow.hpp"
#include "server/pdf/markup.hpp"

namespace sv::pdf {
namespace {

using detail::Column;
using detail::DocumentLayout;
using detail::esc;
using detail::Flow;
using detail::kMutedBody;
using detail::muted;
using detail::OutlineEntry;
using detail::Table;
using minutes::AnnualFigure;
using minutes::AnnualFigures;
using minutes::AnnualSection;
using minutes::Chart;

constexpr const char* kComparison = "Jämförelse med föregående år";
constexpr const char* kProviders = "Utförare och avtal";
constexpr const char* kNone = "–";        // a median without values
constexpr double kChartIntroRoom = 70;    // a chart's title and a description of three lines
constexpr double kHeadingRoomAbove = 30;  // a section's heading above its first chart

std::string number(double value) {
  return minutes::formatSwedishNumber(value);
}

std::string number(const std::optional<double>& value) {
  return value ? number(*value) : kNone;
}

// A change with its sign, "+2" or "−1", so that a rise and a fall read apart; "0" for none.
std::string change(const std::optional<double>& current, const std::optional<double>& previous) {
  if (!current || !previous) return kNone;
  const double d = *current - *previous;
  return (number(d) != "0" && d > 0 ? "+" : "") + number(d);
}

std::string defaultTitle(const AnnualFigures& f) {
  return "Årsrapport " + std::to_string(f.year) + " till nämnden – " + f.authorityName;
}

// The provider whose view the figures are, when they are one.
const minutes::ProviderFigures* viewedProvider(const AnnualFigures& f) {
  if (!f.providerOnly) return nullptr;
  for (const minutes::ProviderFigures& p : f.providers)
    if (p.providerId == *f.providerOnly) return &p;
  return nullptr;
}

// A figure of both years under its label: one row of a "Nyckeltal" table.
struct KeyRow {
  std::string label;
  std::optional<double> current;
  std::optional<double> previous;
};

KeyRow keyRow(const minutes::PeriodFigures& p, AnnualFigure figure) {
  return {std::string(minutes::swedishLabel(figure)), minutes::figureValue(p.current, figure),
          minutes::figureValue(p.previous, figure)};
}

// A table with a first column of text and the rest numbers, right-aligned so that digits line up.
Table numberTable(const std::vector<std::string>& headers, double firstShare) {
  Table table{.body = detail::kTableBody, .head = detail::kTableHead};
  const double rest =
      (1 - firstShare) / static_cast<double>(std::max<std::size_t>(1, headers.size() - 1));
  for (std::size_t i = 0; i < headers.size(); ++i)
    table.columns.push_back(Column{esc(headers[i]), i == 0 ? firstShare : rest,
                                   i == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT});
  return table;
}

class AnnualLayout : DocumentLayout {
 public:
  AnnualLayout(Flow& flow, const AnnualFigures& figures, const AnnualPdfOptions& options)
      : DocumentLayout(flow),
        f_(figures),
        o_(options),
        charts_(minutes::annualCharts(figures)),
        year_(std::to_string(figures.year)),
        previousYear_(std::to_string(figures.year - 1)) {}

  std::vector<OutlineEntry> run() {
    header();
    if (o_.narrative) narrative(*o_.narrative);
    const std::vector<AnnualSection> sections = minutes::sectionsWithData(f_.totals);
    if (sections.empty()) {
      heading("Årets uppgifter", 18);
      flow_.paragraph(
          esc("Det finns inga uppgifter för " + previousYear_ + " eller " + year_ + "."),
          kMutedBody, {.spaceAfter = 3});
    }
    for (AnnualSection s : sections) section(s);
    if (!sections.empty()) comparison();
    providers();
    registration(o_.registryNumber, o_.sealSubject);
    return outline();
  }

 private:
  void header() {
    const minutes::ProviderFigures* own = viewedProvider(f_);
    detail::DocumentHead top{.authorityName = f_.authorityName,
                             .registryNumber = o_.registryNumber,
                             .title = o_.title.empty() ? defaultTitle(f_) : o_.title,
                             .subtitle = "Samlad bild av årets samverkan och uppföljning"};
    top.facts.emplace_back("Förvaltning", esc(f_.authorityName));
    top.facts.emplace_back("År", esc(year_ + " (jämförs med " + previousYear_ + ")"));
    std::size_t contracts = 0;
    for (const minutes::ProviderFigures& p : f_.providers) contracts += p.contracts.size();
    if (f_.providerOnly) {
      top.subtitle = "Utförarens egna uppgifter";
      top.facts.emplace_back("Utförare", esc(own ? own->providerName : "Inga avtal under året"));
    } else {
      top.facts.emplace_back("Utförare", esc(std::to_string(f_.providers.size())));
    }
    top.facts.emplace_back("Avtal", esc(std::to_string(contracts)));
    head(top);
  }

  // Each part under its heading; a blank one (nothing cmark would print) is left out.
  void narrativePart(const char* title, const std::string& markdown) {
    if (detail::markdownToBlocks(markdown).empty()) return;
    heading(title, 18);
    notes(markdown);
  }

  void narrative(const AnnualNarrative& n) {
    narrativePart("Sammanfattning", n.summary);
    narrativePart("Bedömning", n.assessment);
    narrativePart("Förslag till beslut", n.proposal);
  }

  const Chart* chartOf(std::string_view id) const {
    for (const Chart& c : charts_)
      if (c.id == id) return &c;
    return nullptr;
  }

  // The chart's title and what it shows, the chart, then its figures as a table.
  void chart(std::string_view id) {
    const Chart* c = chartOf(id);
    if (!c) return;
    const Flow& flow = flow_;
    const double height = detail::chartHeight(flow, *c, flow_.box().contentWidth());
    // The title and the sentence about the chart stay on the chart's page.
    flow_.ensure(height + kChartIntroRoom);
    subheading(c->title);
    flow_.paragraph(esc(c->description), kMutedBody, {.spaceAfter = 6});
    flow_.picture(
        height,
        [&flow, chart = *c](cairo_t* cr, double x, double y, double width) {
          detail::drawChart(cr, flow, chart, x, y, width);
        },
        "Stapeldiagram: " + c->title + ". " + c->description +
            " Diagrammets värden står i tabellen under det.");
    const minutes::ChartTable t = minutes::chartTable(*c);
    Table table = numberTable(t.columns, t.columns.size() > 3 ? 0.32 : 0.4);
    for (const std::vector<std::string>& row : t.rows) {
      std::vector<std::string> cells;
      for (const std::string& cell : row) cells.push_back(esc(cell));
      table.rows.push_back(std::move(cells));
    }
    placeTable(table);
  }

  void keyFigures(const std::vector<KeyRow>& rows) {
    subheading("Nyckeltal");
    Table table = numberTable({"", previousYear_, year_, "Förändring"}, 0.46);
    for (const KeyRow& r : rows)
      table.rows.push_back({esc(r.label), esc(number(r.previous)), esc(number(r.current)),
                            esc(change(r.current, r.previous))});
    placeTable(table);
  }

  std::vector<KeyRow> rowsOf(std::initializer_list<AnnualFigure> figures) const {
    std::vector<KeyRow> rows;
    for (AnnualFigure figure : figures) rows.push_back(keyRow(f_.totals, figure));
    return rows;
  }

  // A heading that opens with a chart moves to the next page with it rather than stay alone at
  // the foot of a page.
  void headingBefore(const std::string& title, std::string_view chartId) {
    if (const Chart* c = chartOf(chartId))
      flow_.ensure(20 + kHeadingRoomAbove + kChartIntroRoom +
                   detail::chartHeight(flow_, *c, flow_.box().contentWidth()));
    heading(title, 20);
  }

  static std::string_view firstChartOf(AnnualSection s) {
    switch (s) {
      case AnnualSection::Meetings:
        return "meetings";
      case AnnualSection::Minutes:
        return "approval-days";
      case AnnualSection::Actions:
        return "actions";
      default:
        return {};
    }
  }

  void section(AnnualSection s) {
    headingBefore(std::string(minutes::swedishSectionTitle(s)), firstChartOf(s));
    switch (s) {
      case AnnualSection::Meetings:
        return meetings();
      case AnnualSection::Minutes:
        chart("approval-days");
        keyFigures(rowsOf({AnnualFigure::Minutes, AnnualFigure::MedianDaysToApproval,
                           AnnualFigure::MedianDaysToRegistration, AnnualFigure::Returns,
                           AnnualFigure::Disagreements}));
        return;
      case AnnualSection::Observations:
        return observations();
      case AnnualSection::Actions:
        chart("actions");
        keyFigures(rowsOf({AnnualFigure::ActionsOpened, AnnualFigure::ActionsAccepted,
                           AnnualFigure::ActionsInsufficient, AnnualFigure::ActionsOverdue,
                           AnnualFigure::MedianDaysToAcceptance}));
        return;
      case AnnualSection::Reports:
        return reports();
      case AnnualSection::Cases:
        return cases();
    }
  }

  void meetings() {
    chart("meetings");
    keyFigures(rowsOf({AnnualFigure::PlannedMeetings, AnnualFigure::HeldMeetings,
                       AnnualFigure::CancelledMeetings}));
    const auto& reasons = f_.totals.current.meetings.cancelReasons;
    if (reasons.empty()) return;
    subheading("Skäl till inställda möten " + year_);
    Table table = numberTable({"Skäl", "Antal"}, 0.8);
    for (const minutes::CountByText& r : reasons)
      table.rows.push_back(
          {esc(r.text.empty() ? minutes::swedishNoReason() : r.text), esc(number(r.count))});
    placeTable(table);
  }

  // Per agenda item, this year's and the previous year's; an item of one year only shows "–"
  // for the other.
  void observations() {
    Table table = numberTable({"Dagordningspunkt", "Protokoll " + year_, "Iakttagelser " + year_,
                               "Iakttagelser " + previousYear_},
                              0.46);
    auto cell = [&](const std::optional<int>& n) -> std::string {
      return n ? esc(number(*n)) : kNone;
    };
    for (const minutes::ItemObservationRow& r : minutes::observationRows(f_.totals))
      table.rows.push_back(
          {esc(r.title), cell(r.minutes), cell(r.observations), cell(r.previousObservations)});
    placeTable(table);
  }

  void reports() {
    const minutes::ReportFigures& now = f_.totals.current.reports;
    const minutes::ReportFigures& before = f_.totals.previous.reports;
    std::vector<KeyRow> rows;
    for (auto kind : {minutes::ReportKind::Operational, minutes::ReportKind::Contract,
                      minutes::ReportKind::Case}) {
      const auto k = static_cast<std::size_t>(kind);
      rows.push_back({std::string(minutes::swedishKind(kind)), now.byKind[k], before.byKind[k]});
    }
    rows.push_back({"Diarieförda", now.registered, before.registered});
    keyFigures(rows);
    if (now.areas.empty()) return;
    subheading("Bedömning per område " + year_);
    using minutes::Assessment;
    constexpr Assessment kOrder[] = {Assessment::Meets, Assessment::PartlyMeets,
                                     Assessment::DoesNotMeet, Assessment::NotAssessed};
    std::vector<std::string> headers{"Område"};
    for (Assessment a : kOrder) headers.emplace_back(minutes::swedishAssessment(a));
    Table table = numberTable(headers, 0.28);
    for (const minutes::AreaFigures& area : now.areas) {
      std::vector<std::string> row{esc(area.title)};
      for (Assessment a : kOrder)
        row.push_back(esc(number(area.byAssessment[static_cast<std::size_t>(a)])));
      table.rows.push_back(std::move(row));
    }
    placeTable(table);
  }

  void cases() {
    const minutes::CaseFigures& now = f_.totals.current.cases;
    const minutes::CaseFigures& before = f_.totals.previous.cases;
    std::vector<KeyRow> rows = rowsOf({AnnualFigure::Cases});
    using minutes::CaseTrigger;
    for (auto trigger :
         {CaseTrigger::Deviations, CaseTrigger::Complaints, CaseTrigger::SeriousEvent,
          CaseTrigger::BudgetDeviation, CaseTrigger::IndividualSignal, CaseTrigger::Other}) {
      const auto t = static_cast<std::size_t>(trigger);
      if (now.byTrigger[t] > 0 || before.byTrigger[t] > 0)
        rows.push_back({"Orsak: " + std::string(minutes::swedishTrigger(trigger)), now.byTrigger[t],
                        before.byTrigger[t]});
    }
    rows.push_back({"Utfall: " + std::string(minutes::swedishOutcome(minutes::AnalysisOutcome::Ok)),
                    now.outcomeOk, before.outcomeOk});
    rows.push_back(
        {"Utfall: " + std::string(minutes::swedishOutcome(minutes::AnalysisOutcome::NotOk)),
         now.outcomeNotOk, before.outcomeNotOk});
    rows.push_back({"Ännu inte analyserade", now.notAnalysed, before.notAnalysed});
    rows.push_back({"Åtgärdsplan begärd", now.actionPlansRequested, before.actionPlansRequested});
    rows.push_back({"Avslutade", now.closed, before.closed});
    keyFigures(rows);
  }

  void comparison() {
    headingBefore(kComparison, "year-over-year");
    chart("year-over-year");
    subheading("Samtliga nyckeltal");
    Table table = numberTable({"Nyckeltal", previousYear_, year_, "Förändring"}, 0.46);
    for (const minutes::YearComparison& c : minutes::compareYears(f_.totals))
      table.rows.push_back({esc(minutes::swedishLabel(c.figure)), esc(number(c.previous)),
                            esc(number(c.current)), esc(change(c.current, c.previous))});
    placeTable(table);
  }

  // Per provider, this year's key figures of each of its contracts side by side, and the
  // provider's own when it has more than one.
  void providers() {
    if (f_.providers.empty()) return;
    heading(kProviders, 20);
    for (const minutes::ProviderFigures& p : f_.providers) {
      subheading(p.providerName);
      const bool total = p.contracts.size() > 1;
      const double columns = static_cast<double>(p.contracts.size() + (total ? 1 : 0));
      Table table{.body = detail::kTableBody, .head = detail::kTableHead};
      table.columns.push_back(Column{esc("Nyckeltal " + year_), 0.4});
      for (const minutes::ContractFigures& c : p.contracts)
        table.columns.push_back(Column{esc(c.title) + "\n" + muted(esc(c.reference)), 0.6 / columns,
                                       PANGO_ALIGN_RIGHT});
      if (total)
        table.columns.push_back(Column{esc("Utföraren totalt"), 0.6 / columns, PANGO_ALIGN_RIGHT});
      for (AnnualFigure figure : minutes::kAllAnnualFigures) {
        std::vector<std::string> row{esc(minutes::swedishLabel(figure))};
        for (const minutes::ContractFigures& c : p.contracts)
          row.push_back(esc(number(minutes::figureValue(c.figures.current, figure))));
        if (total) row.push_back(esc(number(minutes::figureValue(p.figures.current, figure))));
        table.rows.push_back(std::move(row));
      }
      placeTable(table);
    }
  }

  const AnnualFigures& f_;
  const AnnualPdfOptions& o_;
  std::vector<Chart> charts_;
  std::string year_;
  std::string previousYear_;
};

}  // namespace

Result<std::string> renderAnnualPdf(const AnnualFigures& figures, const AnnualPdfOptions& options) {
  const std::string title = options.title.empty() ? defaultTitle(figures) : options.title;
  detail::PdfMetadata metadata{
      .title = title,
      .author = figures.authorityName,
      .subject =
          "Årsrapport till nämnden " + std::to_string(figures.year) + ", " + figures.authorityName,
      .keywords = "årsrapport, nämnd, samverkan, uppföljning, " + std::to_string(figures.year),
      .createdAt = options.createdAt};
  std::string footer = esc(title);
  if (const minutes::ProviderFigures* own = viewedProvider(figures)) {
    metadata.subject += ", utförare " + own->providerName;
    footer += " · " + esc(own->providerName);
  }
  const detail::DocumentFrame frame{std::move(metadata), options.stateMark, std::move(footer)};
  return detail::renderDocument(
      frame, [&](Flow& flow) { return AnnualLayout(flow, figures, options).run(); });
}

}  // namespace sv::pdf
