#include "server/store/minutes_items.hpp"

namespace sv::store {
namespace {

void replaceRows(Writing& c, std::int64_t meetingId, const std::string& version,
                 const std::vector<minutes::AgendaItemFact>& items) {
  c.prepare("DELETE FROM minutes_items WHERE meeting_id = ?1").bind(1, meetingId).run();
  for (std::size_t i = 0; i < items.size(); ++i)
    c.prepare(
         "INSERT INTO minutes_items (meeting_id, position, item_key, title, observations) "
         "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bindAll(meetingId, static_cast<std::int64_t>(i), items[i].key, items[i].title,
                 static_cast<std::int64_t>(items[i].observations))
        .run();
  c.prepare("UPDATE minutes SET items_version = ?2 WHERE meeting_id = ?1")
      .bindAll(meetingId, version)
      .run();
}

}  // namespace

void recordMinutesItems(Writing& c, std::int64_t meetingId, const std::string& version,
                        const std::vector<minutes::AgendaItemFact>& items) {
  replaceRows(c, meetingId, version, items);
}

bool fillMinutesItems(Writing& c, std::int64_t meetingId, const std::string& version,
                      const std::vector<minutes::AgendaItemFact>& items) {
  auto s = c.prepare("SELECT 1 FROM minutes WHERE meeting_id = ?1 AND items_version IS NULL");
  s.bind(1, meetingId);
  if (!s.step()) return false;
  replaceRows(c, meetingId, version, items);
  return true;
}

std::optional<std::string> recordedItemsVersion(Reading& c, std::int64_t meetingId) {
  auto s = c.prepare("SELECT items_version FROM minutes WHERE meeting_id = ?1");
  s.bind(1, meetingId);
  if (!s.step()) return std::nullopt;
  return s.optionalText(0);
}

}  // namespace sv::store
