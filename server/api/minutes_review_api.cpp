// The review of the minutes over the API: the comments given on the minutes with how each was
// handled, and the writer's word on one of them. The return that gives them is in
// lifecycle_api.cpp with the other steps; it reads the comments with readReviewComments.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "server/api/api.hpp"
#include "server/api/handler.hpp"
#include "server/api/views.hpp"
#include "server/http/json_body.hpp"

namespace sv::api {

Result<std::vector<review::NewComment>> readReviewComments(const http::JsonBody& body,
                                                           CommentPart part) {
  std::vector<review::NewComment> out;
  if (!body.has("comments")) return out;
  auto array = body.object().getArray("comments");
  if (!array) return fail(Errc::Malformed, "'comments' must be an array", "comments");
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string field = "comments[" + std::to_string(i) + "]";
    auto object = array->getObject(static_cast<unsigned>(i));
    if (!object) return fail(Errc::Malformed, field + " must be an object", field);
    review::NewComment c;
    if (part == CommentPart::Area || part == CommentPart::Point) {
      const std::string key = part == CommentPart::Area ? "area" : "point";
      const auto named = object->get(key);
      if (!named.isEmpty()) {
        if (!named.isString())
          return fail(Errc::Malformed, field + "." + key + " must be a key", field + "." + key);
        c.part = named.extract<std::string>();
      }
    } else if (const auto section = object->get("section"); !section.isEmpty()) {
      if (!section.isInteger())
        return fail(Errc::Malformed, field + ".section must be a § number", field + ".section");
      c.part = std::to_string(section.convert<std::int64_t>());
    }
    const auto text = object->get("text");
    if (!text.isString())
      return fail(Errc::Malformed, field + ".text must be a string", field + ".text");
    c.text = text.extract<std::string>();
    out.push_back(std::move(c));
  }
  return out;
}

namespace {

Poco::JSON::Object commentJson(const review::Comment& c) {
  auto j = http::orderedObject();
  j.set("id", c.id);
  j.set("section", c.part.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(std::stoll(c.part)));
  j.set("party", std::string(agenda::toString(c.party)));
  j.set("user_id", c.userId);
  j.set("name", c.userName);
  j.set("version", c.version);
  j.set("text", c.text);
  j.set("created_at", c.createdAt);
  if (c.handled) {
    auto h = http::orderedObject();
    h.set("user_id", c.handled->userId);
    h.set("name", c.handled->userName);
    h.set("how", c.handled->how);
    h.set("at", c.handled->at);
    j.set("handled", h);
  } else {
    j.set("handled", Poco::Dynamic::Var());
  }
  return j;
}

}  // namespace

void registerMinutesReview(http::Router& router, Services& s) {
  router.add(
      {"GET", "/api/v1/meetings/{id}/minutes/comments", http::Access::LoggedIn,
       withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
         auto comments = s.minutes.comments(req.principal(), id);
         if (!comments) return std::unexpected(comments.error());
         auto paging = pagingQuery(req);
         if (!paging) return std::unexpected(paging.error());
         Poco::JSON::Array out;
         for (const auto& c : pageOf(*comments, *paging)) out.add(commentJson(c));
         return pagedArray(req, out, std::ssize(*comments), *paging);
       }),
       paged({.operationId = "listMinutesComments",
              .summary = "The review comments on the minutes, per § and general, with how each "
                         "was handled",
              .tag = "approval",
              .responseSchema = "array:ReviewComment"})});

  router.add({"POST",
              "/api/v1/meetings/{id}/minutes/comments/{comment}/handled",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto commentId = req.idParam("comment");
                if (!commentId) return std::unexpected(commentId.error());
                auto body = http::JsonBody::parse(req.body);
                if (!body) return std::unexpected(body.error());
                auto how = body->optionalString("how");
                if (!how) return std::unexpected(how.error());
                auto handled =
                    s.minutes.handleComment(req.principal(), id, *commentId, how->value_or(""));
                if (!handled) return std::unexpected(handled.error());
                return http::Reply::json(commentJson(*handled));
              }),
              {.operationId = "handleMinutesComment",
               .summary = "The secretary says how a review comment was dealt with; once",
               .tag = "approval",
               .requestSchema = "CommentHandling",
               .responseSchema = "ReviewComment",
               .errorStatuses = {403, 409}}});
}

}  // namespace sv::api
