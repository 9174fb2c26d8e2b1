#include "server/services/annual_record_context.hpp"

#include "server/services/annual_report.hpp"
#include "server/store/accounts.hpp"
#include "server/store/documents.hpp"
#include "workflows/names.hpp"

namespace sv::services {
std::string AnnualRecordContext::path(std::string_view extension) const {
  return document + "." + std::string(extension);
}

std::string AnnualRecordContext::figuresPath(std::string_view extension) const {
  return annualFiguresPathOf(year, extension);
}

std::string annualFiguresPathOf(int year, std::string_view extension) {
  return "annual/" + std::to_string(year) + "/figures." + std::string(extension);
}

std::string annualRepositoryOf(std::int64_t authorityId) {
  return "authority-" + std::to_string(authorityId);
}

std::string annualDocumentOf(int year) {
  return "annual/" + std::to_string(year) + "/report";
}

Result<AnnualRecordContext> readAnnualRecordContext(store::Reading& c,
                                                    const store::Principal& viewer,
                                                    std::int64_t authorityId, int year) {
  if (auto ok = checkSummaryYear(year); !ok) return std::unexpected(ok.error());
  // The text is the authority's own: a provider's people and another authority's are told
  // nothing about it, not even that it exists.
  if (viewer.organizationKind != OrganizationKind::Authority ||
      viewer.organizationId != authorityId)
    return fail(Errc::NotFound, "no such authority");
  auto authority = store::findOrganization(c, store::TenantScope::system(), authorityId);
  if (!authority || authority->kind != OrganizationKind::Authority)
    return fail(Errc::NotFound, "no such authority");
  AnnualRecordContext ctx;
  ctx.authorityId = authorityId;
  ctx.authorityName = authority->name;
  ctx.year = year;
  ctx.repository = annualRepositoryOf(authorityId);
  ctx.document = annualDocumentOf(year);
  ctx.row = store::findAnnualRecord(c, authorityId, year);
  ctx.version = store::DocumentStore::currentVersionIn(c, ctx.repository, ctx.document);
  return ctx;
}

std::set<std::string> annualRolesOf(const store::Principal& p, std::int64_t authorityId) {
  std::set<std::string> roles;
  if (p.organizationKind != OrganizationKind::Authority || p.organizationId != authorityId)
    return roles;
  for (auto r : p.roles) roles.emplace(store::roleName(r));
  return roles;
}

Status requireAnnualWriter(const store::Principal& p, std::int64_t authorityId,
                           const std::string& doing) {
  if (annualRolesOf(p, authorityId).contains(std::string(workflows::roles::kContractManager)))
    return {};
  return fail(Errc::Forbidden, Reason::NotAnnualWriter,
              "only the authority's contract manager " + doing);
}

Error annualNotEditable(std::string_view state) {
  return Error{Errc::Conflict, Reason::TransitionNotAllowed,
               "the summary is " + std::string(state) + ": its text changes only as a draft", "",
               "save"};
}

}  // namespace sv::services
