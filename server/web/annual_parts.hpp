// What the yearly summary's pages share (annual_pages.cpp shows the figures, annual_record_pages
// the record's text and steps): the page itself, shown again with a failed form.
#pragma once

#include <optional>
#include <variant>

#include "server/web/pages.hpp"

namespace sv::web {

// /arsrapport?ar=<year>: the record (for the authority's people) above the figures.
http::Reply annualPage(http::Request& req, Services& s, int year,
                       std::optional<FormError> error = {});

// The year a request asks for (?ar=, four digits; this year when not given), or the error page.
std::variant<int, http::Reply> annualYearOf(http::Request& req, Services& s);

// The record's part of the page: its state, the text as HTML, the returned comment, and the forms
// the viewer may use now. Nothing for a provider's people (the text is the authority's own).
void addAnnualRecordData(const http::Request& req, Services& s, std::int64_t authority, int year,
                         const std::optional<FormError>& error, Data& d);

// The confirmation of a step, from the ?klart= of its redirect.
std::string annualRecordFlash(const http::Request& req);

}  // namespace sv::web
