// Issue 20.4: what the listener waits for before it gives a connection a worker.
#include <catch2/catch.hpp>

#include <string>

#include "server/http/head_scan.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using sv::http::HeadLimits;
using sv::http::HeadState;
using sv::http::scanHead;

TEST_CASE("issue 20.4: a head is Ready only when whole, with a small body when one is declared",
          "[server][issue20][slowloris]") {
  const HeadLimits limits;
  CHECK(scanHead("", limits) == HeadState::NeedMore);
  CHECK(scanHead("GET / HTTP/1.1\r\nHost: x\r\n", limits) == HeadState::NeedMore);
  CHECK(scanHead("GET / HTTP/1.1\r\nHost: x\r\n\r\n", limits) == HeadState::Ready);
  CHECK(scanHead("GET / HTTP/1.1\nHost: x\n\n", limits) == HeadState::Ready);
  const std::string post = "POST /a HTTP/1.1\r\nHost: x\r\ncontent-LENGTH: 5\r\n\r\n";
  CHECK(scanHead(post + "abcd", limits) == HeadState::NeedMore);
  CHECK(scanHead(post + "abcde", limits) == HeadState::Ready);
  // A body larger than is waited for, a chunked one, or a length nobody can read: the worker's.
  CHECK(scanHead("POST /a HTTP/1.1\r\nContent-Length: 999999\r\n\r\n", limits) == HeadState::Ready);
  CHECK(scanHead("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", limits) ==
        HeadState::Ready);
  CHECK(scanHead("POST /a HTTP/1.1\r\nContent-Length: 1e99\r\n\r\n", limits) == HeadState::Ready);
  // curl waits for "100 Continue" before it sends a body over 1 KiB: waiting for it would stall.
  CHECK(scanHead("POST /a HTTP/1.1\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n",
                 limits) == HeadState::Ready);
  CHECK(scanHead("POST /a HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\n", limits) ==
        HeadState::Ready);
  CHECK(scanHead("GET / HTTP/1.1\r\nX: " + std::string(limits.maxHeadBytes, 'a'), limits) ==
        HeadState::TooLarge);
}

}  // namespace SV_TEST_FILE
