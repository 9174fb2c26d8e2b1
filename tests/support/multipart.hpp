// A multipart/form-data body as the meeting page's upload form sends it: the part the file is
// attached to ("meeting" or "minutes") and the file. For the tests that upload attachments.
#pragma once

#include <string>

namespace sv::test {

inline const std::string kBoundary = "----samverkan-test-7d1f";

inline std::string multipart(const std::string& fileName, const std::string& bytes,
                             const std::string& to = "meeting") {
  std::string out;
  out += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"to\"\r\n\r\n" + to + "\r\n";
  out += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
         fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n" + bytes + "\r\n";
  out += "--" + kBoundary + "--\r\n";
  return out;
}

}  // namespace sv::test
