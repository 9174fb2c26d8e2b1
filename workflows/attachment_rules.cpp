#include "workflows/attachment_rules.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>
#include <vector>

#include "workflows/text.hpp"

namespace sv::workflows {
namespace {

std::uint32_t little(std::string_view s, std::size_t at, std::size_t width) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < width; ++i)
    v |= static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + i])) << (8 * i);
  return v;
}

// The names in a zip's central directory (the local headers may leave their sizes to a data
// descriptor, the directory never does). Empty when the archive cannot be read.
std::vector<std::string_view> zipEntries(std::string_view z) {
  constexpr std::size_t kEnd = 22;  // the end-of-central-directory record without its comment
  if (z.size() < kEnd) return {};
  const std::size_t earliest = z.size() > kEnd + 0xFFFF ? z.size() - kEnd - 0xFFFF : 0;
  std::optional<std::size_t> end;
  for (std::size_t at = z.size() - kEnd + 1; at-- > earliest;)
    if (z.substr(at, 4) == std::string_view("PK\x05\x06", 4)) {
      end = at;
      break;
    }
  if (!end) return {};
  const std::size_t count = little(z, *end + 10, 2);
  std::size_t at = little(z, *end + 16, 4);
  std::vector<std::string_view> names;
  for (std::size_t i = 0; i < count; ++i) {
    if (at + 46 > z.size() || z.substr(at, 4) != std::string_view("PK\x01\x02", 4)) return {};
    const std::size_t name = little(z, at + 28, 2), extra = little(z, at + 30, 2),
                      comment = little(z, at + 32, 2);
    if (at + 46 + name > z.size()) return {};
    names.push_back(z.substr(at + 46, name));
    at += 46 + name + extra + comment;
  }
  return names;
}

// ODF puts an uncompressed `mimetype` entry first, so its media type sits at a known place.
std::string_view odfMediaType(std::string_view z) {
  if (z.size() < 30) return {};
  const std::size_t method = little(z, 8, 2), size = little(z, 18, 4), name = little(z, 26, 2),
                    extra = little(z, 28, 2);
  if (method != 0 || z.substr(30, name) != "mimetype") return {};
  if (30 + name + extra + size > z.size()) return {};
  return z.substr(30 + name + extra, size);
}

Result<AttachmentType> zipType(std::string_view z) {
  const auto odf = odfMediaType(z);
  if (odf == "application/vnd.oasis.opendocument.text") return AttachmentType::Odt;
  if (odf == "application/vnd.oasis.opendocument.spreadsheet") return AttachmentType::Ods;
  const auto names = zipEntries(z);
  const auto has = [&](std::string_view n) { return std::ranges::find(names, n) != names.end(); };
  const auto under = [&](std::string_view folder) {
    return std::ranges::any_of(names, [&](std::string_view n) { return n.starts_with(folder); });
  };
  if (has("[Content_Types].xml")) {
    if (under("word/")) return AttachmentType::Docx;
    if (under("xl/")) return AttachmentType::Xlsx;
  }
  return fail(Errc::Invalid, Reason::AttachmentTypeNotAllowed,
              "a zip archive that is neither DOCX, XLSX, ODT nor ODS", "file", "zip");
}

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// What a browser's sniffing (WHATWG MIME Sniffing, "identifying a resource with an unknown MIME
// type") would take for HTML or XML, after leading white space.
bool looksLikeMarkup(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' ||
                        s.front() == '\n' || s.front() == '\f'))
    s.remove_prefix(1);
  const std::string head = lowered(s.substr(0, 16));
  static constexpr std::array kTags{
      "<!doctype html", "<html", "<head",  "<script", "<iframe", "<h1",   "<div", "<font",
      "<table",         "<a",    "<style", "<title",  "<b",      "<body", "<br",  "<p",
      "<!--",           "<?xml", "<svg"};
  for (std::string_view tag : kTags) {
    if (!head.starts_with(tag)) continue;
    if (tag == "<!--" || tag == "<?xml") return true;
    if (head.size() == tag.size()) return true;
    const char after = head[tag.size()];
    if (after == ' ' || after == '>' || after == '\t' || after == '\n' || after == '\r' ||
        after == '/')
      return true;
  }
  return false;
}

bool isText(std::string_view s) {
  return text::isValidUtf8(s) && !text::hasControlCharacters(s, /*allowNewlines*/ true);
}

}  // namespace

std::string_view mediaTypeOf(AttachmentType type) {
  switch (type) {
    case AttachmentType::Pdf:
      return "application/pdf";
    case AttachmentType::Docx:
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    case AttachmentType::Xlsx:
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    case AttachmentType::Odt:
      return "application/vnd.oasis.opendocument.text";
    case AttachmentType::Ods:
      return "application/vnd.oasis.opendocument.spreadsheet";
    case AttachmentType::Png:
      return "image/png";
    case AttachmentType::Jpeg:
      return "image/jpeg";
    case AttachmentType::Text:
      return "text/plain; charset=utf-8";
  }
  return "application/octet-stream";
}

std::string_view extensionOf(AttachmentType type) {
  switch (type) {
    case AttachmentType::Pdf:
      return "pdf";
    case AttachmentType::Docx:
      return "docx";
    case AttachmentType::Xlsx:
      return "xlsx";
    case AttachmentType::Odt:
      return "odt";
    case AttachmentType::Ods:
      return "ods";
    case AttachmentType::Png:
      return "png";
    case AttachmentType::Jpeg:
      return "jpg";
    case AttachmentType::Text:
      return "txt";
  }
  return "bin";
}

Result<AttachmentType> attachmentTypeOf(std::string_view mediaType) {
  for (auto t :
       {AttachmentType::Pdf, AttachmentType::Docx, AttachmentType::Xlsx, AttachmentType::Odt,
        AttachmentType::Ods, AttachmentType::Png, AttachmentType::Jpeg, AttachmentType::Text})
    if (mediaTypeOf(t) == mediaType) return t;
  return fail(Errc::Internal, "an attachment's stored type is unknown: " + text::quoted(mediaType));
}

Result<AttachmentType> detectAttachmentType(std::string_view b) {
  if (b.empty()) return fail(Errc::Invalid, Reason::Missing, "the file is empty", "file");
  const auto refuse = [](std::string what, std::string detail) {
    return fail(Errc::Invalid, Reason::AttachmentTypeNotAllowed, std::move(detail), "file",
                std::move(what));
  };
  if (b.starts_with("%PDF-")) return AttachmentType::Pdf;
  if (b.starts_with(std::string_view("\x89PNG\r\n\x1a\n", 8))) return AttachmentType::Png;
  if (b.starts_with("\xFF\xD8\xFF")) return AttachmentType::Jpeg;
  if (b.starts_with(std::string_view("PK\x03\x04", 4))) return zipType(b);
  if (b.starts_with("\x7F"
                    "ELF") ||
      b.starts_with("MZ") || b.starts_with("\xCF\xFA\xED\xFE") || b.starts_with("\xCA\xFE\xBA\xBE"))
    return refuse("executable", "an executable program");
  if (b.starts_with("#!")) return refuse("script", "a script");
  if (looksLikeMarkup(b)) return refuse("html", "HTML or XML, which a browser could run");
  if (isText(b)) return AttachmentType::Text;
  return refuse("unknown",
                "not one of the allowed types (PDF, DOCX, XLSX, ODT, ODS, PNG, "
                "JPEG, text)");
}

namespace {

// One code point's bytes at the start of valid UTF-8.
std::size_t codePointLength(unsigned char b) {
  if (b < 0x80) return 1;
  if (b < 0xE0) return 2;
  if (b < 0xF0) return 3;
  return 4;
}

bool isDroppedCodePoint(std::string_view cp) {
  const auto b0 = static_cast<unsigned char>(cp[0]);
  if (cp.size() == 1) return b0 < 0x20 || b0 == 0x7F;
  if (cp.size() == 2 && b0 == 0xC2) {  // C1 controls U+0080–U+009F
    const auto b1 = static_cast<unsigned char>(cp[1]);
    return b1 < 0xA0;
  }
  // Bidirectional overrides and isolates turn "gpj.exe" into what reads as "exe.jpg".
  static constexpr std::array kBidi{"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066",
                                    "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\uFEFF"};
  return std::ranges::any_of(kBidi, [&](std::string_view x) { return x == cp; });
}

std::vector<std::string_view> codePoints(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t at = 0; at < s.size();) {
    const std::size_t n =
        std::min(codePointLength(static_cast<unsigned char>(s[at])), s.size() - at);
    out.push_back(s.substr(at, n));
    at += n;
  }
  return out;
}

bool extensionFits(std::string_view ext, AttachmentType type) {
  const std::string e = lowered(ext);
  switch (type) {
    case AttachmentType::Jpeg:
      return e == "jpg" || e == "jpeg";
    case AttachmentType::Text:
      return e == "txt" || e == "csv" || e == "md" || e == "log";
    default:
      return e == extensionOf(type);
  }
}

std::string trimDotsAndSpaces(std::string s) {
  const auto keep = s.find_first_not_of(". ");
  if (keep == std::string::npos) return {};
  s.erase(0, keep);
  s.erase(s.find_last_not_of(". ") + 1);
  return s;
}

// The stem cut at a code point so that stem + suffix keeps both limits.
std::string shortened(const std::string& stem, std::string_view suffix) {
  const std::size_t suffixChars = text::countCharacters(suffix);
  std::string out;
  std::size_t chars = 0;
  for (auto cp : codePoints(stem)) {
    if (chars + 1 + suffixChars > kMostNameCharacters ||
        out.size() + cp.size() + suffix.size() > kMostNameBytes)
      break;
    out += cp;
    ++chars;
  }
  return trimDotsAndSpaces(std::move(out));
}

}  // namespace

std::string safeAttachmentName(std::string_view original, AttachmentType type) {
  const std::string valid = text::toValidUtf8(original);
  std::string_view last = valid;
  if (const auto slash = last.find_last_of("/\\"); slash != std::string_view::npos)
    last.remove_prefix(slash + 1);
  std::string name;
  for (auto cp : codePoints(last)) {
    if (isDroppedCodePoint(cp)) continue;
    if (cp.size() == 1 && std::string_view("<>:\"|?*").find(cp[0]) != std::string_view::npos) {
      name += '_';
      continue;
    }
    name += cp;
  }
  // ".." anywhere becomes one dot, so no part of the name can be read as a step up.
  for (auto at = name.find(".."); at != std::string::npos; at = name.find("..", at))
    name.erase(at, 1);
  name = trimDotsAndSpaces(std::move(name));

  std::string stem = name, ext;
  if (const auto dot = name.rfind('.'); dot != std::string::npos && dot > 0) {
    stem = name.substr(0, dot);
    ext = name.substr(dot + 1);
  }
  std::string suffix;
  if (!ext.empty() && extensionFits(ext, type)) {
    suffix = "." + ext;
  } else {
    if (!ext.empty()) stem = name;  // "rapport.txt" that is a PDF: "rapport.txt.pdf"
    suffix = "." + std::string(extensionOf(type));
  }
  if (suffix.size() > 16) suffix = "." + std::string(extensionOf(type));
  stem = shortened(stem, suffix);
  if (stem.empty()) stem = "bilaga";
  return stem + suffix;
}

}  // namespace sv::workflows
