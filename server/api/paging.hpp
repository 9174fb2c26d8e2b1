// The paging of every list under /api/v1, one contract for all (README "Lists"): `limit` (1-1000,
// 100 unless said) and `offset` (0 unless said) in the query; the answer's body as the list always
// had it (an array stays an array, a page object keeps its "items", "total", "limit", "offset"),
// with `X-Total-Count` (how many the whole list has for this caller) and an RFC 8288 `Link` header
// (rel="first", "prev" when there is an earlier page, "next" when there is a later one, "last").
// A list is never cut without a "next" link: a client walks every row by following it.
#pragma once

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "server/http/reply.hpp"
#include "server/http/request.hpp"
#include "server/http/router.hpp"

namespace sv::api {

inline constexpr std::int64_t kPageLimitDefault = 100;
inline constexpr std::int64_t kPageLimitMost = 1000;

struct Paging {
  std::int64_t limit = kPageLimitDefault;
  std::int64_t offset = 0;
};

// `limit` and `offset` from the query string. Errors: Malformed, naming the parameter (not a whole
// number, a negative offset, a limit of 0 or above kPageLimitMost): 400.
Result<Paging> pagingQuery(const http::Request& req);

// X-Total-Count and Link on a reply to `req`, whose other query parameters the links keep.
void addPageHeaders(http::Reply& reply, const http::Request& req, std::int64_t total,
                    const Paging& paging);
// A page as a JSON array, with the headers.
http::Reply pagedArray(const http::Request& req, const Poco::JSON::Array& items, std::int64_t total,
                       const Paging& paging);
// {"items": …, "total": …, "limit": …, "offset": …}, with the headers.
http::Reply pageReply(const http::Request& req, const Poco::JSON::Array& items, std::int64_t total,
                      const Paging& paging);

// A list held whole in memory (what config/ holds, one document's versions or comments): the
// page's part of it, in the list's own order.
template <class T>
std::vector<T> pageOf(const std::vector<T>& all, const Paging& paging) {
  const auto size = static_cast<std::int64_t>(all.size());
  const auto from = std::min(paging.offset, size);
  const auto to = std::min(from + paging.limit, size);
  return {all.begin() + from, all.begin() + to};
}

// A list route's description with the paging's parameters, its response headers and its 400.
http::ApiDoc paged(http::ApiDoc doc);

}  // namespace sv::api
