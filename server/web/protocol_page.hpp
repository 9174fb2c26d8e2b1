// The protocol as a page of its own: for the screen, for printing, and for the archive.
#pragma once

#include <string>

namespace sv::web {

// A whole HTML document around a protocol <article>; `title` is plain text.
std::string protocolPage(const std::string& title, const std::string& article);

}  // namespace sv::web
