// Comments in a review: what one party says about a document the other party wrote, part by part,
// and how the writer dealt with each. The provider's comments on returned minutes use it (a
// comment per §, and one on the minutes as a whole); fact-checking a follow-up report
// (faktagranskning, DESIGN.md "The follow-up around the meetings") is the same exchange on another
// document, so nothing here knows what a § is: a part is the document's own name for a piece of
// it ("6" for § 6 of the minutes), empty for the whole.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "workflows/party.hpp"
#include "workflows/result.hpp"

namespace sv::review {

inline constexpr std::size_t kMaxCommentLength = 20000;  // characters of one comment
inline constexpr std::size_t kMaxCommentsAtOnce = 100;   // comments given in one return

struct NewComment {
  std::string part;  // empty: the document as a whole
  std::string text;
};

// How the writer dealt with a comment: who, when, and in their words what was done (or why
// nothing was).
struct Handling {
  std::int64_t userId = 0;
  std::string userName;
  std::string how;
  std::string at;
};

struct Comment {
  std::int64_t id = 0;
  std::string part;
  std::string version;  // the version the comment was made on
  std::int64_t userId = 0;
  std::string userName;
  Party party = Party::Provider;
  std::string text;
  std::string createdAt;
  std::optional<Handling> handled;
};

// The comments of one return, checked before anything is written: blank ones dropped (an empty
// field of the form is no comment), the rest each at most kMaxCommentLength characters of valid
// UTF-8 and on a part the document has. Errors: Invalid/TooLong (value: the limit, field:
// "comments[i].text"), Invalid/InvalidUtf8, Invalid/ControlCharacter, Invalid/UnknownChoice
// (field "comments[i].section", as the API names a part; value: the part), Invalid/OutOfRange (more
// than kMaxCommentsAtOnce, value: the limit).
Result<std::vector<NewComment>> checkComments(std::vector<NewComment> comments,
                                              const std::set<std::string>& parts);

// The writer's word on how a comment was dealt with: one to kMaxCommentLength characters.
// Errors: Invalid/Missing (field "how"), Invalid/TooLong, Invalid/InvalidUtf8,
// Invalid/ControlCharacter.
Status checkHandling(const std::string& how);

// The comments not handled yet, in the order given.
std::vector<Comment> openComments(const std::vector<Comment>& all);

}  // namespace sv::review
