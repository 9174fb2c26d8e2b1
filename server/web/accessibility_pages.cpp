// GET /tillganglighet: the accessibility statement (tillgänglighetsredogörelse) that the act on
// accessibility of digital public services (lagen 2018:1937) requires, linked from the footer of
// every page and readable without logging in.
#include "server/web/pages.hpp"

namespace sv::web {

void registerAccessibilityPages(http::Router& router, Services&) {
  addPage(
      router, "GET", "/tillganglighet",
      [](http::Request& req) {
        return render(req,
                      Page{.title = "Tillgänglighetsredogörelse", .templateName = "accessibility"});
      },
      Login::Optional);
}

}  // namespace sv::web
