// Setting only the place of a meeting: the year's plan creates meetings without one, and the
// manager fills it in later without choosing the date and time again.
#include "server/services/meetings.hpp"

namespace sv::services {

Result<Meeting> MeetingService::setPlace(const store::Principal& actor, std::int64_t meetingId,
                                         const std::string& location) {
  MeetingChange only;
  only.location = location;
  return change(actor, meetingId, only);
}

}  // namespace sv::services
