// A case's report carries its case into the archive: the timeline with who was told of it and the
// plan's rounds (arende.json), the action plan as the authority last decided it (atgardsplan.md and
// .json), the case's audit entries, and the material's and the plan's attachments with the
// report's own. All of it was sealed when the report was registered (report_register.cpp), so the
// package says what the record said.
#include "server/services/archive_parts.hpp"
#include "server/services/case_service.hpp"
#include "server/store/cases.hpp"
#include "server/store/documents.hpp"

namespace sv::services {
namespace {

Poco::JSON::Object::Ptr caseJson(const store::CaseRow& row,
                                 const std::vector<store::CaseEventRow>& events,
                                 const std::vector<store::CaseNoticeRow>& notices,
                                 const std::vector<store::CasePlanRow>& plans) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", row.id);
  o->set("trigger", row.trigger);
  o->set("title", row.title);
  o->set("description", row.description);
  o->set("occurred_on", row.occurredOn);
  o->set("urgency", row.urgency);
  o->set("state", row.state);
  o->set("opened_by", row.openedByName);
  o->set("opened_at", row.openedAt);
  Poco::JSON::Array timeline;
  for (const auto& e : events) {
    Poco::JSON::Object::Ptr j = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    j->set("at", e.at);
    j->set("kind", e.kind);
    j->set("by", e.userName);
    j->set("text", e.text);
    if (e.dueOn) j->set("due_on", *e.dueOn);
    if (e.version) j->set("version", *e.version);
    timeline.add(j);
  }
  o->set("timeline", timeline);
  Poco::JSON::Array told;
  for (const auto& n : notices) {
    Poco::JSON::Object::Ptr j = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    j->set("name", n.userName);
    j->set("role", n.role);
    j->set("at", n.at);
    told.add(j);
  }
  o->set("acute_notices", told);
  Poco::JSON::Array rounds;
  for (const auto& p : plans) {
    Poco::JSON::Object::Ptr j = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    j->set("round", p.round);
    j->set("version", p.version);
    j->set("submitted_by", p.submittedByName);
    j->set("submitted_at", p.submittedAt);
    j->set("decision", p.decision);
    if (p.decidedAt) j->set("decided_at", *p.decidedAt);
    rounds.add(j);
  }
  o->set("plan_rounds", rounds);
  return o;
}

}  // namespace

Result<std::vector<store::AttachmentRow>> addCaseFiles(store::Store& st,
                                                       const std::string& repository,
                                                       std::int64_t caseId,
                                                       std::vector<BagFile>& payload) {
  const auto caseDocument = CaseService::documentOf(caseId);
  const auto planDocument = CaseService::planDocumentOf(caseId);
  struct Read {
    store::CaseRow row;
    std::vector<store::CaseEventRow> events;
    std::vector<store::CaseNoticeRow> notices;
    std::vector<store::CasePlanRow> plans;
    std::vector<store::AuditRecord> audit;
    std::vector<store::AttachmentRow> attachments;
    std::optional<std::string> planVersion;
  };
  auto read = st.read([&](store::Reading& c) -> Result<Read> {
    // The viewer was let through to the report of this case already: the same contract.
    auto row = store::findCase(c, store::TenantScope::system(), caseId);
    if (!row) return fail(Errc::Internal, "the report's case is gone");
    Read r{*row,
           store::listCaseEvents(c, caseId),
           store::listCaseNotices(c, caseId),
           store::listCasePlans(c, caseId),
           {},
           store::listAttachmentsSealedWith(c, repository, caseDocument),
           store::DocumentStore::currentVersionIn(c, repository, planDocument)};
    store::AuditQuery q;
    q.objectType = "case";
    q.objectId = std::to_string(caseId);
    q.limit = 100000;
    r.audit = store::listAudit(c, q);
    return r;
  });
  if (!read) return std::unexpected(read.error());
  payload.push_back(
      {"arende.json", prettyJson(*caseJson(read->row, read->events, read->notices, read->plans))});
  payload.push_back({"arende-audit.json", prettyJson(auditJson(read->audit))});
  if (read->planVersion)
    for (const char* extension : {"md", "json"}) {
      auto bytes =
          st.documents().readFile(repository, *read->planVersion, planDocument + "." + extension);
      if (!bytes) return std::unexpected(bytes.error());
      payload.push_back({std::string("atgardsplan.") + extension, std::move(*bytes)});
    }
  return std::move(read->attachments);
}

}  // namespace sv::services
