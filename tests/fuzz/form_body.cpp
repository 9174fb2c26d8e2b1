// The form reader (server/http/form_body) behind every page's POST, logged in or not: any body
// gives fields or Malformed, and a field read by its name is the one parsed.
#include "server/http/form_body.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto form = sv::http::FormBody::parse(std::string(sv::fuzz::textOf(data, size)));
  if (!form) return 0;
  for (const auto& [name, value] : form->fields()) {
    sv::fuzz::require(form->has(name), "a parsed field is found by its name");
    (void)form->values(name);
  }
  (void)form->value("csrf_token");
  return 0;
}
