#include "server/http/head_scan.hpp"

#include <charconv>
#include <optional>

namespace sv::http {
namespace {

char lowerAscii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsLower(std::string_view text, std::string_view lowerName) {
  if (text.size() != lowerName.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (lowerAscii(text[i]) != lowerName[i]) return false;
  return true;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

struct HeadEnd {
  std::size_t headBytes;  // the head with its empty line
};

std::optional<HeadEnd> findHeadEnd(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] != '\n') continue;
    // LF LF, or LF CR LF: the line before this one ended and this one is empty.
    if (i + 1 < bytes.size() && bytes[i + 1] == '\n') return HeadEnd{i + 2};
    if (i + 2 < bytes.size() && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') return HeadEnd{i + 3};
  }
  return std::nullopt;
}

// What the head says about its body: nothing (0), a length, or "the worker decides" (nullopt:
// chunked, Expect, unreadable, or more than one Content-Length).
std::optional<std::size_t> waitedBodyLength(std::string_view head) {
  std::optional<std::size_t> length;
  bool seenLength = false;
  std::size_t start = head.find('\n');  // the header lines follow the request line
  while (start != std::string_view::npos && start + 1 < head.size()) {
    const std::size_t end = head.find('\n', start + 1);
    const std::string_view line = head.substr(
        start + 1, end == std::string_view::npos ? std::string_view::npos : end - start - 1);
    start = end;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view name = trimmed(line.substr(0, colon));
    const std::string_view value = trimmed(line.substr(colon + 1));
    // A chunked body, or a client waiting for "100 Continue" before it sends the body (curl does
    // for anything over 1 KiB): the worker answers that.
    if (equalsLower(name, "transfer-encoding") || equalsLower(name, "expect")) return std::nullopt;
    if (!equalsLower(name, "content-length")) continue;
    if (seenLength) return std::nullopt;
    seenLength = true;
    std::size_t n = 0;
    const auto [end2, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc{} || end2 != value.data() + value.size()) return std::nullopt;
    length = n;
  }
  return length.value_or(0);
}

}  // namespace

HeadState scanHead(std::string_view peeked, const HeadLimits& limits) {
  const auto end = findHeadEnd(peeked.substr(0, limits.maxHeadBytes + 3));
  if (!end) return peeked.size() > limits.maxHeadBytes ? HeadState::TooLarge : HeadState::NeedMore;
  const auto body = waitedBodyLength(peeked.substr(0, end->headBytes));
  if (!body || *body > limits.maxWaitedBodyBytes) return HeadState::Ready;
  return peeked.size() >= end->headBytes + *body ? HeadState::Ready : HeadState::NeedMore;
}

}  // namespace sv::http
