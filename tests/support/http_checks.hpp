// The checks every integration test makes of an answer: the status it must have, a problem+json
// that says what went wrong, and the JSON of a success.
#pragma once

#include <catch2/catch.hpp>

#include "support/json.hpp"
#include "support/server_process.hpp"

namespace sv::test {

inline Poco::JSON::Object::Ptr requireProblem(const HttpResult& r, int status) {
  INFO(r.status << " " << r.body);
  REQUIRE(r.status == status);
  CHECK(r.header("content-type") == "application/problem+json");
  const auto problem = object(r.body);
  CHECK(problem->getValue<int>("status") == status);
  CHECK_FALSE(text(problem, "title").empty());
  CHECK_FALSE(text(problem, "detail").empty());
  return problem;
}

// A problem+json answer with this status that names the field it refuses.
inline Poco::JSON::Object::Ptr requireProblem(const HttpResult& r, int status,
                                              const std::string& field) {
  const auto problem = requireProblem(r, status);
  REQUIRE(problem->has("field"));
  CHECK(text(problem, "field") == field);
  return problem;
}

inline Poco::JSON::Object::Ptr requireOk(const HttpResult& r, int status = 200) {
  INFO(r.status << " " << r.body);
  REQUIRE(r.status == status);
  return object(r.body);
}

inline Poco::JSON::Array::Ptr requireArray(const HttpResult& r) {
  INFO(r.status << " " << r.body);
  REQUIRE(r.status == 200);
  return array(r.body);
}

}  // namespace sv::test
