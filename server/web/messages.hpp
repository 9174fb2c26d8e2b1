// Errors from the services, in Swedish for the person at the form. The services speak English
// to programmers (problem+json); this is the one place that turns their details into words a
// user reads. A detail without a translation still gives a useful sentence from its code.
#pragma once

#include <string>
#include <string_view>

#include "workflows/result.hpp"

namespace sv::web {

// "Datum och tid" for "starts_at"; "Deltagare" for "participants[2].user_id".
std::string fieldLabel(std::string_view field);

// "Kontrollera fältet Rubrik. Ange en rubrik." for Invalid with field "title", and so on.
std::string swedishMessage(const Error& error);

}  // namespace sv::web
