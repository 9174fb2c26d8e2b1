// The minutes as canonical JSON: the structured document kept in git next to the Markdown
// protocol, and the body of GET/PUT …/minutes. Canonical means: fixed key order, two-space
// indentation, one list item per line, non-ASCII text as UTF-8 (not \u escapes), a trailing
// newline, so equal minutes give equal bytes and `git diff` shows one line per changed item.
#pragma once

#include <string>
#include <string_view>

#include "minutes/minutes.hpp"
#include "workflows/result.hpp"

namespace sv::minutes {

// The value of the "format" key; fromJson refuses any other.
inline constexpr int kMinutesJsonFormat = 1;

// Never fails. Instants are written in UTC ("2026-03-12T12:00:00Z", with a fraction of a second
// only when there is one), dates as "2026-06-30", a missing date as null. Ill-formed UTF-8 in a
// string (possible only in a value that never went through applyEdit) is written as U+FFFD.
std::string toJson(const Minutes& minutes);

// fromJson(toJson(m)) == m for every m whose text is well-formed UTF-8 and whose dates are each
// ok() or Date{} (written as null).
// Errors:
//   Errc::Malformed  not JSON (syntax, ill-formed UTF-8, nesting deeper than 16), a value of the
//                    wrong JSON type, a missing key or an unknown key; `field` names the place
//                    when there is one ("sections[2].observations", "header.meeting_id").
//   Errc::Invalid    a value of the right type that is not allowed: unknown party/role/outcome,
//                    a date or instant that does not parse, a § number that is not its position
//                    + 1, an integer out of range, a format other than kMinutesJsonFormat;
//                    `field` like "sections[3].actions[0].due_date" (indexes count from 0).
// Every key must be present (lists may be empty; registry_number, due_date and new_due_date
// may be null), except an attendee's additional_roles, which toJson writes only when there are
// any and which the versions stored before it never have. Rules about content (lengths, ids, the
// agenda's sections, roles given twice) are applyEdit's.
Result<Minutes> fromJson(std::string_view json);

// The minutes under `member` of a JSON object, such as the body of PUT …/minutes
// ({"minutes": {…}}): the text is parsed once and read straight into Minutes.
// Errors: fromJson's (fields named from the minutes' root, as there); Errc::Malformed when the
// text is empty, not JSON or not an object; Errc::Invalid/Missing (field = member) when the
// member is absent or not an object.
Result<Minutes> fromJsonMember(std::string_view json, const std::string& member);

}  // namespace sv::minutes
