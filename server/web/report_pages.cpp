// The follow-up reports (issue 13): the list of those the person may see (/uppfoljningar, paged),
// a contract's reports with the form that starts this year's (on /avtal/{id}), the report's page
// (report_view.cpp) and the steps of its lifecycle: skicka (send for fact-check), slutlig
// (finalize) and diariefor (register, asked first since it cannot be undone).
#include <algorithm>
#include <utility>

#include "server/http/problem.hpp"
#include "server/web/messages.hpp"
#include "server/web/report_parts.hpp"
#include "server/web/words.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::web {
namespace {

constexpr int kReportPageSize = 25;

http::Reply reportsPage(const http::Request& req, Services& s) {
  Page page{.title = "Uppföljningar", .templateName = "reports", .current = "uppfoljningar"};
  const int number = pageNumber(req);
  store::ReportQuery q;
  q.limit = kReportPageSize;
  q.offset = (number - 1) * kReportPageSize;
  const auto found = s.reports->list(req.principal(), q);
  auto rows = list();
  for (const auto& r : found.items) rows.push_back(reportRowData(r));
  page.data.set("reports", rows);
  page.data.set("has_reports", !found.items.empty());
  page.data.set("total", std::to_string(found.total));
  setPager(page.data, "", number, found.total, kReportPageSize, "/uppfoljningar?sida=");
  return render(req, std::move(page));
}

// Registering cannot be undone: the first post asks, the second (confirm=ja) does it.
http::Reply askToRegister(const http::Request& req, const services::ReportView& view) {
  const std::string path = reportPath(view.summary.id);
  Page page{.title = "Vill du diarieföra rapporten?",
            .templateName = "confirm",
            .current = "uppfoljningar"};
  Data& d = page.data;
  d.set("heading", page.title);
  d.set("what", reportKindWord(view.summary.kind) + " " + std::to_string(view.summary.year) + ", " +
                    view.summary.contractTitle + " (" + view.summary.providerName + ")");
  auto consequences = list();
  for (const char* line :
       {"Rapporten får ett diarienummer i förvaltningens diarium.",
        "Rapporten, faktagranskningen, kompletteringarna och bilagorna förseglas och ändras "
        "aldrig mer.",
        "Arkivpaketet kan hämtas från rapportens sida."})
    consequences.push_back(Data(std::string(line)));
  d.set("consequences", consequences);
  d.set("quotes", list());
  d.set("action", path + "/diariefor");
  d.set("fields", list());
  d.set("confirm_label", "Ja, diarieför rapporten");
  d.set("back", path);
  return render(req, std::move(page));
}

}  // namespace

std::string reportPath(std::int64_t reportId) {
  return pathOf("/uppfoljningar/", reportId);
}

Data reportRowData(const services::ReportSummary& r) {
  Data d;
  d.set("id", std::to_string(r.id));
  d.set("href", reportPath(r.id));
  d.set("kind", reportKindWord(r.kind));
  d.set("year", std::to_string(r.year));
  d.set("contract_id", std::to_string(r.contractId));
  d.set("contract", r.contractTitle);
  d.set("provider", r.providerName);
  d.set("state", reportStateWord(r.state));
  d.set("state_key", std::string(minutes::stateName(r.state)));
  d.set("has_registry_number", r.registryNumber.has_value());
  d.set("registry_number", r.registryNumber.value_or(""));
  d.set("has_fact_check_due_on", r.factCheckDueOn.has_value());
  d.set("fact_check_due_on", r.factCheckDueOn.value_or(""));
  return d;
}

FormError reportFormError(std::string form, const Error& error, std::string fieldId,
                          http::FormBody posted) {
  return FormError{std::move(form), swedishReportMessage(error), std::move(fieldId),
                   std::move(posted), http::statusOf(error.code)};
}

http::Reply afterReportPost(const http::Request& req, Services& s, std::int64_t reportId,
                            const Status& result, const std::string& form,
                            const std::string& fieldId, http::FormBody posted,
                            const std::string& done, const std::string& anchor) {
  return afterPagePost(req, result, reportPath(reportId), done, anchor, [&](const Error& e) {
    return reportPage(req, s, reportId, reportFormError(form, e, fieldId, std::move(posted)));
  });
}

Data contractReportsData(const http::Request& req, Services& s, std::int64_t contractId,
                         bool manager, const std::optional<FormError>& error) {
  Data out;
  if (!s.reports) return out;
  store::ReportQuery q;
  q.contractId = contractId;
  q.limit = kReportPageSize;
  const auto found = s.reports->list(req.principal(), q);
  auto rows = list();
  for (const auto& r : found.items) rows.push_back(reportRowData(r));
  out.set("reports", rows);
  out.set("has_reports", !found.items.empty());
  out.set("more", found.total > static_cast<int>(found.items.size()));
  out.set("can_start", manager);
  const int year = static_cast<int>(toStockholm(s.time.now()).date.year());
  out.set("year", kept(error, "start_report", "year", std::to_string(year)));
  const std::string kind = kept(error, "start_report", "kind", "operational");
  out.set("operational", kind != "contract");
  out.set("contract_kind", kind == "contract");
  out.set("year_invalid", error && error->form == "start_report" && error->field == "report_year");
  return out;
}

void registerReportPages(http::Router& router, Services& s) {
  if (!s.reports) return;
  auto& reports = *s.reports;

  addPage(router, "GET", "/uppfoljningar",
          [&s](http::Request& req) { return reportsPage(req, s); });

  addPage(router, "GET", "/uppfoljningar/{id}", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    return reportPage(req, s, *id);
  });

  addPage(router, "POST", "/avtal/{id}/uppfoljningar", [&s, &reports](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto form = formOf(req);
    services::NewReport what{.contractId = *id};
    what.kind =
        minutes::parseReportKind(form.value("kind")).value_or(minutes::ReportKind::Operational);
    const std::string year = oneLine(form.value("year"));
    const bool digits = !year.empty() && year.size() <= 4 &&
                        year.find_first_not_of("0123456789") == std::string::npos;
    what.year = digits ? std::stoi(year) : 0;
    auto started = reports.start(req.principal(), what);
    if (!started) {
      const auto& e = started.error();
      if (endsThePage(e)) return failurePage(req, e);
      return contractPage(req, s, *id,
                          reportFormError("start_report", e, e.field == "year" ? "report_year" : "",
                                          std::move(form)));
    }
    return redirect(reportPath(started->summary.id) + "/redigera?klart=startad");
  });

  addPage(router, "POST", "/uppfoljningar/{id}/skicka", [&s, &reports](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto sent = reports.sendForFactCheck(req.principal(), *id);
    return afterReportPost(req, s, *id, sent ? Status{} : Status{std::unexpected(sent.error())},
                           "send", "", formOf(req), "skickad");
  });

  addPage(router, "POST", "/uppfoljningar/{id}/slutlig", [&s, &reports](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto done = reports.finalize(req.principal(), *id);
    return afterReportPost(req, s, *id, done ? Status{} : Status{std::unexpected(done.error())},
                           "finalize", "", formOf(req), "slutlig");
  });

  addPage(router, "POST", "/uppfoljningar/{id}/diariefor", [&s, &reports](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto form = formOf(req);
    if (form.value("confirm") != "ja") {
      auto view = reports.get(req.principal(), *id);
      if (!view) return failurePage(req, view.error());
      // Asked only when the step is open to the person; otherwise its own error is shown at once.
      if (std::ranges::find(view->available, "register") != view->available.end())
        return askToRegister(req, *view);
    }
    auto done = reports.registerReport(req.principal(), *id);
    return afterReportPost(req, s, *id, done ? Status{} : Status{std::unexpected(done.error())},
                           "register", "", std::move(form), "diariefort");
  });
}

}  // namespace sv::web
