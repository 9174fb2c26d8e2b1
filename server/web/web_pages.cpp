// The web interface's routes (app/routes.cpp registers them beside the JSON API's), and the
// display helpers the page modules share.
#include "server/http/problem.hpp"
#include "server/web/messages.hpp"
#include "server/web/pages.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::web {

std::string swedishDateTime(const std::string& isoUtc) {
  const auto t = parseDateTime(isoUtc);
  return t ? formatSwedishDateTime(*t) : isoUtc;
}

std::string timeOfDay(std::chrono::minutes m) {
  const auto h = m.count() / 60;
  const auto min = m.count() % 60;
  // Appended piece by piece: `"0" + std::to_string(h)` inserts at the front of a temporary,
  // which GCC 12 reports as a false -Wrestrict in Release (GCC bug 105329).
  std::string out;
  if (h < 10) out += '0';
  out += std::to_string(h);
  out += ':';
  if (min < 10) out += '0';
  out += std::to_string(min);
  return out;
}

Data contractData(const store::ContractRow& c, const services::Catalog& catalog) {
  Data out;
  out.set("id", std::to_string(c.id));
  out.set("title", c.title);
  out.set("reference", c.reference);
  out.set("authority", c.authorityName);
  out.set("provider", c.providerName);
  const auto* area = agenda::findServiceArea(catalog.serviceAreas, c.serviceArea);
  out.set("service_area", area ? area->name : c.serviceArea);
  out.set("period", c.endsOn ? c.startsOn + " – " + *c.endsOn : "från " + c.startsOn);
  out.set("meetings_per_year", std::to_string(c.meetingsPerYear));
  return out;
}

FormError formError(std::string form, const Error& error, std::string fieldId,
                    http::FormBody posted) {
  return FormError{std::move(form), swedishMessage(error), std::move(fieldId), std::move(posted),
                   http::statusOf(error.code)};
}

void registerWebPages(http::Router& router, Services& services) {
  installPageErrors(router);
  registerLoginPages(router, services);
  registerOidcPages(router, services);
  registerContractPages(router, services);
  registerMeetingPages(router, services);
  registerAttachmentPages(router, services);
  registerMinutesPages(router, services);
  registerMinutesEditPages(router, services);
  registerMinutesHistoryPages(router, services);
  registerReportPages(router, services);
  registerReportReviewPages(router, services);
  registerReportEditPages(router, services);
  registerReportAttachmentPages(router, services);
  registerCasePages(router, services);
  registerAnnualPages(router, services);
  registerAnnualRecordPages(router, services);
  registerCaseStepPages(router, services);
  registerCasePlanPages(router, services);
  registerActionPages(router, services);
  registerRegistryPages(router, services);
  registerAdminPages(router, services);
  registerAdminMailPages(router, services);
  registerAccessibilityPages(router, services);
  registerSettingsPages(router, services);
  registerStartPages(router, services);
}

}  // namespace sv::web
