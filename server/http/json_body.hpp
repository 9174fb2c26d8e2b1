// Reading a JSON request body into values, with the errors the API promises: 400 for a body that
// is not JSON or a field of the wrong type, 422 for a missing or invalid field, each naming it.
#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "workflows/result.hpp"

namespace sv::http {

class JsonBody {
 public:
  static Result<JsonBody> parse(const std::string& body);

  Result<std::string> requiredString(const std::string& field) const;
  Result<std::optional<std::string>> optionalString(const std::string& field) const;
  Result<std::int64_t> requiredInt(const std::string& field) const;
  Result<std::optional<std::int64_t>> optionalInt(const std::string& field) const;
  Result<std::optional<bool>> optionalBool(const std::string& field) const;
  Result<std::vector<std::string>> stringArray(const std::string& field, bool required) const;
  bool has(const std::string& field) const;
  const Poco::JSON::Object& object() const { return *object_; }
  Poco::JSON::Object::Ptr ptr() const { return object_; }

 private:
  explicit JsonBody(Poco::JSON::Object::Ptr o) : object_(std::move(o)) {}
  Poco::JSON::Object::Ptr object_;
};

}  // namespace sv::http
