#include "server/web/review_comments.hpp"

#include "server/web/words.hpp"
#include "workflows/text.hpp"

namespace sv::web {
namespace {

constexpr std::string_view kSectionField = "section-";

Data commentData(const review::Comment& c, const ReviewCommentsView& view) {
  Data d;
  d.set("id", std::to_string(c.id));
  d.set("anchor", "synpunkt-" + std::to_string(c.id));
  d.set("name", c.userName);
  d.set("party", partyWord(c.party));
  d.set("when", swedishDateTime(c.createdAt));
  d.set("version", shortVersion(c.version));
  d.set("text", c.text);
  d.set("handled", c.handled.has_value());
  if (c.handled) {
    Data h;
    h.set("name", c.handled->userName);
    h.set("when", swedishDateTime(c.handled->at));
    h.set("how", c.handled->how);
    d.set("handling", h);
  } else if (view.handleable) {
    const std::string id = handlingFieldId(c.id);
    Data f;
    f.set("id", id);
    f.set("name", id);
    f.set("value", view.typed ? view.typed->value(id) : std::string());
    f.set("invalid", view.invalidId == id);
    d.set("how_field", f);
  }
  return d;
}

}  // namespace

std::string handlingFieldId(std::int64_t commentId) {
  return "comment-" + std::to_string(commentId) + "-how";
}

void addReviewComments(Data& data, const ReviewCommentsView& view, const std::string& part) {
  auto comments = list();
  int open = 0;
  for (const auto& c : view.all) {
    if (c.part != part) continue;
    comments.push_back(commentData(c, view));
    if (!c.handled) ++open;
  }
  data.set("has_review_comments", !comments.is_empty_list());
  data.set("review_comments", comments);
  data.set("open_review_comments", std::to_string(open));
}

std::vector<std::pair<std::int64_t, std::string>> handlingsOf(
    const http::FormBody& form, const std::vector<review::Comment>& all) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  for (const auto& c : all) {
    if (c.handled) continue;
    const std::string how = form.value(handlingFieldId(c.id));
    if (!text::isBlank(how)) out.emplace_back(c.id, multiLine(how));
  }
  return out;
}

std::vector<review::NewComment> returnCommentsOf(const http::FormBody& form) {
  std::vector<review::NewComment> out;
  for (const auto& [name, value] : form.fields())
    if (name.starts_with(kSectionField))
      out.push_back({name.substr(kSectionField.size()), multiLine(value)});
  return out;
}

}  // namespace sv::web
