// A chart model drawn as SVG for the web page (annual_charts.hpp). Why written by hand and not
// with a library: the document is small, fixed in shape, and must hold what accessibility and
// well-formedness ask for (role="img", <title> and <desc> named by aria-labelledby, every text
// escaped, no script), which is easiest to guarantee where every byte is written in one place.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "minutes/annual_charts.hpp"
#include "minutes/annual_labels.hpp"
#include "minutes/escape.hpp"
#include "workflows/text.hpp"

namespace sv::minutes {
namespace {

constexpr double kWidth = 720;
constexpr double kHeight = 420;
constexpr double kLeft = 72;
constexpr double kRight = 20;
constexpr std::size_t kMaxLabelCharacters = 36;
constexpr std::string_view kInk = "#1a1a1a";   // text and axes: 17:1 on white
constexpr std::string_view kGrid = "#d9d9d9";  // grid lines, behind the bars
// For a series without a colour of its own.
// Text for XML: valid UTF-8, control characters (which XML 1.0 forbids) as spaces, then escaped
// as for HTML (the same five characters have a meaning in XML).
std::string escapeXml(std::string_view raw) {
  std::string cleaned = text::toValidUtf8(raw);
  for (char& c : cleaned)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return detail::escapeHtml(cleaned);
}

// An id made of [a-z0-9-] only, so it is a valid XML id and needs no escaping.
std::string safeId(std::string_view id) {
  std::string out = "chart-";
  for (char c : id) out += (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '-';
  return out;
}

std::string coordinate(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

// At most `limit` characters (not bytes), with an ellipsis when cut.
std::string shortened(std::string_view s, std::size_t limit) {
  if (text::countCharacters(s) <= limit) return std::string(s);
  std::size_t characters = 0;
  std::size_t i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (characters == limit - 1) break;
      ++characters;
    }
  }
  return std::string(s.substr(0, i)) + "\u2026";
}

struct Frame {
  double top, bottom, left, right;
  double scale;  // pixels per unit
};

// The legend's rows under the title; returns where the plot may begin.
double drawLegend(std::string& out, const Chart& c) {
  double x = kLeft;
  double y = 44;
  out += "<g class=\"legend\" font-size=\"12\">\n";
  for (std::size_t i = 0; i < c.series.size(); ++i) {
    const std::string name = shortened(c.series[i].name, kMaxLabelCharacters);
    const double width = 20 + 7.0 * static_cast<double>(text::countCharacters(name)) + 16;
    if (x + width > kWidth - kRight && x > kLeft) {
      x = kLeft;
      y += 18;
    }
    out += "<rect x=\"" + coordinate(x) + "\" y=\"" + coordinate(y - 10) +
           "\" width=\"12\" height=\"12\" fill=\"" + seriesColour(c, i) + "\"/>\n";
    out += "<text x=\"" + coordinate(x + 18) + "\" y=\"" + coordinate(y) + "\">" + escapeXml(name) +
           "</text>\n";
    x += width;
  }
  out += "</g>\n";
  return y + 24;
}

void drawAxis(std::string& out, const Chart& c, const Frame& f, double step, double top) {
  out += "<g class=\"axis\" font-size=\"11\" fill=\"" + std::string(kInk) + "\">\n";
  for (double v = 0; v <= top + step / 2; v += step) {
    const double y = f.bottom - v * f.scale;
    out += "<line x1=\"" + coordinate(f.left) + "\" x2=\"" + coordinate(f.right) + "\" y1=\"" +
           coordinate(y) + "\" y2=\"" + coordinate(y) + "\" stroke=\"" + std::string(kGrid) +
           "\"/>\n";
    out += "<line x1=\"" + coordinate(f.left - 5) + "\" x2=\"" + coordinate(f.left) + "\" y1=\"" +
           coordinate(y) + "\" y2=\"" + coordinate(y) + "\" stroke=\"" + std::string(kInk) +
           "\"/>\n";
    out += "<text x=\"" + coordinate(f.left - 8) + "\" y=\"" + coordinate(y + 4) +
           "\" text-anchor=\"end\">" + escapeXml(formatSwedishNumber(v)) + "</text>\n";
  }
  out += "<line x1=\"" + coordinate(f.left) + "\" x2=\"" + coordinate(f.left) + "\" y1=\"" +
         coordinate(f.top) + "\" y2=\"" + coordinate(f.bottom) + "\" stroke=\"" +
         std::string(kInk) + "\"/>\n";
  out += "<line x1=\"" + coordinate(f.left) + "\" x2=\"" + coordinate(f.right) + "\" y1=\"" +
         coordinate(f.bottom) + "\" y2=\"" + coordinate(f.bottom) + "\" stroke=\"" +
         std::string(kInk) + "\"/>\n";
  const double middle = (f.top + f.bottom) / 2;
  out += "<text transform=\"translate(18," + coordinate(middle) +
         ") rotate(-90)\" text-anchor=\"middle\">" + escapeXml(c.unit) + "</text>\n";
  out += "</g>\n";
}

void drawBars(std::string& out, const Chart& c, const Frame& f, bool slanted) {
  const double band = (f.right - f.left) / static_cast<double>(c.categories.size());
  out += "<g class=\"bars\">\n";
  for (std::size_t i = 0; i < c.categories.size(); ++i) {
    const double start = f.left + band * static_cast<double>(i);
    const bool stacked = c.kind == ChartKind::StackedBars;
    const double inner = band * (stacked ? 0.5 : 0.75);
    const double barWidth =
        stacked ? inner : inner / static_cast<double>(std::max<std::size_t>(1, c.series.size()));
    double base = f.bottom;
    for (std::size_t s = 0; s < c.series.size(); ++s) {
      const double value = barValue(c.series[s], i);
      const double height = value * f.scale;
      const double x =
          start + (band - inner) / 2 + (stacked ? 0 : barWidth * static_cast<double>(s));
      const double y = stacked ? base - height : f.bottom - height;
      if (stacked) base -= height;
      out +=
          "<rect x=\"" + coordinate(x) + "\" y=\"" + coordinate(y) + "\" width=\"" +
          coordinate(barWidth) + "\" height=\"" + coordinate(height) + "\" fill=\"" +
          seriesColour(c, s) + "\" stroke=\"#ffffff\" stroke-width=\"1\"><title>" +
          escapeXml(c.categories[i] + ", " + c.series[s].name + ": " + formatSwedishNumber(value)) +
          "</title></rect>\n";
      // The value at its bar: above a grouped bar, inside a stacked part tall enough for it.
      const std::string shown = escapeXml(formatSwedishNumber(value));
      if (!stacked)
        out += "<text class=\"value\" font-size=\"10\" fill=\"" + std::string(kInk) + "\" x=\"" +
               coordinate(x + barWidth / 2) + "\" y=\"" + coordinate(y - 4) +
               "\" text-anchor=\"middle\">" + shown + "</text>\n";
      else if (value > 0 && height >= 14)
        out += "<text class=\"value\" font-size=\"10\" fill=\"#ffffff\" x=\"" +
               coordinate(x + barWidth / 2) + "\" y=\"" + coordinate(y + height / 2 + 4) +
               "\" text-anchor=\"middle\">" + shown + "</text>\n";
    }
    const std::string label = escapeXml(shortened(c.categories[i], kMaxLabelCharacters));
    const double centre = start + band / 2;
    if (slanted)
      out += "<text class=\"category\" font-size=\"11\" fill=\"" + std::string(kInk) +
             "\" transform=\"translate(" + coordinate(centre) + "," + coordinate(f.bottom + 14) +
             ") rotate(-35)\" text-anchor=\"end\">" + label + "</text>\n";
    else
      out += "<text class=\"category\" font-size=\"11\" fill=\"" + std::string(kInk) + "\" x=\"" +
             coordinate(centre) + "\" y=\"" + coordinate(f.bottom + 18) +
             "\" text-anchor=\"middle\">" + label + "</text>\n";
  }
  out += "</g>\n";
}

}  // namespace

std::string renderChartSvg(const Chart& c) {
  const std::string id = safeId(c.id);
  std::string out =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 720 420\" width=\"720\" "
      "height=\"420\" role=\"img\" aria-labelledby=\"" +
      id + "-title " + id + "-desc\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n";
  out += "<title id=\"" + id + "-title\">" + escapeXml(c.title) + "</title>\n";
  out += "<desc id=\"" + id + "-desc\">" + escapeXml(c.description) + "</desc>\n";
  out += "<rect width=\"720\" height=\"420\" fill=\"#ffffff\"/>\n";
  out += "<text x=\"" + coordinate(kLeft) +
         "\" y=\"24\" font-size=\"16\" font-weight=\"bold\" fill=\"" + std::string(kInk) + "\">" +
         escapeXml(c.title) + "</text>\n";
  const double plotTop = drawLegend(out, c);
  std::size_t longest = 0;
  for (const std::string& category : c.categories)
    longest = std::max(longest, text::countCharacters(shortened(category, kMaxLabelCharacters)));
  const double slotWidth = (kWidth - kLeft - kRight) /
                           static_cast<double>(std::max<std::size_t>(1, c.categories.size()));
  const bool slanted = 7.0 * static_cast<double>(longest) > slotWidth;
  const double bottom = kHeight - (slanted ? 150 : 40);
  const double top = tallestBar(c);
  const double step = axisStep(top);
  const double axisTop = std::max(step, std::ceil(top / step) * step);
  const Frame frame{plotTop, bottom, kLeft, kWidth - kRight, (bottom - plotTop) / axisTop};
  drawAxis(out, c, frame, step, axisTop);
  if (c.categories.empty())
    out += "<text x=\"360\" y=\"" + coordinate((plotTop + bottom) / 2) +
           "\" text-anchor=\"middle\" font-size=\"14\" fill=\"" + std::string(kInk) +
           "\">Inga uppgifter för perioden</text>\n";
  else
    drawBars(out, c, frame, slanted);
  out += "</svg>\n";
  return out;
}

}  // namespace sv::minutes
