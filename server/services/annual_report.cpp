// The yearly summary's figures: who may see which part, the facts read in one transaction, the
// follow-up reports' assessments read from their documents in git, and the counting left to
// minutes::computeAnnualFigures.
#include "server/services/annual_report.hpp"

#include <algorithm>

#include "minutes/annual_json.hpp"
#include "minutes/registry_number.hpp"
#include "minutes/report.hpp"
#include "server/pdf/annual_pdf.hpp"
#include "server/services/agendas.hpp"
#include "server/services/annual_items.hpp"
#include "server/services/annual_record_context.hpp"
#include "server/services/report_service.hpp"
#include "server/services/seal.hpp"
#include "server/store/annual.hpp"
#include "server/store/annual_records.hpp"
#include "server/store/documents.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {
namespace {

constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2100;

}  // namespace

Status checkSummaryYear(int year) {
  if (year < kFirstYear || year > kLastYear)
    return fail(Errc::Invalid, Reason::OutOfRange, "the year is outside 2000-2100", "year",
                std::to_string(year));
  return {};
}

int AnnualReportService::currentYear() const {
  return static_cast<int>(toStockholm(time_.now()).date.year());
}

std::optional<std::int64_t> AnnualReportService::defaultAuthority(const store::Principal& viewer) {
  if (viewer.organizationKind == OrganizationKind::Authority) return viewer.organizationId;
  return store_.read(
      [&](store::Reading& c) { return store::firstAuthorityOfProvider(c, viewer.organizationId); });
}

Result<minutes::AnnualFigures> AnnualReportService::figures(const store::Principal& viewer,
                                                            std::int64_t authorityId, int year) {
  if (auto ok = checkSummaryYear(year); !ok) return std::unexpected(ok.error());
  const bool providerSide = viewer.organizationKind == OrganizationKind::Provider;
  if (!providerSide && viewer.organizationId != authorityId)
    return fail(Errc::NotFound, "no such authority");
  // Once the summary went for approval its figures are the frozen ones; a provider's people see
  // them once registered (before that the record is the authority's own), their own part only.
  auto frozen = frozenFigures(authorityId, year, providerSide);
  if (!frozen) return std::unexpected(frozen.error());
  if (!*frozen) return liveFigures(viewer, authorityId, year);
  if (!providerSide) return std::move(**frozen);
  const bool own = std::any_of(
      (*frozen)->providers.begin(), (*frozen)->providers.end(),
      [&](const minutes::ProviderFigures& p) { return p.providerId == viewer.organizationId; });
  if (!own) return fail(Errc::NotFound, "no such authority");
  return minutes::restrictToProvider(**frozen, viewer.organizationId);
}

Result<std::optional<minutes::AnnualFigures>> AnnualReportService::frozenFigures(
    std::int64_t authorityId, int year, bool registeredOnly) {
  const auto row =
      store_.read([&](store::Reading& c) { return store::findAnnualRecord(c, authorityId, year); });
  using Frozen = std::optional<minutes::AnnualFigures>;
  if (!row || !row->submittedVersion) return Frozen();
  if (registeredOnly && row->state != minutes::stateName(minutes::AnnualState::Registered))
    return Frozen();
  auto json = store_.documents().readFile(annualRepositoryOf(authorityId), *row->submittedVersion,
                                          annualFiguresPathOf(year, "json"));
  if (!json) return std::unexpected(json.error());
  auto figures = minutes::annualFiguresFromJson(*json);
  if (!figures)
    return fail(Errc::Internal, "the frozen figures do not parse: " + figures.error().detail);
  return Frozen(std::move(*figures));
}

Result<minutes::AnnualFigures> AnnualReportService::liveFigures(const store::Principal& viewer,
                                                                std::int64_t authorityId,
                                                                int year) {
  const bool providerSide = viewer.organizationKind == OrganizationKind::Provider;
  // Another authority's summary is not there for this person, like another provider's contract.
  if (!providerSide && viewer.organizationId != authorityId)
    return fail(Errc::NotFound, "no such authority");
  const auto provider = providerSide ? std::optional(viewer.organizationId) : std::nullopt;
  struct Located {
    store::AnnualReportRef ref;
    std::string repository;
    std::string document;
    std::string version;
  };
  std::vector<Located> documents;
  std::vector<UnrecordedMinutes> unrecorded;
  auto facts = store_.read([&](store::Reading& c) -> std::optional<store::AnnualFacts> {
    auto read = store::readAnnualFacts(c, authorityId, provider, year);
    if (!read) return read;
    for (const auto& ref : read->reports) {
      Located at{ref,
                 AgendaService::repositoryOf(read->input.contracts[ref.contract].contractId),
                 ReportService::documentOf(ref.reportId),
                 {}};
      if (auto version = store::DocumentStore::currentVersionIn(c, at.repository, at.document)) {
        at.version = *version;
        documents.push_back(std::move(at));
      }
    }
    unrecorded = locateUnrecordedMinutes(c, *read);
    return read;
  });
  // Minutes saved before their items were recorded: read from git once, recorded for next time.
  if (facts)
    if (auto filled = fillUnrecordedMinutes(store_, unrecorded, *facts); !filled)
      return std::unexpected(filled.error());
  if (facts)
    // Each report's areas as its document says now; git is read outside the transaction.
    for (const auto& at : documents) {
      auto& fact = facts->input.contracts[at.ref.contract].reports[at.ref.report];
      // A version never changes: its areas are read from git and parsed once (BENCHMARKS.md,
      // "The yearly summary of one authority-year": a thousand reports cost a quarter second).
      if (auto known = areas_.find(at.repository, at.version)) {
        fact.areas = *known;
        continue;
      }
      auto json = store_.documents().readFile(at.repository, at.version, at.document + ".json");
      if (!json) return std::unexpected(json.error());
      auto report = minutes::reportFromJson(*json);
      if (!report) return std::unexpected(report.error());
      for (const auto& area : report->areas)
        fact.areas.push_back({area.key, area.title, area.assessment});
      areas_.remember(at.repository, at.version, fact.areas);
    }
  if (!facts || (providerSide && facts->input.contracts.empty()))
    return fail(Errc::NotFound, "no such authority");
  if (providerSide)
    // A draft is the authority's own until it goes out for fact-checking.
    for (auto& contract : facts->input.contracts)
      std::erase_if(contract.reports, [](const minutes::ReportFact& r) {
        return r.state == minutes::ReportState::Draft;
      });
  auto figures = minutes::computeAnnualFigures(facts->input);
  if (providerSide) return minutes::restrictToProvider(figures, viewer.organizationId);
  return figures;
}

Result<std::pair<std::string, std::string>> AnnualReportService::pdf(const store::Principal& viewer,
                                                                     std::int64_t authorityId,
                                                                     int year) {
  auto figures = this->figures(viewer, authorityId, year);
  if (!figures) return std::unexpected(figures.error());
  pdf::AnnualPdfOptions options;
  // A registered summary carries its registration's time, so the record's PDF is the same
  // document each time it is asked for (and in its archival package); a draft is of now.
  options.createdAt = time_.now();
  // A summary is a draft until it is registered; the mark says how far it has come.
  options.stateMark = "UTKAST";
  std::string fileName = "arsrapport-" + std::to_string(year) + ".pdf";
  bool registered = false;
  std::optional<std::string> number;
  std::optional<std::string> registeredAt;
  if (viewer.organizationKind == OrganizationKind::Authority) {
    auto rec = record(viewer, authorityId, year);
    if (!rec) return std::unexpected(rec.error());
    if (rec->started) options.narrative = rec->narrative;
    if (rec->state == minutes::AnnualState::Submitted) options.stateMark = "FÖR GODKÄNNANDE";
    if (rec->state == minutes::AnnualState::Approved) options.stateMark = "GODKÄND";
    if (rec->registryNumber) {
      options.title = "Årsrapport " + std::to_string(year) + " till nämnden – " +
                      rec->authorityName + ", " + *rec->registryNumber;
      fileName = minutes::tagNameOf(*rec->registryNumber) + ".pdf";
    }
    registered = rec->state == minutes::AnnualState::Registered;
    number = rec->registryNumber;
    registeredAt = rec->registeredAt;
  } else {
    // A provider's part of the record: the record's text is not theirs, its state is.
    const auto row = store_.read(
        [&](store::Reading& c) { return store::findAnnualRecord(c, authorityId, year); });
    registered = row && row->state == minutes::stateName(minutes::AnnualState::Registered);
    if (row) {
      number = row->registryNumber;
      registeredAt = row->registeredAt;
    }
  }
  if (registered) {
    options.stateMark.clear();
    if (registeredAt)
      if (auto at = parseDateTime(*registeredAt)) options.createdAt = *at;
    options.registryNumber = number;
    if (catalog_.seal) options.sealSubject = catalog_.seal->subject();
  }
  auto bytes = pdf::renderAnnualPdf(*figures, options);
  if (!bytes) return std::unexpected(bytes.error());
  // The registered summary is the committee's record: sealed like the protocols.
  if (registered && number) {
    auto sealed = sealRegistered(catalog_.seal, std::move(*bytes), *number, options.createdAt);
    if (!sealed) return std::unexpected(sealed.error());
    return std::pair{std::move(*sealed), std::move(fileName)};
  }
  return std::pair{std::move(*bytes), std::move(fileName)};
}

}  // namespace sv::services
