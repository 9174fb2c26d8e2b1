// Internal: reading the documents' JSON (the minutes, the follow-up report) key by key with
// Poco's parsed values, so each error names its field ("sections[2].notes"). Shared by the
// readers of sv_minutes; not part of its public API.
#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "workflows/clock.hpp"
#include "workflows/result.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::minutes::detail {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

// A document's JSON text parsed, nested at most `depth` levels, so a hostile body cannot exhaust
// the stack. Errors: Malformed.
inline Result<Var> parseJsonText(std::string_view json, std::size_t depth) {
  try {
    Poco::JSON::Parser parser;
    parser.setDepth(depth);
    // Var converts to anything, the Result too: say which construction is meant.
    return Result<Var>(std::in_place, parser.parse(std::string(json)));
  } catch (const Poco::Exception& e) {
    return fail(Errc::Malformed, "not valid JSON: " + e.message());
  }
}

// The document in the member `member` of a request body ({"report": {…}}), parsed one level
// deeper than the document itself. Errors: Malformed (no body, not JSON, not an object),
// Invalid/Missing (field `member`: absent or not an object).
inline Result<Var> parseJsonMember(std::string_view json, const std::string& member,
                                   std::size_t depth) {
  if (json.empty()) return fail(Errc::Malformed, "the request has no JSON body");
  auto root = parseJsonText(json, depth + 1);
  if (!root) return std::unexpected(root.error());
  if (root->type() != typeid(Poco::JSON::Object::Ptr))
    return fail(Errc::Malformed, "the body must be a JSON object");
  const auto object = root->extract<Poco::JSON::Object::Ptr>();
  if (!object->has(member) || object->get(member).type() != typeid(Poco::JSON::Object::Ptr))
    return fail(Errc::Invalid, Reason::Missing, "'" + member + "' is required", member);
  return Result<Var>(std::in_place, object->get(member));
}

inline std::string child(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

inline std::string element(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

// One JSON object and where it is; each getter names the field it fails on.
class Fields {
 public:
  // `keys` must all be there; `optionalKeys` may be left out (read them with optionalString).
  static Result<Fields> open(const Var& value, std::string path,
                             std::initializer_list<std::string_view> keys,
                             std::initializer_list<std::string_view> optionalKeys = {}) {
    if (value.type() != typeid(Object::Ptr) || value.extract<Object::Ptr>().isNull())
      return fail(Errc::Malformed, "expected an object", path);
    Fields fields(value.extract<Object::Ptr>(), std::move(path));
    for (std::string_view key : keys)
      if (!fields.object_->has(std::string(key)))
        return fail(Errc::Malformed, "missing key", child(fields.path_, key));
    for (const auto& entry : *fields.object_)
      if (std::find(keys.begin(), keys.end(), entry.first) == keys.end() &&
          std::find(optionalKeys.begin(), optionalKeys.end(), entry.first) == optionalKeys.end())
        return fail(Errc::Malformed, "unknown key", child(fields.path_, entry.first));
    return fields;
  }

  const std::string& path() const { return path_; }
  std::string field(std::string_view key) const { return child(path_, key); }
  Var get(std::string_view key) const { return object_->get(std::string(key)); }

  Result<std::string> string(std::string_view key) const {
    const Var v = get(key);
    if (!v.isString()) return fail(Errc::Malformed, "expected a string", field(key));
    return v.extract<std::string>();
  }

  Result<std::optional<std::string>> optionalString(std::string_view key) const {
    if (get(key).isEmpty()) return std::optional<std::string>();
    return string(key);
  }

  Result<bool> boolean(std::string_view key) const {
    const Var v = get(key);
    if (v.type() != typeid(bool))
      return fail(Errc::Malformed, "expected true or false", field(key));
    return v.extract<bool>();
  }

  Result<std::int64_t> integer(std::string_view key) const {
    const Var v = get(key);
    if (v.isEmpty() || v.type() == typeid(bool) || !v.isInteger())
      return fail(Errc::Malformed, "expected an integer", field(key));
    try {
      return static_cast<std::int64_t>(v.convert<Poco::Int64>());
    } catch (const Poco::Exception&) {
      return fail(Errc::Invalid, Reason::OutOfRange, "the integer is out of range", field(key));
    }
  }

  Result<std::optional<Date>> optionalDate(std::string_view key) const {
    if (get(key).isEmpty()) return std::optional<Date>();
    auto text = string(key);
    if (!text) return std::unexpected(text.error());
    auto date = parseDate(*text);
    if (!date)
      return fail(Errc::Invalid, Reason::NotADate, "a date is written YYYY-MM-DD", field(key),
                  "YYYY-MM-DD");
    return std::optional<Date>(*date);
  }

  // A date that may be null; null is Date{}.
  Result<Date> dateOrNone(std::string_view key) const {
    auto date = optionalDate(key);
    if (!date) return std::unexpected(date.error());
    return date->value_or(Date{});
  }

  Result<TimePoint> instant(std::string_view key) const;

  template <class E>
  Result<E> keyword(std::string_view key, std::optional<E> (*parse)(std::string_view),
                    std::string_view what) const {
    auto text = string(key);
    if (!text) return std::unexpected(text.error());
    if (auto value = parse(*text)) return *value;
    return fail(Errc::Invalid, "unknown " + std::string(what) + " '" + *text + "'", field(key));
  }

  Result<Array::Ptr> array(std::string_view key) const {
    const Var v = get(key);
    if (v.type() != typeid(Array::Ptr) || v.extract<Array::Ptr>().isNull())
      return fail(Errc::Malformed, "expected a list", field(key));
    return v.extract<Array::Ptr>();
  }

 private:
  Fields(Object::Ptr object, std::string path)
      : object_(std::move(object)), path_(std::move(path)) {}
  Object::Ptr object_;
  std::string path_;
};

// "2026-03-12T12:00:00Z", optionally with a fraction of a second ("…:00.25Z"); parseDateTime
// reads the rest, so an offset (+01:00) is accepted too.
inline Result<TimePoint> Fields::instant(std::string_view key) const {
  auto text = string(key);
  if (!text) return std::unexpected(text.error());
  std::string whole = *text;
  std::chrono::nanoseconds fraction{0};
  if (whole.size() > 20 && whole[19] == '.') {
    std::size_t end = 20;
    while (end < whole.size() && end < 29 && whole[end] >= '0' && whole[end] <= '9') ++end;
    std::string digits = whole.substr(20, end - 20);
    if (digits.empty())
      return fail(Errc::Invalid, Reason::NotADate, "a time is written 2026-03-12T12:00:00Z",
                  field(key), "2026-03-12T12:00:00Z");
    digits.resize(9, '0');
    long long ns = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), ns);
    fraction = std::chrono::nanoseconds{ns};
    whole.erase(19, end - 19);
  }
  auto parsed = parseDateTime(whole);
  if (!parsed)
    return fail(Errc::Invalid, Reason::NotADate, "a time is written 2026-03-12T12:00:00Z",
                field(key), "2026-03-12T12:00:00Z");
  return *parsed + std::chrono::duration_cast<Clock::duration>(fraction);
}

// Reads every element of a list with `read(value, path)`.
template <class T, class F>
Result<std::vector<T>> readList(const Fields& parent, std::string_view key, F read) {
  auto list = parent.array(key);
  if (!list) return std::unexpected(list.error());
  std::vector<T> out;
  out.reserve((*list)->size());
  for (std::size_t i = 0; i < (*list)->size(); ++i) {
    auto item = read((*list)->get(static_cast<unsigned>(i)), element(parent.field(key), i));
    if (!item) return std::unexpected(item.error());
    out.push_back(std::move(*item));
  }
  return out;
}

// Unwraps a Result into `target`, or returns its error from the enclosing function.
#define SV_READ(target, expr)                                          \
  do {                                                                 \
    auto sv_read_value = (expr);                                       \
    if (!sv_read_value) return std::unexpected(sv_read_value.error()); \
    target = std::move(*sv_read_value);                                \
  } while (false)

}  // namespace sv::minutes::detail
