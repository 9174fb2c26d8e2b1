// The event-driven cases (händelsestyrda uppföljningar, issue 14): the list of those the person may
// see (/arenden, filtered by a GET form and paged), a contract's cases with the form that opens one
// (on /avtal/{id}, POST /avtal/{id}/arenden), and the case's page (case_view.cpp).
#include <algorithm>
#include <set>
#include <utility>

#include "server/http/problem.hpp"
#include "server/web/case_parts.hpp"
#include "server/web/form_fields.hpp"
#include "server/web/messages.hpp"
#include "server/web/words.hpp"

namespace sv::web {
namespace {

constexpr int kCasePageSize = 25;
constexpr int kContractCases = 10;  // on the contract's page; the list has the rest

constexpr minutes::CaseTrigger kTriggers[] = {
    minutes::CaseTrigger::Deviations,       minutes::CaseTrigger::Complaints,
    minutes::CaseTrigger::SeriousEvent,     minutes::CaseTrigger::BudgetDeviation,
    minutes::CaseTrigger::IndividualSignal, minutes::CaseTrigger::Other};
constexpr minutes::CaseState kStates[] = {minutes::CaseState::Collecting,
                                          minutes::CaseState::Analysis,
                                          minutes::CaseState::ActionPlanRequested,
                                          minutes::CaseState::ActionPlanReceived,
                                          minutes::CaseState::Feedback,
                                          minutes::CaseState::Reported,
                                          minutes::CaseState::Closed};

// A whole number from the query, or none for anything else (an empty choice is "all").
std::optional<std::int64_t> idQuery(const http::Request& req, const std::string& name) {
  const auto text = req.queryValue(name).value_or("");
  if (text.empty() || text.size() > 12 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(text);
}

// The filters of the list's GET form as the store's query. A value the form cannot have sent is
// no filter, so an old or hand-made link still shows a list.
store::CaseQuery queryOf(const http::Request& req, Data& chosen) {
  store::CaseQuery q;
  q.contractId = idQuery(req, "avtal");
  q.providerId = idQuery(req, "utforare");
  const auto trigger = req.queryValue("orsak").value_or("");
  if (minutes::parseCaseTrigger(trigger)) q.trigger = trigger;
  const auto state = req.queryValue("lage").value_or("");
  if (minutes::parseCaseState(state)) q.state = state;
  const auto acute = req.queryValue("akut").value_or("");
  if (acute == "ja" || acute == "nej") q.acute = acute == "ja";
  q.overdue = req.queryValue("forsenade") == std::optional<std::string>("ja");
  chosen.set("trigger", q.trigger.value_or(""));
  chosen.set("state", q.state.value_or(""));
  chosen.set("acute_yes", q.acute == std::optional<bool>(true));
  chosen.set("acute_no", q.acute == std::optional<bool>(false));
  chosen.set("overdue", q.overdue);
  return q;
}

// The query string of the filters in use, for the pager's links.
std::string filterQuery(const store::CaseQuery& q) {
  std::string out;
  const auto add = [&](const char* name, const std::string& value) {
    out += "&" + std::string(name) + "=" + urlComponent(value);
  };
  if (q.contractId) add("avtal", std::to_string(*q.contractId));
  if (q.providerId) add("utforare", std::to_string(*q.providerId));
  if (q.trigger) add("orsak", *q.trigger);
  if (q.state) add("lage", *q.state);
  if (q.acute) add("akut", *q.acute ? "ja" : "nej");
  if (q.overdue) add("forsenade", "ja");
  return out;
}

http::Reply casesPage(const http::Request& req, Services& s) {
  Page page{.title = "Händelsestyrda uppföljningar", .templateName = "cases", .current = "arenden"};
  Data chosen;
  auto q = queryOf(req, chosen);
  const int number = pageNumber(req);
  q.limit = kCasePageSize;
  q.offset = (number - 1) * kCasePageSize;
  const auto found = s.cases->list(req.principal(), q);

  auto contracts = list();
  auto providers = list();
  std::set<std::int64_t> seen;
  for (const auto& c : s.contracts.list(req.principal())) {
    contracts.push_back(form::option(std::to_string(c.id), c.title, q.contractId == c.id));
    if (seen.insert(c.providerId).second)
      providers.push_back(
          form::option(std::to_string(c.providerId), c.providerName, q.providerId == c.providerId));
  }
  auto triggers = list();
  for (const auto t : kTriggers)
    triggers.push_back(form::option(std::string(minutes::toString(t)),
                                    std::string(minutes::swedishTrigger(t)),
                                    q.trigger == std::string(minutes::toString(t))));
  auto states = list();
  for (const auto st : kStates)
    states.push_back(form::option(std::string(minutes::stateName(st)),
                                  std::string(minutes::swedishCaseState(st)),
                                  q.state == std::string(minutes::stateName(st))));
  Data filters = chosen;
  filters.set("contracts", contracts);
  filters.set("providers", providers);
  filters.set("show_providers", seen.size() > 1);
  filters.set("triggers", triggers);
  filters.set("states", states);
  page.data.set("filters", filters);

  auto rows = list();
  for (const auto& item : found.items) rows.push_back(caseRowData(item));
  page.data.set("cases", rows);
  page.data.set("has_cases", !found.items.empty());
  page.data.set("total", std::to_string(found.total));
  page.data.set("filtered", !filterQuery(q).empty());
  page.data.set("beyond", found.items.empty() && found.total > 0);  // a page past the last
  page.data.set("total_text",
                std::to_string(found.total) + (found.total == 1 ? " ärende" : " ärenden"));
  setPager(page.data, "", number, found.total, kCasePageSize, "/arenden?sida=", filterQuery(q));
  return render(req, std::move(page));
}

// The field of the open form an error of CaseService::open names.
std::string openFieldId(const std::string& field) {
  for (const char* name : {"trigger", "title", "description", "occurred_on", "urgency"})
    if (field == name) return std::string("case_") + name;
  return {};
}

}  // namespace

std::string casePath(std::int64_t caseId) {
  return pathOf("/arenden/", caseId);
}

Data caseRowData(const services::CaseListItem& item) {
  const auto& r = item.row;
  Data d;
  d.set("id", std::to_string(r.id));
  d.set("href", casePath(r.id));
  d.set("title", r.title);
  d.set("contract_id", std::to_string(r.contractId));
  d.set("contract", r.contractTitle);
  d.set("provider", r.providerName);
  const auto trigger = minutes::parseCaseTrigger(r.trigger);
  d.set("trigger", trigger ? std::string(minutes::swedishTrigger(*trigger)) : r.trigger);
  d.set("state", std::string(minutes::swedishCaseState(item.state)));
  d.set("state_key", std::string(minutes::stateName(item.state)));
  d.set("acute", r.urgency == "acute");
  const auto urgency = minutes::parseCaseUrgency(r.urgency);
  d.set("urgency", urgency ? std::string(minutes::swedishUrgency(*urgency)) : r.urgency);
  d.set("occurred_on", r.occurredOn);
  d.set("opened", swedishDateTime(r.openedAt).substr(0, 10));
  d.set("has_plan_due_on", r.planDueOn.has_value());
  d.set("plan_due_on", r.planDueOn.value_or(""));
  d.set("plan_overdue", item.planOverdue);
  d.set("stale", item.stale);
  std::string deadline;
  if (item.planOverdue)
    deadline = "Åtgärdsplanen är försenad: sista dag var " + r.planDueOn.value_or("") + ".";
  if (item.stale)
    deadline += std::string(deadline.empty() ? "" : " ") + "Inget har hänt i ärendet sedan " +
                swedishDateTime(r.progressedAt).substr(0, 10) + ".";
  d.set("has_deadline", !deadline.empty());
  d.set("deadline", deadline);
  return d;
}

FormError caseFormError(std::string form, const Error& error, std::string fieldId,
                        http::FormBody posted) {
  // The forms' "text" fields, as each labels its own.
  const std::string_view label = form == "note"       ? "Anteckning"
                                 : form == "acute"    ? "Varför ärendet är akut"
                                 : form == "conclude" ? "Analys"
                                 : form == "feedback" ? "Återkoppling"
                                                      : "Text";
  std::string message = swedishCaseMessage(error, label);
  return FormError{std::move(form), std::move(message), std::move(fieldId), std::move(posted),
                   http::statusOf(error.code)};
}

http::Reply afterCasePost(const http::Request& req, Services& s, std::int64_t caseId,
                          const Status& result, const std::string& form, const std::string& fieldId,
                          http::FormBody posted, const std::string& done,
                          const std::string& anchor) {
  return afterPagePost(req, result, casePath(caseId), done, anchor, [&](const Error& e) {
    return casePage(req, s, caseId, caseFormError(form, e, fieldId, std::move(posted)));
  });
}

Data contractCasesData(const http::Request& req, Services& s, std::int64_t contractId, bool manager,
                       const std::optional<FormError>& error) {
  Data out;
  if (!s.cases) return out;
  store::CaseQuery q;
  q.contractId = contractId;
  q.limit = kContractCases;
  const auto found = s.cases->list(req.principal(), q);
  auto rows = list();
  for (const auto& item : found.items) rows.push_back(caseRowData(item));
  out.set("cases", rows);
  out.set("has_cases", !found.items.empty());
  out.set("more", found.total > static_cast<int>(found.items.size()));
  out.set("all_href", "/arenden?avtal=" + std::to_string(contractId));
  out.set("can_open", manager);
  if (!manager) return out;
  const std::string formName = "open_case";
  const std::string chosen = kept(error, formName, "trigger");
  auto triggers = list();
  for (const auto t : kTriggers)
    triggers.push_back(form::option(std::string(minutes::toString(t)),
                                    std::string(minutes::swedishTrigger(t)),
                                    chosen == minutes::toString(t)));
  out.set("triggers", triggers);
  out.set("title", kept(error, formName, "title"));
  out.set("description", kept(error, formName, "description"));
  out.set("occurred_on", kept(error, formName, "occurred_on"));
  out.set("acute", kept(error, formName, "urgency") == "acute");
  const auto invalid = [&](const char* id) {
    return error && error->form == formName && error->field == id;
  };
  for (const char* id :
       {"case_trigger", "case_title", "case_description", "case_occurred_on", "case_urgency"})
    out.set(std::string(id) + "_invalid", invalid(id));
  return out;
}

void registerCasePages(http::Router& router, Services& s) {
  if (!s.cases) return;
  auto& cases = *s.cases;

  addPage(router, "GET", "/arenden", [&s](http::Request& req) { return casesPage(req, s); });

  addPage(router, "GET", "/arenden/{id}", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    return casePage(req, s, *id);
  });

  addPage(router, "POST", "/avtal/{id}/arenden", [&s, &cases](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto form = formOf(req);
    services::NewCase what{.contractId = *id,
                           .trigger = form.value("trigger"),
                           .title = oneLine(form.value("title")),
                           .description = multiLine(form.value("description")),
                           .occurredOn = oneLine(form.value("occurred_on")),
                           .urgency = form.value("urgency") == "acute" ? "acute" : "normal"};
    auto opened = cases.open(req.principal(), what);
    if (!opened) {
      const auto& e = opened.error();
      if (endsThePage(e)) return failurePage(req, e);
      return contractPage(req, s, *id,
                          caseFormError("open_case", e, openFieldId(e.field), std::move(form)));
    }
    return redirect(casePath(opened->item.row.id) +
                    "?klart=" + (what.urgency == "acute" ? "oppnat-akut" : "oppnat"));
  });
}

}  // namespace sv::web
