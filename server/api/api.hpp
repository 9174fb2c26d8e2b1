// The JSON API under /api/v1: each file registers the routes of one resource.
#pragma once

#include "server/api/services.hpp"
#include "server/http/router.hpp"

namespace sv::api {

void registerHealth(http::Router& router, Services& services);
void registerSession(http::Router& router, Services& services);
void registerOrganizations(http::Router& router, Services& services);
void registerUsers(http::Router& router, Services& services);
void registerAudit(http::Router& router, Services& services);
void registerContracts(http::Router& router, Services& services);
void registerMeetings(http::Router& router, Services& services);
void registerAgenda(http::Router& router, Services& services);
void registerMinutes(http::Router& router, Services& services);
void registerLifecycle(http::Router& router, Services& services);
void registerActions(http::Router& router, Services& services);
void registerGit(http::Router& router, Services& services);
void registerStatic(http::Router& router, Services& services);
void registerWebPages(http::Router& router, Services& services);  // server/web/, in Swedish
// Last: describes every route registered before it.
void registerOpenApi(http::Router& router, Services& services);

inline void registerAll(http::Router& router, Services& services) {
  registerHealth(router, services);
  registerSession(router, services);
  registerOrganizations(router, services);
  registerUsers(router, services);
  registerAudit(router, services);
  registerContracts(router, services);
  registerMeetings(router, services);
  registerAgenda(router, services);
  registerMinutes(router, services);
  registerLifecycle(router, services);
  registerActions(router, services);
  registerGit(router, services);
  registerStatic(router, services);
  registerWebPages(router, services);
  registerOpenApi(router, services);
}

}  // namespace sv::api
