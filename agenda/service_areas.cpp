#include "agenda/service_areas.hpp"

#include <algorithm>
#include <set>

#include "agenda/text_util.hpp"
#include "workflows/text.hpp"

namespace sv::agenda {
namespace {

std::string at(int line) {
  return "line " + std::to_string(line) + ": ";
}

}  // namespace

Result<std::vector<ServiceArea>> parseServiceAreas(std::string_view text) {
  if (!text::isValidUtf8(text)) return fail(Errc::Malformed, "service areas are not UTF-8 text");
  std::vector<ServiceArea> areas;
  std::set<std::string, std::less<>> seen;
  for (const auto& line : text::splitLines(text)) {
    const std::string_view content = text::trim(line.text);
    if (content.empty() || content.front() == '#') continue;
    const auto gap = content.find_first_of(" \t");
    const std::string_view key = content.substr(0, gap);
    const std::string_view name =
        gap == std::string_view::npos ? std::string_view{} : text::trim(content.substr(gap));
    if (!isKey(key))
      return fail(Errc::Invalid,
                  at(line.number) + "service area key " + text::quoted(key) +
                      " may only hold a-z, 0-9 and _",
                  std::string(key));
    if (name.empty())
      return fail(Errc::Invalid, Reason::Missing,
                  at(line.number) + "service area " + text::quoted(key) + " has no name",
                  std::string(key));
    if (text::hasControlCharacters(name, false))
      return fail(
          Errc::Invalid, Reason::ControlCharacter,
          at(line.number) + "the name of " + text::quoted(key) + " holds control characters",
          std::string(key));
    if (!seen.emplace(key).second)
      return fail(Errc::Invalid, Reason::DuplicateKey,
                  at(line.number) + "service area " + text::quoted(key) + " is listed twice",
                  std::string(key));
    areas.push_back({std::string(key), std::string(name)});
  }
  if (areas.empty()) return fail(Errc::Invalid, Reason::Missing, "no service areas are listed");
  return areas;
}

const ServiceArea* findServiceArea(std::span<const ServiceArea> areas, std::string_view key) {
  const auto it = std::ranges::find(areas, key, &ServiceArea::key);
  return it == areas.end() ? nullptr : &*it;
}

}  // namespace sv::agenda
