// The project's one JSON writer, for the documents kept in git (the agenda's agenda.json, the
// minutes' JSON). The layout is part of the format: it decides what `git diff` shows, and the
// bytes of a stored version must come out the same when it is written again, so the writer has
// one fixed layout (two-space indent, one member per line, or a whole container on one line) and
// one escaping. Reading JSON stays with Poco's parser.
#pragma once

#include <concepts>
#include <string>
#include <string_view>
#include <vector>

namespace sv::json {

// `s` as a JSON string, appended to `out`. Valid JSON for any bytes: ill-formed UTF-8 becomes
// U+FFFD (text::toValidUtf8), '"' and '\' are escaped, and so is every C0 control character,
// as \n \r \t \b \f or else \u00XX in lower case. Everything else is kept as it is: '/', DEL
// and non-ASCII text (Swedish stays readable in git).
void appendString(std::string& out, std::string_view s);
std::string quote(std::string_view s);

class Writer {
 public:
  // Lines: every member or element on a line of its own, indented two spaces a level.
  // OneLine: {"a": 1, "b": [2, 3]}, for the items of a long list, one item to a line.
  // A container inside a OneLine container is on that line too.
  enum class Layout { Lines, OneLine };

  void beginObject(Layout layout = Layout::Lines);
  void endObject();
  void beginArray(Layout layout = Layout::Lines);
  void endArray();
  Writer& key(std::string_view name);  // inside an object, before its value
  void value(std::string_view s);
  void value(const char* s) { value(std::string_view(s)); }
  void value(bool b);
  template <std::integral T>
  requires(!std::same_as<T, bool>) void value(T n) { raw(std::to_string(n)); }
  // The shortest form that reads back as the same double (4.5, 12, 0.25); null when not finite.
  void value(double d);
  void null();

  // The document, ending in a newline.
  std::string finish();

 private:
  struct Level {
    bool oneLine;
    bool empty;
  };
  void beforeMember();
  void beforeValue();
  void begin(char bracket, Layout layout);
  void end(char bracket);
  void raw(std::string_view literal);

  std::string out_;
  std::vector<Level> levels_;
  bool afterKey_ = false;
};

}  // namespace sv::json
