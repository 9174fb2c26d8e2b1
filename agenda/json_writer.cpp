#include "agenda/json_writer.hpp"

#include <cstdio>

namespace sv::agenda::json {

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
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
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", unsigned{c});
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

void Writer::indent() {
  out_.append(2 * levels_.size(), ' ');
}

void Writer::beforeValue() {
  if (afterKey_) {
    afterKey_ = false;
    return;
  }
  if (!levels_.empty()) {
    out_ += levels_.back().empty ? "\n" : ",\n";
    levels_.back().empty = false;
    indent();
  }
}

Writer& Writer::key(std::string_view name) {
  out_ += levels_.back().empty ? "\n" : ",\n";
  levels_.back().empty = false;
  indent();
  out_ += quote(name) + ": ";
  afterKey_ = true;
  return *this;
}

void Writer::beginObject() {
  beforeValue();
  out_ += '{';
  levels_.push_back({false, true});
}

void Writer::beginArray() {
  beforeValue();
  out_ += '[';
  levels_.push_back({true, true});
}

void Writer::close(char bracket) {
  const bool wasEmpty = levels_.back().empty;
  levels_.pop_back();
  if (!wasEmpty) {
    out_ += '\n';
    indent();
  }
  out_ += bracket;
}

void Writer::endObject() {
  close('}');
}
void Writer::endArray() {
  close(']');
}

void Writer::value(std::string_view s) {
  beforeValue();
  out_ += quote(s);
}

void Writer::value(long long n) {
  beforeValue();
  out_ += std::to_string(n);
}

void Writer::value(bool b) {
  beforeValue();
  out_ += b ? "true" : "false";
}

void Writer::null() {
  beforeValue();
  out_ += "null";
}

std::string Writer::finish() {
  return std::move(out_) + "\n";
}

}  // namespace sv::agenda::json
