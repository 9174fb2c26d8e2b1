// What the yearly summary's routes share (annual_api.cpp, annual_record_api.cpp): the authority
// and year a request asks for, and how the API documents those two query parameters.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "server/http/request.hpp"
#include "server/http/router.hpp"
#include "server/services/annual_report.hpp"
#include "workflows/result.hpp"

namespace sv::api {

// `authority` (the caller's own unless said; a provider's: the authority of its first contract)
// and `year` (this year unless said). Errors: Invalid (not whole numbers), NotFound (no
// authority to report on).
Result<std::pair<std::int64_t, int>> annualWhichOf(const http::Request& req,
                                                   services::AnnualReportService& annual);

extern const std::vector<http::Parameter> kAnnualQuery;

}  // namespace sv::api
