// Delivery into a folder, one `<outbox id>.eml` a message: the embedded default, so `make run`
// needs no mail server and anyone can open what would have been sent. The file is written to a
// temporary name, synced and renamed, so a reader never sees half a message; delivering the same
// row again writes the same file.
#pragma once

#include <filesystem>

#include "server/mail/transport.hpp"

namespace sv::mail {

class FolderTransport final : public Transport {
 public:
  explicit FolderTransport(std::filesystem::path folder);
  Status deliver(const store::OutboxRow& row) override;

 private:
  std::filesystem::path folder_;
};

}  // namespace sv::mail
