// The protocol as a Markdown document in Swedish: the file a person reads in git, and the text
// of a section shown when two edits conflict. Same Minutes, same bytes.
#pragma once

#include <string>

#include "minutes/minutes.hpp"

namespace sv::minutes {

// "# Protokoll, samverkansmöte", the meeting's facts, "## Närvarande" per party, one
// "## § n Titel" per section (notes, "### Förvaltningens iakttagelser", "### Planerade åtgärder"
// as a table, "### Beslut", "### Uppföljning av åtgärder" as a table), "## Justering" with the
// signatures and the registry number, and "## Reservationer och avvikande meningar" when there
// are any. User text cannot change the structure: plain text is backslash-escaped (headings,
// lists, table pipes, links, HTML); notes keep their Markdown but go through cmark, which
// closes what they open, with headings demoted two levels and raw HTML removed (a note nested
// more than 32 levels deep is shown as escaped plain text instead: cmark's CommonMark renderer
// slows down with depth).
// Ends with exactly one newline.
std::string renderMarkdown(const Minutes& minutes);

// One section, from its "## § n Titel" line; ends with one newline.
std::string renderSectionMarkdown(const Section& section);

// "## Närvarande" and the attendees of both parties; ends with one newline.
std::string renderAttendanceMarkdown(const Minutes& minutes);

namespace detail {
// Internal, shared with the follow-up report's findings: a user's Markdown as it goes under a
// "##" heading (the notes' rules above: through cmark, headings demoted two levels, raw HTML
// removed, hostile nesting escaped as plain text). No trailing newline.
std::string userMarkdown(const std::string& markdown);
// The same pass with the headings demoted `headingOffset` levels (0: kept), not remembered: for a
// text under a deeper heading (an action plan's point), or one of several people's texts joined
// into one Markdown value, each closed before the next begins (a case report's findings).
std::string userMarkdownDemoted(const std::string& markdown, int headingOffset);
}  // namespace detail

}  // namespace sv::minutes
