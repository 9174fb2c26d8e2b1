#include <catch2/catch.hpp>

#include <string>

#include "minutes/word_diff.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::minutes;

namespace {

std::string joined(const std::vector<WordRun>& runs, WordChange leave) {
  std::string out;
  for (const auto& r : runs)
    if (r.change != leave) out += r.text;
  return out;
}

}  // namespace

TEST_CASE("a changed word shows as removed then added, the rest unchanged",
          "[minutes][word_diff]") {
  const auto runs = diffWords("Tre brukare saknade plan.", "Fyra brukare saknade plan.");
  REQUIRE(runs.size() == 3);
  CHECK(runs[0] == WordRun{WordChange::Removed, "Tre"});
  CHECK(runs[1] == WordRun{WordChange::Added, "Fyra"});
  CHECK(runs[2] == WordRun{WordChange::Same, " brukare saknade plan."});
}

TEST_CASE("added and removed words in the middle of a text", "[minutes][word_diff]") {
  const std::string from = "Förvaltningen har granskat tio planer under våren.";
  const std::string to = "Förvaltningen har noga granskat tio planer.";
  const auto runs = diffWords(from, to);
  CHECK(joined(runs, WordChange::Added) == from);
  CHECK(joined(runs, WordChange::Removed) == to);
  bool addedNoga = false, removedVaren = false;
  for (const auto& r : runs) {
    if (r.change == WordChange::Added && r.text.find("noga") != std::string::npos) addedNoga = true;
    if (r.change == WordChange::Removed && r.text.find("våren") != std::string::npos)
      removedVaren = true;
    if (r.change != WordChange::Same) CHECK(r.text.find("granskat") == std::string::npos);
  }
  CHECK(addedNoga);
  CHECK(removedVaren);
}

TEST_CASE("equal texts are one unchanged run, empty texts none", "[minutes][word_diff]") {
  CHECK(diffWords("", "").empty());
  CHECK(diffWords("Samma text\npå två rader", "Samma text\npå två rader") ==
        std::vector<WordRun>{{WordChange::Same, "Samma text\npå två rader"}});
  CHECK(diffWords("", "Ny") == std::vector<WordRun>{{WordChange::Added, "Ny"}});
  CHECK(diffWords("Gammal", "") == std::vector<WordRun>{{WordChange::Removed, "Gammal"}});
}

TEST_CASE("a hostile pair of long texts is compared in bounded time", "[minutes][word_diff]") {
  std::string from, to;
  for (int i = 0; i < 50'000; ++i) {
    from += "a" + std::to_string(i) + " ";
    to += "b" + std::to_string(i) + " ";
  }
  const auto runs = diffWords(from, to);
  CHECK(joined(runs, WordChange::Added) == from);
  CHECK(joined(runs, WordChange::Removed) == to);
}

TEST_CASE("a phrase added around a shared space reads as one added run", "[minutes][word_diff]") {
  const std::string from = "Utföraren redogjorde för sommarens bemanning.";
  const std::string to = "Utföraren redogjorde för bemanningen i juli. Tre vikarier är anställda.";
  const auto runs = diffWords(from, to);
  CHECK(joined(runs, WordChange::Added) == from);
  CHECK(joined(runs, WordChange::Removed) == to);
  REQUIRE(runs.size() == 3);
  CHECK(runs[0] == WordRun{WordChange::Same, "Utföraren redogjorde för "});
  CHECK(runs[1] == WordRun{WordChange::Removed, "sommarens bemanning."});
  CHECK(runs[2] == WordRun{WordChange::Added, "bemanningen i juli. Tre vikarier är anställda."});
}

}  // namespace SV_TEST_FILE
