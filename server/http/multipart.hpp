// Reading a multipart/form-data body (RFC 7578): what a browser sends for a form with
// `enctype="multipart/form-data"`, such as an upload with its CSRF token beside the file. Parsed
// from the body the frame has already read and counted against the route's limit.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "server/http/request.hpp"
#include "workflows/result.hpp"

namespace sv::http {

struct UploadedFile {
  std::string field;     // the form field's name, e.g. "file"
  std::string fileName;  // as the sender named it (unsafe: paths, control characters)
  std::string contentType;
  std::string bytes;
};

class MultipartForm {
 public:
  // Errors: Malformed (not multipart, no boundary, or a body that does not follow it).
  static Result<MultipartForm> parse(const Request& request);

  std::string value(const std::string& name) const;  // the first plain field of the name
  bool has(const std::string& name) const;
  const std::vector<UploadedFile>& files() const { return files_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
  std::vector<UploadedFile> files_;
};

}  // namespace sv::http
