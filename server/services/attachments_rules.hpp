// What the attachment use cases share (inside server/services only): the row as the services
// show it, and who may add or remove.
#pragma once

#include "server/services/attachments.hpp"
#include "server/store/attachments.hpp"
#include "server/store/contracts.hpp"

namespace sv::services {

Attachment attachmentOf(const store::AttachmentRow& row, bool sealed);

// The manager, or a participant of the meeting (either party).
bool takesPartIn(store::Reading& c, const store::Principal& p, const store::MeetingInContract& m);

// The attachment and the contract it belongs to, as far as the person may see them (through its
// meeting, or for a report's through the contract). Errors: NotFound ("no such attachment").
Result<std::pair<store::AttachmentRow, store::ContractRow>> attachmentFor(
    store::Reading& c, const store::Principal& viewer, std::int64_t attachmentId);

}  // namespace sv::services
