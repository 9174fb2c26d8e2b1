// The pieces the edit forms of documents (the minutes, the follow-up report) show their fields
// with: a field with its id, name, value and whether it is the one an error names, and an option
// of a select. Shared by minutes_form.cpp and report_form.cpp.
#pragma once

#include <string>

#include "server/web/page.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::web::form {

inline Data field(const std::string& id, const std::string& value, const std::string& invalidId) {
  Data d;
  d.set("id", id);
  d.set("name", id);
  d.set("value", value);
  d.set("invalid", !invalidId.empty() && id == invalidId);
  return d;
}

inline Data option(const std::string& value, const std::string& label, bool selected) {
  Data d;
  d.set("value", value);
  d.set("label", label);
  d.set("selected", selected);
  return d;
}

// A date as a date field's value: YYYY-MM-DD, or empty when none is set.
inline std::string dateText(const Date& d) {
  return d.ok() ? formatDate(d) : std::string();
}

}  // namespace sv::web::form
