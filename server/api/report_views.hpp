// Follow-up reports as the API's JSON (report_views.cpp).
#pragma once

#include <Poco/JSON/Object.h>

#include <string>

#include "agenda/agenda.hpp"
#include "server/http/json_body.hpp"
#include "server/http/reply.hpp"
#include "server/services/report_service.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::api {

Poco::JSON::Object reportSummaryJson(const services::ReportSummary& s);
// The view with its ETag (the version); `tail` adds members (",\"merged\":true").
http::Reply reportReply(const services::ReportView& v, int status = 200,
                        const std::string& tail = {});
Poco::JSON::Object supplementJson(const services::Supplement& s);
// A fact-check comment: "area" is the area's key, null for the report as a whole.
Poco::JSON::Object reportCommentJson(const review::Comment& c);

}  // namespace sv::api
