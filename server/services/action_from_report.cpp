// A final follow-up report's required improvements become actions (seed 000: "enheten åtgärdar
// och återrapporterar inom överenskommen tid"; seed 003: planned actions are evaluated at the
// next step). They follow the actions' lifecycle and come up at the next meetings like a
// meeting's planned actions, with the report as their origin.
#include "server/services/access.hpp"
#include "server/services/actions.hpp"
#include "server/store/audit.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

int ActionService::recordFinalReport(store::Writing& c, const minutes::FollowUpReport& report,
                                     std::int64_t reportId, const store::ContractRow& contract,
                                     TimePoint now) {
  const std::string when = formatIsoUtc(now);
  int added = 0;
  for (const auto& area : report.areas) {
    for (const auto& improvement : area.improvements) {
      store::ActionRow row;
      row.contractId = contract.id;
      row.originReportId = reportId;
      row.originItem = improvement.id;
      // The area gives the improvement its sense when it is read in an agenda on its own.
      row.text = area.title + ": " + improvement.text;
      row.responsibleParty = improvement.responsibleParty;
      row.dueOn = improvement.dueDate.ok() ? formatDate(improvement.dueDate)
                                           : formatDate(toStockholm(now).date);
      row.agreedAt = when;
      row.createdAt = when;
      const auto id = store::insertActionFromReport(c, row);
      if (!id) continue;
      ++added;
      store::insertActionEvent(c, {0, *id, agenda::ActionEventKind::Created, std::nullopt, "",
                                   std::nullopt, row.text, std::nullopt, row.dueOn, when});
      store::appendAudit(c,
                         auditBy(nullptr, "action.create", "action", std::to_string(*id),
                                 auditDetail({{"contract_id", std::to_string(contract.id)},
                                              {"report_id", std::to_string(reportId)},
                                              {"improvement", improvement.id},
                                              {"text", row.text},
                                              {"due_on", row.dueOn}})),
                         now);
    }
  }
  return added;
}

}  // namespace sv::services
