// A small JSON writer with a fixed layout (two-space indent, one member per line, UTF-8 kept as
// is), so that stored JSON is byte-stable and diffs well in git. Internal to sv_agenda.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sv::agenda::json {

class Writer {
 public:
  void beginObject();
  void endObject();
  void beginArray();
  void endArray();
  Writer& key(std::string_view name);  // inside an object, before its value
  void value(std::string_view s);
  void value(const char* s) { value(std::string_view(s)); }
  void value(long long n);
  void value(int n) { value(static_cast<long long>(n)); }
  void value(bool b);
  void null();

  // The document, ending in a newline.
  std::string finish();

 private:
  struct Level {
    bool isArray;
    bool empty;
  };
  void beforeValue();
  void indent();
  void close(char bracket);

  std::string out_;
  std::vector<Level> levels_;
  bool afterKey_ = false;
};

std::string quote(std::string_view s);

}  // namespace sv::agenda::json
