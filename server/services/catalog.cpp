#include "server/services/catalog.hpp"

#include <fstream>
#include <sstream>

namespace sv::services {
namespace {

Result<std::string> readText(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return fail(Errc::Internal, "cannot read " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Error naming(const std::filesystem::path& file, const Error& e) {
  std::string detail = file.string() + ": " + e.detail;
  if (!e.field.empty()) detail += " (" + e.field + ")";
  return Error{Errc::Internal, detail};
}

}  // namespace

bool Catalog::hasServiceArea(const std::string& key) const {
  for (const auto& a : serviceAreas)
    if (a.key == key) return true;
  return false;
}

Result<Catalog> loadCatalog(const std::filesystem::path& configDir, agenda::PlanRule rule) {
  Catalog catalog;
  catalog.planRule = rule;
  const auto areasFile = configDir / "service_areas.txt";
  auto areasText = readText(areasFile);
  if (!areasText) return std::unexpected(areasText.error());
  auto areas = agenda::parseServiceAreas(*areasText);
  if (!areas) return std::unexpected(naming(areasFile, areas.error()));
  catalog.serviceAreas = std::move(*areas);

  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(configDir / "agendas", ec)) {
    if (entry.path().extension() != ".agenda") continue;
    auto text = readText(entry.path());
    if (!text) return std::unexpected(text.error());
    const std::string id = entry.path().stem().string();
    auto parsed = agenda::parseAgendaTemplate(id, *text);
    if (!parsed) return std::unexpected(naming(entry.path(), parsed.error()));
    catalog.templates.emplace(id, TemplateSource{std::move(*parsed), std::move(*text)});
  }
  if (ec) return fail(Errc::Internal, "cannot read " + (configDir / "agendas").string());
  if (!catalog.templates.contains(kDefaultTemplate))
    return fail(Errc::Internal, (configDir / "agendas").string() + " has no standard.agenda");
  return catalog;
}

}  // namespace sv::services
