#include <catch2/catch.hpp>

#include "server/http/form_body.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using sv::Errc;
using sv::http::FormBody;

TEST_CASE("a form body is read as a browser encodes it", "[http][form]") {
  auto form = FormBody::parse("title=Hej+d%C3%A5&plus=1%2B1&empty=&bare&csrf_token=a%3Db");
  REQUIRE(form);
  CHECK(form->value("title") == "Hej då");
  CHECK(form->value("plus") == "1+1");
  CHECK(form->has("empty"));
  CHECK(form->value("empty").empty());
  CHECK(form->has("bare"));
  CHECK(form->value("csrf_token") == "a=b");
  CHECK_FALSE(form->has("missing"));
  CHECK(form->value("missing").empty());
}

TEST_CASE("a name given several times keeps every value in order", "[http][form]") {
  auto form = FormBody::parse("participant=3&chair=1&participant=5&participant=3");
  REQUIRE(form);
  CHECK(form->value("participant") == "3");
  CHECK(form->values("participant") == std::vector<std::string>{"3", "5", "3"});
  CHECK(form->values("chair") == std::vector<std::string>{"1"});
}

TEST_CASE("a broken percent escape is malformed", "[http][form]") {
  auto form = FormBody::parse("title=100%");
  REQUIRE_FALSE(form);
  CHECK(form.error().code == Errc::Malformed);
  CHECK_FALSE(FormBody::parse("a=%zz"));
}

TEST_CASE("an empty body is an empty form", "[http][form]") {
  auto form = FormBody::parse("");
  REQUIRE(form);
  CHECK(form->fields().empty());
}

}  // namespace SV_TEST_FILE
