// Where a message from the outbox goes: a mail server over SMTP (smtp_transport.hpp) or, for
// `make run` and the demo, a folder of .eml files (folder_transport.hpp). A transport delivers
// one message or says why not; the sender (sender.hpp) decides when to try again.
#pragma once

#include <functional>
#include <vector>

#include "server/store/outbox.hpp"
#include "workflows/result.hpp"

namespace sv::mail {

class Transport {
 public:
  using Delivered = std::function<void(const store::OutboxRow&, const Status&)>;

  virtual ~Transport() = default;
  // Delivered, or the reason it was not (the detail is kept on the row for the administrator).
  virtual Status deliver(const store::OutboxRow& row) = 0;
  // A round's messages in order, `done` told of each as soon as it is settled, so that the
  // sender marks it before the next one goes. A transport may share work between them (SMTP:
  // one connection); by default each is delivered on its own.
  virtual void deliverAll(const std::vector<store::OutboxRow>& rows, const Delivered& done) {
    for (const auto& row : rows) done(row, deliver(row));
  }
};

}  // namespace sv::mail
