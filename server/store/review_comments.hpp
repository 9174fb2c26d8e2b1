// The comments of reviews in SQLite (migration 015): written inside the caller's transaction,
// each written once and handled once (triggers refuse anything else, and anything on a sealed
// document).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/store/transaction.hpp"
#include "workflows/review_comments.hpp"

namespace sv::store {

// Where the comments are: the document's repository and key, e.g. "contract-3",
// "meetings/12/minutes".
struct ReviewedDocument {
  std::string repository;
  std::string document;
};

// The new comment's id. `comment.handled` is ignored: a comment starts open.
std::int64_t insertReviewComment(Writing& c, const ReviewedDocument& d,
                                 const review::Comment& comment);

// The document's comments, oldest first, with the names of who wrote and who handled them.
std::vector<review::Comment> listReviewComments(Reading& c, const ReviewedDocument& d);

// One comment of the document; none for an id of another document (the caller answers 404).
std::optional<review::Comment> findReviewComment(Reading& c, const ReviewedDocument& d,
                                                 std::int64_t id);

// Records how an open comment was dealt with. False when it was handled already (by someone
// else in between): the caller answers Conflict.
bool handleReviewComment(Writing& c, std::int64_t id, const review::Handling& h);

}  // namespace sv::store
