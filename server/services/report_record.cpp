// The record of a follow-up report beyond its text (minutes/report_record.hpp), gathered from
// SQLite and git: the fact-check with the provider's comments and the answers, which areas
// changed after the version the provider was shown, the supplements, and the attachments.
#include "server/services/report_context.hpp"
#include "server/store/attachments.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {
namespace {

std::string areaTitleOf(const minutes::FollowUpReport& doc, const std::string& key) {
  for (const auto& area : doc.areas)
    if (area.key == key) return area.title;
  return "";
}

std::vector<std::string> changedAreas(const minutes::FollowUpReport& sent,
                                      const minutes::FollowUpReport& now) {
  std::vector<std::string> out;
  if (sent.method != now.method || sent.visits != now.visits) out.push_back("Metod och besök");
  for (const auto& area : now.areas) {
    bool same = false;
    for (const auto& before : sent.areas) same = same || before == area;
    if (!same) out.push_back(area.title);
  }
  return out;
}

}  // namespace

Result<minutes::ReportRecord> ReportService::recordOf(const ReportContext& ctx) {
  auto doc = load(ctx, ctx.version);
  if (!doc) return std::unexpected(doc.error());
  struct Rows {
    std::optional<store::FactCheckRow> check;
    std::vector<review::Comment> comments;
    std::vector<store::SupplementRow> supplements;
    std::vector<store::AttachmentRow> attachments;
  };
  const auto rows = store_.read([&](store::Reading& c) {
    return Rows{store::findFactCheck(c, ctx.row.id), store::listReviewComments(c, ctx.reviewed()),
                store::listSupplements(c, ctx.row.id),
                store::listAttachmentsSealedWith(c, ctx.repository, ctx.document)};
  });
  minutes::ReportRecord record;
  record.report = *doc;
  if (rows.check) {
    minutes::FactCheckRecord f;
    f.sentVersion = rows.check->version;
    f.sentBy = rows.check->sentByName;
    f.sentAt = rows.check->sentAt;
    f.dueOn = parseDate(rows.check->dueOn).value_or(Date{});
    f.outcome = minutes::parseFactCheckOutcome(rows.check->outcome)
                    .value_or(minutes::FactCheckOutcome::Pending);
    f.answeredBy = rows.check->answeredByName;
    f.endedAt = rows.check->endedAt.value_or("");
    for (const auto& c : rows.comments) {
      minutes::FactCheckComment comment;
      comment.areaKey = c.part;
      comment.areaTitle = areaTitleOf(*doc, c.part);
      comment.text = c.text;
      comment.by = c.userName;
      comment.at = c.createdAt;
      if (c.handled) {
        comment.answer = c.handled->how;
        comment.answeredBy = c.handled->userName;
        comment.answeredAt = c.handled->at;
      }
      f.comments.push_back(std::move(comment));
    }
    auto sent = load(ctx, rows.check->version);
    if (!sent) return std::unexpected(sent.error());
    f.changedAreas = changedAreas(*sent, *doc);
    record.factCheck = std::move(f);
  }
  for (const auto& row : rows.supplements)
    record.supplements.push_back(supplementEntryOf(row, *doc));
  for (const auto& a : rows.attachments) {
    minutes::RecordAttachment r;
    r.fileName = a.fileName;
    r.contentType = a.contentType;
    r.size = a.size;
    r.sha256 = a.sha256;
    const std::string prefix = "reports/" + std::to_string(ctx.row.id) + "/supplements/";
    r.attachedTo = a.document.starts_with(prefix)
                       ? "Komplettering " + a.document.substr(prefix.size())
                       : "Rapporten";
    record.attachments.push_back(std::move(r));
  }
  return record;
}

Result<minutes::ReportRecord> ReportService::record(const store::Principal& viewer,
                                                    std::int64_t reportId) {
  auto ctx = loadReportContext(store_, viewer, reportId);
  if (!ctx) return std::unexpected(ctx.error());
  return recordOf(*ctx);
}

}  // namespace sv::services
