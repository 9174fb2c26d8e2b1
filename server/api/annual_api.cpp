// The yearly summary to the committee (issue 15): GET /api/v1/reports/annual as JSON (the figures
// as minutes/annual_json writes them, the same bytes a registered summary will keep) and .csv (one
// row per contract, UTF-8 with a BOM so that Excel reads å, ä and ö) and .pdf (server/pdf).
// `authority` defaults to the caller's own (a provider's: the authority of its first contract),
// `year` to this year.
#include "minutes/annual_csv.hpp"
#include "minutes/annual_json.hpp"
#include "server/api/annual_views.hpp"
#include "server/api/api.hpp"
#include "server/api/views.hpp"

namespace sv::api {

Result<std::pair<std::int64_t, int>> annualWhichOf(const http::Request& req,
                                                   services::AnnualReportService& annual) {
  auto authority = wholeNumberQuery(req, "authority", 0);
  if (!authority) return std::unexpected(authority.error());
  auto year = wholeNumberQuery(req, "year", annual.currentYear());
  if (!year) return std::unexpected(year.error());
  std::optional<std::int64_t> which =
      *authority > 0 ? std::optional(*authority) : annual.defaultAuthority(req.principal());
  if (!which) return fail(Errc::NotFound, "no authority to report on");
  return std::pair{*which, static_cast<int>(std::min<std::int64_t>(*year, 100000))};
}

namespace {

Result<minutes::AnnualFigures> figuresOf(const http::Request& req,
                                         services::AnnualReportService& annual) {
  auto which = annualWhichOf(req, annual);
  if (!which) return std::unexpected(which.error());
  return annual.figures(req.principal(), which->first, which->second);
}

}  // namespace

const std::vector<http::Parameter> kAnnualQuery{
    {"authority", "query", "the authority's id (the caller's own unless said)", "integer"},
    {"year", "query", "the year (this year unless said), 2000-2100", "integer"}};

void registerAnnualReport(http::Router& router, Services& s) {
  if (!s.annual) return;
  auto& annual = *s.annual;
  router.add({"GET",
              "/api/v1/reports/annual",
              http::Access::LoggedIn,
              [&annual](http::Request& req) -> Result<http::Reply> {
                auto figures = figuresOf(req, annual);
                if (!figures) return std::unexpected(figures.error());
                return http::Reply::text(minutes::annualFiguresToJson(*figures),
                                         "application/json");
              },
              {.operationId = "getAnnualReport",
               .summary = "The yearly summary's figures per provider and contract, with the year "
                          "before; a provider's people get the part about their own contracts",
               .tag = "annual",
               .responseSchema = "AnnualReport",
               .parameters = kAnnualQuery,
               .errorStatuses = {404, 422}}});
  router.add({"GET",
              "/api/v1/reports/annual.csv",
              http::Access::LoggedIn,
              [&annual](http::Request& req) -> Result<http::Reply> {
                auto figures = figuresOf(req, annual);
                if (!figures) return std::unexpected(figures.error());
                return http::Reply::download(
                    minutes::annualCsv(*figures), "text/csv; charset=utf-8",
                    "arsrapport-" + std::to_string(figures->year) + ".csv");
              },
              {.operationId = "getAnnualReportCsv",
               .summary = "The same as CSV: one row per contract, UTF-8 with a byte order mark",
               .tag = "annual",
               .responseType = "text/csv",
               .parameters = kAnnualQuery,
               .errorStatuses = {404, 422}}});
  router.add({"GET",
              "/api/v1/reports/annual.pdf",
              http::Access::LoggedIn,
              [&annual](http::Request& req) -> Result<http::Reply> {
                auto which = annualWhichOf(req, annual);
                if (!which) return std::unexpected(which.error());
                auto file = annual.pdf(req.principal(), which->first, which->second);
                if (!file) return std::unexpected(file.error());
                return http::Reply::download(std::move(file->first), "application/pdf",
                                             file->second);
              },
              {.operationId = "getAnnualReportPdf",
               .summary = "The same as a PDF: A4, the charts drawn, the figures in tables beside "
                          "them, page numbers",
               .tag = "annual",
               .responseType = "application/pdf",
               .parameters = kAnnualQuery,
               .errorStatuses = {404, 422}}});
  router.add({"GET",
              "/api/v1/reports/annual/archive",
              http::Access::LoggedIn,
              [&annual](http::Request& req) -> Result<http::Reply> {
                auto which = annualWhichOf(req, annual);
                if (!which) return std::unexpected(which.error());
                auto bag = annual.archive(req.principal(), which->first, which->second);
                if (!bag) return std::unexpected(bag.error());
                return http::Reply::download(std::move(bag->second), "application/zip", bag->first);
              },
              {.operationId = "getAnnualReportArchive",
               .summary = "The archival package of a registered summary: an E-ARK SIP (METS, "
                          "PREMIS, Dublin Core) in a BagIt zip with the sealed PDF/A, the text "
                          "and the frozen figures as committed, metadata and audit entries; the "
                          "authority's own",
               .tag = "annual",
               .responseType = "application/zip",
               .parameters = kAnnualQuery,
               .errorStatuses = {404, 409, 422}}});
}

}  // namespace sv::api
