// A contract's document repository, readable with plain git over HTTP (the dumb protocol):
//   git clone http://anything:TOKEN@host/git/contract-12.git
// Only people who may see the contract may clone it; anyone else gets 404, as for the API.
#include <charconv>

#include "server/api/api.hpp"

namespace sv::api {
namespace {

Result<std::int64_t> contractIdOf(const std::string& repository) {
  std::int64_t id = 0;
  const std::string prefix = "contract-";
  if (!repository.starts_with(prefix) || !repository.ends_with(".git"))
    return fail(Errc::NotFound, "no such repository");
  const auto digits = repository.substr(prefix.size(), repository.size() - prefix.size() - 4);
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (ec != std::errc{} || p != digits.data() + digits.size() || id <= 0)
    return fail(Errc::NotFound, "no such repository");
  return id;
}

http::Handler serveFile(Services& s, std::string fixedPath) {
  return [&s, fixedPath](http::Request& req) -> Result<http::Reply> {
    auto id = contractIdOf(req.pathParams.at("repository"));
    if (!id) return std::unexpected(id.error());
    if (auto contract = s.contracts.get(req.principal(), *id); !contract)
      return std::unexpected(contract.error());
    std::string path = fixedPath;
    if (path.empty())
      path = "objects/" + req.pathParams.at("dir") + "/" + req.pathParams.at("file");
    auto bytes = s.store.documents().dumbHttpFile(services::AgendaService::repositoryOf(*id), path);
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
