// Reading the yearly summary's figures back (annual_json.hpp): every key the writer writes must be
// there and no other, so a frozen file that was altered by hand is noticed rather than half read.
#include "minutes/annual_json.hpp"

#include <climits>

#include "minutes/annual_json_keys.hpp"
#include "minutes/json_fields.hpp"

namespace sv::minutes {
namespace {

using detail::Fields;
using detail::Var;

// The deepest the file nests: root, providers, a provider, contracts, a contract, figures, a
// year, a section, a list, an item.
constexpr std::size_t kDepth = 16;

Result<int> count(const Fields& f, std::string_view key) {
  auto n = f.integer(key);
  if (!n) return std::unexpected(n.error());
  if (*n < 0 || *n > INT_MAX)
    return fail(Errc::Invalid, Reason::OutOfRange, "a count is a whole number from 0",
                f.field(key));
  return static_cast<int>(*n);
}

Result<std::optional<double>> readOptionalNumber(const Fields& f, std::string_view key) {
  const Var v = f.get(key);
  if (v.isEmpty()) return std::optional<double>();
  if (v.type() == typeid(bool) || !v.isNumeric())
    return fail(Errc::Malformed, "expected a number or null", f.field(key));
  return std::optional<double>(v.convert<double>());
}

// An object of counts under fixed names, e.g. {"open": 1, "reported": 0, …}.
template <std::size_t N, class Name>
Status readCounts(const Fields& parent, std::string_view key, std::array<int, N>& out, Name name) {
  const Var v = parent.get(key);
  if (v.type() != typeid(detail::Object::Ptr) || v.extract<detail::Object::Ptr>().isNull())
    return fail(Errc::Malformed, "expected an object", parent.field(key));
  const auto object = v.extract<detail::Object::Ptr>();
  if (object->size() != N) return fail(Errc::Malformed, "unexpected keys", parent.field(key));
  for (std::size_t i = 0; i < N; ++i) {
    const std::string member(name(i));
    if (!object->has(member))
      return fail(Errc::Malformed, "missing key", detail::child(parent.field(key), member));
    const Var n = object->get(member);
    if (n.isEmpty() || n.type() == typeid(bool) || !n.isInteger() || n.convert<Poco::Int64>() < 0 ||
        n.convert<Poco::Int64>() > INT_MAX)
      return fail(Errc::Invalid, Reason::OutOfRange, "a count is a whole number from 0",
                  detail::child(parent.field(key), member));
    out[i] = static_cast<int>(n.convert<Poco::Int64>());
  }
  return {};
}

Result<CountByText> readReason(const Var& v, const std::string& path) {
  auto f = Fields::open(v, path, {"reason", "count"});
  if (!f) return std::unexpected(f.error());
  CountByText out;
  SV_READ(out.text, f->string("reason"));
  SV_READ(out.count, count(*f, "count"));
  return out;
}

Result<MeetingFigures> readMeetings(const Var& v, const std::string& path) {
  auto f = Fields::open(v, path, {"planned", "held", "cancelled", "cancel_reasons"});
  if (!f) return std::unexpected(f.error());
  MeetingFigures m;
  SV_READ(m.planned, count(*f, "planned"));
  SV_READ(m.held, count(*f, "held"));
  SV_READ(m.cancelled, count(*f, "cancelled"));
  SV_READ(m.cancelReasons, detail::readList<CountByText>(*f, "cancel_reasons", readReason));
  return m;
}

Result<MinutesFigures> readMinutesFigures(const Var& v, const std::string& path) {
  auto f =
      Fields::open(v, path,
                   {"minutes", "approved_by_both", "registered", "returns", "disagreements",
                    "median_days_to_approval", "median_days_to_registration", "approval_days"});
  if (!f) return std::unexpected(f.error());
  MinutesFigures m;
  SV_READ(m.minutes, count(*f, "minutes"));
  SV_READ(m.approvedByBoth, count(*f, "approved_by_both"));
  SV_READ(m.registered, count(*f, "registered"));
  SV_READ(m.returns, count(*f, "returns"));
  SV_READ(m.disagreements, count(*f, "disagreements"));
  SV_READ(m.medianDaysToApproval, readOptionalNumber(*f, "median_days_to_approval"));
  SV_READ(m.medianDaysToRegistration, readOptionalNumber(*f, "median_days_to_registration"));
  if (auto s = readCounts(*f, "approval_days", m.approvalDays,
                          [](std::size_t i) { return detail::kApprovalBucketKeys[i]; });
      !s)
    return std::unexpected(s.error());
  return m;
}

Result<ItemObservations> readItemObservations(const Var& v, const std::string& path) {
  auto f = Fields::open(v, path, {"key", "title", "minutes", "observations"});
  if (!f) return std::unexpected(f.error());
  ItemObservations item;
  SV_READ(item.key, f->string("key"));
  SV_READ(item.title, f->string("title"));
  SV_READ(item.minutes, count(*f, "minutes"));
  SV_READ(item.observations, count(*f, "observations"));
  return item;
}

Result<ActionFigures> readActions(const Var& v, const std::string& path) {
  auto f = Fields::open(v, path,
                        {"opened", "accepted", "found_insufficient", "overdue_at_year_end",
                         "median_days_to_acceptance", "by_state_at_year_end"});
  if (!f) return std::unexpected(f.error());
  ActionFigures a;
  SV_READ(a.opened, count(*f, "opened"));
  SV_READ(a.accepted, count(*f, "accepted"));
  SV_READ(a.foundInsufficient, count(*f, "found_insufficient"));
  SV_READ(a.overdueAtYearEnd, count(*f, "overdue_at_year_end"));
  SV_READ(a.medianDaysToAcceptance, readOptionalNumber(*f, "median_days_to_acceptance"));
  if (auto s = readCounts(*f, "by_state_at_year_end", a.byStateAtYearEnd,
                          [](std::size_t i) { return detail::kActionStateKeys[i]; });
      !s)
    return std::unexpected(s.error());
  return a;
}

Result<AreaFigures> readAreaFigures(const Var& v, const std::string& path) {
  auto f = Fields::open(v, path,
                        {"key", "title", "not_assessed", "meets", "partly_meets", "does_not_meet"});
  if (!f) return std::unexpected(f.error());
  AreaFigures area;
  SV_READ(area.key, f->string("key"));
  SV_READ(area.title, f->string("title"));
  for (std::size_t i = 0; i < area.byAssessment.size(); ++i)
    SV_READ(area.byAssessment[i], count(*f, toString(static_cast<Assessment>(i))));
  return area;
}

Result<ReportFigures> readReports(const Var& v, const std::string& path) {
  auto f = Fields::open(v, path, {"by_kind", "registered", "areas"});
  if (!f) return std::unexpected(f.error());
  ReportFigures r;
  if (auto s = readCounts(*f, "by_kind", r.byKind,
                          [](std::size_t i) { return toString(static_cast<ReportKind>(i)); });
      !s)
    return std::unexpected(s.error());
  SV_READ(r.registered, count(*f, "registered"));
  SV_READ(r.areas, detail::readList<AreaFigures>(*f, "areas", readAreaFigures));
  return r;
}

Result<CaseFigures> readCases(const Var& v, const std::string& path) {
  auto f = Fields::open(v, path,
                        {"opened", "by_trigger", "outcome_ok", "outcome_not_ok", "not_analysed",
                         "action_plans_requested", "closed"});
  if (!f) return std::unexpected(f.error());
  CaseFigures c;
  SV_READ(c.opened, count(*f, "opened"));
  if (auto s = readCounts(*f, "by_trigger", c.byTrigger,
                          [](std::size_t i) { return toString(static_cast<CaseTrigger>(i)); });
      !s)
    return std::unexpected(s.error());
  SV_READ(c.outcomeOk, count(*f, "outcome_ok"));
  SV_READ(c.outcomeNotOk, count(*f, "outcome_not_ok"));
  SV_READ(c.notAnalysed, count(*f, "not_analysed"));
  SV_READ(c.actionPlansRequested, count(*f, "action_plans_requested"));
  SV_READ(c.closed, count(*f, "closed"));
  return c;
}

Result<YearFigures> readYear(const Var& v, const std::string& path) {
  auto f =
      Fields::open(v, path, {"meetings", "minutes", "observations", "actions", "reports", "cases"});
  if (!f) return std::unexpected(f.error());
  YearFigures y;
  SV_READ(y.meetings, readMeetings(f->get("meetings"), f->field("meetings")));
  SV_READ(y.minutes, readMinutesFigures(f->get("minutes"), f->field("minutes")));
  SV_READ(y.observations,
          detail::readList<ItemObservations>(*f, "observations", readItemObservations));
  SV_READ(y.actions, readActions(f->get("actions"), f->field("actions")));
  SV_READ(y.reports, readReports(f->get("reports"), f->field("reports")));
  SV_READ(y.cases, readCases(f->get("cases"), f->field("cases")));
  return y;
}

// "comparison" follows from the two years and is not read.
Result<PeriodFigures> readPeriod(const Var& v, const std::string& path) {
  auto f = Fields::open(v, path, {"current", "previous", "comparison"});
  if (!f) return std::unexpected(f.error());
  PeriodFigures p;
  SV_READ(p.current, readYear(f->get("current"), f->field("current")));
  SV_READ(p.previous, readYear(f->get("previous"), f->field("previous")));
  return p;
}

Result<ContractFigures> readContract(const Var& v, const std::string& path) {
  auto f = Fields::open(v, path, {"contract_id", "title", "reference", "figures"});
  if (!f) return std::unexpected(f.error());
  ContractFigures c;
  SV_READ(c.contractId, f->integer("contract_id"));
  SV_READ(c.title, f->string("title"));
  SV_READ(c.reference, f->string("reference"));
  SV_READ(c.figures, readPeriod(f->get("figures"), f->field("figures")));
  return c;
}

Result<ProviderFigures> readProvider(const Var& v, const std::string& path) {
  auto f = Fields::open(v, path, {"provider_id", "provider_name", "figures", "contracts"});
  if (!f) return std::unexpected(f.error());
  ProviderFigures p;
  SV_READ(p.providerId, f->integer("provider_id"));
  SV_READ(p.providerName, f->string("provider_name"));
  SV_READ(p.figures, readPeriod(f->get("figures"), f->field("figures")));
  SV_READ(p.contracts, detail::readList<ContractFigures>(*f, "contracts", readContract));
  return p;
}

}  // namespace

Result<AnnualFigures> annualFiguresFromJson(std::string_view json) {
  auto root = detail::parseJsonText(json, kDepth);
  if (!root) return std::unexpected(root.error());
  auto f = Fields::open(
      *root, "",
      {"format", "authority_id", "authority_name", "year", "provider_only", "totals", "providers"});
  if (!f) return std::unexpected(f.error());
  std::int64_t format = 0;
  SV_READ(format, f->integer("format"));
  if (format != kAnnualFiguresFormat)
    return fail(Errc::Invalid, Reason::UnknownChoice, "an unknown format of the figures", "format",
                std::to_string(format));
  AnnualFigures out;
  SV_READ(out.authorityId, f->integer("authority_id"));
  SV_READ(out.authorityName, f->string("authority_name"));
  std::int64_t year = 0;
  SV_READ(year, f->integer("year"));
  if (year < kFirstReportYear || year > kLastReportYear)
    return fail(Errc::Invalid, Reason::OutOfRange, "the year is out of range", "year");
  out.year = static_cast<int>(year);
  if (!f->get("provider_only").isEmpty()) {
    std::int64_t provider = 0;
    SV_READ(provider, f->integer("provider_only"));
    out.providerOnly = provider;
  }
  SV_READ(out.totals, readPeriod(f->get("totals"), "totals"));
  SV_READ(out.providers, detail::readList<ProviderFigures>(*f, "providers", readProvider));
  return out;
}

}  // namespace sv::minutes
