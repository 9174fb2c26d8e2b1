#include "server/api/api.hpp"
#include "server/services/health.hpp"

namespace sv::api {

void registerHealth(http::Router& router, Services& services) {
  router.add({"GET",
              "/healthz",
              http::Access::Public,
              [&services](http::Request&) -> Result<http::Reply> {
                const auto version = services::liveSchemaVersion(services.store);
                auto body = http::orderedObject();
                body.set("status", "ok");
                body.set("schema_version", version);
                return http::Reply::json(body);
              },
              {.operationId = "getHealth",
               .summary = "Liveness: answers without login",
               .tag = "system",
               .responseSchema = "Health"}});
}

}  // namespace sv::api
