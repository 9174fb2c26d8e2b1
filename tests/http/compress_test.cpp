// gzip for clients that accept it (server/http/compress.hpp).
#include <zlib.h>
#include <catch2/catch.hpp>

#include <string>

#include "server/http/compress.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::http;

namespace {

std::string gunzip(const std::string& bytes) {
  z_stream stream{};
  REQUIRE(inflateInit2(&stream, 15 + 16) == Z_OK);
  std::string out(1 << 20, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  REQUIRE(rc == Z_STREAM_END);
  return out;
}

}  // namespace

TEST_CASE("Accept-Encoding allows gzip by name or by star, unless its q-value is 0",
          "[http][gzip]") {
  CHECK(acceptsGzip("gzip"));
  CHECK(acceptsGzip("deflate, gzip;q=0.5, br"));
  CHECK(acceptsGzip("GZIP"));
  CHECK(acceptsGzip("x-gzip"));
  CHECK(acceptsGzip("*"));
  CHECK_FALSE(acceptsGzip(""));
  CHECK_FALSE(acceptsGzip("identity"));
  CHECK_FALSE(acceptsGzip("br, deflate"));
  CHECK_FALSE(acceptsGzip("gzip;q=0"));
  CHECK_FALSE(acceptsGzip("gzip; q=0.000"));
  CHECK_FALSE(acceptsGzip("*, gzip;q=0"));  // named on its own, gzip decides
  CHECK_FALSE(acceptsGzip("*;q=0"));
}

TEST_CASE("text and JSON are compressed; PDFs, zips and git objects are not", "[http][gzip]") {
  CHECK(isCompressible("text/html; charset=utf-8"));
  CHECK(isCompressible("application/json"));
  CHECK(isCompressible("application/problem+json"));
  CHECK(isCompressible("text/calendar; charset=utf-8"));
  CHECK_FALSE(isCompressible("application/pdf"));
  CHECK_FALSE(isCompressible("application/zip"));
  CHECK_FALSE(isCompressible("application/x-git-loose-object"));
}

TEST_CASE("gzip output is a gzip stream of the same bytes, far smaller for text", "[http][gzip]") {
  std::string page;
  for (int i = 0; i < 2000; ++i)
    page += "<p>§ " + std::to_string(i % 12) + " Förvaltningen följer upp åtgärden.</p>\n";
  for (int level : {1, 9}) {
    const std::string packed = gzip(page, level);
    CHECK(packed.substr(0, 2) == "\x1f\x8b");  // the gzip magic number
    CHECK(packed.size() < page.size() / 5);
    CHECK(gunzip(packed) == page);
  }
  CHECK(gunzip(gzip("", 1)).empty());
}

TEST_CASE("the bytes a cache shares are compressed once while the cache keeps them",
          "[http][gzip]") {
  auto page = std::make_shared<const std::string>(std::string(5000, 'x') + "slut");
  const auto first = sharedGzip(page);
  CHECK(sharedGzip(page) == first);  // the same compressed bytes, not compressed again
  CHECK(gunzip(*first) == *page);
  // Other bytes, even at a reused address, get their own.
  page.reset();
  auto other = std::make_shared<const std::string>(std::string(5000, 'y'));
  CHECK(gunzip(*sharedGzip(other)) == *other);
}

}  // namespace SV_TEST_FILE
