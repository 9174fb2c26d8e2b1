// The mark a PDF of unregistered minutes carries on every page ("UTKAST", "UTKAST – ej justerat",
// "Justerat, ej diariefört"; stateMarkOf in protocol_pdf.hpp names it): small in the top margin
// and large and pale across the page. A document that is not the record must not look like it.
#pragma once

#include <cairo.h>

#include <string>

#include "server/pdf/flow.hpp"

namespace sv::pdf::detail {

// Draws `mark` on the page `cr` draws; nothing for an empty mark (registered minutes).
void drawStateMark(const Flow& flow, const std::string& mark, cairo_t* cr);

}  // namespace sv::pdf::detail
