// DocumentStore::checkRepositories: git against the database, read only (after a move of the
// metadata into PostgreSQL, say, where the new database must name what the repositories hold).
#include <map>

#include "server/store/database.hpp"
#include "server/store/documents.hpp"
#include "server/store/git.hpp"

namespace sv::store {

std::vector<std::string> DocumentStore::checkRepositories() {
  struct Named {
    std::map<std::string, std::string> heads;
    std::vector<std::array<std::string, 3>> versions;  // repository, document, commit
    std::vector<std::array<std::string, 4>> tags;      // repository, tag, commit, number
  };
  // One snapshot: the heads, versions and tags of the same moment.
  const Named named = db_.read([](Reading& c) {
    Named out;
    auto heads = c.prepare("SELECT name, head FROM repositories");
    while (heads.step()) out.heads.emplace(heads.text(0), heads.text(1));
    auto versions = c.prepare("SELECT repository, document, version FROM document_versions");
    while (versions.step())
      out.versions.push_back({versions.text(0), versions.text(1), versions.text(2)});
    auto tags = c.prepare(
        "SELECT repository, tag, version, number FROM registry UNION ALL "
        "SELECT repository, tag, version, number FROM report_registry UNION ALL "
        "SELECT repository, tag, version, number FROM annual_registry");
    while (tags.step())
      out.tags.push_back({tags.text(0), tags.text(1), tags.text(2), tags.text(3)});
    return out;
  });
  std::vector<std::string> findings;
  std::map<std::string, git::Repository> open;
  const auto repository = [&](const std::string& name) -> git_repository* {
    auto it = open.find(name);
    if (it == open.end()) {
      auto repo = git::open(pathOf(name));
      if (!repo) return nullptr;
      it = open.emplace(name, std::move(*repo)).first;
    }
    return it->second.get();
  };
  for (const auto& [name, head] : named.heads) {
    git_repository* repo = repository(name);
    if (!repo) {
      findings.push_back(name + ": no repository at " + pathOf(name).string());
      continue;
    }
    if (!git::commitExists(repo, head))
      findings.push_back(name + ": the recorded head " + head + " is not in the repository");
    else if (const auto branch = git::branchTarget(repo); branch != head)
      findings.push_back(name + ": the branch is at " + branch.value_or("(none)") +
                         ", the database says " + head);
  }
  for (const auto& [name, document, version] : named.versions) {
    git_repository* repo = repository(name);
    if (repo && !git::commitExists(repo, version))
      findings.push_back(name + ": " + document + "'s version " + version +
                         " is not in the repository");
  }
  for (const auto& [name, tag, version, number] : named.tags) {
    git_repository* repo = repository(name);
    if (repo && git::tagTarget(repo, tag) != version)
      findings.push_back(name + ": the tag " + tag + " of " + number + " does not name " + version);
  }
  return findings;
}

}  // namespace sv::store
