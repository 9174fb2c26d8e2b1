// Reading an HTML form body (application/x-www-form-urlencoded): the names and values a browser
// sends when a plain form is submitted. A name may come several times (checkboxes, multiple
// selects); values keep their order.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "workflows/result.hpp"

namespace sv::http {

class FormBody {
 public:
  // Malformed when a percent escape is broken; "+" is a space, as browsers encode it.
  static Result<FormBody> parse(const std::string& body);

  // The first value of the name, or empty when the form has no such field.
  std::string value(const std::string& name) const;
  std::vector<std::string> values(const std::string& name) const;
  bool has(const std::string& name) const;
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

}  // namespace sv::http
