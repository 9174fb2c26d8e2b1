#include "server/pdf/state_mark.hpp"

#include "server/pdf/markup.hpp"
#include "server/pdf/protocol_pdf.hpp"

namespace sv::pdf {

namespace detail {
namespace {
constexpr TextStyle kStateMark{"DejaVu Sans 10", {0.55, 0.08, 0.08}, 1.0};
constexpr TextStyle kStateWatermark{"DejaVu Sans Bold 96", {0.55, 0.08, 0.08}, 1.0};
}  // namespace

// The state's mark in the top margin of the page (small, real text, found by pdftotext on every
// page) and once more large and pale across it, under an angle, so a glance tells a draft from
// the record. The big word is the first of the mark ("UTKAST", "Justerat").
void drawStateMark(const Flow& flow, const std::string& mark, cairo_t* cr) {
  if (mark.empty()) return;
  const PageBox& box = flow.box();
  const SharedLayout head = flow.layout("<b>" + escapeMarkup(mark) + "</b>", kStateMark,
                                        box.contentWidth(), PANGO_ALIGN_RIGHT);
  Flow::showLayout(cr, head.get(), box.left, box.top - 30, kStateMark.color);

  const std::string word = mark.substr(0, mark.find_first_of(" ,"));
  const SharedLayout big = flow.layout(escapeMarkup(word), kStateWatermark, box.height);
  int width = 0, height = 0;
  pango_layout_get_size(big.get(), &width, &height);
  // Drawn over the page's text, so translucent: the text under it stays legible.
  cairo_save(cr);
  cairo_push_group(cr);
  cairo_translate(cr, box.width / 2, box.height / 2);
  cairo_rotate(cr, -0.9);
  Flow::showLayout(cr, big.get(), -pango_units_to_double(width) / 2,
                   -pango_units_to_double(height) / 2, kStateWatermark.color);
  cairo_pop_group_to_source(cr);
  cairo_paint_with_alpha(cr, 0.18);
  cairo_restore(cr);
}

}  // namespace detail

std::string stateMarkOf(minutes::MinutesState state) {
  switch (state) {
    case minutes::MinutesState::Draft:
      return "UTKAST";
    case minutes::MinutesState::InReview:
      return "UTKAST – ej justerat";
    case minutes::MinutesState::Approved:
      return "Justerat, ej diariefört";
    case minutes::MinutesState::Registered:
      return {};
  }
  return "UTKAST";
}

}  // namespace sv::pdf
