// Errors from the services, in Swedish for the person at the form. The services speak English
// to programmers (problem+json); this is the one place that turns an error into words a user
// reads, chosen by the error's Reason (and its value and field), never by its English detail.
// A reason without words of its own still gives a useful sentence from its code.
#pragma once

#include <string>
#include <string_view>

#include "workflows/result.hpp"

namespace sv::web {

// "Datum och tid" for "starts_at"; "Deltagare" for "participants[2].user_id".
std::string fieldLabel(std::string_view field);

// "Kontrollera fältet Rubrik. Ange en rubrik." for Invalid with field "title", and so on.
std::string swedishMessage(const Error& error);

// The same for the follow-up report's forms: its steps ("send_for_fact_check", "register", …)
// in the report's words, everything else as swedishMessage.
std::string swedishReportMessage(const Error& error);

// The same for the event-driven case's forms (case_messages.cpp): its fields ("occurred_on",
// "plan_due_on", "items[2].responsible") and steps in the case's words, everything else as
// swedishMessage. `textLabel` names the form's "text" field: "Anteckning", "Analys", ….
std::string swedishCaseMessage(const Error& error, std::string_view textLabel = "Text");

}  // namespace sv::web
