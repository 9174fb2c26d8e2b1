// The yearly summary's charts as data, and as SVG. Why a model first: the web page draws a chart as
// SVG and the PDF draws the same one with cairo, so what a chart shows (its categories, series,
// values, unit and the Swedish sentence that says what it shows) is decided once, here, from the
// figures, and each renderer only draws. Each chart also gives its figures as a table
// (chartTable), shown beside it so that a reader who cannot see the chart reads the same numbers
// (WCAG 1.1.1); the SVG names itself with <title> and <desc> (role="img", aria-labelledby).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "minutes/annual_figures.hpp"

namespace sv::minutes {

// Grouped: the series side by side in each category. Stacked: the series on top of one another,
// the bar's height the category's total.
enum class ChartKind { GroupedBars, StackedBars };

// Colours with at least 4.5:1 contrast against white (and so white text on them), told apart by
// hue and lightness; the actions' states keep their meaning (accepted green, insufficient red).
inline constexpr std::string_view kChartBlue = "#0b5394";
inline constexpr std::string_view kChartOrange = "#b45f06";
inline constexpr std::string_view kChartGreen = "#38761d";
inline constexpr std::string_view kChartRed = "#a61c00";
inline constexpr std::string_view kChartPurple = "#674ea7";

struct ChartSeries {
  std::string name;            // the legend's text
  std::vector<double> values;  // one per category
  std::string colour;          // #rrggbb, one of the kChart colours
  bool operator==(const ChartSeries&) const = default;
};

struct Chart {
  std::string id;  // unique on a page, [a-z0-9-]: "meetings", "actions", "approval-days", …
  std::string title;
  std::string description;  // a Swedish sentence or two: what the chart shows and the main finding
  ChartKind kind = ChartKind::GroupedBars;
  std::string categoryLabel;  // what the categories are, e.g. "Utförare"
  std::vector<std::string> categories;
  std::vector<ChartSeries> series;
  std::string unit;  // what the values count, e.g. "Antal möten"
  bool operator==(const Chart&) const = default;
};

// (a) Planned and held meetings per provider, grouped.
Chart meetingsChart(const AnnualFigures& figures);
// (b) Actions by their state at the year's end per provider, stacked.
Chart actionsChart(const AnnualFigures& figures);
// (c) Minutes by days from the meeting to both approvals: 0–7, 8–14, 15–21, 22–30, över 30 dagar.
Chart approvalDaysChart(const AnnualFigures& figures);
// (d) The year's key counts against the previous year's.
Chart yearComparisonChart(const AnnualFigures& figures);

// The charts whose data exists, in the order above.
std::vector<Chart> annualCharts(const AnnualFigures& figures);

struct ChartTable {
  std::string caption;
  std::vector<std::string> columns;            // the category label, then each series
  std::vector<std::vector<std::string>> rows;  // one per category, numbers as Swedes write them
  bool operator==(const ChartTable&) const = default;
};

// What every drawing of a chart (the SVG here, cairo in server/pdf) reads the same way: a series'
// colour (its own when it is #rrggbb, else the palette's next: never other text in an attribute),
// a bar's value (0 when missing or below zero), the tallest bar (stacked bars summed), and the
// step of the value axis (1, 2 or 5 times a power of ten, about five ticks).
std::string seriesColour(const Chart& chart, std::size_t series);
double barValue(const ChartSeries& series, std::size_t category);
double tallestBar(const Chart& chart);
double axisStep(double maximum);

// The chart's figures as a table; a stacked chart gets a last column "Totalt".
ChartTable chartTable(const Chart& chart);

// A self-contained SVG document (fixed viewBox 0 0 720 420): <title> and <desc> with ids the root's
// aria-labelledby names, a value axis with ticks and labels, the categories under the bars, a
// legend, each value written at its bar, the series' colours on a white ground, every text
// XML-escaped, no script, no external reference.
std::string renderChartSvg(const Chart& chart);

}  // namespace sv::minutes
