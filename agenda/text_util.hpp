// Small text helpers shared by the parsers and renderers of this library. Internal to sv_agenda:
// not part of its public API, so the server does not include this header.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sv::agenda::text {

// One line of a configuration file, numbered from 1 so that errors can name it.
struct Line {
  int number;
  std::string_view text;  // without the line ending; trailing whitespace removed
};

// Splits on LF (a CR before it is dropped) and skips a leading UTF-8 byte order mark, since
// administrators edit these files with whatever editor they have.
std::vector<Line> splitLines(std::string_view text);

std::string_view trim(std::string_view s);
bool isBlank(std::string_view s);

bool isValidUtf8(std::string_view s);
// Characters as a person counts them (code points), for length limits stated in characters.
std::size_t countCharacters(std::string_view utf8);
// True when s holds a C0 control character or DEL; `allowNewlines` lets LF, CR and TAB through.
bool hasControlCharacters(std::string_view s, bool allowNewlines);

// A stable machine key: [a-z0-9_]+, so keys never need quoting in files, URLs or JSON.
bool isKey(std::string_view s);

std::string quoted(std::string_view s);  // 'like this', for error details

}  // namespace sv::agenda::text
