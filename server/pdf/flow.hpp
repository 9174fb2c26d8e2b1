// Internal: a small page-layout engine on cairo and Pango. Text and tables flow down A4 pages;
// everything is laid out first and remembered per page as drawing operations, so that the pages
// are drawn only when their number is known ("Sida 1 av 3").
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "server/pdf/handles.hpp"

namespace sv::pdf::detail {

struct Rgb {
  double r = 0, g = 0, b = 0;
};

struct TextStyle {
  const char* font = "DejaVu Sans 9.5";  // a Pango font description
  Rgb color{};
  double lineSpacing = 1.2;  // a factor of the font's height
};

// A4 in points (1/72 inch), with about 2 cm margins; the footer sits in the bottom margin.
struct PageBox {
  double width = 595.276;
  double height = 841.890;
  double left = 56.693;
  double right = 56.693;
  double top = 56.693;
  double bottom = 70.866;
  double contentWidth() const { return width - left - right; }
  double contentBottom() const { return height - bottom; }
};

struct ParagraphOptions {
  double indent = 0;  // from the left margin
  double spaceBefore = 0;
  double spaceAfter = 0;
  double keepWithNext = 0;  // this much must fit below the paragraph on its page (headings)
  std::string marker;       // Pango markup set in the indent, left of the first line
  double markerWidth = 0;   // the marker's column, right before `indent`
  PangoAlignment align = PANGO_ALIGN_LEFT;
  // The paragraph's role in the PDF's structure tree (tagged PDF, for screen readers): "P",
  // "H1"…"H3", "LI" for a list item, "Code".
  const char* tag = "P";
};

struct Column {
  std::string header;  // Pango markup; a table whose headers are all empty has no header row
  double share = 1;    // the column's part of the table's width (shares are normalised)
  PangoAlignment align = PANGO_ALIGN_LEFT;
};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;  // Pango markup, one string per column
  TextStyle body{};
  TextStyle head{};
  double indent = 0;
  bool headerFill = true;  // a light background behind the header row
  bool rowRules = true;    // a thin line below every row
  double padX = 4;
  double padY = 3.5;
};

// Where something landed, for the PDF outline.
struct Anchor {
  int page = 0;  // 1-based
  double y = 0;
};

class Flow {
 public:
  // `cr` draws on the PDF surface; its Pango context measures the text (72 dpi, so 10 in a
  // font description is 10 points, with metrics unhinted as print wants them).
  Flow(cairo_t* cr, PageBox box);

  const PageBox& box() const { return box_; }

  // A layout of Pango markup `width` points wide. Markup that does not parse (a bug: user text
  // is always escaped) is shown as plain text rather than lost.
  SharedLayout layout(std::string_view markup, const TextStyle& style, double width,
                      PangoAlignment align = PANGO_ALIGN_LEFT) const;

  // Text that flows over pages a line at a time; the first two lines stay together.
  void paragraph(std::string_view markup, const TextStyle& style,
                 const ParagraphOptions& options = {});

  // A table whose rows wrap in their cells. A row moves to the next page whole when it fits on
  // one; a row taller than a page is split between lines. The header row is repeated at the top
  // of every page the table continues on.
  void table(const Table& table);

  // What draws a picture once the pages are drawn: its top left corner at (x, y), `width` points
  // wide (the text column's width).
  using Painter = std::function<void(cairo_t* cr, double x, double y, double width)>;

  // A picture `height` points tall across the text column (a chart), moved whole to the next
  // page when it does not fit below the current position: a chart cut in two cannot be read.
  // A "Figure" in the structure tree, `alt` its alternate description for a screen reader.
  void picture(double height, Painter paint, std::string alt);

  // The pictures' alternate descriptions in the order they were placed, which is the order of
  // their "Figure" elements in the structure tree: cairo 1.16 has no word for /Alt, so makePdfA
  // (pdfa.hpp) writes them.
  const std::vector<std::string>& figureAlternates() const { return alternates_; }

  // A structure element around what the next calls place, such as "L" around a list's items.
  // Ends must match begins, innermost first.
  void beginTag(const char* tag) { mark(tag, true); }
  void endTag(const char* tag) { mark(tag, false); }
  // Closes what the flow keeps open between calls (a list after its last item): before draw().
  void endStructure();

  // A horizontal line across the text column.
  void rule(Rgb color, double lineWidth, double spaceBefore, double spaceAfter);

  // Vertical space; none at the top of a page.
  void space(double points);

  // A new page unless `points` fit below the current position.
  void ensure(double points);
  void newPage();

  Anchor here() const { return Anchor{static_cast<int>(pages_.size()), y_}; }
  int pageCount() const { return static_cast<int>(pages_.size()); }

  // Draws every page and shows it: the page's operations, then `decorate(cr, page, pages)` for
  // what depends on the number of pages (the footer). Pages are 1-based.
  void draw(const std::function<void(cairo_t*, int page, int pages)>& decorate) const;

  // Draws a whole layout with its top left corner at (x, y).
  static void showLayout(cairo_t* cr, PangoLayout* layout, double x, double y, Rgb color);

 private:
  // One line of set text: the layout it belongs to (which owns `line`) and where it sits, in
  // points from the top of the text.
  struct LineBox {
    SharedLayout layout;
    PangoLayoutLine* line = nullptr;
    double top = 0, bottom = 0, baseline = 0, x = 0;
  };
  struct TextLine {
    SharedLayout layout;  // keeps `line` alive
    PangoLayoutLine* line = nullptr;
    double x = 0, baseline = 0;
    Rgb color{};
  };
  struct Fill {
    double x = 0, y = 0, w = 0, h = 0;
    Rgb color{};
  };
  struct Stroke {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0, width = 0;
    Rgb color{};
  };
  struct Picture {
    double x = 0, y = 0, width = 0;
    Painter paint;
  };
  // A structure element begins or ends here (cairo_tag_begin/end): what is drawn in between is
  // its content. An element may go on over a page break.
  struct Mark {
    const char* tag = "P";  // a string literal: the roles are the code's own
    bool begin = true;
  };
  using Op = std::variant<TextLine, Fill, Stroke, Picture, Mark>;

  struct Cell {
    std::vector<LineBox> lines;
    double x = 0;
    Rgb color{};
    double height() const { return lines.empty() ? 0 : lines.back().bottom - lines.front().top; }
  };
  struct TableFrame {
    double x = 0, width = 0;
    std::vector<double> columnX, columnWidth;
  };

  // Markup set in lines `width` points wide. Pango's line breaking slows down more than
  // linearly with the length of a paragraph, so a long one is set in pieces of a few thousand
  // bytes, cut at a line break, a sentence or a word where there is one, and each piece in items
  // of a few hundred bytes (it shapes what is left of an item again for every line). Linear in
  // the markup, whatever it holds (hardening finding 5: 512 KiB of `*_` took seconds).
  std::vector<LineBox> setText(std::string_view markup, const TextStyle& style, double width,
                               PangoAlignment align = PANGO_ALIGN_LEFT) const;
  SharedLayout emptyLayout(const TextStyle& style, double width, PangoAlignment align) const;
  static void appendLines(std::vector<LineBox>& lines, const SharedLayout& layout);
  bool atTop() const { return y_ <= box_.top + 0.01; }
  void put(Op op) { pages_.back().push_back(std::move(op)); }
  // Built in place: g++ 12 warns, wrongly, of an uninitialised Picture when a Mark is moved in.
  void mark(const char* tag, bool begin) {
    pages_.back().emplace_back(std::in_place_type<Mark>, Mark{tag, begin});
  }
  void putLine(const LineBox& line, double x, double top, Rgb color);
  std::vector<Cell> cells(const Table& table, const TableFrame& frame,
                          const std::vector<std::string>& markup, const TextStyle& style) const;
  static double rowHeight(const std::vector<Cell>& cells, double padY);
  // The header row: "TR" of "TH" cells the first time; on the pages the table goes on to, the
  // same row again inside the table but not as a row of it (a reader hears it once).
  void placeHeader(const Table& table, const TableFrame& frame, const std::vector<Cell>& header,
                   bool first = false);
  void placeRow(const Table& table, const TableFrame& frame, const std::vector<Cell>& header,
                const std::vector<Cell>& row);

  // Opens an "L" before the first of a run of list items, closes it before anything else.
  void listBoundary(bool listItem);

  cairo_t* cr_;
  PageBox box_;
  bool inList_ = false;
  std::vector<std::string> alternates_;
  PangoContextHandle context_;
  std::vector<std::vector<Op>> pages_;
  double y_ = 0;
};

}  // namespace sv::pdf::detail
