#include "server/pdf/flow.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <numeric>

#include "server/pdf/text_pieces.hpp"

namespace sv::pdf::detail {
namespace {

// A row split across pages needs at least this much room for its first part.
constexpr double kMinRowSlice = 36;
// What a heading or a table's header keeps below itself on its page: a few lines of body text.
constexpr double kFirstRowRoom = 40;

constexpr Rgb kHeaderFill{0.94, 0.94, 0.94};
constexpr Rgb kHeaderRule{0.45, 0.45, 0.45};
constexpr Rgb kRowRule{0.78, 0.78, 0.78};

double points(int pangoUnits) {
  return pango_units_to_double(pangoUnits);
}

void setColor(cairo_t* cr, Rgb c) {
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

// Pango markup parsed into text and attributes; markup that does not parse is kept as text.
struct ParsedMarkup {
  explicit ParsedMarkup(std::string_view markup) {
    PangoAttrList* rawAttributes = nullptr;
    char* rawText = nullptr;
    GError* rawError = nullptr;
    if (pango_parse_markup(markup.data(), static_cast<int>(markup.size()), 0, &rawAttributes,
                           &rawText, nullptr, &rawError)) {
      attributes.reset(rawAttributes);
      ownedText.reset(rawText);
      text = ownedText.get();
    } else {
      const GlibError error{rawError};
      text = markup;
    }
  }
  AttrList attributes;
  GlibString ownedText;
  std::string_view text;
};

}  // namespace

Flow::Flow(cairo_t* cr, PageBox box) : cr_(cr), box_(box) {
  context_.reset(pango_cairo_create_context(cr_));
  pango_cairo_context_set_resolution(context_.get(), 72);
  const FontOptions options{cairo_font_options_create()};
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_.get(), options.get());
  pango_context_set_round_glyph_positions(context_.get(), FALSE);
  newPage();
}

SharedLayout Flow::emptyLayout(const TextStyle& style, double width, PangoAlignment align) const {
  SharedLayout layout = shareLayout(pango_layout_new(context_.get()));
  PangoLayout* raw = layout.get();
  const FontDescription font{pango_font_description_from_string(style.font)};
  pango_layout_set_font_description(raw, font.get());
  pango_layout_set_width(raw, pango_units_from_double(std::max(width, 1.0)));
  pango_layout_set_wrap(raw, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_line_spacing(raw, static_cast<float>(style.lineSpacing));
  pango_layout_set_alignment(raw, align);
  return layout;
}

SharedLayout Flow::layout(std::string_view markup, const TextStyle& style, double width,
                          PangoAlignment align) const {
  SharedLayout layout = emptyLayout(style, width, align);
  const ParsedMarkup parsed(markup);
  pango_layout_set_text(layout.get(), parsed.text.data(), static_cast<int>(parsed.text.size()));
  if (parsed.attributes) pango_layout_set_attributes(layout.get(), parsed.attributes.get());
  return layout;
}

std::vector<Flow::LineBox> Flow::setText(std::string_view markup, const TextStyle& style,
                                         double width, PangoAlignment align) const {
  const ParsedMarkup parsed(markup);
  const std::string_view text = parsed.text;
  const std::vector<Piece> pieces = piecesOf(text);
  std::vector<AttrList> parts = attributesOfPieces(parsed.attributes.get(), pieces);
  std::vector<LineBox> lines;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    SharedLayout layout = emptyLayout(style, width, align);
    const std::string_view piece = text.substr(pieces[i].begin, pieces[i].end - pieces[i].begin);
    pango_layout_set_text(layout.get(), piece.data(), static_cast<int>(piece.size()));
    AttrList attributes = parts[i] ? std::move(parts[i]) : AttrList{pango_attr_list_new()};
    boundItems(attributes.get(), piece);
    pango_layout_set_attributes(layout.get(), attributes.get());
    appendLines(lines, layout);
  }
  return lines;
}

void Flow::appendLines(std::vector<LineBox>& lines, const SharedLayout& layout) {
  const double offset = lines.empty() ? 0 : lines.back().bottom;
  const LayoutIter iter{pango_layout_get_iter(layout.get())};
  do {
    int top = 0, bottom = 0;
    pango_layout_iter_get_line_yrange(iter.get(), &top, &bottom);
    PangoRectangle logical{};
    pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
    lines.push_back(LineBox{.layout = layout,
                            .line = pango_layout_iter_get_line_readonly(iter.get()),
                            .top = offset + points(top),
                            .bottom = offset + points(bottom),
                            .baseline = offset + points(pango_layout_iter_get_baseline(iter.get())),
                            .x = points(logical.x)});
  } while (pango_layout_iter_next_line(iter.get()));
}

void Flow::putLine(const LineBox& line, double x, double top, Rgb color) {
  put(TextLine{.layout = line.layout,
               .line = line.line,
               .x = x + line.x,
               .baseline = top + (line.baseline - line.top),
               .color = color});
}

void Flow::paragraph(std::string_view markup, const TextStyle& style,
                     const ParagraphOptions& options) {
  space(options.spaceBefore);
  const double x = box_.left + options.indent;
  const std::vector<LineBox> lines =
      setText(markup, style, box_.contentWidth() - options.indent, options.align);
  // A short paragraph stays whole, a longer one keeps its first two lines together.
  const bool shortParagraph = lines.size() <= 3;
  const std::size_t together = shortParagraph ? lines.size() - 1 : 1;
  ensure(lines[together].bottom - lines.front().top + (shortParagraph ? options.keepWithNext : 0));

  std::vector<LineBox> marker;
  if (!options.marker.empty()) marker = setText(options.marker, style, options.markerWidth);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const LineBox& line = lines[i];
    if (y_ + (line.bottom - line.top) > box_.contentBottom() && !atTop()) newPage();
    // The element opens on the page its first line lands on; list items in a run share an "L".
    if (i == 0 && options.tag) {
      listBoundary(std::string_view(options.tag) == "LI");
      mark(options.tag, true);
    }
    putLine(line, x, y_, style.color);
    if (i == 0 && !marker.empty()) {
      // On the first line's baseline.
      const LineBox& m = marker.front();
      const double baseline = y_ + (line.baseline - line.top);
      putLine(m, x - options.markerWidth, baseline - (m.baseline - m.top), style.color);
    }
    y_ += line.bottom - line.top;
  }
  if (!lines.empty() && options.tag) mark(options.tag, false);
  y_ += options.spaceAfter;
}

void Flow::rule(Rgb color, double lineWidth, double spaceBefore, double spaceAfter) {
  space(spaceBefore);
  if (atTop()) return;
  put(Stroke{box_.left, y_, box_.width - box_.right, y_, lineWidth, color});
  y_ += spaceAfter;
}

void Flow::picture(double height, Painter paint, std::string alt) {
  ensure(height);
  alternates_.push_back(std::move(alt));
  listBoundary(false);
  mark("Figure", true);
  put(Picture{box_.left, y_, box_.contentWidth(), std::move(paint)});
  mark("Figure", false);
  y_ += height;
}

void Flow::space(double points) {
  if (!atTop()) y_ += points;
}

void Flow::ensure(double points) {
  if (y_ + points > box_.contentBottom() && !atTop()) newPage();
}

void Flow::newPage() {
  pages_.emplace_back();
  y_ = box_.top;
}

std::vector<Flow::Cell> Flow::cells(const Table& table, const TableFrame& frame,
                                    const std::vector<std::string>& markup,
                                    const TextStyle& style) const {
  std::vector<Cell> out;
  out.reserve(table.columns.size());
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const std::string_view text = c < markup.size() ? std::string_view(markup[c]) : "";
    out.push_back(Cell{.lines = setText(text, style, frame.columnWidth[c] - 2 * table.padX,
                                        table.columns[c].align),
                       .x = frame.columnX[c] + table.padX,
                       .color = style.color});
  }
  return out;
}

double Flow::rowHeight(const std::vector<Cell>& cells, double padY) {
  double height = 0;
  for (const Cell& cell : cells) height = std::max(height, cell.height());
  return height + 2 * padY;
}

void Flow::placeHeader(const Table& table, const TableFrame& frame, const std::vector<Cell>& header,
                       bool first) {
  if (header.empty()) return;
  const double height = rowHeight(header, table.padY);
  if (table.headerFill) put(Fill{frame.x, y_, frame.width, height, kHeaderFill});
  put(Stroke{frame.x, y_, frame.x + frame.width, y_, 0.6, kHeaderRule});
  if (first) mark("TR", true);
  for (const Cell& cell : header) {
    if (first) mark("TH", true);
    for (const LineBox& line : cell.lines)
      putLine(line, cell.x, y_ + table.padY + line.top, cell.color);
    if (first) mark("TH", false);
  }
  if (first) mark("TR", false);
  y_ += height;
  put(Stroke{frame.x, y_, frame.x + frame.width, y_, 0.6, kHeaderRule});
}

void Flow::placeRow(const Table& table, const TableFrame& frame, const std::vector<Cell>& header,
                    const std::vector<Cell>& row) {
  const double height = rowHeight(row, table.padY);
  const double headerHeight = header.empty() ? 0 : rowHeight(header, table.padY);
  const double pageRoom = box_.contentBottom() - box_.top - headerHeight;
  bool fresh = false;
  if (y_ + height > box_.contentBottom() &&
      (height <= pageRoom || box_.contentBottom() - y_ < kMinRowSlice)) {
    newPage();
    placeHeader(table, frame, header);
    fresh = true;
  }
  std::vector<std::size_t> next(row.size(), 0);
  mark("TR", true);
  for (;;) {
    const double sliceTop = y_;
    const double room = box_.contentBottom() - sliceTop - 2 * table.padY;
    double used = 0;
    bool more = false;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::vector<LineBox>& lines = row[c].lines;
      const std::size_t from = next[c];
      if (from >= lines.size()) continue;
      const double start = lines[from].top;
      std::size_t to = from;
      while (to < lines.size() && lines[to].bottom - start <= room) ++to;
      if (to == from && fresh) ++to;  // a line taller than a page: drawn, not lost
      mark("TD", true);
      for (std::size_t i = from; i < to; ++i)
        putLine(lines[i], row[c].x, sliceTop + table.padY + (lines[i].top - start), row[c].color);
      mark("TD", false);
      if (to > from) used = std::max(used, lines[to - 1].bottom - start);
      next[c] = to;
      more = more || to < lines.size();
    }
    y_ = sliceTop + used + 2 * table.padY;
    if (table.rowRules) put(Stroke{frame.x, y_, frame.x + frame.width, y_, 0.4, kRowRule});
    if (!more) {
      mark("TR", false);
      break;
    }
    newPage();
    placeHeader(table, frame, header);
    fresh = true;
  }
}

void Flow::table(const Table& table) {
  if (table.columns.empty() || table.rows.empty()) return;
  TableFrame frame;
  frame.x = box_.left + table.indent;
  frame.width = box_.contentWidth() - table.indent;
  const double shares = std::accumulate(table.columns.begin(), table.columns.end(), 0.0,
                                        [](double sum, const Column& c) { return sum + c.share; });
  double x = frame.x;
  for (const Column& column : table.columns) {
    const double width = frame.width * column.share / shares;
    frame.columnX.push_back(x);
    frame.columnWidth.push_back(width);
    x += width;
  }
  std::vector<std::string> headers;
  bool hasHeader = false;
  for (const Column& column : table.columns) {
    headers.push_back(column.header);
    hasHeader = hasHeader || !column.header.empty();
  }
  const std::vector<Cell> header =
      hasHeader ? cells(table, frame, headers, table.head) : std::vector<Cell>{};

  // The header stays with (the start of) the first row.
  std::vector<Cell> row = cells(table, frame, table.rows.front(), table.body);
  ensure((header.empty() ? 0 : rowHeight(header, table.padY)) +
         std::min(rowHeight(row, table.padY), kFirstRowRoom));
  listBoundary(false);
  mark("Table", true);
  placeHeader(table, frame, header, true);
  placeRow(table, frame, header, row);
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    row = cells(table, frame, table.rows[r], table.body);
    placeRow(table, frame, header, row);
  }
  mark("Table", false);
}

void Flow::listBoundary(bool listItem) {
  if (listItem == inList_) return;
  mark("L", listItem);
  inList_ = listItem;
}

void Flow::endStructure() {
  listBoundary(false);
}

void Flow::draw(const std::function<void(cairo_t*, int, int)>& decorate) const {
  const int pages = pageCount();
  for (int page = 0; page < pages; ++page) {
    for (const Op& op : pages_[static_cast<std::size_t>(page)]) {
      if (const auto* text = std::get_if<TextLine>(&op)) {
        setColor(cr_, text->color);
        cairo_move_to(cr_, text->x, text->baseline);
        pango_cairo_show_layout_line(cr_, text->line);
      } else if (const auto* fill = std::get_if<Fill>(&op)) {
        setColor(cr_, fill->color);
        cairo_rectangle(cr_, fill->x, fill->y, fill->w, fill->h);
        cairo_fill(cr_);
      } else if (const auto* stroke = std::get_if<Stroke>(&op)) {
        setColor(cr_, stroke->color);
        cairo_set_line_width(cr_, stroke->width);
        cairo_move_to(cr_, stroke->x1, stroke->y1);
        cairo_line_to(cr_, stroke->x2, stroke->y2);
        cairo_stroke(cr_);
      } else if (const auto* picture = std::get_if<Picture>(&op)) {
        // Whatever state the painter leaves (colour, transformation) stays with the picture.
        cairo_save(cr_);
        picture->paint(cr_, picture->x, picture->y, picture->width);
        cairo_restore(cr_);
      } else if (const auto* mark = std::get_if<Mark>(&op)) {
        if (mark->begin)
          cairo_tag_begin(cr_, mark->tag, "");
        else
          cairo_tag_end(cr_, mark->tag);
      }
    }
    if (decorate) decorate(cr_, page + 1, pages);
    cairo_show_page(cr_);
  }
}

void Flow::showLayout(cairo_t* cr, PangoLayout* layout, double x, double y, Rgb color) {
  setColor(cr, color);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
}

}  // namespace sv::pdf::detail
