// The JSON body reader of every API request (server/http/json_body): whatever a client sends,
// parse gives a body or an error, and the typed readers give a value or an error naming the field.
#include "server/http/json_body.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto body = sv::http::JsonBody::parse(std::string(sv::fuzz::textOf(data, size)));
  if (!body) return 0;
  for (const char* field : {"title", "location", "text", "status", "roles", "id", "notify"}) {
    (void)body->has(field);
    (void)body->requiredString(field);
    (void)body->optionalString(field);
    (void)body->requiredInt(field);
    (void)body->optionalInt(field);
    (void)body->optionalBool(field);
    (void)body->stringArray(field, false);
  }
  return 0;
}
