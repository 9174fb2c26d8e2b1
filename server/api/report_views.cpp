// Follow-up reports as the API shows them (reports_api.cpp, report_steps_api.cpp,
// report_supplements_api.cpp).
#include <Poco/JSONString.h>

#include "server/api/report_views.hpp"

namespace sv::api {

Poco::JSON::Object reportSummaryJson(const services::ReportSummary& s) {
  auto j = http::orderedObject();
  j.set("id", s.id);
  j.set("contract_id", s.contractId);
  j.set("contract_title", s.contractTitle);
  j.set("provider", s.providerName);
  j.set("year", s.year);
  j.set("kind", std::string(minutes::toString(s.kind)));
  j.set("state", std::string(minutes::stateName(s.state)));
  j.set("registry_number",
        s.registryNumber ? Poco::Dynamic::Var(*s.registryNumber) : Poco::Dynamic::Var());
  j.set("fact_check_due_on",
        s.factCheckDueOn ? Poco::Dynamic::Var(*s.factCheckDueOn) : Poco::Dynamic::Var());
  j.set("updated_at", s.updatedAt);
  j.set("href", "/api/v1/reports/" + std::to_string(s.id));
  return j;
}

http::Reply reportReply(const services::ReportView& v, int status, const std::string& tail) {
  auto str = [](const std::string& text) { return Poco::toJSON(text, Poco::JSON_WRAP_STRINGS); };
  std::ostringstream summary;
  reportSummaryJson(v.summary).stringify(summary);
  std::string available = "[";
  for (const auto& a : v.available) available += (available.size() > 1 ? "," : "") + str(a);
  available += "]";
  // The report's canonical JSON goes in as written (minutes::toJson), not parsed again.
  std::string report = minutes::toJson(v.document);
  while (report.ends_with('\n')) report.pop_back();
  std::string out = "{\"summary\":" + summary.str() + ",\"version\":" + str(v.version) +
                    ",\"available\":" + available + ",\"report\":" + report +
                    ",\"markdown\":" + str(v.markdown) + tail + "}";
  return http::Reply::text(std::move(out), "application/json", status)
      .header("ETag", "\"" + v.version + "\"");
}

Poco::JSON::Object supplementJson(const services::Supplement& s) {
  const auto& e = s.entry;
  auto j = http::orderedObject();
  j.set("number", e.number);
  j.set("area", e.areaKey);
  j.set("area_title", e.areaTitle);
  j.set("request", e.request);
  j.set("due_on", formatDate(e.dueOn));
  j.set("requested_by", e.requestedBy);
  j.set("requested_at", e.requestedAt);
  j.set("response", e.response ? Poco::Dynamic::Var(*e.response) : Poco::Dynamic::Var());
  j.set("responded_by", e.response ? Poco::Dynamic::Var(e.respondedBy) : Poco::Dynamic::Var());
  j.set("responded_at", e.response ? Poco::Dynamic::Var(e.respondedAt) : Poco::Dynamic::Var());
  if (e.decided) {
    auto d = http::orderedObject();
    d.set("before", std::string(minutes::toString(e.before)));
    d.set("after", std::string(minutes::toString(e.after)));
    d.set("reason", e.reason);
    d.set("decided_by", e.decidedBy);
    d.set("decided_at", e.decidedAt);
    j.set("decision", d);
  } else {
    j.set("decision", Poco::Dynamic::Var());
  }
  j.set("attachments_href", "/api/v1/reports/" + std::to_string(s.reportId) + "/supplements/" +
                                std::to_string(e.number) + "/attachments");
  return j;
}

Poco::JSON::Object reportCommentJson(const review::Comment& c) {
  auto j = http::orderedObject();
  j.set("id", c.id);
  j.set("area", c.part.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(c.part));
  j.set("party", std::string(agenda::toString(c.party)));
  j.set("user_id", c.userId);
  j.set("name", c.userName);
  j.set("version", c.version);
  j.set("text", c.text);
  j.set("created_at", c.createdAt);
  if (c.handled) {
    auto h = http::orderedObject();
    h.set("user_id", c.handled->userId);
    h.set("name", c.handled->userName);
    h.set("answer", c.handled->how);
    h.set("at", c.handled->at);
    j.set("answered", h);
  } else {
    j.set("answered", Poco::Dynamic::Var());
  }
  return j;
}

}  // namespace sv::api
