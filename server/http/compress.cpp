#include "server/http/compress.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "workflows/text.hpp"

namespace sv::http {
namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// "q=0", "q=0.0", "q=0.000" refuse; anything else (or no q) accepts.
bool refusedByQuality(std::string_view parameters) {
  while (!parameters.empty()) {
    const auto semicolon = parameters.find(';');
    std::string_view parameter = text::trimSpacesAndTabs(parameters.substr(0, semicolon));
    parameters =
        semicolon == std::string_view::npos ? std::string_view{} : parameters.substr(semicolon + 1);
    if (parameter.size() < 2 || std::tolower(static_cast<unsigned char>(parameter[0])) != 'q' ||
        parameter[1] != '=')
      continue;
    const std::string_view value = text::trimSpacesAndTabs(parameter.substr(2));
    return !value.empty() && value.find_first_not_of("0.") == std::string_view::npos;
  }
  return false;
}

}  // namespace

bool acceptsGzip(std::string_view acceptEncoding) {
  bool viaStar = false;
  while (!acceptEncoding.empty()) {
    const auto comma = acceptEncoding.find(',');
    const std::string_view entry = acceptEncoding.substr(0, comma);
    acceptEncoding =
        comma == std::string_view::npos ? std::string_view{} : acceptEncoding.substr(comma + 1);
    const auto semicolon = entry.find(';');
    const std::string_view coding = text::trimSpacesAndTabs(entry.substr(0, semicolon));
    const std::string_view parameters =
        semicolon == std::string_view::npos ? std::string_view{} : entry.substr(semicolon + 1);
    // A coding named on its own decides, whatever "*" says.
    if (equalsIgnoringCase(coding, "gzip") || equalsIgnoringCase(coding, "x-gzip"))
      return !refusedByQuality(parameters);
    if (coding == "*") viaStar = !refusedByQuality(parameters);
  }
  return viaStar;
}

bool isCompressible(std::string_view contentType) {
  const std::string_view type =
      text::trimSpacesAndTabs(contentType.substr(0, contentType.find(';')));
  if (type.starts_with("text/")) return true;
  for (std::string_view compressible :
       {"application/json", "application/problem+json", "application/javascript", "application/xml",
        "image/svg+xml", "text/calendar"})
    if (type == compressible) return true;
  return false;
}

std::string gzip(std::string_view bytes, int level) {
  z_stream stream{};
  // 15 + 16: the largest window, with a gzip header and trailer rather than zlib's.
  if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("gzip: deflateInit2 failed");
  std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&stream, Z_FINISH);  // deflateBound leaves room for all of it
  const auto written = stream.total_out;
  deflateEnd(&stream);
  if (rc != Z_STREAM_END) throw std::runtime_error("gzip: deflate did not finish");
  out.resize(written);
  return out;
}

std::shared_ptr<const std::string> sharedGzip(const std::shared_ptr<const std::string>& body) {
  struct Entry {
    std::weak_ptr<const std::string> body;  // the same bytes only while the same owner lives
    std::shared_ptr<const std::string> packed;
  };
  static std::mutex mutex;
  static std::unordered_map<const std::string*, Entry> entries;
  constexpr std::size_t kMostEntries = 512;
  const auto sameOwner = [&](const Entry& e) {
    return !e.body.owner_before(body) && !body.owner_before(e.body);
  };
  {
    std::lock_guard lock(mutex);
    if (auto it = entries.find(body.get()); it != entries.end() && sameOwner(it->second))
      return it->second.packed;
  }
  // Compressed outside the lock; two first requests at once may both compress, harmlessly.
  auto packed = std::make_shared<const std::string>(gzip(*body, 6));
  std::lock_guard lock(mutex);
  if (entries.size() >= kMostEntries) {
    std::erase_if(entries, [](const auto& kv) { return kv.second.body.expired(); });
    if (entries.size() >= kMostEntries) entries.erase(entries.begin());
  }
  entries.insert_or_assign(body.get(), Entry{body, packed});
  return packed;
}

}  // namespace sv::http
