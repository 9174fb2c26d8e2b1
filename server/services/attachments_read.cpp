// Listing and downloading attachments: anyone who may see the meeting.
#include "server/crypto/crypto.hpp"
#include "server/services/access.hpp"
#include "server/services/attachments_rules.hpp"
#include "server/services/minutes_context.hpp"
#include "server/store/documents.hpp"
#include "server/store/reports.hpp"

namespace sv::services {

std::string_view attachedToName(AttachedTo to) {
  switch (to) {
    case AttachedTo::Minutes:
      return "minutes";
    case AttachedTo::Report:
      return "report";
    case AttachedTo::Supplement:
      return "supplement";
    case AttachedTo::ActionReport:
      return "action_report";
    case AttachedTo::Case:
      return "case";
    case AttachedTo::ActionPlan:
      return "action_plan";
    case AttachedTo::Meeting:
      break;
  }
  return "meeting";
}

std::optional<AttachedTo> parseAttachedTo(std::string_view name) {
  for (auto to : {AttachedTo::Meeting, AttachedTo::Minutes, AttachedTo::Report,
                  AttachedTo::Supplement, AttachedTo::ActionReport, AttachedTo::Case,
                  AttachedTo::ActionPlan})
    if (attachedToName(to) == name) return to;
  return std::nullopt;
}

Attachment attachmentOf(const store::AttachmentRow& row, bool sealed) {
  Attachment a;
  a.id = row.id;
  a.meetingId = row.meetingId.value_or(0);
  a.to = row.document.ends_with("/minutes") ? AttachedTo::Minutes : AttachedTo::Meeting;
  // "reports/<id>/report" or "reports/<id>/supplements/<number>"
  if (row.document.starts_with("reports/")) {
    const auto rest = std::string_view(row.document).substr(8);
    const auto slash = rest.find('/');
    a.reportId = std::stoll(std::string(rest.substr(0, slash)));
    const auto tail = rest.substr(slash + 1);
    a.to = tail.starts_with("supplements/") ? AttachedTo::Supplement : AttachedTo::Report;
    if (a.to == AttachedTo::Supplement) a.supplement = std::stoi(std::string(tail.substr(12)));
  }  // "actions/<id>/report"
  if (row.document.starts_with("actions/")) {
    a.to = AttachedTo::ActionReport;
    const auto rest = std::string_view(row.document).substr(8);
    a.actionId = std::stoll(std::string(rest.substr(0, rest.find('/'))));
  }  // "cases/<id>" (the material) or "cases/<id>/plan"
  if (row.document.starts_with("cases/")) {
    const auto rest = std::string_view(row.document).substr(6);
    const auto slash = rest.find('/');
    a.caseId = std::stoll(std::string(rest.substr(0, slash)));
    a.to = slash == std::string_view::npos ? AttachedTo::Case : AttachedTo::ActionPlan;
  }

  a.fileName = row.fileName;
  a.contentType = row.contentType;
  a.size = row.size;
  a.sha256 = row.sha256;
  a.uploadedBy = row.uploadedBy;
  a.uploadedByName = row.uploaderName;
  a.uploadedAt = row.uploadedAt;
  a.version = row.version;
  a.sealed = sealed;
  return a;
}

bool takesPartIn(store::Reading& c, const store::Principal& p, const store::MeetingInContract& m) {
  if (managesContract(p, m.contract)) return true;
  for (const auto& person : store::listParticipants(c, m.meeting.id))
    if (person.userId == p.userId) return true;
  return false;
}

Result<std::pair<store::AttachmentRow, store::ContractRow>> attachmentFor(
    store::Reading& c, const store::Principal& viewer, std::int64_t attachmentId) {
  auto row = store::findAttachment(c, attachmentId);
  if (!row) return fail(Errc::NotFound, "no such attachment");
  if (row->meetingId) {
    auto meeting = meetingFor(c, viewer, *row->meetingId);
    if (!meeting) return fail(Errc::NotFound, "no such attachment");
    return std::pair{std::move(*row), std::move(meeting->contract)};
  }
  auto contract = contractFor(c, viewer, row->contractId);
  if (!contract) return fail(Errc::NotFound, "no such attachment");
  // A report's file is seen by whoever sees the report (a provider sees no draft).
  if (row->document.starts_with("reports/") &&
      !store::findReport(c, store::TenantScope::of(viewer), attachmentOf(*row, false).reportId))
    return fail(Errc::NotFound, "no such attachment");
  return std::pair{std::move(*row), std::move(*contract)};
}

Result<std::vector<Attachment>> AttachmentService::list(const store::Principal& viewer,
                                                        std::int64_t meetingId) {
  return store_.read([&](store::Reading& c) -> Result<std::vector<Attachment>> {
    auto meeting = meetingFor(c, viewer, meetingId);
    if (!meeting) return std::unexpected(meeting.error());
    std::vector<Attachment> out;
    for (const auto& row : store::listMeetingAttachments(c, meetingId))
      out.push_back(attachmentOf(row, store::attachmentSealed(c, row)));
    return out;
  });
}

Result<Attachment> AttachmentService::get(const store::Principal& viewer,
                                          std::int64_t attachmentId) {
  return store_.read([&](store::Reading& c) -> Result<Attachment> {
    auto pair = attachmentFor(c, viewer, attachmentId);
    if (!pair) return std::unexpected(pair.error());
    return attachmentOf(pair->first, store::attachmentSealed(c, pair->first));
  });
}

Result<AttachmentFile> AttachmentService::download(const store::Principal& viewer,
                                                   std::int64_t attachmentId) {
  auto found =
      store_.read([&](store::Reading& c) -> Result<std::pair<store::AttachmentRow, Attachment>> {
        auto pair = attachmentFor(c, viewer, attachmentId);
        if (!pair) return std::unexpected(pair.error());
        auto shown = attachmentOf(pair->first, store::attachmentSealed(c, pair->first));
        return std::pair{std::move(pair->first), std::move(shown)};
      });
  if (!found) return std::unexpected(found.error());
  const auto& row = found->first;
  auto bytes = store_.documents().readFile(row.repository, row.version, row.path);
  if (!bytes) return std::unexpected(bytes.error());
  // The checksum is what the archive promises; a blob that does not match it is never served.
  if (crypto::sha256Hex(*bytes) != row.sha256)
    return fail(Errc::Internal,
                "attachment " + std::to_string(attachmentId) + " does not match its checksum");
  return AttachmentFile{std::move(found->second), std::move(*bytes)};
}

}  // namespace sv::services
