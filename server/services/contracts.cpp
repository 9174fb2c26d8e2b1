#include "server/services/contracts.hpp"

#include "server/services/access.hpp"
#include "server/store/accounts.hpp"
#include "workflows/free_text.hpp"
#include "workflows/stockholm_time.hpp"
#include "workflows/text.hpp"

namespace sv::services {
namespace {

void apply(store::ContractRow& row, const ContractInput& in) {
  if (in.title) row.title = text::trimSpacesAndTabs(*in.title);
  if (in.serviceArea) row.serviceArea = *in.serviceArea;
  if (in.reference) row.reference = text::trimSpacesAndTabs(*in.reference);
  if (in.startsOn) row.startsOn = *in.startsOn;
  if (in.endsOn) row.endsOn = in.endsOn->empty() ? std::nullopt : in.endsOn;
  if (in.meetingsPerYear) row.meetingsPerYear = static_cast<int>(*in.meetingsPerYear);
  if (in.agendaTemplate) row.agendaTemplate = *in.agendaTemplate;
}

std::string contractDetail(const store::ContractRow& r) {
  return auditDetail({{"title", r.title},
                      {"reference", r.reference},
                      {"provider_id", std::to_string(r.providerId)},
                      {"service_area", r.serviceArea},
                      {"starts_on", r.startsOn},
                      {"ends_on", r.endsOn.value_or("")},
                      {"meetings_per_year", std::to_string(r.meetingsPerYear)},
                      {"agenda_template", r.agendaTemplate}});
}

}  // namespace

Status ContractService::validate(store::Reading& c, const store::ContractRow& r) {
  if (auto ok = text::checkFreeText(r.title, "title", "the title", 200, text::Lines::One,
                                    text::Presence::Required);
      !ok)
    return ok;
  if (auto ok = text::checkFreeText(r.reference, "reference", "the contract's reference number",
                                    100, text::Lines::One, text::Presence::Required);
      !ok)
    return ok;
  if (!catalog_.hasServiceArea(r.serviceArea))
    return fail(Errc::Invalid, Reason::UnknownChoice,
                "unknown service area '" + r.serviceArea + "'", "service_area");
  auto start = parseDate(r.startsOn);
  if (!start)
    return fail(Errc::Invalid, Reason::NotADate, start.error().detail, "starts_on", "YYYY-MM-DD");
  if (r.endsOn) {
    auto end = parseDate(*r.endsOn);
    if (!end)
      return fail(Errc::Invalid, Reason::NotADate, end.error().detail, "ends_on", "YYYY-MM-DD");
    if (std::chrono::sys_days{*end} < std::chrono::sys_days{*start})
      return fail(Errc::Invalid, Reason::EndsBeforeStart, "the contract ends before it starts",
                  "ends_on");
  }
  if (r.meetingsPerYear < 1 || r.meetingsPerYear > 12)
    return fail(Errc::Invalid, Reason::OutOfRange, "1-12 meetings a year", "meetings_per_year");
  if (!catalog_.templates.contains(r.agendaTemplate))
    return fail(Errc::Invalid, Reason::UnknownChoice,
                "no agenda template '" + r.agendaTemplate + "'", "agenda_template");
  const auto system = store::TenantScope::system();
  const auto authority = store::findOrganization(c, system, r.authorityId);
  if (!authority || authority->kind != store::OrganizationKind::Authority)
    return fail(Errc::Invalid, Reason::NoSuchOrganization, "no such authority", "authority_id");
  const auto provider = store::findOrganization(c, system, r.providerId);
  if (!provider || provider->kind != store::OrganizationKind::Provider)
    return fail(Errc::Invalid, Reason::NoSuchOrganization, "no such provider", "provider_id");
  if (store::contractReferenceTaken(c, r.authorityId, r.reference, r.id))
    return fail(Errc::Conflict, Reason::ContractReferenceTaken,
                "the authority already has a contract with that reference", "reference");
  return {};
}

Result<store::ContractRow> ContractService::create(const store::Principal& actor,
                                                   const ContractInput& input) {
  store::ContractRow row;
  row.authorityId = input.authorityId.value_or(actor.organizationId);
  // Roles before fields: only the authority's own contract managers (or an administrator) make
  // its contracts, and someone else learns nothing of the form from its errors.
  if (!actor.isAdmin() &&
      !(actor.has(store::Role::ContractManager) && actor.organizationId == row.authorityId))
    return fail(Errc::Forbidden, Reason::NotContractManager,
                "only the authority's contract manager creates its contracts");
  if (!input.providerId)
    return fail(Errc::Invalid, Reason::Missing, "'provider_id' is required", "provider_id");
  row.providerId = *input.providerId;
  row.agendaTemplate = kDefaultTemplate;
  apply(row, input);
  for (auto [present, field] : {std::pair{input.title.has_value(), "title"},
                                {input.serviceArea.has_value(), "service_area"},
                                {input.reference.has_value(), "reference"},
                                {input.startsOn.has_value(), "starts_on"}})
    if (!present)
      return fail(Errc::Invalid, Reason::Missing, std::string("'") + field + "' is required",
                  field);
  const auto now = formatIsoUtc(time_.now());
  row.createdAt = row.updatedAt = now;
  return store_.write([&](store::Writing& c) -> Result<store::ContractRow> {
    if (auto ok = validate(c, row); !ok) return std::unexpected(ok.error());
    row.id = store::insertContract(c, row);
    store::appendAudit(
        c,
        auditBy(&actor, "contract.create", "contract", std::to_string(row.id), contractDetail(row)),
        time_.now());
    return *store::findContract(c, store::TenantScope::system(), row.id);
  });
}

Result<store::ContractRow> ContractService::update(const store::Principal& actor, std::int64_t id,
                                                   const ContractInput& input) {
  return store_.write([&](store::Writing& c) -> Result<store::ContractRow> {
    auto row = contractFor(c, actor, id);
    if (!row) return std::unexpected(row.error());
    if (auto ok = requireManager(actor, *row, "change a contract"); !ok)
      return std::unexpected(ok.error());
    if (input.authorityId || input.providerId)
      return fail(Errc::Invalid, Reason::ContractPartiesFixed,
                  "the parties of a contract do not change; make a new contract",
                  input.providerId ? "provider_id" : "authority_id");
    apply(*row, input);
    row->updatedAt = formatIsoUtc(time_.now());
    if (auto ok = validate(c, *row); !ok) return std::unexpected(ok.error());
    store::updateContract(c, *row);
    store::appendAudit(
        c, auditBy(&actor, "contract.update", "contract", std::to_string(id), contractDetail(*row)),
        time_.now());
    return *store::findContract(c, store::TenantScope::system(), id);
  });
}

std::vector<store::ContractRow> ContractService::list(const store::Principal& viewer) {
  return store_.read(
      [&](store::Reading& c) { return store::listContracts(c, store::TenantScope::of(viewer)); });
}

store::Page<store::ContractRow> ContractService::page(const store::Principal& viewer,
                                                      store::PageSpan span) {
  return store_.read([&](store::Reading& c) {
    const auto scope = store::TenantScope::of(viewer);
    return store::Page<store::ContractRow>{store::listContracts(c, scope, span),
                                           store::countContracts(c, scope)};
  });
}

Result<store::ContractRow> ContractService::get(const store::Principal& viewer, std::int64_t id) {
  return store_.read([&](store::Reading& c) { return contractFor(c, viewer, id); });
}

}  // namespace sv::services
