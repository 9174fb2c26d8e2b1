// PDF/A for the archive, made by ghostscript from the protocol's PDF.
#pragma once

#include <string>

#include "workflows/result.hpp"

namespace sv::services {

// PDF/A-2b. Runs `gs` (Debian's ghostscript) on temporary files; no shell is involved.
Result<std::string> convertToPdfA(const std::string& pdf, const std::string& title);

}  // namespace sv::services
