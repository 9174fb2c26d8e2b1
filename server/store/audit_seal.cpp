#include "server/store/audit_seal.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>

#include "server/crypto/crypto.hpp"
#include "server/store/audit.hpp"
#include "server/store/database.hpp"
#include "server/store/durable_files.hpp"

namespace sv::store {
namespace {

namespace fs = std::filesystem;

const char* kindName(AnchorLine::Kind kind) {
  switch (kind) {
    case AnchorLine::Kind::Seal:
      return "seal";
    case AnchorLine::Kind::Restart:
      return "restart";
    case AnchorLine::Kind::Head:
      break;
  }
  return "entry";
}

std::string formatLine(const AnchorLine& line) {
  std::string out;
  if (line.kind != AnchorLine::Kind::Head) out += std::string(kindName(line.kind)) + " ";
  return out + std::to_string(line.id) + " " + line.mac + "\n";
}

std::optional<AnchorLine> parseLine(std::string_view text) {
  AnchorLine line{AnchorLine::Kind::Head, 0, {}};
  for (const auto kind : {AnchorLine::Kind::Seal, AnchorLine::Kind::Restart}) {
    const std::string prefix = std::string(kindName(kind)) + " ";
    if (text.starts_with(prefix)) {
      line.kind = kind;
      text.remove_prefix(prefix.size());
    }
  }
  const auto space = text.find(' ');
  if (space == std::string_view::npos || space == 0) return std::nullopt;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + space, line.id);
  if (ec != std::errc{} || end != text.data() + space || line.id < 0) return std::nullopt;
  line.mac = std::string(text.substr(space + 1));
  if (line.mac.size() != crypto::kAuthKeyBytes * 2 ||
      line.mac.find_first_not_of("0123456789abcdef") != std::string::npos)
    return std::nullopt;
  return line;
}

Status failErrno(const std::string& what, const fs::path& file) {
  return fail(Errc::Internal, what + " " + file.string() + ": " + std::strerror(errno));
}

Result<std::string> readKey(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return fail(Errc::Internal, "cannot read the audit key " + file.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (bytes.str().size() != crypto::kAuthKeyBytes)
    return fail(Errc::Internal, "the audit key " + file.string() + " is not " +
                                    std::to_string(crypto::kAuthKeyBytes) + " bytes long");
  return bytes.str();
}

Result<FileDescriptor> openAnchor(const fs::path& file, bool truncate) {
  // Read too: a process appends only after the last line any process wrote (lastIdInFile).
  const int flags = O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | (truncate ? O_TRUNC : 0);
  FileDescriptor fd(::open(file.c_str(), flags, 0600));
  if (!fd) return std::unexpected(failErrno("cannot open the audit anchor", file).error());
  return fd;
}

struct Head {
  std::int64_t id = 0;
  std::string hash = kAuditGenesis;
};

Head readHead(Database& db) {
  return db.read([](Reading& c) {
    Head head;
    auto stmt = c.prepare("SELECT last_id, last_hash FROM audit_head WHERE id = 1");
    if (stmt.step()) head = {stmt.int64(0), stmt.text(1)};
    return head;
  });
}

std::string hashOf(Database& db, std::int64_t id) {
  if (id == 0) return kAuditGenesis;
  return db.read([id](Reading& c) {
    auto stmt = c.prepare("SELECT hash FROM audit_log WHERE id = ?1");
    stmt.bindAll(id);
    return stmt.step() ? stmt.text(0) : std::string();
  });
}

// The anchor's parent and the key's: a file created or renamed there survives a power cut.
Status syncFolders(const AuditFiles& files) {
  if (auto synced = syncDirectory(files.key.parent_path()); !synced) return synced;
  return syncDirectory(files.anchor.parent_path());
}

// After a crash, only what the anchor lacks: the head, when the log has gone on past it.
Status catchUp(Database& db, AuditSeal& seal) {
  const Head head = readHead(db);
  if (head.id <= seal.lastAnchored()) return {};
  return seal.append(
      {AnchorLine::Kind::Head, head.id, seal.mac(AnchorLine::Kind::Head, head.id, head.hash)});
}

// A key is there: the anchor must be too, with its Seal line. One that is missing or empty was
// removed by someone, never by a crash (the key is moved into place after that line is on disk),
// so it is started again with a Restart line, which verification keeps reporting.
Result<std::unique_ptr<AuditSeal>> attach(Database& db, std::string key, const AuditFiles& files) {
  const AnchorFile anchor = readAnchor(files.anchor);
  const bool lost = anchor.lines.empty() && anchor.unreadable.empty();
  std::error_code ec;
  if (!lost && fs::file_size(files.anchor, ec) > anchor.completeBytes && !ec &&
      ::truncate(files.anchor.c_str(), static_cast<off_t>(anchor.completeBytes)) != 0)
    return std::unexpected(failErrno("cannot cut the torn last line of", files.anchor).error());
  auto fd = openAnchor(files.anchor, lost);
  if (!fd) return std::unexpected(fd.error());
  // A line past the head (a cut log, or a forged line) is verification's to report; it must not
  // keep the lines of the entries written from now on out of the anchor.
  const Head head = readHead(db);
  std::int64_t last = 0;
  for (const auto& line : anchor.lines) last = std::max(last, std::min(line.id, head.id));
  auto seal = std::make_unique<AuditSeal>(std::move(key), std::move(*fd), last);
  if (lost) {
    auto restarted = seal->append({AnchorLine::Kind::Restart, head.id,
                                   seal->mac(AnchorLine::Kind::Restart, head.id, head.hash)});
    if (!restarted) return std::unexpected(restarted.error());
    if (auto synced = syncFolders(files); !synced) return std::unexpected(synced.error());
  }
  db.setAuditSeal(seal.get());
  if (auto caught = catchUp(db, *seal); !caught) return std::unexpected(caught.error());
  return seal;
}

}  // namespace

AnchorFile readAnchor(const fs::path& file) {
  AnchorFile out;
  std::ifstream in(file, std::ios::binary);
  if (!in) return out;
  out.exists = true;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string text = bytes.str();
  const auto end = text.rfind('\n');
  if (end == std::string::npos) return out;
  out.completeBytes = end + 1;
  std::size_t number = 0;
  for (std::size_t at = 0; at < out.completeBytes;) {
    const auto next = text.find('\n', at);
    ++number;
    if (auto line = parseLine(std::string_view(text).substr(at, next - at))) {
      out.lines.push_back(std::move(*line));
    } else {
      out.unreadable.push_back(number);
    }
    at = next + 1;
  }
  return out;
}

AuditSeal::AuditSeal(std::string key, FileDescriptor anchor, std::int64_t lastAnchored)
    : key_(std::move(key)),
      anchor_(std::move(anchor)),
      lastAnchored_(lastAnchored),
      lastSync_(std::chrono::steady_clock::now()) {}

AuditSeal::~AuditSeal() {
  // A last chance for what the periodic sync has not yet put on disk; nothing to tell anyone.
  if (anchor_) (void)::fdatasync(anchor_.get());
}

std::string AuditSeal::mac(AnchorLine::Kind kind, std::int64_t id, const std::string& hash) const {
  return crypto::authenticateHex(key_, std::string("samverkan audit ") + kindName(kind) + "\n" +
                                           std::to_string(id) + "\n" + hash);
}

void AuditSeal::beginTransaction() {
  pendingId_ = 0;
  pendingMac_.clear();
}

void AuditSeal::written(std::int64_t id, std::string mac) {
  pendingId_ = id;
  pendingMac_ = std::move(mac);
}

void AuditSeal::committed() noexcept {
  if (pendingId_ <= lastAnchored_) return;
  try {
    if (!appendIfLater({AnchorLine::Kind::Head, pendingId_, pendingMac_})) return;
  } catch (...) {
    return;  // the next commit's line names a later head and covers this one
  }
  const auto now = std::chrono::steady_clock::now();
  if (now - lastSync_ >= std::chrono::seconds(1)) {
    // A failed sync leaves the line in the page cache: the next second tries again.
    if (::fdatasync(anchor_.get()) == 0) lastSync_ = now;
  }
}

Status AuditSeal::append(const AnchorLine& line) {
  if (!appendIfLater(line) || ::fdatasync(anchor_.get()) != 0)
    return fail(Errc::Internal,
                std::string("cannot write the audit anchor: ") + std::strerror(errno));
  lastSync_ = std::chrono::steady_clock::now();
  return {};
}

bool AuditSeal::appendIfLater(const AnchorLine& line) {
  // Several server processes on one PostgreSQL anchor into the same file, each after its own
  // commits, which reach here in either order: one at a time (the flock, dropped with the
  // scope), and a line only when it names a later entry than the file's last, which covers every
  // entry before it. One process alone always finds its own last line there.
  struct Locked {
    int fd;
    explicit Locked(int f) : fd(f) {
      while (::flock(fd, LOCK_EX) != 0 && errno == EINTR) {
      }
    }
    ~Locked() { ::flock(fd, LOCK_UN); }
    Locked(const Locked&) = delete;
    Locked& operator=(const Locked&) = delete;
  } locked(anchor_.get());
  // (A Seal or Restart line begins a file and is always written.)
  const std::int64_t last = line.kind == AnchorLine::Kind::Head ? lastIdInFile() : -1;
  if (line.id <= last) {
    lastAnchored_ = std::max(lastAnchored_, last);
    return true;
  }
  if (!writeLine(formatLine(line))) return false;
  lastAnchored_ = line.id;
  return true;
}

std::int64_t AuditSeal::lastIdInFile() const {
  // The last whole line is within the file's last few hundred bytes (a line is a kind, an id and
  // a MAC); a cut line after it (a crash mid-write) is not a line.
  struct stat info{};
  if (::fstat(anchor_.get(), &info) != 0 || info.st_size == 0) return 0;
  const off_t size = info.st_size;
  const off_t from = size > 1024 ? size - 1024 : 0;
  std::string tail(static_cast<std::size_t>(size - from), '\0');
  const ssize_t n = ::pread(anchor_.get(), tail.data(), tail.size(), from);
  if (n <= 0) return 0;
  tail.resize(static_cast<std::size_t>(n));
  const auto end = tail.rfind('\n');
  if (end == std::string::npos) return 0;
  const auto start = tail.rfind('\n', end == 0 ? 0 : end - 1);
  const auto begin = (start == std::string::npos || end == 0) ? 0 : start + 1;
  const auto parsed = parseLine(std::string_view(tail).substr(begin, end - begin));
  return parsed ? parsed->id : 0;
}

bool AuditSeal::writeLine(const std::string& line) {
  // O_APPEND and one write(2) of a short line: a crash leaves it whole or cut, and a cut line at
  // the end is what readAnchor sets aside.
  std::string_view rest = line;
  while (!rest.empty()) {
    const ssize_t n = ::write(anchor_.get(), rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

Result<std::unique_ptr<AuditSeal>> openAuditSeal(Database& db, const AuditFiles& files,
                                                 TimePoint now) {
  std::error_code ec;
  if (fs::exists(files.key, ec)) {
    auto key = readKey(files.key);
    if (!key) return std::unexpected(key.error());
    return attach(db, std::move(*key), files);
  }
  // No key: a fresh folder, one from before the seal, or a sealing a crash left unfinished.
  const fs::path unfinished = files.key.string() + ".new";
  const bool resuming = fs::exists(unfinished, ec);
  std::string key;
  if (resuming) {
    auto read = readKey(unfinished);
    if (!read) return std::unexpected(read.error());
    key = std::move(*read);
  } else {
    key = crypto::randomBytes(crypto::kAuthKeyBytes);
  }
  const auto missing = [&files] {
    return fail(Errc::Internal, "the audit key " + files.key.string() +
                                    " is missing, but the audit log was sealed with it: put it "
                                    "back (samverkan.audit.key_file)");
  };
  if (!resuming && fs::exists(files.anchor, ec) && fs::file_size(files.anchor, ec) > 0)
    return missing();
  // Every sealed entry must be this key's: only an unfinished sealing has any.
  AuditSeal probe(key, FileDescriptor(), std::numeric_limits<std::int64_t>::max());
  const bool foreign = db.read([&probe](Reading& c) {
    auto stmt = c.prepare("SELECT id, hash, mac FROM audit_log WHERE mac IS NOT NULL");
    while (stmt.step())
      if (probe.mac(AnchorLine::Kind::Head, stmt.int64(0), stmt.text(1)) != stmt.text(2))
        return true;
    return false;
  });
  if (foreign) return missing();

  if (!resuming) {
    if (auto written = writeFile(unfinished, key, true, 0600); !written)
      return std::unexpected(written.error());
    if (auto synced = syncDirectory(unfinished.parent_path()); !synced)
      return std::unexpected(synced.error());
  }
  auto fd = openAnchor(files.anchor, true);
  if (!fd) return std::unexpected(fd.error());
  // Nothing is appended after a commit until the Seal line is written.
  auto seal = std::make_unique<AuditSeal>(std::move(key), std::move(*fd),
                                          std::numeric_limits<std::int64_t>::max());
  db.setAuditSeal(seal.get());
  std::int64_t first = db.read([](Reading& c) {
    auto stmt = c.prepare("SELECT MIN(id) FROM audit_log WHERE mac IS NOT NULL");
    return stmt.step() && !stmt.isNull(0) ? stmt.int64(0) : std::int64_t{0};
  });
  const Head head = readHead(db);
  if (first == 0 && head.id > 0) {
    // Entries from before the key: one entry now, whose seal vouches for all of them.
    db.write([&](Writing& w) {
      appendAudit(
          w,
          AuditEntry{std::nullopt, "system", "audit.seal", "audit_log", std::to_string(head.id), "",
                     "{\"unsealed_through\":" + std::to_string(head.id) + "}"},
          now);
      return 0;
    });
    first = readHead(db).id;
  }
  const std::string hash = hashOf(db, first);
  if (auto sealed = seal->append(
          {AnchorLine::Kind::Seal, first, seal->mac(AnchorLine::Kind::Seal, first, hash)});
      !sealed)
    return std::unexpected(sealed.error());
  if (auto caught = catchUp(db, *seal); !caught) return std::unexpected(caught.error());
  if (auto synced = syncDirectory(files.anchor.parent_path()); !synced)
    return std::unexpected(synced.error());
  fs::rename(unfinished, files.key, ec);
  if (ec) return fail(Errc::Internal, "cannot move the audit key into place: " + ec.message());
  if (auto synced = syncFolders(files); !synced) return std::unexpected(synced.error());
  return seal;
}

}  // namespace sv::store
