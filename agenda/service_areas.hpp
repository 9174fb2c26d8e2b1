// The service areas (verksamhetsområden) a contract can be about, read from
// config/service_areas.txt. The server reads the file and passes its text; nothing here touches
// the file system.
//
// File format: one area per line, a key, whitespace, then the Swedish name as shown to people.
//   # Verksamhetsområden
//   vard_och_omsorgsboende   Vård- och omsorgsboende
// Blank lines and lines starting with '#' are ignored. Keys are [a-z0-9_]+ and unique; the key is
// what contracts store, so renaming an area means editing its name, never its key.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "workflows/result.hpp"

namespace sv::agenda {

struct ServiceArea {
  std::string key;   // vard_och_omsorgsboende
  std::string name;  // Vård- och omsorgsboende
};

// Errors: Errc::Malformed when the text is not UTF-8; Errc::Invalid when a line breaks a rule
// (bad key, missing name, duplicate key, no areas at all). The detail starts with "line N:" and
// `field` holds the offending key when there is one. Order of the file is kept.
Result<std::vector<ServiceArea>> parseServiceAreas(std::string_view text);

// The area with this key, or nullptr. The pointer is into `areas`.
const ServiceArea* findServiceArea(std::span<const ServiceArea> areas, std::string_view key);

}  // namespace sv::agenda
