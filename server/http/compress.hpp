// gzip for answers whose client accepts it (RFC 9110 Accept-Encoding): pages and JSON shrink to
// a fifth or less, which matters more over a municipality's network than the CPU it costs. A cache
// that keeps a page keeps its compressed bytes too (Reply::sharedGzip), so a cached page is
// compressed once per version, not once per request.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace sv::http {

// Whether an Accept-Encoding header allows gzip: "gzip", "x-gzip" or "*" with a q-value above 0.
bool acceptsGzip(std::string_view acceptEncoding);

// Text and JSON compress well; PDFs, zips and git packs are compressed already.
bool isCompressible(std::string_view contentType);

// Answers shorter than this are sent as they are: the gzip header and the CPU outweigh the gain.
inline constexpr std::size_t kCompressFrom = 1024;

// The bytes in gzip format (RFC 1952). Level 1 for answers made per request (fast, most of the
// gain), 9 for bytes a cache keeps.
std::string gzip(std::string_view bytes, int level);

// The gzip of bytes a cache shares (Reply::sharedBody), made once for as long as the cache keeps
// those bytes: a page rendered once per version is also compressed once per version. Remembers
// the most recent few hundred bodies; thread-safe.
std::shared_ptr<const std::string> sharedGzip(const std::shared_ptr<const std::string>& body);

}  // namespace sv::http
