// The page modules of the web interface, each registering its own routes, and the few helpers
// they share for showing domain values in Swedish. registerWebPages (server/api/api.hpp) calls
// the modules; a new journey adds a module here and one call in web_pages.cpp.
#pragma once

#include <chrono>
#include <string>

#include "server/api/services.hpp"
#include "server/http/router.hpp"
#include "server/store/contracts.hpp"
#include "server/web/page.hpp"

namespace sv::web {

void registerLoginPages(http::Router& router, api::Services& services);     // login_pages.cpp
void registerContractPages(http::Router& router, api::Services& services);  // contract_pages.cpp
void registerMeetingPages(http::Router& router, api::Services& services);   // meeting_pages.cpp
void registerMinutesPages(http::Router& router, api::Services& services);   // minutes_pages.cpp
void registerActionPages(http::Router& router, api::Services& services);    // action_pages.cpp
void registerRegistryPages(http::Router& router, api::Services& services);  // registry_pages.cpp
void registerAdminPages(http::Router& router, api::Services& services);     // admin_pages.cpp

// "2026-03-12 kl. 13.00" for a stored UTC instant; the text itself when it does not parse.
std::string swedishDateTime(const std::string& isoUtc);
// "09:05", as a time input holds a time of day (minutes after midnight).
std::string timeOfDay(std::chrono::minutes minutes);
// A contract's facts for a template: id, title, reference, authority, provider, service_area
// (its Swedish name), period, meetings_per_year.
Data contractData(const store::ContractRow& contract, const services::Catalog& catalog);

// A post that failed, to show on the page again: the Swedish message, the status that goes with
// the error, and the HTML id of the field to correct (empty for none).
FormError formError(std::string form, const Error& error, std::string fieldId,
                    http::FormBody posted);

}  // namespace sv::web
