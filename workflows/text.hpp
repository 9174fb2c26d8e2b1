// The project's one set of text helpers (trim, lines, UTF-8, control characters, lengths in
// characters), for every library: the domain's parsers and validators and the server's forms.
// Text is UTF-8 everywhere; these are the rules the validators enforce and the renderers rely on.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sv::text {

// Without leading and trailing spaces, tabs, CR and LF.
std::string_view trim(std::string_view s);
std::string trimmed(std::string_view s);  // the same, as a string of its own
bool isBlank(std::string_view s);
// Without leading and trailing spaces and tabs only: for HTTP's optional whitespace, and for
// values whose line breaks are left for a validator to refuse rather than quietly dropped.
std::string_view trimSpacesAndTabs(std::string_view s);

// One line of a text file, numbered from 1 so that errors can name it.
struct Line {
  int number;
  std::string_view text;  // without the line ending; trailing whitespace removed
};

// Splits on LF (a CR before it is dropped) and skips a leading UTF-8 byte order mark, since
// administrators edit configuration files with whatever editor they have.
std::vector<Line> splitLines(std::string_view text);

// Well-formed UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(std::string_view s);
// The text with every ill-formed sequence replaced by U+FFFD, so that output stays valid UTF-8
// even for a value that never went through validation.
std::string toValidUtf8(std::string_view s);
// Characters as a person counts them (code points), for limits stated in characters.
std::size_t countCharacters(std::string_view utf8);
// A C0 control character or DEL; with `allowNewlines`, tab, LF and CR are let through.
bool hasControlCharacters(std::string_view s, bool allowNewlines);

// 'like this': a value inside the English detail of an error.
std::string quoted(std::string_view s);

// A file name as plain ASCII: each character outside printable ASCII, and '"', '\\', '%', ';',
// becomes one '_'. For the quoted filename= of Content-Disposition and for file names in zip
// packages, which unzip tools read in the code page of their own (a zip without the UTF-8 flag).
std::string asciiFileName(std::string_view name);

}  // namespace sv::text
