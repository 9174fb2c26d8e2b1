// The contract manager writes the yearly summary's text: one commit by its author of annual.md
// and annual.json, naming the version it started from (If-Match; a summary is written by one
// person at a time, so a save from an older version is refused rather than merged), with the
// record's row and the audit entry in the commit's transaction. The first save starts the record.
#include "server/services/access.hpp"
#include "server/services/annual_record_context.hpp"
#include "server/services/annual_report.hpp"
#include "server/store/audit.hpp"
#include "server/store/documents.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

Result<AnnualRecordView> AnnualReportService::saveNarrative(
    const store::Principal& actor, std::int64_t authorityId, int year, const std::string& ifMatch,
    const minutes::AnnualNarrative& narrative) {
  if (auto may = mayTake(actor, authorityId, year, "save"); !may)
    return std::unexpected(may.error());
  auto ctx = store_.read(
      [&](store::Reading& c) { return readAnnualRecordContext(c, actor, authorityId, year); });
  if (!ctx) return std::unexpected(ctx.error());
  if (auto ok = minutes::checkNarrative(narrative); !ok) return std::unexpected(ok.error());

  const auto now = time_.now();
  const auto when = formatIsoUtc(now);
  store::DocumentCommit commit;
  commit.repository = ctx->repository;
  commit.document = ctx->document;
  commit.files.push_back(
      {ctx->path("md"), minutes::narrativeToMarkdown(narrative, ctx->authorityName, year)});
  commit.files.push_back({ctx->path("json"), minutes::narrativeToJson(narrative)});
  commit.author = {actor.name, actor.email};
  commit.authorId = actor.userId;
  commit.message = ctx->version ? "Årsrapporten " + std::to_string(year) + " ändrad"
                                : "Årsrapporten " + std::to_string(year) + " påbörjad";
  commit.at = now;
  commit.expectedVersion = ifMatch;
  auto version =
      store_.documents().commit(commit, [&](store::Writing& c, const std::string& v) -> Status {
        // Again inside the transaction: a step taken since the page was read wins.
        auto row = store::findAnnualRecord(c, authorityId, year);
        std::int64_t id = 0;
        if (!row) {
          id = store::insertAnnualRecord(c, authorityId, year, actor.userId, when);
        } else {
          if (row->state != minutes::stateName(minutes::AnnualState::Draft))
            return std::unexpected(annualNotEditable(row->state));
          id = row->id;
          store::touchAnnualRecord(c, id, when);
        }
        store::appendAudit(c,
                           auditBy(&actor, row ? "annual.save" : "annual.start", "annual_report",
                                   std::to_string(id),
                                   auditDetail({{"authority", std::to_string(authorityId)},
                                                {"year", std::to_string(year)}}),
                                   v),
                           now);
        return {};
      });
  if (!version) return std::unexpected(version.error());
  return record(actor, authorityId, year);
}

}  // namespace sv::services
