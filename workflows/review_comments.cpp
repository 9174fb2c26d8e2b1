#include "workflows/review_comments.hpp"

#include <algorithm>

#include "workflows/text.hpp"

namespace sv::review {
namespace {

// One free text of a review, as every free-text field of the server is checked.
Status checkText(const std::string& text, const std::string& field) {
  if (!text::isValidUtf8(text))
    return fail(Errc::Invalid, Reason::InvalidUtf8, "the text is not valid UTF-8", field);
  if (text::hasControlCharacters(text, true))
    return fail(Errc::Invalid, Reason::ControlCharacter, "the text holds a control character",
                field);
  if (text::countCharacters(text) > kMaxCommentLength)
    return fail(Errc::Invalid, Reason::TooLong, "at most 20 000 characters", field,
                std::to_string(kMaxCommentLength));
  return {};
}

}  // namespace

Result<std::vector<NewComment>> checkComments(std::vector<NewComment> comments,
                                              const std::set<std::string>& parts) {
  std::erase_if(comments, [](const NewComment& c) { return text::isBlank(c.text); });
  if (comments.size() > kMaxCommentsAtOnce)
    return fail(Errc::Invalid, Reason::OutOfRange, "at most 100 comments at once", "comments",
                std::to_string(kMaxCommentsAtOnce));
  for (std::size_t i = 0; i < comments.size(); ++i) {
    const std::string at = "comments[" + std::to_string(i) + "]";
    const auto& c = comments[i];
    if (!c.part.empty() && !parts.contains(c.part))
      return fail(Errc::Invalid, Reason::UnknownChoice,
                  "the document has no part " + text::quoted(c.part), at + ".section", c.part);
    if (auto ok = checkText(c.text, at + ".text"); !ok) return std::unexpected(ok.error());
  }
  return comments;
}

Status checkHandling(const std::string& how) {
  if (text::isBlank(how))
    return fail(Errc::Invalid, Reason::Missing, "say how the comment was dealt with", "how");
  return checkText(how, "how");
}

std::vector<Comment> openComments(const std::vector<Comment>& all) {
  std::vector<Comment> open;
  std::ranges::copy_if(all, std::back_inserter(open),
                       [](const Comment& c) { return !c.handled.has_value(); });
  return open;
}

}  // namespace sv::review
