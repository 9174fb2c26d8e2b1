// The archival package of a registered yearly summary: an E-ARK SIP in a BagIt zip like the
// minutes' (eark_sip.hpp, archive.hpp) with the sealed PDF/A, the text and the frozen figures as
// committed, metadata and the audit entries of the summary's lifecycle.
#include <Poco/JSON/Object.h>

#include <tuple>

#include "minutes/registry_number.hpp"
#include "server/services/annual_record_context.hpp"
#include "server/services/annual_report.hpp"
#include "server/services/archive_parts.hpp"
#include "server/store/annual_records.hpp"
#include "server/store/audit.hpp"
#include "server/store/documents.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

Result<std::pair<std::string, std::string>> AnnualReportService::archive(
    const store::Principal& viewer, std::int64_t authorityId, int year) {
  std::vector<store::AuditRecord> audit;
  auto ctx = store_.read([&](store::Reading& c) -> Result<AnnualRecordContext> {
    auto read = readAnnualRecordContext(c, viewer, authorityId, year);
    if (read && read->row) {
      store::AuditQuery q;
      q.objectType = "annual_report";
      q.objectId = std::to_string(read->row->id);
      q.limit = 100000;
      audit = store::listAudit(c, q);
    }
    return read;
  });
  if (!ctx) return std::unexpected(ctx.error());
  // The yearly summary is a report to the committee: the same reason as a follow-up report's.
  if (!ctx->row || !ctx->row->registryNumber || !ctx->row->registeredAt || !ctx->version)
    return fail(Errc::Conflict, Reason::ReportNotRegistered,
                "only a registered yearly summary has an archival package");
  const store::AnnualRecordRow& row = *ctx->row;
  // Registered means sealed in the store: the current version is the one registered.
  const std::string& version = *ctx->version;
  auto pdf = this->pdf(viewer, authorityId, year);
  if (!pdf) return std::unexpected(pdf.error());
  std::vector<BagFile> representation{{"arsrapport.pdf", std::move(pdf->first)}};
  std::vector<BagFile> other;
  for (const auto& [file, path, into] :
       {std::tuple{"report.md", ctx->path("md"), &representation},
        std::tuple{"figures.csv", ctx->figuresPath("csv"), &representation},
        std::tuple{"report.json", ctx->path("json"), &other},
        std::tuple{"figures.json", ctx->figuresPath("json"), &other}}) {
    auto bytes = store_.documents().readFile(ctx->repository, version, path);
    if (!bytes) return std::unexpected(bytes.error());
    into->push_back({file, std::move(*bytes)});
  }
  // The registrar as the audit log names the step (the row keeps the number, not the name).
  std::string registrar;
  for (const auto& r : audit)
    if (r.entry.action == "annual.register") registrar = r.entry.actor;
  const std::string& number = *row.registryNumber;
  const std::string tag = minutes::tagNameOf(number);
  Poco::JSON::Object meta(Poco::JSON_PRESERVE_KEY_ORDER);
  meta.set("registry_number", number);
  meta.set("registered_at", *row.registeredAt);
  meta.set("registered_by", registrar);
  meta.set("registered_version", version);
  meta.set("repository", ctx->repository);
  meta.set("tag", tag);
  meta.set("year", year);
  meta.set("kind", "annual");
  meta.set("authority", ctx->authorityName);
  if (row.approvedByName) meta.set("approved_by", *row.approvedByName);
  if (row.approvedAt) meta.set("approved_at", *row.approvedAt);
  meta.set("committed", committedEntry(ctx->path("json"), "report.json"));
  other.push_back({"metadata.json", prettyJson(meta)});
  other.push_back({"audit.json", prettyJson(auditJson(audit))});

  std::vector<SipEvent> events = auditEvents(audit);
  events.push_back(registrationEvent(*row.registeredAt, registrar, number, version));
  if (auto sealed = sealEvent(catalog_.seal, *row.registeredAt, "arsrapport.pdf"))
    events.push_back(*sealed);
  const std::string title =
      "Årsrapport " + std::to_string(year) + " till nämnden – " + ctx->authorityName;
  const SipInput sip{tag,
                     "Samverkan registered yearly summary",
                     "Årsrapport",
                     title,
                     number,
                     ctx->authorityName,
                     *row.registeredAt,
                     formatIsoUtc(time_.now()),
                     std::move(representation),
                     std::move(other),
                     std::move(events)};
  const BagInfo info{ctx->authorityName, number, formatDate(toStockholm(time_.now()).date), title};
  return sipInBag(tag, info, sip);
}

}  // namespace sv::services
