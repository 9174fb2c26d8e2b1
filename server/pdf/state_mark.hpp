// The mark a PDF of an unregistered document carries on every page ("UTKAST", "UTKAST – ej
// justerat", "Justerat, ej diariefört" for minutes, stateMarkOf in protocol_pdf.hpp;
// "Faktagranskning pågår", "Slutlig, ej diarieförd" for a report, reportStateMarkOf in
// report_pdf.hpp): small in the top margin and large and pale across the page. A document that is
// not the record must not look like it.
#pragma once

#include <cairo.h>

#include <string>

#include "server/pdf/flow.hpp"

namespace sv::pdf::detail {

// Draws `mark` on the page `cr` draws; nothing for an empty mark (registered minutes).
void drawStateMark(const Flow& flow, const std::string& mark, cairo_t* cr);

}  // namespace sv::pdf::detail
