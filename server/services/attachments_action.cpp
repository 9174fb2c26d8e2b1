// Files with the report on an action (issue 13 point 5: attachments on action reports): the
// responsible party shows what was done (a revised routine, a training list) beside its report's
// text. The provider's people or the contract manager add them while the action is open; once
// the action is accepted its files stay as they are. Anyone who sees the action sees them.
#include "server/services/access.hpp"
#include "server/services/agendas.hpp"
#include "server/services/attachments_rules.hpp"
#include "server/store/actions.hpp"

namespace sv::services {
namespace {

std::string documentOfAction(std::int64_t actionId) {
  return "actions/" + std::to_string(actionId) + "/report";
}

}  // namespace

Result<Attachment> AttachmentService::uploadToAction(const store::Principal& who,
                                                     std::int64_t actionId,
                                                     const AttachmentUpload& file) {
  store::AttachmentRow row;
  auto checked = store_.read([&](store::Reading& c) -> Status {
    auto action = store::findAction(c, store::TenantScope::of(who), actionId);
    if (!action) return fail(Errc::NotFound, "no such action");
    auto contract = contractFor(c, who, action->contractId);
    if (!contract) return fail(Errc::NotFound, "no such action");
    const bool provider =
        who.organizationId == contract->providerId && who.has(store::Role::ProviderRep);
    if (!provider && !managesContract(who, *contract))
      return fail(Errc::Forbidden, Reason::RoleMissingForTransition,
                  "only the provider or the contract manager adds files to an action's report", "",
                  "report");
    if (action->status == agenda::ActionStatus::Accepted)
      return fail(Errc::Conflict, Reason::ActionClosed, "the action is accepted and closed");
    row.contractId = contract->id;
    return {};
  });
  if (!checked) return std::unexpected(checked.error());
  row.repository = AgendaService::repositoryOf(row.contractId);
  row.document = documentOfAction(actionId);
  row.sealedWith = row.document;
  return commitUpload(who, std::move(row), file);
}

Result<std::vector<Attachment>> AttachmentService::listOfAction(const store::Principal& viewer,
                                                                std::int64_t actionId) {
  return store_.read([&](store::Reading& c) -> Result<std::vector<Attachment>> {
    auto action = store::findAction(c, store::TenantScope::of(viewer), actionId);
    if (!action) return fail(Errc::NotFound, "no such action");
    std::vector<Attachment> out;
    for (const auto& row : store::listAttachments(
             c, AgendaService::repositoryOf(action->contractId), documentOfAction(actionId)))
      out.push_back(attachmentOf(row, store::attachmentSealed(c, row)));
    return out;
  });
}

}  // namespace sv::services
