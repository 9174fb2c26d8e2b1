// Files of an event-driven case (issue 14): the material the contract manager gathers (a
// complaint, a deviation report, an extract of the social documentation) and the files the
// provider sends with its action plan (a revised routine, a training plan). Both close with the
// case's report to the committee: registering it seals "cases/<id>", and the attachments' triggers
// refuse any change from then on.
#include "server/services/access.hpp"
#include "server/services/agendas.hpp"
#include "server/services/attachments_rules.hpp"
#include "server/services/case_service.hpp"
#include "server/store/cases.hpp"

namespace sv::services {

Result<Attachment> AttachmentService::uploadToCase(const store::Principal& who,
                                                   std::int64_t caseId, AttachedTo to,
                                                   const AttachmentUpload& file) {
  store::AttachmentRow row;
  auto checked = store_.read([&](store::Reading& c) -> Status {
    auto found = store::findCase(c, store::TenantScope::of(who), caseId);
    if (!found) return fail(Errc::NotFound, "no such case");
    auto contract = contractFor(c, who, found->contractId);
    if (!contract) return fail(Errc::NotFound, "no such case");
    if (to == AttachedTo::ActionPlan) {
      if (!(who.organizationId == contract->providerId && who.has(store::Role::ProviderRep)))
        return fail(Errc::Forbidden, Reason::NotPlanWriter,
                    "only the provider's people add files to the action plan");
      if (found->state != "action_plan_requested")
        return fail(Errc::Conflict, Reason::TransitionNotAllowed,
                    "no action plan is asked for in this case", "", "submit_action_plan");
    } else if (!managesContract(who, *contract)) {
      return fail(Errc::Forbidden, Reason::NotCaseWriter,
                  "only the authority's contract manager adds material to a case");
    }
    if (found->state == "closed" || found->state == "reported")
      return fail(Errc::Conflict, Reason::CaseClosed, "the case takes no more material");
    row.contractId = contract->id;
    return {};
  });
  if (!checked) return std::unexpected(checked.error());
  row.repository = AgendaService::repositoryOf(row.contractId);
  row.sealedWith = CaseService::documentOf(caseId);
  row.document = to == AttachedTo::ActionPlan ? CaseService::planDocumentOf(caseId) : row.sealedWith;
  return commitUpload(who, std::move(row), file);
}

Result<std::vector<Attachment>> AttachmentService::listOfCase(const store::Principal& viewer,
                                                              std::int64_t caseId) {
  return store_.read([&](store::Reading& c) -> Result<std::vector<Attachment>> {
    auto found = store::findCase(c, store::TenantScope::of(viewer), caseId);
    if (!found) return fail(Errc::NotFound, "no such case");
    std::vector<Attachment> out;
    for (const auto& row :
         store::listAttachmentsSealedWith(c, AgendaService::repositoryOf(found->contractId),
                                          CaseService::documentOf(caseId)))
      out.push_back(attachmentOf(row, store::attachmentSealed(c, row)));
    return out;
  });
}

}  // namespace sv::services
