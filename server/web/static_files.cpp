// Style sheets and scripts of the pages, compiled into the binary (server/web/static/).
#include <map>

#include "server/web/pages.hpp"

namespace sv::web::assets {
const std::map<std::string, std::string_view>& files();
}

namespace sv::web {

void registerStaticFiles(http::Router& router) {
  router.add({"GET",
              "/static/{file}",
              http::Access::Public,
              [](http::Request& req) -> Result<http::Reply> {
                const auto& assets = sv::web::assets::files();
                const auto it = assets.find("web/static/" + req.pathParams.at("file"));
                if (it == assets.end()) return fail(Errc::NotFound, "no such file");
                const auto& name = it->first;
                const std::string type = name.ends_with(".css")  ? "text/css; charset=utf-8"
                                         : name.ends_with(".js") ? "text/javascript; charset=utf-8"
                                                                 : "application/octet-stream";
                return http::Reply::text(std::string(it->second), type)
                    .header("Cache-Control", "public, max-age=3600");
              },
              {.operationId = "getStatic",
               .summary = "A style sheet or script of the web pages",
               .tag = "system",
               .responseType = "text/css"}});

  // Browsers ask for /favicon.ico on every site whatever the pages say; answering it keeps
  // 404s for it out of the log.
  router.add({"GET",
              "/favicon.ico",
              http::Access::Public,
              [](http::Request&) -> Result<http::Reply> {
                const auto& assets = sv::web::assets::files();
                const auto it = assets.find("web/static/favicon.ico");
                if (it == assets.end()) return fail(Errc::NotFound, "no such file");
                return http::Reply::text(std::string(it->second), "image/x-icon")
                    .header("Cache-Control", "public, max-age=86400");
              },
              {.operationId = "getFavicon",
               .summary = "The site's icon",
               .tag = "system",
               .responseType = "image/x-icon"}});
}

}  // namespace sv::web
