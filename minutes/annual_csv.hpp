// The yearly summary as a spreadsheet: one row per contract (issue 15: "one row per contract,
// UTF-8 with BOM so Excel opens å/ä/ö"). Why these rules: Excel reads a file without the byte
// order mark as the Windows code page and garbles Swedish; RFC 4180 (fields with a comma, a quote
// or a line break in double quotes, quotes doubled, CRLF line ends) is what Excel, LibreOffice and
// Python's csv module all read the same way; and provider names and titles are typed by people,
// so a cell that starts with = + - @, a tab or a carriage return gets a leading apostrophe and is
// never run as a formula (OWASP, "CSV injection").
#pragma once

#include <string>
#include <string_view>

#include "minutes/annual_figures.hpp"

namespace sv::minutes {

// The byte order mark, then a header row (Leverantör, Avtal, Avtalsnummer, År, then every figure of
// annual_labels.hpp's kAllAnnualFigures by its Swedish label), then one row per contract in the
// figures' order with the year's values; a median without values is an empty cell, decimals are
// written with a comma (4,5).
std::string annualCsv(const AnnualFigures& figures);

// One cell: valid UTF-8, guarded against formulas, quoted when it must be.
std::string csvCell(std::string_view text);

}  // namespace sv::minutes
