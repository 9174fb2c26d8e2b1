#include "server/pdf/text_pieces.hpp"

#include <algorithm>

namespace sv::pdf::detail {

std::vector<Piece> piecesOf(std::string_view text) {
  std::vector<Piece> pieces;
  std::size_t from = 0;
  do {
    if (text.size() - from <= kPieceBytes) {
      pieces.push_back({from, text.size()});
      break;
    }
    const std::size_t floor = from + kPieceBytes / 2;
    const std::string_view window = text.substr(floor, kPieceBytes / 2);
    std::size_t end = 0, next = 0;
    if (const auto at = window.rfind('\n'); at != std::string_view::npos) {
      end = floor + at;
      next = end + 1;
    } else if (const auto dot = window.rfind(". "); dot != std::string_view::npos) {
      end = floor + dot + 1;
      next = end + 1;
    } else if (const auto space = window.rfind(' '); space != std::string_view::npos) {
      end = floor + space;
      next = end + 1;
    } else {
      end = from + kPieceBytes;  // no break at all: at a character boundary
      while (end > floor && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
      next = end;
    }
    pieces.push_back({from, end});
    from = next;
  } while (from < text.size());
  return pieces;
}

// In one pass. Copying the whole list for every piece and cutting it there
// (pango_attr_list_update) was quadratic: each cut removes the attributes before the piece one
// at a time from an array, so 128 KiB of `*_` took seconds. The list comes ordered by where the
// attributes start, so every piece's list is only appended to.
std::vector<AttrList> attributesOfPieces(PangoAttrList* all, const std::vector<Piece>& pieces) {
  std::vector<AttrList> out(pieces.size());
  if (!all) return out;
  GSList* copies = pango_attr_list_get_attributes(all);
  std::size_t first = 0;  // pieces before it end before every attribute still to come
  for (GSList* item = copies; item; item = item->next) {
    auto* attribute = static_cast<PangoAttribute*>(item->data);
    const std::size_t start = attribute->start_index, end = attribute->end_index;
    while (first < pieces.size() && pieces[first].end <= start) ++first;
    for (std::size_t i = first; i < pieces.size() && pieces[i].begin < end; ++i) {
      const std::size_t from = std::max(start, pieces[i].begin);
      const std::size_t to = std::min(end, pieces[i].end);
      if (from >= to) continue;
      PangoAttribute* part = pango_attribute_copy(attribute);
      part->start_index = static_cast<guint>(from - pieces[i].begin);
      part->end_index = static_cast<guint>(to - pieces[i].begin);
      if (!out[i]) out[i].reset(pango_attr_list_new());
      pango_attr_list_insert(out[i].get(), part);
    }
    pango_attribute_destroy(attribute);
  }
  g_slist_free(copies);
  return out;
}

// Pango shapes a run of text with the same attributes as one item, and when the item does not
// fit on a line it shapes what is left of it again for the next line: a piece of one item costs
// its length times its lines. An attribute that changes nothing (font fallback on, the default)
// set over stretches of about kItemBytes, cut at spaces where there are some, makes each
// stretch an item of its own, so each line reshapes a stretch at most. Line breaks do not follow
// items; only kerning across a cut is lost, and the cuts are at spaces.
void boundItems(PangoAttrList* attributes, std::string_view piece) {
  std::size_t from = 0;
  while (piece.size() - from > kItemBytes) {
    std::size_t end = piece.rfind(' ', from + kItemBytes);
    if (end == std::string_view::npos || end <= from + kItemBytes / 2) {
      end = from + kItemBytes;
      while (end > from + 1 && (static_cast<unsigned char>(piece[end]) & 0xC0) == 0x80) --end;
    }
    PangoAttribute* stretch = pango_attr_fallback_new(TRUE);
    stretch->start_index = static_cast<guint>(from);
    stretch->end_index = static_cast<guint>(end);
    pango_attr_list_insert(attributes, stretch);
    from = end;
  }
}

}  // namespace sv::pdf::detail
