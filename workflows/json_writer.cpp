#include "workflows/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

#include "workflows/text.hpp"

namespace sv::json {

// The short escapes are those the minutes' writer has always used: a stored version of the
// minutes is a git blob, and writing it again must give the same bytes.
void appendString(std::string& out, std::string_view s) {
  const std::string repaired = text::isValidUtf8(s) ? std::string() : text::toValidUtf8(s);
  const std::string_view valid = repaired.empty() ? s : std::string_view(repaired);
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (char c : valid) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (const auto u = static_cast<unsigned char>(c); u < 0x20) {
          out += "\\u00";
          out += kHex[u >> 4];
          out += kHex[u & 0xF];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

std::string quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  appendString(out, s);
  return out;
}

void Writer::beforeMember() {
  Level& level = levels_.back();
  if (level.oneLine) {
    if (!level.empty) out_ += ", ";
  } else {
    out_ += level.empty ? "\n" : ",\n";
    out_.append(2 * levels_.size(), ' ');
  }
  level.empty = false;
}

void Writer::beforeValue() {
  if (afterKey_) {
    afterKey_ = false;
    return;
  }
  if (!levels_.empty()) beforeMember();
}

Writer& Writer::key(std::string_view name) {
  beforeMember();
  appendString(out_, name);
  out_ += ": ";
  afterKey_ = true;
  return *this;
}

void Writer::begin(char bracket, Layout layout) {
  beforeValue();
  out_ += bracket;
  const bool inOneLine = !levels_.empty() && levels_.back().oneLine;
  levels_.push_back({inOneLine || layout == Layout::OneLine, true});
}

void Writer::end(char bracket) {
  const Level level = levels_.back();
  levels_.pop_back();
  if (!level.empty && !level.oneLine) {
    out_ += '\n';
    out_.append(2 * levels_.size(), ' ');
  }
  out_ += bracket;
}

void Writer::beginObject(Layout layout) {
  begin('{', layout);
}
void Writer::endObject() {
  end('}');
}
void Writer::beginArray(Layout layout) {
  begin('[', layout);
}
void Writer::endArray() {
  end(']');
}

void Writer::value(std::string_view s) {
  beforeValue();
  appendString(out_, s);
}

void Writer::value(bool b) {
  raw(b ? "true" : "false");
}

void Writer::value(double d) {
  if (!std::isfinite(d)) return null();
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d);
  raw(ec == std::errc{} ? std::string_view(buffer, static_cast<std::size_t>(end - buffer))
                        : std::string_view("null"));
}

void Writer::null() {
  raw("null");
}

void Writer::raw(std::string_view literal) {
  beforeValue();
  out_ += literal;
}

std::string Writer::finish() {
  out_ += '\n';
  return std::move(out_);
}

}  // namespace sv::json
