#include "server/store/review_comments.hpp"

#include "agenda/agenda.hpp"

namespace sv::store {
namespace {

constexpr const char* kCommentColumns =
    "SELECT r.id, r.part, r.version, r.user_id, u.name, r.party, r.text, r.created_at, "
    "r.handled_by, COALESCE(h.name, ''), r.handling, r.handled_at FROM review_comments r "
    "JOIN users u ON u.id = r.user_id LEFT JOIN users h ON h.id = r.handled_by "
    "WHERE r.repository = ?1 AND r.document = ?2 ";

review::Comment readComment(Statement& s) {
  review::Comment out;
  out.id = s.int64(0);
  out.part = s.text(1);
  out.version = s.text(2);
  out.userId = s.int64(3);
  out.userName = s.text(4);
  out.party = agenda::parseParty(s.text(5)).value_or(Party::Provider);
  out.text = s.text(6);
  out.createdAt = s.text(7);
  if (const auto by = s.optionalInt64(8))
    out.handled = review::Handling{*by, s.text(9), s.optionalText(10).value_or(""), s.text(11)};
  return out;
}

}  // namespace

std::int64_t insertReviewComment(Writing& c, const ReviewedDocument& d,
                                 const review::Comment& comment) {
  c.prepare(
       "INSERT INTO review_comments (repository, document, part, version, user_id, party, text, "
       "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
      .bindAll(d.repository, d.document, comment.part, comment.version, comment.userId,
               agenda::toString(comment.party), comment.text, comment.createdAt)
      .run();
  return c.lastInsertId();
}

std::vector<review::Comment> listReviewComments(Reading& c, const ReviewedDocument& d) {
  auto s = c.prepare(std::string(kCommentColumns) + "ORDER BY r.id");
  s.bindAll(d.repository, d.document);
  std::vector<review::Comment> out;
  while (s.step()) out.push_back(readComment(s));
  return out;
}

std::optional<review::Comment> findReviewComment(Reading& c, const ReviewedDocument& d,
                                                 std::int64_t id) {
  auto s = c.prepare(std::string(kCommentColumns) + "AND r.id = ?3");
  s.bindAll(d.repository, d.document, id);
  if (!s.step()) return std::nullopt;
  return readComment(s);
}

bool handleReviewComment(Writing& c, std::int64_t id, const review::Handling& h) {
  c.prepare(
       "UPDATE review_comments SET handled_by = ?2, handling = ?3, handled_at = ?4 "
       "WHERE id = ?1 AND handled_at IS NULL")
      .bindAll(id, h.userId, h.how, h.at)
      .run();
  return c.changes() > 0;
}

}  // namespace sv::store
