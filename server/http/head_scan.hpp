// Whether the bytes a connection has sent so far hold a whole request head, and, for a small body,
// the whole body too. The listener (listener.hpp) looks at a waiting connection's bytes without
// taking them (MSG_PEEK) and gives the connection a worker thread only when this says Ready, so
// that a client sending its request a byte at a time holds a socket, never a thread.
#pragma once

#include <cstddef>
#include <string_view>

namespace sv::http {

struct HeadLimits {
  std::size_t maxHeadBytes = 16 * 1024;  // Poco refuses longer heads anyway (fields of 8 KiB)
  // A body up to this size is waited for with the head; a larger one (an upload) is read by the
  // worker under the body deadline. Kept below what the kernel buffers before the first read, so
  // that a body waited for can always arrive whole.
  std::size_t maxWaitedBodyBytes = 16 * 1024;
};

enum class HeadState {
  NeedMore,  // the head (or the small body after it) is not all here yet
  Ready,     // a worker can read the request without waiting for the client
  TooLarge,  // no end of the head within maxHeadBytes
};

// `peeked` is what the connection has sent so far, from its first byte. A head ends at the first
// empty line (CRLF CRLF, or LF LF which Poco also reads). A Content-Length this cannot read, a
// chunked body, or an `Expect: 100-continue` (the client sends the body only after the worker's
// "100 Continue") is Ready: the worker answers or reads it under its own deadline.
HeadState scanHead(std::string_view peeked, const HeadLimits& limits);

// The number of bytes to look at so that scanHead can decide.
inline std::size_t headPeekBytes(const HeadLimits& limits) {
  return limits.maxHeadBytes + limits.maxWaitedBodyBytes + 4;
}

}  // namespace sv::http
