#include "server/api/case_views.hpp"

#include "agenda/action_status.hpp"
#include "server/api/views.hpp"
#include "server/http/json_body.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::api {

Poco::JSON::Object caseSummaryJson(const services::CaseListItem& item) {
  const auto& r = item.row;
  auto j = http::orderedObject();
  j.set("id", r.id);
  j.set("contract_id", r.contractId);
  j.set("contract_title", r.contractTitle);
  j.set("provider_id", r.providerId);
  j.set("provider", r.providerName);
  j.set("trigger", r.trigger);
  j.set("title", r.title);
  j.set("occurred_on", r.occurredOn);
  j.set("urgency", r.urgency);
  j.set("state", r.state);
  j.set("plan_due_on", orNull(r.planDueOn));
  j.set("plan_overdue", item.planOverdue);
  j.set("stale", item.stale);
  j.set("opened_by", r.openedByName);
  j.set("opened_at", r.openedAt);
  j.set("progressed_at", r.progressedAt);
  j.set("report_id", r.reportId ? Poco::Dynamic::Var(*r.reportId) : Poco::Dynamic::Var());
  j.set("report_state", orNull(r.reportState));
  j.set("href", "/api/v1/follow-up-cases/" + std::to_string(r.id));
  return j;
}

Poco::JSON::Object planJson(const services::PlanView& view) {
  auto j = http::orderedObject();
  j.set("version", view.version);
  auto plan = http::orderedObject();
  plan.set("summary", view.plan.summary);
  Poco::JSON::Array items;
  for (const auto& item : view.plan.items) {
    auto i = http::orderedObject();
    i.set("id", item.id);
    i.set("text", item.text);
    i.set("responsible", item.responsible);
    i.set("due_date", formatDate(item.dueDate));
    items.add(i);
  }
  plan.set("items", items);
  j.set("plan", plan);
  j.set("markdown", view.markdown);
  return j;
}

http::Reply planReply(const services::PlanView& plan, int status) {
  return http::Reply::json(planJson(plan), status).header("ETag", "\"" + plan.version + "\"");
}

Poco::JSON::Object caseJson(const services::CaseView& v) {
  auto j = caseSummaryJson(v.item);
  j.set("description", v.item.row.description);
  j.set("feedback_given", v.item.row.feedbackGiven);
  Poco::JSON::Array events;
  for (const auto& e : v.events) {
    auto o = http::orderedObject();
    o.set("kind", e.kind);
    o.set("by", e.userName);
    o.set("text", e.text);
    o.set("due_on", orNull(e.dueOn));
    o.set("version", orNull(e.version));
    o.set("at", e.at);
    events.add(o);
  }
  j.set("events", events);
  Poco::JSON::Array notices;
  for (const auto& n : v.notices) {
    auto o = http::orderedObject();
    o.set("user_id", n.userId);
    o.set("name", n.userName);
    o.set("role", n.role);
    o.set("at", n.at);
    notices.add(o);
  }
  j.set("notices", notices);
  Poco::JSON::Array rounds;
  for (const auto& p : v.plans) {
    auto o = http::orderedObject();
    o.set("round", p.round);
    o.set("version", p.version);
    o.set("submitted_by", p.submittedByName);
    o.set("submitted_at", p.submittedAt);
    o.set("decision", p.decision);
    o.set("decided_by", p.decidedAt ? Poco::Dynamic::Var(p.decidedByName) : Poco::Dynamic::Var());
    o.set("decided_at", orNull(p.decidedAt));
    rounds.add(o);
  }
  j.set("plan_rounds", rounds);
  j.set("plan", v.plan ? Poco::Dynamic::Var(planJson(*v.plan)) : Poco::Dynamic::Var());
  Poco::JSON::Array comments;
  for (const auto& c : v.planComments) {
    auto o = http::orderedObject();
    o.set("id", c.id);
    o.set("point", c.part.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(c.part));
    o.set("version", c.version);
    o.set("by", c.userName);
    o.set("text", c.text);
    o.set("created_at", c.createdAt);
    comments.add(o);
  }
  j.set("plan_comments", comments);
  Poco::JSON::Array actions;
  for (const auto& a : v.actions) {
    auto o = http::orderedObject();
    o.set("id", a.id);
    o.set("point", a.originItem ? Poco::Dynamic::Var(*a.originItem) : Poco::Dynamic::Var());
    o.set("text", a.text);
    o.set("responsible_person", a.responsiblePerson);
    o.set("due_on", a.dueOn);
    o.set("status", std::string(agenda::toString(a.status)));
    o.set("href", "/api/v1/actions/" + std::to_string(a.id));
    actions.add(o);
  }
  j.set("actions", actions);
  Poco::JSON::Array available;
  for (const auto& a : v.available) available.add(a);
  j.set("available", available);
  return j;
}

}  // namespace sv::api
