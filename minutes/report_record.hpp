// What belongs to a follow-up report's record besides its text (seed 004; issue 13, points 3-5):
// the fact-check (the version sent to the provider, the provider's comments per area or "inga
// synpunkter", the authority's answers, which areas changed since), the supplements
// (kompletteringar) with the assessments they changed and why, and the attachments (bilagor) with
// their checksums. The final report's commit keeps it as faktagranskning.md beside the report;
// the report's PDF prints it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "minutes/report.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::minutes {

enum class FactCheckOutcome {
  Pending,         // sent, neither answered nor past its deadline
  Commented,       // the provider commented on at least one area
  NoComments,      // the provider answered "inga synpunkter" on every area
  DeadlinePassed,  // nothing came in by the deadline: "inga synpunkter inkom"
};
std::string_view toString(FactCheckOutcome o);  // "pending", "commented", "no_comments", …
std::optional<FactCheckOutcome> parseFactCheckOutcome(std::string_view text);
// "Väntar på svar", "Synpunkter lämnade", "Inga synpunkter", "Inga synpunkter inkom"
std::string_view swedishOutcome(FactCheckOutcome o);

struct FactCheckComment {
  std::string areaKey;  // "" for the report as a whole
  std::string areaTitle;
  std::string text;
  std::string by;                     // the provider's person
  std::string at;                     // ISO 8601 UTC
  std::optional<std::string> answer;  // the authority's answer, once given
  std::string answeredBy;
  std::string answeredAt;
};

struct FactCheckRecord {
  std::string sentVersion;  // the commit the provider was shown
  std::string sentBy;
  std::string sentAt;
  Date dueOn{};
  FactCheckOutcome outcome = FactCheckOutcome::Pending;
  std::string answeredBy;  // empty when the deadline passed
  std::string endedAt;     // when answered or closed; empty while pending
  std::vector<FactCheckComment> comments;
  std::vector<std::string> changedAreas;  // titles of areas changed after the version sent
};

struct SupplementEntry {
  int number = 0;  // 1, 2, … within the report
  std::string areaKey;
  std::string areaTitle;
  std::string request;
  Date dueOn{};
  std::string requestedBy;
  std::string requestedAt;
  std::optional<std::string> response;  // the provider's text, once sent
  std::string respondedBy;
  std::string respondedAt;
  bool decided = false;
  Assessment before = Assessment::NotAssessed;  // the area's assessment when decided
  Assessment after = Assessment::NotAssessed;   // what the supplement made of it
  std::string reason;                           // why (required when it changed)
  std::string decidedBy;
  std::string decidedAt;
};

struct RecordAttachment {
  std::string fileName;
  std::string contentType;
  std::int64_t size = 0;
  std::string sha256;
  std::string attachedTo;  // "Rapporten", "Komplettering 2"
};

struct ReportRecord {
  FollowUpReport report;
  std::optional<FactCheckRecord> factCheck;
  std::vector<SupplementEntry> supplements;
  std::vector<RecordAttachment> attachments;
};

// The fact-check and the supplements in Swedish Markdown ("## Faktagranskning",
// "## Kompletteringar"), every user text escaped: faktagranskning.md in the final commit.
std::string renderRecordMarkdown(const ReportRecord& record);

// "Uppfyller kraven", "Uppfyller delvis", "Uppfyller inte", "Ej bedömd"
std::string_view swedishAssessment(Assessment a);

}  // namespace sv::minutes
