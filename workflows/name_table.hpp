// An enum's text form as one table, looked up both ways. Each library keeps its own names (the
// words of its JSON, files and database columns); the two loops over the table are written here
// once:
//
//   constexpr NameTable<Role, 2> kRoles{{{Role::Chair, "chair"}, {Role::Adjuster, "adjuster"}}};
//   nameIn(kRoles, Role::Chair)  // "chair"
//   valueIn(kRoles, "adjuster")  // Role::Adjuster; nullopt for a name not in the table
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace sv {

template <class E, std::size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

// `fallback` for a value the table does not list (only a table missing a value can give it).
template <class E, std::size_t N>
constexpr std::string_view nameIn(const NameTable<E, N>& table, E value,
                                  std::string_view fallback = {}) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return fallback;
}

template <class E, std::size_t N>
constexpr std::optional<E> valueIn(const NameTable<E, N>& table, std::string_view name) {
  for (const auto& [v, n] : table)
    if (n == name) return v;
  return std::nullopt;
}

}  // namespace sv
