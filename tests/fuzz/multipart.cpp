// The multipart/form-data reader (server/http/multipart) behind uploads. The input is the
// Content-Type header, a NUL, then the body, so that the boundary parameter is fuzzed too.
#include "server/http/multipart.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto [type, body] = sv::fuzz::splitAtNul(sv::fuzz::textOf(data, size));
  sv::http::Request request;
  request.method = "POST";
  request.path = "/upload";
  request.headers["content-type"] = type;
  request.contentType = type.substr(0, type.find(';'));
  request.body = std::move(body);
  auto form = sv::http::MultipartForm::parse(request);
  if (!form) return 0;
  for (const auto& file : form->files())
    sv::fuzz::require(file.bytes.size() <= request.body.size(),
                      "a file is no larger than the body");
  (void)form->value("csrf_token");
  return 0;
}
