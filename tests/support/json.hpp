// Small JSON helpers for the integration tests: a request body from fields, and reading answers.
#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cstdint>
#include <initializer_list>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace sv::test {

inline const std::string kDemoPassword = "samverkan-demo";

using Fields = std::initializer_list<std::pair<std::string, Poco::Dynamic::Var>>;

inline std::string body(Fields fields) {
  Poco::JSON::Object object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [k, v] : fields) object.set(k, v);
  std::ostringstream out;
  object.stringify(out);
  return out.str();
}

inline Poco::JSON::Object::Ptr object(const std::string& text) {
  Poco::JSON::Parser parser;
  return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
}

inline Poco::JSON::Array::Ptr array(const std::string& text) {
  Poco::JSON::Parser parser;
  return parser.parse(text).extract<Poco::JSON::Array::Ptr>();
}

inline Poco::JSON::Object::Ptr at(const Poco::JSON::Array::Ptr& a, std::size_t i) {
  return a->getObject(static_cast<unsigned>(i));
}

inline std::string text(const Poco::JSON::Object::Ptr& o, const std::string& key) {
  return o->getValue<std::string>(key);
}

inline std::int64_t number(const Poco::JSON::Object::Ptr& o, const std::string& key) {
  return o->getValue<std::int64_t>(key);
}

// The body of a minutes save: the document of a minutes answer with the notes of the given §§
// (numbered from 1) replaced.
inline std::string minutesWithNotes(const Poco::JSON::Object::Ptr& answer,
                                    const std::vector<std::pair<int, std::string>>& notes) {
  std::ostringstream original;
  answer->getObject("minutes")->stringify(original);
  const auto document = object(original.str());
  const auto sections = document->getArray("sections");
  for (const auto& [number, text] : notes)
    sections->getObject(static_cast<unsigned>(number - 1))->set("notes", text);
  Poco::JSON::Object out;
  out.set("minutes", document);
  std::ostringstream saved;
  out.stringify(saved);
  return saved.str();
}

// The notes of § `number` in a minutes answer.
inline std::string minutesNotes(const Poco::JSON::Object::Ptr& answer, int number) {
  return text(
      at(answer->getObject("minutes")->getArray("sections"), static_cast<std::size_t>(number - 1)),
      "notes");
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace sv::test
