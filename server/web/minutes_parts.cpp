#include "server/web/minutes_parts.hpp"

#include <algorithm>

#include "server/services/access.hpp"
#include "server/web/words.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::web {

std::string minutesPath(std::int64_t id) {
  return pathOf("/moten/", id) + "/protokoll";
}

bool writesMinutes(const store::Principal& p, const services::Meeting& m) {
  if (services::managesContract(p, m.contract)) return true;
  return std::ranges::any_of(m.participants, [&](const store::ParticipantRow& part) {
    return part.userId == p.userId && part.party == Party::Authority &&
           (part.role == agenda::ParticipantRole::Secretary ||
            part.role == agenda::ParticipantRole::Chair);
  });
}

std::string meetingDate(const services::Meeting& m) {
  const auto start = parseDateTime(m.row.startsAt);
  return start ? formatDate(toStockholm(*start).date) : m.row.startsAt;
}

void addMeeting(Data& data, const services::Meeting& m, const services::Catalog& catalog) {
  data.set("contract", contractData(m.contract, catalog));
  Data meeting;
  meeting.set("id", std::to_string(m.row.id));
  meeting.set("when", swedishDateTime(m.row.startsAt));
  meeting.set("date", meetingDate(m));
  meeting.set("location", m.row.location);
  data.set("meeting", meeting);
}

std::map<std::string, VersionFacts> versionFacts(
    const std::vector<store::DocumentVersion>& versions) {
  std::map<std::string, VersionFacts> out;
  int n = 0;
  for (const auto& v : versions)
    out[v.version] = {++n, swedishDateTime(v.createdAt), v.authorName, v.message};
  return out;
}

Data versionData(const std::string& version, const std::map<std::string, VersionFacts>& facts) {
  Data d;
  d.set("full", version);
  d.set("short", shortVersion(version));
  const auto it = facts.find(version);
  d.set("number", it == facts.end() ? std::string("?") : std::to_string(it->second.number));
  d.set("when", it == facts.end() ? std::string() : it->second.when);
  d.set("author", it == facts.end() ? std::string() : it->second.author);
  return d;
}

Data summaryData(const std::vector<std::string>& summary) {
  auto out = list();
  for (const auto& line : summary) {
    Data d;
    d.set("text", line);
    out.push_back(d);
  }
  return out;
}

}  // namespace sv::web
