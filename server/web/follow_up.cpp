#include "server/web/follow_up.hpp"

#include <vector>

#include "server/web/words.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::web {
namespace {

std::string evaluationText(const store::ActionEventRow& e) {
  std::string out = e.outcome ? actionStatusWord(*e.outcome) : std::string("Bedömd");
  if (!e.text.empty()) out += ": " + e.text;
  if (e.newDueOn) out += " Nytt datum: " + *e.newDueOn + ".";
  return out;
}

}  // namespace

FollowUpHistory followUpHistory(Services& s, const store::Principal& viewer,
                                const minutes::Minutes& doc,
                                const std::optional<std::string>& until) {
  std::vector<std::int64_t> ids;
  for (const auto& section : doc.sections)
    for (const auto& e : section.evaluations) ids.push_back(e.actionId);
  FollowUpHistory out;
  if (ids.empty()) return out;
  for (const auto& view : s.actions.followUps(viewer, ids, until)) {
    auto entries = list();
    for (const auto& e : view.events) {
      const bool report = e.kind == agenda::ActionEventKind::Report;
      if (!report && e.kind != agenda::ActionEventKind::Evaluation) continue;
      Data d;
      d.set("kind", report ? std::string("Rapport") : std::string("Bedömning"));
      d.set("when", swedishDateTime(e.at));
      d.set("who", e.userName);
      d.set("has_who", !e.userName.empty());
      const bool atMeeting = e.meetingId.has_value() && !e.meetingStartsAt.empty();
      d.set("meeting_link", atMeeting);
      d.set("meeting_id", e.meetingId ? std::to_string(*e.meetingId) : std::string());
      const auto startsAt = parseDateTime(e.meetingStartsAt);
      d.set("meeting_date", startsAt ? formatDate(toStockholm(*startsAt).date) : std::string());
      d.set("text", report ? e.text : evaluationText(e));
      entries.push_back(d);
    }
    out.emplace(view.row.id, entries);
  }
  return out;
}

void addFollowUp(Data& row, const FollowUpHistory& history, std::int64_t actionId) {
  const auto it = history.find(actionId);
  const bool any = it != history.end() && !it->second.list_value().empty();
  row.set("history", any ? it->second : list());
  row.set("has_history", any);
}

}  // namespace sv::web
