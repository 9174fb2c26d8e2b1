// A chart model drawn with cairo (annual_chart_draw.hpp says why). The proportions follow
// annual_svg.cpp: the same nice steps on the value axis, grouped bars filling three quarters of
// their category's band and stacked ones half of it, values above grouped bars and inside stacked
// parts tall enough to hold them; sizes are in points for an A4 text column instead of pixels.
#include "server/pdf/annual_chart_draw.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>
#include <string>
#include <vector>

#include "minutes/annual_labels.hpp"
#include "server/pdf/document_layout.hpp"
#include "server/pdf/markup.hpp"

namespace sv::pdf::detail {
namespace {

using minutes::Chart;
using minutes::ChartKind;
using minutes::ChartSeries;

constexpr TextStyle kLegendText{"DejaVu Sans 7.5", kInk, 1.0};
constexpr TextStyle kAxisText{"DejaVu Sans 7", kInk, 1.0};
constexpr TextStyle kValueText{"DejaVu Sans 6.5", kInk, 1.0};
constexpr Rgb kGrid{0.85, 0.85, 0.85};  // grid lines, behind the bars
constexpr Rgb kWhite{1, 1, 1};

constexpr double kSwatch = 8;         // the legend's colour square
constexpr double kLegendGap = 14;     // between two entries of the legend
constexpr double kLegendRow = 12;     // one row of the legend
constexpr double kLegendLabel = 220;  // a series' name longer than this is cut with "…"
constexpr double kAxisRoom = 46;      // left of the plot: the unit and the ticks' numbers
constexpr double kRightRoom = 6;
constexpr double kValueRoom = 12;  // above the axis's top, for the value of the tallest bar
constexpr double kPlotHeight = 150;
constexpr double kTick = 4;
// A category's band narrower than this gets its label slanted, as the SVG does, instead of
// wrapped under the bars; a slanted label longer than kSlantedLabel is cut with "…".
constexpr double kMinWrapBand = 40;
constexpr double kSlantedLabel = 110;
constexpr int kMaxLabelLines = 3;
constexpr double kSlant = 35 * std::numbers::pi / 180;

struct Size {
  double width = 0, height = 0;
};

Size sizeOf(const SharedLayout& layout) {
  PangoRectangle logical{};
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  return {pango_units_to_double(logical.width), pango_units_to_double(logical.height)};
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "#rrggbb" as cairo's colour; nothing for any other text.
std::optional<Rgb> parseColour(std::string_view hex) {
  if (hex.size() != 7 || hex[0] != '#') return std::nullopt;
  double parts[3];
  for (std::size_t i = 0; i < 3; ++i) {
    const int high = hexDigit(hex[1 + 2 * i]);
    const int low = hexDigit(hex[2 + 2 * i]);
    if (high < 0 || low < 0) return std::nullopt;
    parts[i] = (high * 16 + low) / 255.0;
  }
  return Rgb{parts[0], parts[1], parts[2]};
}

// The series' own colour when it is one, else the palette's next: the SVG's choice, so that a
// series has the same colour on the web page and on paper.
Rgb colourOf(const Chart& c, std::size_t s) {
  return *parseColour(minutes::seriesColour(c, s));
}

void setColour(cairo_t* cr, Rgb c) {
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

struct LegendEntry {
  SharedLayout text;
  double x = 0, y = 0;  // from the chart's top left corner
};

// Where everything goes, from the chart's top left corner; measured once for the height and
// again, the same way, when the page is drawn.
struct Geometry {
  std::vector<LegendEntry> legend;
  double plotLeft = 0, plotRight = 0, plotTop = 0, plotBottom = 0;
  double band = 0;  // one category's share of the plot's width
  bool slanted = false;
  std::vector<SharedLayout> labels;
  double height = 0;
};

SharedLayout oneLineLabel(const Flow& flow, const std::string& text, const TextStyle& style,
                          double limit) {
  SharedLayout layout = flow.layout(escapeMarkup(text), style, limit);
  pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
  return layout;
}

Geometry measure(const Flow& flow, const Chart& c, double width) {
  Geometry g;
  double x = kAxisRoom;
  double y = 0;
  for (const ChartSeries& s : c.series) {
    SharedLayout text = oneLineLabel(flow, s.name, kLegendText, kLegendLabel);
    const double entry = kSwatch + 4 + sizeOf(text).width;
    if (x + entry > width && x > kAxisRoom) {
      x = kAxisRoom;
      y += kLegendRow;
    }
    g.legend.push_back({std::move(text), x, y});
    x += entry + kLegendGap;
  }
  g.plotLeft = kAxisRoom;
  g.plotRight = width - kRightRoom;
  g.plotTop = (c.series.empty() ? 0 : y + kLegendRow) + kValueRoom;
  g.plotBottom = g.plotTop + kPlotHeight;
  const double count = static_cast<double>(std::max<std::size_t>(1, c.categories.size()));
  g.band = (g.plotRight - g.plotLeft) / count;
  g.slanted = g.band < kMinWrapBand;
  double labelRoom = 0;
  for (const std::string& category : c.categories) {
    SharedLayout label;
    if (g.slanted) {
      label = oneLineLabel(flow, category, kAxisText, kSlantedLabel);
      const Size size = sizeOf(label);
      labelRoom = std::max(labelRoom, size.width * std::sin(kSlant) + size.height);
    } else {
      label = flow.layout(escapeMarkup(category), kAxisText, g.band - 4, PANGO_ALIGN_CENTER);
      pango_layout_set_height(label.get(), -kMaxLabelLines);
      pango_layout_set_ellipsize(label.get(), PANGO_ELLIPSIZE_END);
      labelRoom = std::max(labelRoom, sizeOf(label).height);
    }
    g.labels.push_back(std::move(label));
  }
  g.height = g.plotBottom + 6 + std::max(labelRoom, kLegendRow) + 4;
  return g;
}

void line(cairo_t* cr, double x1, double y1, double x2, double y2, double width, Rgb colour) {
  setColour(cr, colour);
  cairo_set_line_width(cr, width);
  cairo_move_to(cr, x1, y1);
  cairo_line_to(cr, x2, y2);
  cairo_stroke(cr);
}

void drawLegend(cairo_t* cr, const Chart& c, const Geometry& g, double x, double y) {
  for (std::size_t i = 0; i < g.legend.size(); ++i) {
    const LegendEntry& e = g.legend[i];
    const double textHeight = sizeOf(e.text).height;
    setColour(cr, colourOf(c, i));
    cairo_rectangle(cr, x + e.x, y + e.y + (textHeight - kSwatch) / 2, kSwatch, kSwatch);
    cairo_fill(cr);
    Flow::showLayout(cr, e.text.get(), x + e.x + kSwatch + 4, y + e.y, kInk);
  }
}

// Grid lines and ticks at every step, the numbers left of the axis, the unit turned upright.
void drawAxis(cairo_t* cr, const Flow& flow, const Chart& c, const Geometry& g, double x, double y,
              double step, double top) {
  const double left = x + g.plotLeft;
  const double right = x + g.plotRight;
  const double bottom = y + g.plotBottom;
  const double scale = kPlotHeight / top;
  for (double v = 0; v <= top + step / 2; v += step) {
    const double at = bottom - v * scale;
    line(cr, left, at, right, at, 0.4, kGrid);
    line(cr, left - kTick, at, left, at, 0.6, kInk);
    const SharedLayout number = flow.layout(escapeMarkup(minutes::formatSwedishNumber(v)),
                                            kAxisText, kAxisRoom - 16, PANGO_ALIGN_RIGHT);
    Flow::showLayout(cr, number.get(), left - kAxisRoom + 10, at - sizeOf(number).height / 2, kInk);
  }
  line(cr, left, y + g.plotTop, left, bottom, 0.8, kInk);
  line(cr, left, bottom, right, bottom, 0.8, kInk);

  const SharedLayout unit = oneLineLabel(flow, c.unit, kAxisText, kPlotHeight);
  pango_layout_set_alignment(unit.get(), PANGO_ALIGN_CENTER);
  cairo_save(cr);
  cairo_translate(cr, x, y + g.plotTop + kPlotHeight / 2);
  cairo_rotate(cr, -std::numbers::pi / 2);
  Flow::showLayout(cr, unit.get(), -kPlotHeight / 2, 0, kInk);
  cairo_restore(cr);
}

// A value's text centred on (centre, middle).
void drawValue(cairo_t* cr, const Flow& flow, double value, double centre, double middle,
               Rgb colour) {
  const SharedLayout text =
      flow.layout(escapeMarkup(minutes::formatSwedishNumber(value)), kValueText, 60);
  const Size size = sizeOf(text);
  Flow::showLayout(cr, text.get(), centre - size.width / 2, middle - size.height / 2, colour);
}

void drawBars(cairo_t* cr, const Flow& flow, const Chart& c, const Geometry& g, double x, double y,
              double scale) {
  const bool stacked = c.kind == ChartKind::StackedBars;
  const double bottom = y + g.plotBottom;
  const double inner = g.band * (stacked ? 0.5 : 0.75);
  const double barWidth =
      stacked ? inner : inner / static_cast<double>(std::max<std::size_t>(1, c.series.size()));
  for (std::size_t i = 0; i < c.categories.size(); ++i) {
    const double start = x + g.plotLeft + g.band * static_cast<double>(i);
    double base = bottom;
    for (std::size_t s = 0; s < c.series.size(); ++s) {
      const double value = minutes::barValue(c.series[s], i);
      const double height = value * scale;
      const double left =
          start + (g.band - inner) / 2 + (stacked ? 0 : barWidth * static_cast<double>(s));
      const double top = stacked ? base - height : bottom - height;
      if (stacked) base -= height;
      if (height > 0) {
        // White edges keep the parts of a stacked bar, and neighbouring bars, apart.
        setColour(cr, colourOf(c, s));
        cairo_rectangle(cr, left, top, barWidth, height);
        cairo_fill_preserve(cr);
        setColour(cr, kWhite);
        cairo_set_line_width(cr, 0.6);
        cairo_stroke(cr);
      }
      // The value at its bar: above a grouped bar, inside a stacked part tall enough for it.
      if (!stacked)
        drawValue(cr, flow, value, left + barWidth / 2, top - 5, kInk);
      else if (value > 0 && height >= 10)
        drawValue(cr, flow, value, left + barWidth / 2, top + height / 2, kWhite);
    }
  }
}

void drawCategories(cairo_t* cr, const Geometry& g, double x, double y) {
  const double below = y + g.plotBottom + 4;
  for (std::size_t i = 0; i < g.labels.size(); ++i) {
    const double start = x + g.plotLeft + g.band * static_cast<double>(i);
    const SharedLayout& label = g.labels[i];
    if (!g.slanted) {
      Flow::showLayout(cr, label.get(), start + 2, below, kInk);
      continue;
    }
    // Ending under the middle of its band, rising to it, as the SVG's text-anchor="end".
    const Size size = sizeOf(label);
    cairo_save(cr);
    cairo_translate(cr, start + g.band / 2, below + 2);
    cairo_rotate(cr, -kSlant);
    Flow::showLayout(cr, label.get(), -size.width, -size.height / 2, kInk);
    cairo_restore(cr);
  }
}

}  // namespace

double chartHeight(const Flow& flow, const Chart& chart, double width) {
  return measure(flow, chart, width).height;
}

void drawChart(cairo_t* cr, const Flow& flow, const Chart& chart, double x, double y,
               double width) {
  const Geometry g = measure(flow, chart, width);
  drawLegend(cr, chart, g, x, y);
  const double top = minutes::tallestBar(chart);
  const double step = minutes::axisStep(top);
  const double axisTop = std::max(step, std::ceil(top / step) * step);
  drawAxis(cr, flow, chart, g, x, y, step, axisTop);
  if (chart.categories.empty()) {
    const SharedLayout none = flow.layout(escapeMarkup("Inga uppgifter för perioden"), kLegendText,
                                          g.plotRight - g.plotLeft, PANGO_ALIGN_CENTER);
    Flow::showLayout(cr, none.get(), x + g.plotLeft, y + g.plotTop + kPlotHeight / 2, kInk);
    return;
  }
  drawBars(cr, flow, chart, g, x, y, kPlotHeight / axisTop);
  drawCategories(cr, g, x, y);
}

}  // namespace sv::pdf::detail
