#include "server/api/paging.hpp"

#include <Poco/URI.h>

#include <string>

#include "server/api/views.hpp"

namespace sv::api {
namespace {

// The request's path and its query without the paging's own parameters, ready for "limit=…".
std::string linkBase(const http::Request& req) {
  std::string base = req.path + "?";
  for (const auto& [name, value] : req.query) {
    // `page` is the register's older way of saying offset; the links say it as offset.
    if (name == "limit" || name == "offset" || name == "page") continue;
    std::string encoded;
    Poco::URI::encode(name, "!#$&'()*+,/:;=?@[]", encoded);
    encoded += '=';
    Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]", encoded);
    base += encoded + "&";
  }
  return base;
}

std::string link(const std::string& base, std::int64_t limit, std::int64_t offset,
                 const char* rel) {
  return "<" + base + "limit=" + std::to_string(limit) + "&offset=" + std::to_string(offset) +
         ">; rel=\"" + rel + "\"";
}

}  // namespace

Result<Paging> pagingQuery(const http::Request& req) {
  auto limit = wholeNumberQuery(req, "limit", kPageLimitDefault);
  if (!limit) return std::unexpected(limit.error());
  if (*limit < 1 || *limit > kPageLimitMost)
    return fail(Errc::Malformed, "limit must be from 1 to " + std::to_string(kPageLimitMost),
                "limit");
  auto offset = wholeNumberQuery(req, "offset", 0);
  if (!offset) return std::unexpected(offset.error());
  return Paging{*limit, *offset};
}

void addPageHeaders(http::Reply& reply, const http::Request& req, std::int64_t total,
                    const Paging& paging) {
  const auto base = linkBase(req);
  const auto limit = paging.limit;
  // The last page starts at a multiple of the limit, as a client counting pages from 0 expects.
  const auto last = total > 0 ? (total - 1) / limit * limit : 0;
  std::string links = link(base, limit, 0, "first");
  if (paging.offset > 0)
    links += ", " + link(base, limit, std::max<std::int64_t>(0, paging.offset - limit), "prev");
  if (paging.offset + limit < total)
    links += ", " + link(base, limit, paging.offset + limit, "next");
  links += ", " + link(base, limit, last, "last");
  reply.header("X-Total-Count", std::to_string(total));
  reply.header("Link", links);
}

http::Reply pagedArray(const http::Request& req, const Poco::JSON::Array& items, std::int64_t total,
                       const Paging& paging) {
  auto reply = http::Reply::json(items);
  addPageHeaders(reply, req, total, paging);
  return reply;
}

http::Reply pageReply(const http::Request& req, const Poco::JSON::Array& items, std::int64_t total,
                      const Paging& paging) {
  auto out = http::orderedObject();
  out.set("items", items);
  out.set("total", total);
  out.set("limit", paging.limit);
  out.set("offset", paging.offset);
  auto reply = http::Reply::json(out);
  addPageHeaders(reply, req, total, paging);
  return reply;
}

http::ApiDoc paged(http::ApiDoc doc) {
  doc.parameters.push_back({"limit", "query",
                            "at most this many (1-" + std::to_string(kPageLimitMost) + ", " +
                                std::to_string(kPageLimitDefault) + " unless said)",
                            "integer"});
  doc.parameters.push_back({"offset", "query", "skip this many first (0 unless said)", "integer"});
  doc.responseHeaders.push_back(
      {"Link",
       "RFC 8288 links to the first, previous, next and last page (rel=\"first\", \"prev\", "
       "\"next\", \"last\"); no \"next\" on the last page",
       "string"});
  doc.responseHeaders.push_back(
      {"X-Total-Count", "how many the whole list has for the caller", "integer"});
  if (std::ranges::find(doc.errorStatuses, 400) == doc.errorStatuses.end())
    doc.errorStatuses.push_back(400);
  return doc;
}

}  // namespace sv::api
