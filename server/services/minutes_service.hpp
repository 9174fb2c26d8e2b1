// The minutes (protokoll) of a meeting as a git document: minutes.md for people and minutes.json
// with the structured parts, in one commit per save. Saves name the version they started from
// (If-Match); a save against an older version is merged section by section with what was saved
// since, or refused with both texts when the same section changed on both sides.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "minutes/merge.hpp"
#include "minutes/minutes.hpp"
#include "server/store/documents.hpp"
#include "server/store/principal.hpp"
#include "server/store/store.hpp"
#include "workflows/clock.hpp"

namespace sv::services {

struct MinutesView {
  std::int64_t meetingId = 0;
  std::int64_t contractId = 0;
  std::string state;    // draft, in_review, approved, registered
  std::string version;  // the commit id
  minutes::Minutes document;
  std::string markdown;
};

struct SaveConflict {
  std::string currentVersion;
  std::vector<minutes::MergeConflict> conflicts;
};

struct SaveResult {
  std::optional<MinutesView> saved;
  std::optional<SaveConflict> conflict;
  bool merged = false;   // the save was merged with versions saved after the one it started from
  bool changed = false;  // false when the save changed nothing (no new version)
};

struct MinutesDiff {
  std::string from;
  std::string to;
  std::string unified;  // git's patch format, of minutes.md and minutes.json
  std::vector<std::string>
      summary;  // one Swedish line per changed part ("§ 6 …: anteckningar ändrade")
  std::vector<std::pair<int, std::string>> sections;  // (§ number, title) of changed sections
};

class MinutesService {
 public:
  MinutesService(store::Store& store, const TimeSource& time) : store_(store), time_(time) {}

  // Starts the minutes from the meeting's published agenda and its participants.
  Result<MinutesView> start(const store::Principal& actor, std::int64_t meetingId);
  Result<MinutesView> get(const store::Principal& viewer, std::int64_t meetingId);
  Result<MinutesView> atVersion(const store::Principal& viewer, std::int64_t meetingId,
                                const std::string& version);
  // The bytes of minutes.md or minutes.json exactly as committed in `version`.
  Result<std::string> fileAtVersion(const store::Principal& viewer, std::int64_t meetingId,
                                    const std::string& version, const std::string& extension);
  Result<SaveResult> save(const store::Principal& actor, std::int64_t meetingId,
                          const std::string& ifMatch, const std::string& documentJson);
  Result<std::vector<store::DocumentVersion>> versions(const store::Principal& viewer,
                                                       std::int64_t meetingId);
  Result<MinutesDiff> diff(const store::Principal& viewer, std::int64_t meetingId,
                           const std::string& from, const std::string& to);
  // The protocol as a whole HTML page, rendered once per version.
  Result<std::pair<std::string, std::string>> html(const store::Principal& viewer,
                                                   std::int64_t meetingId);

  static std::string documentOf(std::int64_t meetingId);

 private:
  struct Context;
  Result<Context> context(const store::Principal& viewer, std::int64_t meetingId);
  Result<minutes::Minutes> load(const Context& ctx, const std::string& version);

  store::Store& store_;
  const TimeSource& time_;
  std::mutex htmlMutex_;
  std::map<std::string, std::string> htmlCache_;  // version -> page
};

}  // namespace sv::services
