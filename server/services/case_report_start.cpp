// The report to the committee of a case (seed 002: "slutligen rapporteras resultatet till
// nämnden"): made from the case once the provider has had its feedback, as a follow-up report of
// kind "case" (minutes/case_report.hpp) committed beside the case in the contract's repository.
// From there it is a report like the yearly ones: the contract manager edits and assesses it, the
// provider fact-checks it, the registrar registers it, which seals the case's material with it.
#include "minutes/case_report.hpp"
#include "server/services/access.hpp"
#include "server/services/case_context.hpp"
#include "server/services/report_service.hpp"
#include "server/store/attachments.hpp"
#include "server/store/audit.hpp"
#include "server/store/documents.hpp"
#include "server/store/reports.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {
namespace {

Date dateOf(const std::string& at) {
  auto t = parseDateTime(at);
  return t ? toStockholm(*t).date : Date{};
}

struct Gathered {
  CaseContext ctx;
  std::vector<store::CaseEventRow> events;
  std::vector<store::AttachmentRow> files;
  std::vector<store::CasePlanRow> rounds;
};

}  // namespace

Result<std::int64_t> CaseService::startReport(const store::Principal& actor,
                                              std::int64_t caseId) {
  auto gathered = store_.read([&](store::Reading& c) -> Result<Gathered> {
    auto ctx = readCaseContext(c, actor, caseId);
    if (!ctx) return std::unexpected(ctx.error());
    if (auto w = requireCaseWriter(actor, *ctx, "writes the report to the committee"); !w)
      return std::unexpected(w.error());
    if (ctx->row.reportId)
      return fail(Errc::Conflict, Reason::CaseReportExists, "the case has its report already");
    if (ctx->state != minutes::CaseState::Feedback)
      return fail(Errc::Conflict, Reason::TransitionNotAllowed,
                  "the report is written once the analysis is in order", "", "start_report");
    if (!ctx->row.feedbackGiven)
      return fail(Errc::Conflict, Reason::FeedbackMissing, "give the provider feedback first");
    Gathered g{std::move(*ctx), store::listCaseEvents(c, caseId), {}, store::listCasePlans(c, caseId)};
    g.files = store::listAttachmentsSealedWith(c, g.ctx.repository, documentOf(caseId));
    return g;
  });
  if (!gathered) return std::unexpected(gathered.error());
  const auto& ctx = gathered->ctx;
  const auto now = time_.now();

  minutes::CaseFacts facts;
  facts.report.kind = minutes::ReportKind::Case;
  facts.report.contractTitle = ctx.contract.title;
  facts.report.contractReference = ctx.contract.reference;
  facts.report.authorityName = ctx.contract.authorityName;
  facts.report.providerName = ctx.contract.providerName;
  facts.report.year = static_cast<int>(toStockholm(now).date.year());
  facts.caseId = caseId;
  facts.title = ctx.row.title;
  facts.trigger = minutes::parseCaseTrigger(ctx.row.trigger).value_or(minutes::CaseTrigger::Other);
  facts.urgency = minutes::parseCaseUrgency(ctx.row.urgency).value_or(minutes::CaseUrgency::Normal);
  if (auto d = parseDate(ctx.row.occurredOn)) facts.occurredOn = *d;
  facts.openedOn = dateOf(ctx.row.openedAt);
  facts.description = ctx.row.description;
  for (const auto& e : gathered->events) {
    if (e.kind == "note") facts.notes.push_back({dateOf(e.at), e.userName, e.text});
    if (e.kind == "analysis_ok")
      facts.analyses.push_back({dateOf(e.at), e.userName, minutes::AnalysisOutcome::Ok, e.text});
    if (e.kind == "action_plan_requested")
      facts.analyses.push_back(
          {dateOf(e.at), e.userName, minutes::AnalysisOutcome::NotOk, e.text});
    if (e.kind == "feedback") facts.feedback = e.text;
  }
  for (const auto& f : gathered->files) facts.attachmentNames.push_back(f.fileName);
  for (auto r = gathered->rounds.rbegin(); r != gathered->rounds.rend(); ++r) {
    if (r->decision != "accepted") continue;
    const auto doc = ctx.plan();
    auto json = store_.documents().readFile(doc.repository, r->version, doc.document + ".json");
    if (!json) return std::unexpected(json.error());
    auto plan = minutes::actionPlanFromJson(*json);
    if (!plan) return fail(Errc::Internal, "the accepted plan does not read: " + plan.error().detail);
    facts.acceptedPlan = std::move(*plan);
    break;
  }
  const auto& source = *catalog_.caseReportTemplate;
  auto report = minutes::createCaseReport(source.parsed, facts);
  if (!report) return std::unexpected(report.error());

  for (int attempt = 0; attempt < 3; ++attempt) {
    const auto at = time_.now();
    const std::string when = formatIsoUtc(at);
    store::ReportRow row;
    row.id = store_.read([](store::Reading& c) { return store::nextReportId(c); });
    row.contractId = ctx.contract.id;
    row.year = facts.report.year;
    row.kind = std::string(minutes::toString(minutes::ReportKind::Case));
    row.caseId = caseId;
    row.createdBy = actor.userId;
    row.createdAt = when;
    const std::string document = ReportService::documentOf(row.id);
    store::DocumentCommit commit;
    commit.repository = ctx.repository;
    commit.document = document;
    commit.files = {{document + ".md", minutes::renderReportMarkdown(*report)},
                    {document + ".json", minutes::toJson(*report)},
                    {"reports/" + std::to_string(row.id) + "/mall.followup", source.text}};
    commit.author = {actor.name, actor.email};
    commit.authorId = actor.userId;
    commit.message = "Rapport till nämnden i ärende " + std::to_string(caseId) + " påbörjad";
    commit.at = at;
    commit.expectedVersion = "";
    auto version =
        store_.documents().commit(commit, [&](store::Writing& c, const std::string& v) -> Status {
          if (auto ok = store::insertReport(c, row); !ok) return ok;
          store::insertCaseEvent(c, {0, caseId, "report_started", actor.userId, "",
                                     "Rapport " + std::to_string(row.id), std::nullopt, v, when});
          store::touchCase(c, caseId, when);
          store::appendAudit(c,
                             auditBy(&actor, "report.start", "report", std::to_string(row.id),
                                     auditDetail({{"contract", std::to_string(ctx.contract.id)},
                                                  {"case", std::to_string(caseId)},
                                                  {"kind", row.kind}}),
                                     v),
                             at);
          return {};
        });
    if (!version) {
      if (version.error().reason == Reason::DocumentBusy ||
          version.error().reason == Reason::VersionMovedOn)
        continue;
      return std::unexpected(version.error());
    }
    return row.id;
  }
  return fail(Errc::Conflict, Reason::DocumentBusy, "reports are being started by others; try again");
}

}  // namespace sv::services
