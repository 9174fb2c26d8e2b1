// Internal: how Flow::setText keeps Pango's work on a long paragraph linear. Pango's line
// breaking costs more than linearly in the length of a paragraph and of each item (a run of text
// with the same attributes, which it shapes again for every line it breaks): so a long paragraph
// is set in pieces, the attributes of the whole are given to the pieces in one pass, and each
// piece is cut into items of a few hundred bytes. Hardening finding 5: 512 KiB of `*_` took
// seconds.
#pragma once

#include <pango/pango.h>

#include <cstddef>
#include <string_view>
#include <vector>

#include "server/pdf/handles.hpp"

namespace sv::pdf::detail {

// A paragraph is set in pieces of at most this many bytes.
inline constexpr std::size_t kPieceBytes = 3000;
// Items are cut after about this many bytes.
inline constexpr std::size_t kItemBytes = 256;

struct Piece {
  std::size_t begin;  // the piece is text[begin, end)
  std::size_t end;
};

// Where a long paragraph is cut: pieces of at most kPieceBytes, each ending at a line break, a
// sentence or a word where the second half of its window has one (the character cut at is left
// out), else at a character boundary. At least one piece, empty for empty text.
std::vector<Piece> piecesOf(std::string_view text);

// The attributes of the whole text (null for none), each given to the pieces it covers and moved
// to the start of the piece; a piece no attribute covers gets a null list.
std::vector<AttrList> attributesOfPieces(PangoAttrList* all, const std::vector<Piece>& pieces);

// Adds to `attributes` an attribute that changes nothing (font fallback on, the default) over
// stretches of about kItemBytes of `piece`, cut at spaces where there are some, so that Pango
// makes each stretch an item of its own.
void boundItems(PangoAttrList* attributes, std::string_view piece);

}  // namespace sv::pdf::detail
