// Event-driven cases as the API's JSON (case_views.cpp): the list's summaries, the whole case with
// its timeline, notices, plan rounds, plan and actions, and the plan on its own with its ETag.
#pragma once

#include <Poco/JSON/Object.h>

#include "server/http/reply.hpp"
#include "server/services/case_service.hpp"

namespace sv::api {

Poco::JSON::Object caseSummaryJson(const services::CaseListItem& item);
Poco::JSON::Object caseJson(const services::CaseView& view);
Poco::JSON::Object planJson(const services::PlanView& plan);
// The plan with its version as the ETag, to send back in If-Match.
http::Reply planReply(const services::PlanView& plan, int status = 200);

}  // namespace sv::api
