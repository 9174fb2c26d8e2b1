// Writing the yearly summary's figures (annual_json.hpp): one member a line for the parts a
// person compares in `git diff`, one line per list item (a reason, an agenda item, an area).
#include "minutes/annual_json.hpp"

#include "minutes/annual_json_keys.hpp"
#include "minutes/annual_labels.hpp"
#include "workflows/json_writer.hpp"

namespace sv::minutes {
namespace {

using json::Writer;
using Layout = Writer::Layout;

void writeOptionalNumber(Writer& w, std::string_view key, const std::optional<double>& value) {
  w.key(key);
  if (value)
    w.value(*value);
  else
    w.null();
}

void writeMeetings(Writer& w, const MeetingFigures& m) {
  w.key("meetings").beginObject();
  w.key("planned").value(m.planned);
  w.key("held").value(m.held);
  w.key("cancelled").value(m.cancelled);
  w.key("cancel_reasons").beginArray();
  for (const CountByText& r : m.cancelReasons) {
    w.beginObject(Layout::OneLine);
    w.key("reason").value(r.text);
    w.key("count").value(r.count);
    w.endObject();
  }
  w.endArray();
  w.endObject();
}

void writeMinutes(Writer& w, const MinutesFigures& m) {
  w.key("minutes").beginObject();
  w.key("minutes").value(m.minutes);
  w.key("approved_by_both").value(m.approvedByBoth);
  w.key("registered").value(m.registered);
  w.key("returns").value(m.returns);
  w.key("disagreements").value(m.disagreements);
  writeOptionalNumber(w, "median_days_to_approval", m.medianDaysToApproval);
  writeOptionalNumber(w, "median_days_to_registration", m.medianDaysToRegistration);
  w.key("approval_days").beginObject(Layout::OneLine);
  for (std::size_t i = 0; i < kApprovalBuckets; ++i)
    w.key(detail::kApprovalBucketKeys[i]).value(m.approvalDays[i]);
  w.endObject();
  w.endObject();
}

void writeObservations(Writer& w, const std::vector<ItemObservations>& items) {
  w.key("observations").beginArray();
  for (const ItemObservations& item : items) {
    w.beginObject(Layout::OneLine);
    w.key("key").value(item.key);
    w.key("title").value(item.title);
    w.key("minutes").value(item.minutes);
    w.key("observations").value(item.observations);
    w.endObject();
  }
  w.endArray();
}

void writeActions(Writer& w, const ActionFigures& a) {
  w.key("actions").beginObject();
  w.key("opened").value(a.opened);
  w.key("accepted").value(a.accepted);
  w.key("found_insufficient").value(a.foundInsufficient);
  w.key("overdue_at_year_end").value(a.overdueAtYearEnd);
  writeOptionalNumber(w, "median_days_to_acceptance", a.medianDaysToAcceptance);
  w.key("by_state_at_year_end").beginObject(Layout::OneLine);
  for (std::size_t i = 0; i < a.byStateAtYearEnd.size(); ++i)
    w.key(detail::kActionStateKeys[i]).value(a.byStateAtYearEnd[i]);
  w.endObject();
  w.endObject();
}

void writeReports(Writer& w, const ReportFigures& r) {
  w.key("reports").beginObject();
  w.key("by_kind").beginObject(Layout::OneLine);
  for (std::size_t i = 0; i < r.byKind.size(); ++i)
    w.key(toString(static_cast<ReportKind>(i))).value(r.byKind[i]);
  w.endObject();
  w.key("registered").value(r.registered);
  w.key("areas").beginArray();
  for (const AreaFigures& area : r.areas) {
    w.beginObject(Layout::OneLine);
    w.key("key").value(area.key);
    w.key("title").value(area.title);
    for (std::size_t i = 0; i < area.byAssessment.size(); ++i)
      w.key(toString(static_cast<Assessment>(i))).value(area.byAssessment[i]);
    w.endObject();
  }
  w.endArray();
  w.endObject();
}

void writeCases(Writer& w, const CaseFigures& c) {
  w.key("cases").beginObject();
  w.key("opened").value(c.opened);
  w.key("by_trigger").beginObject(Layout::OneLine);
  for (std::size_t i = 0; i < c.byTrigger.size(); ++i)
    w.key(toString(static_cast<CaseTrigger>(i))).value(c.byTrigger[i]);
  w.endObject();
  w.key("outcome_ok").value(c.outcomeOk);
  w.key("outcome_not_ok").value(c.outcomeNotOk);
  w.key("not_analysed").value(c.notAnalysed);
  w.key("action_plans_requested").value(c.actionPlansRequested);
  w.key("closed").value(c.closed);
  w.endObject();
}

void writeYear(Writer& w, std::string_view key, const YearFigures& y) {
  w.key(key).beginObject();
  writeMeetings(w, y.meetings);
  writeMinutes(w, y.minutes);
  writeObservations(w, y.observations);
  writeActions(w, y.actions);
  writeReports(w, y.reports);
  writeCases(w, y.cases);
  w.endObject();
}

void writePeriod(Writer& w, std::string_view key, const PeriodFigures& p) {
  w.key(key).beginObject();
  writeYear(w, "current", p.current);
  writeYear(w, "previous", p.previous);
  w.key("comparison").beginArray();
  for (const YearComparison& row : compareYears(p)) {
    w.beginObject(Layout::OneLine);
    w.key("figure").value(nameIn(detail::kFigureKeys, row.figure));
    writeOptionalNumber(w, "current", row.current);
    writeOptionalNumber(w, "previous", row.previous);
    writeOptionalNumber(w, "change", row.change);
    w.endObject();
  }
  w.endArray();
  w.endObject();
}

}  // namespace

std::string annualFiguresToJson(const AnnualFigures& f) {
  Writer w;
  w.beginObject();
  w.key("format").value(kAnnualFiguresFormat);
  w.key("authority_id").value(f.authorityId);
  w.key("authority_name").value(f.authorityName);
  w.key("year").value(f.year);
  w.key("provider_only");
  if (f.providerOnly)
    w.value(*f.providerOnly);
  else
    w.null();
  writePeriod(w, "totals", f.totals);
  w.key("providers").beginArray();
  for (const ProviderFigures& p : f.providers) {
    w.beginObject();
    w.key("provider_id").value(p.providerId);
    w.key("provider_name").value(p.providerName);
    writePeriod(w, "figures", p.figures);
    w.key("contracts").beginArray();
    for (const ContractFigures& c : p.contracts) {
      w.beginObject();
      w.key("contract_id").value(c.contractId);
      w.key("title").value(c.title);
      w.key("reference").value(c.reference);
      writePeriod(w, "figures", c.figures);
      w.endObject();
    }
    w.endArray();
    w.endObject();
  }
  w.endArray();
  w.endObject();
  return w.finish();
}

}  // namespace sv::minutes
