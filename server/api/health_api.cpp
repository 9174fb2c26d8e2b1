#include "server/api/api.hpp"

namespace sv::api {

void registerHealth(http::Router& router, Services& services) {
  router.add({"GET",
              "/healthz",
              http::Access::Public,
              [&services](http::Request&) -> Result<http::Reply> {
                // Liveness includes the database: a server that cannot read it is not alive.
                const auto version = services.store.schemaVersion();
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
