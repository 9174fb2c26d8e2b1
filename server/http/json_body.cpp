#include "server/http/json_body.hpp"

#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>

#include <cmath>
#include <limits>

namespace sv::http {
namespace {

std::unexpected<Error> wrongType(const std::string& field, const char* expected) {
  return fail(Errc::Malformed, "'" + field + "' must be " + expected, field);
}

}  // namespace

Result<JsonBody> JsonBody::parse(const std::string& body) {
  if (body.empty()) return fail(Errc::Malformed, "the request has no JSON body");
  try {
    Poco::JSON::Parser parser;
    Poco::Dynamic::Var value = parser.parse(body);
    if (value.type() != typeid(Poco::JSON::Object::Ptr))
      return fail(Errc::Malformed, "the body must be a JSON object");
    return JsonBody(value.extract<Poco::JSON::Object::Ptr>());
  } catch (const Poco::Exception& e) {
    return fail(Errc::Malformed, "the body is not valid JSON");
  }
}

bool JsonBody::has(const std::string& field) const {
  return object_->has(field) && !object_->isNull(field);
}

Result<std::optional<std::string>> JsonBody::optionalString(const std::string& field) const {
  if (!has(field)) return std::optional<std::string>{};
  const auto value = object_->get(field);
  if (!value.isString()) return wrongType(field, "a string");
  return std::optional<std::string>(value.extract<std::string>());
}

Result<std::string> JsonBody::requiredString(const std::string& field) const {
  auto value = optionalString(field);
  if (!value) return std::unexpected(value.error());
  if (!*value) return fail(Errc::Invalid, "'" + field + "' is required", field);
  return **value;
}

Result<std::optional<std::int64_t>> JsonBody::optionalInt(const std::string& field) const {
  if (!has(field)) return std::optional<std::int64_t>{};
  const auto value = object_->get(field);
  if (value.isInteger()) {
    try {
      return std::optional<std::int64_t>(value.convert<std::int64_t>());
    } catch (const Poco::Exception&) {
      return wrongType(field, "an integer");
    }
  }
  if (value.isNumeric() && !value.isBoolean()) {
    const double d = value.convert<double>();
    if (std::floor(d) == d && std::abs(d) < 9.0e15)
      return std::optional<std::int64_t>(static_cast<std::int64_t>(d));
  }
  return wrongType(field, "an integer");
}

Result<std::int64_t> JsonBody::requiredInt(const std::string& field) const {
  auto value = optionalInt(field);
  if (!value) return std::unexpected(value.error());
  if (!*value) return fail(Errc::Invalid, "'" + field + "' is required", field);
  return **value;
}

Result<std::optional<bool>> JsonBody::optionalBool(const std::string& field) const {
  if (!has(field)) return std::optional<bool>{};
  const auto value = object_->get(field);
  if (!value.isBoolean()) return wrongType(field, "true or false");
  return std::optional<bool>(value.extract<bool>());
}

Result<std::vector<std::string>> JsonBody::stringArray(const std::string& field,
                                                       bool required) const {
  if (!has(field)) {
    if (required) return fail(Errc::Invalid, "'" + field + "' is required", field);
    return std::vector<std::string>{};
  }
  auto array = object_->getArray(field);
  if (!array) return wrongType(field, "an array of strings");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto v = array->get(static_cast<unsigned>(i));
    if (!v.isString()) return wrongType(field, "an array of strings");
    out.push_back(v.extract<std::string>());
  }
  return out;
}

}  // namespace sv::http
