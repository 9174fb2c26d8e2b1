// Steps that cannot be undone ask first (issue 19 point 4): registering minutes (diarieför),
// cancelling a meeting (ställ in) and returning minutes (skicka tillbaka); a case's plan returned
// and a case closed (issue 14) through confirmationPage. The first post of such
// a form answers a confirmation page that says what will happen, with a second form that posts
// the same fields again with confirm=ja; only that post does the step. Works without JavaScript.
//
// Each ask… function returns the confirmation page when the post is not yet confirmed and the
// step is one the person may take now; nullopt when the handler should go on (confirmed, or the
// step would fail anyway, so that the service's own error is shown at once).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "server/web/pages.hpp"

namespace sv::web {

// Whether the post carries confirm=ja.
bool confirmed(const http::FormBody& form);

// What a confirmation page says and carries; each ask… function fills one.
struct Confirmation {
  std::string title;  // the question, <title> and <h1>
  std::string what;   // the meeting, minutes or case it is about
  std::vector<std::string> consequences;
  // What the person wrote, shown again under its label ("Anledning", "§ 6 Avvikelser").
  std::vector<std::pair<std::string, std::string>> quotes;
  std::string action;                                       // where the confirmed form posts
  std::vector<std::pair<std::string, std::string>> fields;  // carried to the confirmed post
  std::string confirmLabel;                                 // "Ja, ställ in mötet"
  std::string back;                                         // where "Avbryt" leads
  std::string current;                                      // the navigation entry
};

// The confirmation page, for a step of another module (the event-driven case's return of a plan
// and closing, case_step_pages.cpp) that decides itself when to ask.
http::Reply confirmationPage(const http::Request& req, const Confirmation& c);

// POST /moten/{id}/stall-in with a reason.
std::optional<http::Reply> askToCancelMeeting(const http::Request& req, Services& s,
                                              std::int64_t meetingId, const http::FormBody& form);
// POST /moten/{id}/protokoll/skicka-tillbaka with a comment.
std::optional<http::Reply> askToReturnMinutes(const http::Request& req, Services& s,
                                              std::int64_t meetingId, const http::FormBody& form);
// POST /moten/{id}/protokoll/diariefor or /diariet/{id}/diariefor: `action` is the path posted
// to, so the confirmation posts back there and "Avbryt" leads back to `back`.
std::optional<http::Reply> askToRegisterMinutes(const http::Request& req, Services& s,
                                                std::int64_t meetingId, const http::FormBody& form,
                                                const std::string& action, const std::string& back);

}  // namespace sv::web
