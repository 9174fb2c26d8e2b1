// The minutes edit page's side of "typed text is never lost" (issue 19 point 5): a save posted
// after the session ended is kept (services/kept_forms.hpp) and the person sent to log in, then
// back to the edit page with their text; and the page says how long the session lasts (a script
// warns a few minutes before and renews it with "Fortsätt").
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "server/web/pages.hpp"

namespace sv::web {

// The query parameter of the edit page that names a kept form to give back.
inline constexpr const char* kKeptFormParam = "sparad-text";

// POST …/redigera without a session: keeps the form when it proves its owner and sends the
// person to log in, back to the edit page afterwards; otherwise to the login page as any page.
http::Reply keepFormAndLogIn(const http::Request& req, Services& s, std::int64_t meetingId);

// The kept form named by the edit page's query, given back to the viewer: the fields as posted.
// None when the query names none, or none that is the viewer's (it was restored, or expired).
std::optional<http::FormBody> restoredForm(const http::Request& req, Services& s,
                                           std::int64_t meetingId);

// What the edit page shows about the session and kept text: owner (the hidden field that proves
// whose a kept form is), session.until / idle_seconds / warn_seconds, and kept_form.{when,link}
// when the viewer has text kept from an earlier session that was not given back yet.
void addSessionData(Data& data, const http::Request& req, Services& s, std::int64_t meetingId,
                    bool restoring);

}  // namespace sv::web
