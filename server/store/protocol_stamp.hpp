// What the protocol page of a meeting (minutes.html) is made from, read as one row: whether the
// viewer may see the meeting at all, the current version of the minutes, the approvals, the
// registry number and the attachments (bilagor) listed in its "Bilagor". MinutesService::html
// (services/minutes_page.cpp) keys its rendered pages by this, so that a request whose page is
// already rendered costs one query.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "server/store/principal.hpp"
#include "server/store/transaction.hpp"

namespace sv::store {

struct ProtocolStamp {
  std::optional<std::string> version;  // the minutes' current version; none until started
  std::int64_t approvals = 0;          // approvals are only added, never removed
  std::int64_t lastApprovalId = 0;
  std::int64_t superseded = 0;  // the one change an approval row sees after it is added
  std::optional<std::string> registryNumber;
  // The meeting's and its minutes' attachments: how many are listed, and the highest id ever
  // given one (removed ones too). An upload raises the id, a removal lowers the count, so every
  // change to the list changes the pair, though neither makes a new version of the minutes.
  std::int64_t attachments = 0;
  std::int64_t lastAttachmentId = 0;
};

// None when the meeting is not there, is not in `contractId`, or is not in the scope: the same
// meetings findMeeting does not find. `repository` and `document` name the minutes' document.
std::optional<ProtocolStamp> protocolStamp(Reading& c, const TenantScope& scope,
                                           std::int64_t meetingId, std::int64_t contractId,
                                           const std::string& repository,
                                           const std::string& document);

}  // namespace sv::store
