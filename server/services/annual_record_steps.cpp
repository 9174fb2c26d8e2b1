// The yearly summary's lifecycle (config/workflows/annual_report.workflow) in one transaction per
// step: the record read again inside it, the workflow asked with the facts as they are, the step's
// own record, the audit entry and the notices. Sending for approval commits the figures of that
// day beside the text (figures.json as minutes/annual_json writes it, figures.csv), so the step
// and the frozen version are one acknowledgement; registering seals the document and tags it.
#include <functional>

#include "minutes/annual_csv.hpp"
#include "minutes/annual_json.hpp"
#include "minutes/registry_number.hpp"
#include "server/services/access.hpp"
#include "server/services/annual_record_context.hpp"
#include "server/services/annual_record_notices.hpp"
#include "server/services/annual_report.hpp"
#include "server/store/approvals.hpp"
#include "server/store/audit.hpp"
#include "server/store/documents.hpp"
#include "workflows/free_text.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

struct AnnualReportService::Step {
  std::string transition;
  std::string comment;                   // a return's
  std::optional<std::string> approving;  // an approval's version
  bool freezeFigures = false;            // sending for approval
  // The step's own rows, inside the transaction, with the version the step leaves; returns a
  // member for the audit entry's detail, whose value is also what the notice says.
  std::function<Result<std::pair<std::string, std::string>>(
      store::Writing&, const AnnualRecordContext&, const std::string& version, TimePoint,
      const std::string& when)>
      record;
};

namespace {

constexpr std::size_t kMostCommentBytes = 4000;

}  // namespace

Result<AnnualRecordView> AnnualReportService::takeStep(const store::Principal& actor,
                                                       std::int64_t authorityId, int year,
                                                       const Step& step) {
  auto before = store_.read(
      [&](store::Reading& c) { return readAnnualRecordContext(c, actor, authorityId, year); });
  if (!before) return std::unexpected(before.error());
  const auto roles = annualRolesOf(actor, authorityId);
  const std::string state(before->row ? before->row->state
                                      : minutes::stateName(minutes::AnnualState::Draft));
  // Roles before fields: who may take the step is settled before its input is read.
  if (auto may = catalog_.annualWorkflow->mayTry(step.transition, state, roles); !may)
    return std::unexpected(may.error());
  if (step.transition == "return")
    if (auto ok = text::checkFreeText(step.comment, "comment", "the comment", kMostCommentBytes,
                                      text::Lines::Many);
        !ok)
      return std::unexpected(ok.error());

  minutes::AnnualNarrative narrative;
  if (before->version) {
    auto json =
        store_.documents().readFile(before->repository, *before->version, before->path("json"));
    if (!json) return std::unexpected(json.error());
    auto parsed = minutes::narrativeFromJson(*json);
    if (!parsed) return std::unexpected(parsed.error());
    narrative = std::move(*parsed);
  }
  minutes::AnnualLifecycleFacts facts;
  facts.missingPart = minutes::missingNarrativePart(narrative);
  facts.comment = step.comment;
  facts.approving = step.approving;
  facts.currentVersion = before->version.value_or("");

  const auto now = time_.now();
  const auto when = formatIsoUtc(now);
  auto inTransaction = [&](store::Writing& c, const std::string& version) -> Status {
    auto ctx = readAnnualRecordContext(c, actor, authorityId, year);
    if (!ctx) return std::unexpected(ctx.error());
    if (!ctx->row)
      return fail(Errc::Conflict, Reason::NarrativeMissing, "write the summary first", "summary",
                  "summary");
    const std::string from(ctx->row ? ctx->row->state
                                    : minutes::stateName(minutes::AnnualState::Draft));
    // A save or a step since the text was read: the facts judged are no longer the facts.
    if (from != state || (!step.freezeFigures && ctx->version != before->version))
      return fail(Errc::Conflict, Reason::VersionMovedOn,
                  "the summary changed while the step was taken; read it again", "version",
                  ctx->version.value_or(""));
    auto next = minutes::knownAnnualState(
        catalog_.annualWorkflow->take(step.transition, from, roles, facts));
    if (!next) return std::unexpected(next.error());
    auto extra = step.record(c, *ctx, version, now, when);
    if (!extra) return std::unexpected(extra.error());
    const std::string to(minutes::stateName(*next));
    // Every step names what it recorded (the figures' day, the comment, the version, the number).
    const auto detail = auditDetail({{"from", from},
                                     {"to", to},
                                     {"year", std::to_string(year)},
                                     {extra->first.c_str(), extra->second}});
    store::appendAudit(c,
                       auditBy(&actor, "annual." + step.transition, "annual_report",
                               std::to_string(ctx->row->id), detail, version),
                       now);
    tellAnnualStep(c, catalog_.mail, now, *ctx, to, extra->second);
    return {};
  };

  if (!step.freezeFigures) {
    if (auto ok = store_.write(
            [&](store::Writing& c) { return inTransaction(c, before->version.value_or("")); });
        !ok)
      return std::unexpected(ok.error());
    return record(actor, authorityId, year);
  }
  // The figures of today, as the authority sees them, committed beside the text.
  if (facts.missingPart) {
    // Let the workflow say what is missing, with nothing written.
    auto refused = catalog_.annualWorkflow->check(step.transition, state, roles, facts);
    if (!refused) return std::unexpected(refused.error());
  }
  auto figures = liveFigures(actor, authorityId, year);
  if (!figures) return std::unexpected(figures.error());
  store::DocumentCommit commit;
  commit.repository = before->repository;
  commit.document = before->document;
  commit.files.push_back({before->figuresPath("json"), minutes::annualFiguresToJson(*figures)});
  commit.files.push_back({before->figuresPath("csv"), minutes::annualCsv(*figures)});
  commit.author = {actor.name, actor.email};
  commit.authorId = actor.userId;
  commit.message = "Årsrapporten " + std::to_string(year) +
                   " lämnad för godkännande med årets siffror per " +
                   formatDate(toStockholm(now).date);
  commit.at = now;
  commit.expectedVersion = before->version.value_or("");
  auto version = store_.documents().commit(commit, inTransaction);
  if (!version) return std::unexpected(version.error());
  return record(actor, authorityId, year);
}

Result<AnnualRecordView> AnnualReportService::submit(const store::Principal& actor,
                                                     std::int64_t authorityId, int year) {
  Step step;
  step.transition = "submit";
  step.freezeFigures = true;
  step.record = [](store::Writing& c, const AnnualRecordContext& ctx, const std::string& version,
                   TimePoint now,
                   const std::string& when) -> Result<std::pair<std::string, std::string>> {
    const auto asOf = formatDate(toStockholm(now).date);
    store::markAnnualSubmitted(c, ctx.row->id, version, asOf, when);
    return std::pair<std::string, std::string>{"figures_as_of", asOf};
  };
  return takeStep(actor, authorityId, year, step);
}

Result<AnnualRecordView> AnnualReportService::returnToDraft(const store::Principal& actor,
                                                            std::int64_t authorityId, int year,
                                                            const std::string& comment) {
  Step step;
  step.transition = "return";
  step.comment = comment;
  step.record = [&actor, &comment](
                    store::Writing& c, const AnnualRecordContext& ctx, const std::string&,
                    TimePoint,
                    const std::string& when) -> Result<std::pair<std::string, std::string>> {
    store::markAnnualReturned(c, ctx.row->id, actor.userId, comment, when);
    return std::pair<std::string, std::string>{"comment", comment};
  };
  return takeStep(actor, authorityId, year, step);
}

Result<AnnualRecordView> AnnualReportService::approve(const store::Principal& actor,
                                                      std::int64_t authorityId, int year,
                                                      const std::string& version) {
  Step step;
  step.transition = "approve";
  step.approving = version;
  step.record = [&actor](store::Writing& c, const AnnualRecordContext& ctx,
                         const std::string& current, TimePoint,
                         const std::string& when) -> Result<std::pair<std::string, std::string>> {
    store::markAnnualApproved(c, ctx.row->id, current, actor.userId, when);
    return std::pair<std::string, std::string>{"version", current};
  };
  return takeStep(actor, authorityId, year, step);
}

Result<AnnualRecordView> AnnualReportService::registerRecord(const store::Principal& actor,
                                                             std::int64_t authorityId, int year) {
  std::optional<store::AnnualRegistryRow> registered;
  TimePoint at;
  Step step;
  step.transition = "register";
  step.record = [&](store::Writing& c, const AnnualRecordContext& ctx, const std::string& version,
                    TimePoint now,
                    const std::string& when) -> Result<std::pair<std::string, std::string>> {
    store::AnnualRegistryRow row;
    row.authorityId = ctx.authorityId;
    row.year = static_cast<int>(toStockholm(now).date.year());
    row.seq = store::nextRegistrySeq(c, row.authorityId, row.year);
    row.number = catalog_.registryFormatFor(ctx.authorityName).format(row.year, row.seq);
    row.annualReportId = ctx.row->id;
    row.repository = ctx.repository;
    row.version = version;
    row.tag = minutes::tagNameOf(row.number);
    row.registeredBy = actor.userId;
    row.registeredAt = when;
    store::registerAnnualRecord(c, row);
    // From here the text and its frozen figures take no more versions.
    store::DocumentStore::seal(c, ctx.repository, ctx.document, "registered as " + row.number, now);
    registered = row;
    at = now;
    return std::pair<std::string, std::string>{"number", row.number};
  };
  auto view = takeStep(actor, authorityId, year, step);
  if (!view) return view;
  // The tag follows the acknowledged registration; should this fail, start-up puts it back.
  (void)store_.documents().tagVersion(
      registered->repository, registered->tag, registered->version, {actor.name, actor.email},
      "Diarieförd som " + registered->number + " av " + actor.name, at);
  return view;
}

}  // namespace sv::services
