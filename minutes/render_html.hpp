// The protocol as an HTML fragment for the web page, the printable page and the PDF.
#pragma once

#include <string>

#include "minutes/minutes.hpp"

namespace sv::minutes {

// <article class="protocol" lang="sv"> … </article> and a newline, in the layout of
// renderMarkdown: <h1>, a <dl> of the meeting's facts (the start as <time datetime="…Z">),
// <h2> for Närvarande, each § (in <section class="protocol-section" id="paragraf-N">), Justering
// and reservations, <h3> below them; tables with <thead>, <th scope="col"> and a
// <th scope="row"> per row. All user text is HTML-escaped; notes go through
// markdownToSafeHtml with headings demoted two levels (a note's # becomes <h3>). Deterministic.
std::string renderHtml(const Minutes& minutes);

}  // namespace sv::minutes
