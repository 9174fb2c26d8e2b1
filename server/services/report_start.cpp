// Starting a follow-up report: the contract manager picks the contract, year and kind; the
// report is made from the service area's template and committed as its first version, in the
// transaction that records the report's row and the audit entry.
#include "minutes/report.hpp"
#include "server/services/access.hpp"
#include "server/services/agendas.hpp"
#include "server/services/report_context.hpp"
#include "server/store/audit.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

Result<ReportView> ReportService::start(const store::Principal& actor, const NewReport& what) {
  // A case's report is made from its case (CaseService::startReport), never from a template alone.
  if (what.kind == minutes::ReportKind::Case)
    return fail(Errc::Invalid, Reason::UnknownChoice,
                "a case's report is started from the case (/api/v1/follow-up-cases/{id}/report)",
                "kind", "case");
  auto contract = store_.read([&](store::Reading& c) -> Result<store::ContractRow> {
    auto found = contractFor(c, actor, what.contractId);
    if (!found) return std::unexpected(found.error());
    if (!managesContract(actor, *found))
      return fail(Errc::Forbidden, Reason::NotReportWriter,
                  "only the authority's contract manager starts a follow-up report");
    return found;
  });
  if (!contract) return std::unexpected(contract.error());
  const auto source = catalog_.followUpTemplates.find(contract->serviceArea);
  if (source == catalog_.followUpTemplates.end())
    return fail(
        Errc::Invalid, Reason::UnknownChoice,
        "there is no follow-up template for the service area '" + contract->serviceArea + "'",
        "service_area", contract->serviceArea);
  minutes::ReportFacts facts;
  facts.kind = what.kind;
  facts.contractTitle = contract->title;
  facts.contractReference = contract->reference;
  facts.authorityName = contract->authorityName;
  facts.providerName = contract->providerName;
  facts.year = what.year;
  auto report = minutes::createReport(source->second.parsed, facts);
  if (!report) return std::unexpected(report.error());

  const std::string kind(minutes::toString(what.kind));
  for (int attempt = 0; attempt < 3; ++attempt) {
    const auto now = time_.now();
    store::ReportRow row;
    row.id = store_.read([](store::Reading& c) { return store::nextReportId(c); });
    row.contractId = contract->id;
    row.year = what.year;
    row.kind = kind;
    row.createdBy = actor.userId;
    row.createdAt = formatIsoUtc(now);
    const std::string document = documentOf(row.id);
    store::DocumentCommit commit;
    commit.repository = AgendaService::repositoryOf(contract->id);
    commit.document = document;
    commit.files = {{document + ".md", minutes::renderReportMarkdown(*report)},
                    {document + ".json", minutes::toJson(*report)},
                    // The template as it was, kept with the report (seed 000: the common model
                    // changes over the years; the report says what it was assessed against).
                    {"reports/" + std::to_string(row.id) + "/mall.followup", source->second.text}};
    commit.author = {actor.name, actor.email};
    commit.authorId = actor.userId;
    commit.message = "Uppföljning " + std::to_string(what.year) + " påbörjad";
    commit.at = now;
    commit.expectedVersion = "";
    auto version =
        store_.documents().commit(commit, [&](store::Writing& c, const std::string& v) -> Status {
          if (auto ok = store::insertReport(c, row); !ok) return ok;
          store::appendAudit(c,
                             auditBy(&actor, "report.start", "report", std::to_string(row.id),
                                     auditDetail({{"contract", std::to_string(contract->id)},
                                                  {"year", std::to_string(what.year)},
                                                  {"kind", kind}}),
                                     v),
                             now);
          return {};
        });
    if (!version) {
      if (version.error().reason == Reason::DocumentBusy ||
          version.error().reason == Reason::VersionMovedOn)
        continue;
      return std::unexpected(version.error());
    }
    auto ctx = loadReportContext(store_, actor, row.id);
    if (!ctx) return std::unexpected(ctx.error());
    return viewOf(actor, *ctx);
  }
  return fail(Errc::Conflict, Reason::DocumentBusy,
              "reports are being started by others; try "
              "again");
}

}  // namespace sv::services
