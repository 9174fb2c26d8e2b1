// What a person may choose for each kind of e-mail, and what holds without a choice.
#include <catch2/catch.hpp>

#include "workflows/mail_kinds.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::mail;

TEST_CASE("mail kinds: every kind has a key that parses back to it", "[workflows][mail]") {
  for (const auto& rule : kindRules()) {
    CHECK(parseKind(rule.key) == rule.kind);
    CHECK(keyOf(rule.kind) == rule.key);
  }
  CHECK_FALSE(parseKind("newsletter"));
  CHECK(parseChoice("digest") == Choice::Digest);
  CHECK(nameOf(Choice::Never) == "never");
  CHECK_FALSE(parseChoice("weekly"));
}

TEST_CASE("mail kinds: an invitation never waits for a digest, the registered notice is kept on",
          "[workflows][mail]") {
  CHECK_FALSE(allows(Kind::Invitation, Choice::Digest));
  CHECK(allows(Kind::Invitation, Choice::Never));
  CHECK(allows(Kind::MinutesRegistered, Choice::Now));
  CHECK_FALSE(allows(Kind::MinutesRegistered, Choice::Never));
  CHECK_FALSE(allows(Kind::MinutesRegistered, Choice::Digest));
  CHECK(allows(Kind::Reminder, Choice::Digest));
}

TEST_CASE("mail kinds: a stored choice holds when allowed, the default otherwise",
          "[workflows][mail]") {
  CHECK(effectiveChoice(Kind::Reminder, std::nullopt) == Choice::Digest);
  CHECK(effectiveChoice(Kind::Reminder, Choice::Now) == Choice::Now);
  CHECK(effectiveChoice(Kind::MinutesSubmitted, std::nullopt) == Choice::Now);
  CHECK(effectiveChoice(Kind::MinutesRegistered, Choice::Never) == Choice::Now);
  CHECK(effectiveChoice(Kind::Invitation, Choice::Digest) == Choice::Now);
}

}  // namespace SV_TEST_FILE
