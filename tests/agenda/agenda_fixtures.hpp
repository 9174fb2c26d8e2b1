// Shared inputs for the agenda tests: the shipped config files and a sample meeting.
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "agenda/agenda.hpp"
#include "agenda/agenda_template.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::agenda::testing {

// A file of the source tree. CTest sets SAMVERKAN_SOURCE_DIR; a run by hand finds the tree from
// this header's own path, or from the working directory.
inline std::string readSourceFile(const std::string& relative) {
  std::vector<std::string> roots;
  if (const char* root = std::getenv("SAMVERKAN_SOURCE_DIR")) roots.emplace_back(root);
  const std::filesystem::path here(__FILE__);  // <root>/tests/agenda/agenda_fixtures.hpp
  if (here.is_absolute()) roots.push_back(here.parent_path().parent_path().parent_path());
  for (const char* fallback : {".", "..", "../.."}) roots.emplace_back(fallback);
  for (const auto& root : roots) {
    std::ifstream in(root + "/" + relative, std::ios::binary);
    if (!in) continue;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  FAIL("cannot find " << relative << "; set SAMVERKAN_SOURCE_DIR to the source tree");
  return {};
}

inline AgendaTemplate standardTemplate() {
  auto parsed = parseAgendaTemplate("standard", readSourceFile("config/agendas/standard.agenda"));
  INFO((parsed ? std::string() : parsed.error().detail));
  REQUIRE(parsed);
  return *parsed;
}

inline TimePoint utc(const char* iso) {
  auto t = parseDateTime(iso);
  REQUIRE(t);
  return *t;
}

inline Date date(const char* iso) {
  auto d = parseDate(iso);
  REQUIRE(d);
  return *d;
}

inline MeetingInfo sampleMeeting() {
  return {"Hemtjänst Östermalm",       "SDN 2025/0012",
          "Omsorg i Stockholm AB",     "Östermalms stadsdelsförvaltning",
          utc("2026-03-12T12:00:00Z"), "Karlavägen 104, rum 3"};
}

inline OpenActionRef sampleAction() {
  return {"17",
          "Ta fram en rutin för introduktion av nyanställda",
          Party::Provider,
          "Anna Berg",
          date("2026-02-28"),
          ActionStatus::Open,
          "möte 2025-11-11 § 6"};
}

inline Agenda sampleAgenda() {
  return generateAgenda(standardTemplate(), sampleMeeting(),
                        PreviousMeetingRef{date("2025-11-11"), "registered", "SDN 2025/0399"},
                        {sampleAction()});
}

inline NewItem newItem(std::string title, std::string by = "Anna Berg",
                       Party party = Party::Provider) {
  return {std::move(title), "", std::move(by), party};
}

}  // namespace sv::agenda::testing
