// What anchors the audit log outside its own tables, so that someone who can write the SQLite file
// cannot rewrite history unseen:
//   - a key (32 random bytes, mode 0600) in a file of its own, by default <data>/audit.key, which
//     `samverkan.audit.key_file` may put on another volume. Each entry carries an HMAC
//     (HMAC-SHA512-256, libsodium's crypto_auth) of its chain hash under it; the chain makes the
//     seal of one entry vouch for every entry before it.
//   - an anchor file, by default <data>/audit.anchor (`samverkan.audit.anchor_file`), to which the
//     store appends "<id> <hmac>" for the head after every commit that wrote an entry. The log
//     must still hold every entry the anchor names, so a removed tail or a wiped table is found.
//
// Order: the SQLite commit (fsynced) first, then the anchor line, so the anchor can lag by the
// transaction in flight when the process dies but never names an entry SQLite did not commit.
// The line is a plain write(2): a killed process loses nothing the kernel has; the file is
// fdatasynced at most once a second, when the store opens and when it closes, so after a power
// cut it lags by at most that second, and the next start catches it up from the head.
//
// Inside the store only (tests/layers): the rest of the server sees Store::verifyAudit.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "server/store/handle.hpp"
#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::store {

class Database;

struct AuditFiles {
  std::filesystem::path key;
  std::filesystem::path anchor;
};

struct AnchorLine {
  // Seal: the first line, written when the key was made, naming the first sealed entry (0 for a
  // log that had none yet). Restart: the first line of an anchor the store found missing with
  // its key present, which verification always reports. Head: the head after a commit.
  enum class Kind { Seal, Restart, Head };
  Kind kind;
  std::int64_t id;
  std::string mac;
};

struct AnchorFile {
  bool exists = false;
  std::vector<AnchorLine> lines;
  std::vector<std::size_t>
      unreadable;  // 1-based numbers of lines that are not in the server's form
  // Bytes up to the last newline: what follows is a line a crash cut short, and no line at all.
  std::uintmax_t completeBytes = 0;
};
AnchorFile readAnchor(const std::filesystem::path& file);

class AuditSeal {
 public:
  AuditSeal(std::string key, FileDescriptor anchor, std::int64_t lastAnchored);
  AuditSeal(const AuditSeal&) = delete;
  AuditSeal& operator=(const AuditSeal&) = delete;
  ~AuditSeal();  // syncs the anchor

  // The HMAC of entry `id` with chain hash `hash`, as its row keeps it; a Head line carries the
  // same. Seal and Restart lines use their own kind in the message, so none passes for another.
  std::string mac(AnchorLine::Kind kind, std::int64_t id, const std::string& hash) const;

  // Under the writer's mutex (Database::write): a transaction begins, its appendAudit wrote the
  // entry `id`, and it committed. Only a commit appends a line, and a failed append is caught up
  // by the next one (the line names the head, which covers all before it).
  void beginTransaction();
  void written(std::int64_t id, std::string mac);
  void committed() noexcept;

  // Appends one line and fdatasyncs it (opening, sealing).
  Status append(const AnchorLine& line);
  std::int64_t lastAnchored() const { return lastAnchored_; }

 private:
  bool writeLine(const std::string& line);
  // Appends `line` under a lock on the file unless the file's last line names a later entry
  // (another process's commit); false when the write failed.
  bool appendIfLater(const AnchorLine& line);
  std::int64_t lastIdInFile() const;

  std::string key_;
  FileDescriptor anchor_;
  std::int64_t lastAnchored_;
  std::int64_t pendingId_ = 0;
  std::string pendingMac_;
  std::chrono::steady_clock::time_point lastSync_;
};

// Loads the key, or makes it: for a fresh folder, and for one from before the seal, whose entries
// are then sealed by an `audit.seal` entry written now. The key file is moved into place last,
// after the anchor's Seal line is on disk, so a key without that line is never the store's doing
// (an unfinished sealing is the `.new` file beside the key, finished at the next start).
// Attaches the seal to `db`; the caller keeps it alive as long as `db`.
// Errors: Internal (no key where the log or the anchor says there was one, a key of the wrong
// size, a failing file system).
Result<std::unique_ptr<AuditSeal>> openAuditSeal(Database& db, const AuditFiles& files,
                                                 TimePoint now);

}  // namespace sv::store
