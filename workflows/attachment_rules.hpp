// Attachments (bilagor): what a file is, judged by its bytes, and the name it is kept under.
// Plain C++ over the bytes a person sent; the store keeps them, the server serves them.
//
// The name a person gives says nothing about a file (an HTML page renamed `.pdf` is still HTML, and
// a browser that sniffs would run its scripts), so the type is read from the content: the magic
// bytes of PDF, PNG and JPEG, the entries of the zip behind DOCX, XLSX, ODT and ODS, and text that
// is valid UTF-8 without control characters. Everything else, HTML, executables and scripts among
// it, is refused.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "workflows/result.hpp"

namespace sv::workflows {

enum class AttachmentType { Pdf, Docx, Xlsx, Odt, Ods, Png, Jpeg, Text };

// "application/pdf", "text/plain; charset=utf-8", …: what the file is served as.
std::string_view mediaTypeOf(AttachmentType type);
// "pdf", "docx", …, "txt": the extension a name gets when its own does not fit the content.
std::string_view extensionOf(AttachmentType type);
// The type named by mediaTypeOf, read back from the store's column; Internal for anything else.
Result<AttachmentType> attachmentTypeOf(std::string_view mediaType);

// The type of a file from its bytes.
// Errors: Invalid/Missing (no bytes), Invalid/AttachmentTypeNotAllowed with `value` naming what
// was seen ("html", "executable", "script", "zip", "unknown").
Result<AttachmentType> detectAttachmentType(std::string_view bytes);

// The longest name kept: 120 characters, and at most 180 bytes so that the repository's file
// `<sha256>-<name>` stays within the 255 bytes a file system allows for a checkout.
inline constexpr std::size_t kMostNameCharacters = 120;
inline constexpr std::size_t kMostNameBytes = 180;

// The name a file is listed and downloaded under: the last part of whatever path it came with,
// valid UTF-8 without control or bidirectional-override characters, without `..`, the characters
// Windows reserves (<>:"/\|?*) or leading and trailing dots and spaces, shortened to the limits
// above with its extension kept; the content's extension is added when the name's does not fit it.
// Never empty ("bilaga.<ext>"). The download header encodes it (http::asciiFileName).
std::string safeAttachmentName(std::string_view original, AttachmentType type);

}  // namespace sv::workflows
