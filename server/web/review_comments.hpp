// The comments of a review (workflows/review_comments.hpp) as the pages show them: each beside the
// part it is about (§ 6 of the minutes), the general ones above the text, with how each was
// handled. The edit page gives every open comment a field for the writer's word on it, saved with
// the document; the protocol page shows the provider, at the next review, what became of each.
// Follow-up reports' fact-checking will show its comments the same way.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "server/http/form_body.hpp"
#include "server/web/pages.hpp"
#include "workflows/review_comments.hpp"

namespace sv::web {

struct ReviewCommentsView {
  std::vector<review::Comment> all;
  // The edit page: open comments get a field for how they were handled, holding what was typed
  // (from a refused save) and marked when it is the invalid one.
  bool handleable = false;
  const http::FormBody* typed = nullptr;
  std::string invalidId;
};

// "comment-12-how": the edit form's field for how comment 12 was handled.
std::string handlingFieldId(std::int64_t commentId);

// `review_comments` (the comments on `part`, "" for the whole document, oldest first),
// `has_review_comments` and `open_review_comments` (how many are not handled) of one part.
void addReviewComments(Data& data, const ReviewCommentsView& view, const std::string& part);

// The handlings an edit form gives, for the comments of `all` still open: id and the text, with
// blank fields left out (a comment not dealt with yet).
std::vector<std::pair<std::int64_t, std::string>> handlingsOf(
    const http::FormBody& form, const std::vector<review::Comment>& all);

// The comments a return form gives: "comment" is the general one (not among these), each
// "section-<n>" a comment on § n; blank ones are dropped by review::checkComments.
std::vector<review::NewComment> returnCommentsOf(const http::FormBody& form);

}  // namespace sv::web
