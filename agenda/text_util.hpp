// What the agenda's files and keys allow beyond the project's text helpers (workflows/text.hpp).
// Internal to sv_agenda: not part of its public API, so the server does not include this header.
#pragma once

#include <string_view>

namespace sv::agenda {

// A stable machine key: [a-z0-9_]+, so keys never need quoting in files, URLs or JSON.
bool isKey(std::string_view s);

}  // namespace sv::agenda
