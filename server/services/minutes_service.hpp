// The minutes (protokoll) of a meeting as a git document: minutes.md for people and minutes.json
// with the structured parts, in one commit per save. Saves name the version they started from
// (If-Match); a save against an older version is merged section by section with what was saved
// since, or refused with both texts when the same section changed on both sides.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "minutes/merge.hpp"
#include "minutes/minutes.hpp"
#include "server/services/catalog.hpp"
#include "server/services/parsed_versions.hpp"
#include "server/store/approvals.hpp"
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

// The protocol as a whole HTML page: its ETag, which names what it was rendered from, and the
// bytes, shared with the service's cache and never changed.
struct ProtocolPage {
  std::string etag;
  std::shared_ptr<const std::string> html;
};

// Where the minutes are in their lifecycle, with who approved which version and who returned them.
struct LifecycleView {
  std::int64_t meetingId = 0;
  std::string state;
  std::string version;                        // the current version
  std::vector<store::ApprovalRow> approvals;  // all, superseded ones marked
  std::vector<store::ReturnRow> returns;
  std::optional<store::RegistryRow> registration;
  std::vector<std::string> available;  // what the caller may do now (workflow transitions)
};

class MinutesService {
 public:
  MinutesService(store::Store& store, const Catalog& catalog, const TimeSource& time)
      : store_(store), catalog_(catalog), time_(time) {}

  // The lifecycle (config/workflows/minutes.workflow): submit, approve an exact version (with an
  // optional note of disagreement), return with comments, register.
  Result<LifecycleView> lifecycle(const store::Principal& viewer, std::int64_t meetingId);
  Result<LifecycleView> submit(const store::Principal& actor, std::int64_t meetingId);
  Result<LifecycleView> approve(const store::Principal& actor, std::int64_t meetingId,
                                const std::string& version, const std::string& note);
  Result<LifecycleView> returnMinutes(const store::Principal& actor, std::int64_t meetingId,
                                      const std::string& comment);
  Result<LifecycleView> registerMinutes(const store::Principal& actor, std::int64_t meetingId);
  std::vector<store::RegistryRow> registry(const store::Principal& viewer,
                                           const store::RegistryQuery& query);
  // The registrar's queue: approved minutes not yet registered, in the viewer's contracts.
  std::vector<store::AwaitingRegistrationRow> awaitingRegistration(const store::Principal& viewer);
  // The protocol as PDF (with the signature block), and the archival package of registered
  // minutes (a BagIt zip; see archive.hpp).
  Result<std::string> pdf(const store::Principal& viewer, std::int64_t meetingId);
  Result<std::pair<std::string, std::string>> archive(const store::Principal& viewer,
                                                      std::int64_t meetingId);  // (name, zip)

  // The current minutes with their signature block (approvals) and registry number filled in.
  Result<minutes::Minutes> signedDocument(const store::Principal& viewer, std::int64_t meetingId);

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
  Result<ProtocolPage> html(const store::Principal& viewer, std::int64_t meetingId);

  static std::string documentOf(std::int64_t meetingId);

 private:
  struct Context;
  Result<Context> context(const store::Principal& viewer, std::int64_t meetingId);
  Result<minutes::Minutes> load(const Context& ctx, const std::string& version);

  Result<LifecycleView> transition(const store::Principal& actor, std::int64_t meetingId,
                                   const std::string& name, const std::string& version,
                                   const std::string& text);
  std::set<std::string> rolesIn(const store::Principal& p, const Context& ctx) const;
  Result<minutes::Minutes> decorate(store::Connection& c, const Context& ctx,
                                    minutes::Minutes doc) const;

  store::Store& store_;
  const Catalog& catalog_;
  const TimeSource& time_;
  // The rendered protocol page of each meeting, under the stamp it was rendered from (see
  // store::ProtocolStamp): every change the page shows (a save, an approval, a supersession, a
  // registration) changes the stamp. A request checks the stamp, one query, and renders only when
  // it differs. While the database has had no write since the last check (Database::writes), the
  // scopes that check was made for are answered without asking the database again.
  struct RenderedPage {
    std::int64_t contractId = 0;  // a meeting never moves to another contract
    std::string key;              // the stamp as text; also the page's ETag
    std::shared_ptr<const std::string> page;
    std::uint64_t checkedAt = 0;                 // Database::writes() read before the last check
    std::vector<store::TenantScope> checkedFor;  // the scopes that saw `key` at `checkedAt`
  };
  static constexpr std::size_t kRenderedPages = 512;
  ParsedVersions<minutes::Minutes> parsed_{256};
  std::shared_mutex pagesMutex_;  // shared by the requests that find their page checked
  std::unordered_map<std::int64_t, RenderedPage> pages_;  // by meeting
};

}  // namespace sv::services
