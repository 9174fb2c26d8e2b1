// Where a message from the outbox goes: a mail server over SMTP (smtp_transport.hpp) or, for
// `make run` and the demo, a folder of .eml files (folder_transport.hpp). A transport delivers
// one message or says why not; the sender (sender.hpp) decides when to try again.
#pragma once

#include "server/store/outbox.hpp"
#include "workflows/result.hpp"

namespace sv::mail {

class Transport {
 public:
  virtual ~Transport() = default;
  // Delivered, or the reason it was not (the detail is kept on the row for the administrator).
  virtual Status deliver(const store::OutboxRow& row) = 0;
};

}  // namespace sv::mail
