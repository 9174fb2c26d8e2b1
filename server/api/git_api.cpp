// A contract's document repository, readable with plain git over HTTP (the dumb protocol):
//   git clone http://anything:TOKEN@host/git/contract-12.git
// Only people who may see the contract may clone it; anyone else gets 404, as for the API.
#include "server/api/api.hpp"
#include "server/services/repository_files.hpp"

namespace sv::api {
namespace {

http::Handler serveFile(Services& s, std::string fixedPath) {
  return [&s, fixedPath](http::Request& req) -> Result<http::Reply> {
    std::string path = fixedPath;
    if (path.empty())
      path = "objects/" + req.pathParams.at("dir") + "/" + req.pathParams.at("file");
    auto bytes =
        services::repositoryFile(s.store, req.principal(), req.pathParams.at("repository"), path);
    if (!bytes) return std::unexpected(bytes.error());
    return http::Reply::text(std::move(*bytes),
                             path.starts_with("objects/") && path != "objects/info/packs"
                                 ? "application/x-git-loose-object"
                                 : "text/plain; charset=utf-8");
  };
}

}  // namespace

void registerGit(http::Router& router, Services& s) {
  const std::string base = "/git/{repository}";
  for (const auto& [suffix, file, id, summary] :
       {std::tuple{"/HEAD", "HEAD", "gitHead", "git (dumb HTTP): HEAD"},
        {"/info/refs", "info/refs", "gitInfoRefs", "git (dumb HTTP): the refs"},
        {"/objects/info/packs", "objects/info/packs", "gitPacks", "git (dumb HTTP): the packs"},
        {"/objects/{dir}/{file}", "", "gitObject", "git (dumb HTTP): an object or pack file"}}) {
    router.add({"GET",
                base + suffix,
                http::Access::LoggedIn,
                serveFile(s, file),
                {.operationId = id,
                 .summary = std::string(summary) +
                            "; clone with http://user:TOKEN@host/git/contract-{id}.git",
                 .tag = "git",
                 .responseType = "application/octet-stream"}});
  }
}

}  // namespace sv::api
