// A contract's document repository, file by file, for plain git over HTTP (the dumb protocol):
// `git clone http://user:TOKEN@host/git/contract-12.git`. Only people who may see the contract
// may read it; for anyone else the repository does not exist, as for the API.
#pragma once

#include <string>

#include "server/store/store.hpp"
#include "workflows/principal.hpp"
#include "workflows/result.hpp"

namespace sv::services {

// `repository` as the URL names it ("contract-12.git"); `path` inside the bare repository
// ("HEAD", "info/refs", "objects/info/packs", "objects/ab/cdef…", "objects/pack/…").
// Errors: NotFound (no such repository, a contract the viewer may not see, or no such file).
Result<std::string> repositoryFile(store::Store& store, const Principal& viewer,
                                   const std::string& repository, const std::string& path);

}  // namespace sv::services
