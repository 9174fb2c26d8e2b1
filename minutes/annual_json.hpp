// The yearly summary's figures as JSON, and back. Why both ways: the API answers with this JSON,
// and the registered report freezes its figures as this file in git (the report says what the
// figures were on the day it was registered, whatever is recorded later), so the file must read
// back into exactly the figures that were written: annualFiguresFromJson(annualFiguresToJson(f))
// == f. Keys are snake_case and stable; the layout is json::Writer's, so a frozen file's bytes
// come out the same when written again. Each period also carries "comparison" (this year against
// the previous, per figure of annual_labels.hpp) for readers of the JSON; it follows from the two
// years, so reading skips it.
#pragma once

#include <string>
#include <string_view>

#include "minutes/annual_figures.hpp"
#include "workflows/result.hpp"

namespace sv::minutes {

inline constexpr int kAnnualFiguresFormat = 1;  // "format" in the file

std::string annualFiguresToJson(const AnnualFigures& figures);

// Errors: Malformed (not JSON, a missing or unknown key, a value of the wrong type; field names
// the place, e.g. "providers[1].figures.current.meetings.held"), Invalid (an unknown format,
// a negative count, a name that is not one of the listed ones).
Result<AnnualFigures> annualFiguresFromJson(std::string_view json);

}  // namespace sv::minutes
