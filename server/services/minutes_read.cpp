// Reading the minutes: the current version, any earlier one, their files as committed, the list
// of versions, what changed between two, and the signed document the outputs render with the
// attachments they list.
#include <utility>

#include "minutes/diff.hpp"
#include "minutes/minutes_json.hpp"
#include "server/services/minutes_rules.hpp"
#include "server/services/minutes_service.hpp"
#include "server/store/approvals.hpp"
#include "server/store/attachments.hpp"

namespace sv::services {
namespace {

// The context and whether `version` is one of the minutes' versions, in one read.
Result<std::pair<MinutesContext, bool>> contextWithVersion(store::Store& store,
                                                           const store::Principal& viewer,
                                                           std::int64_t meetingId,
                                                           const std::string& version) {
  return store.read([&](store::Reading& c) -> Result<std::pair<MinutesContext, bool>> {
    auto ctx = readMinutesContext(c, viewer, meetingId);
    if (!ctx) return std::unexpected(ctx.error());
    const bool known =
        store::DocumentStore::hasVersionIn(c, ctx->repository, ctx->document, version);
    return std::pair{std::move(*ctx), known};
  });
}

// An attachment as the protocol's "Bilagor" lists it: what of the meeting it belongs to in words.
minutes::RecordAttachment recordAttachmentOf(const store::AttachmentRow& row) {
  return {row.fileName, row.contentType, row.size, row.sha256,
          row.document == minutesDocumentOf(row.meetingId.value_or(0)) ? "Protokollet" : "Mötet"};
}

std::unexpected<Error> unknownVersion(std::string detail = "no such version of these minutes") {
  return fail(Errc::NotFound, Reason::UnknownVersion, std::move(detail));
}

}  // namespace

Result<minutes::Minutes> MinutesService::load(const MinutesContext& ctx,
                                              const std::string& version) {
  const std::string path = ctx.path("json");
  if (auto known = parsed_.find(ctx.repository, version + ":" + path)) return *known;
  auto json = store_.documents().readFile(ctx.repository, version, path);
  if (!json) return std::unexpected(json.error());
  auto doc = minutes::fromJson(*json);
  if (!doc) return fail(Errc::Internal, "stored minutes do not parse: " + doc.error().detail);
  parsed_.remember(ctx.repository, version + ":" + path, *doc);
  return doc;
}

Result<MinutesService::SignedMinutes> MinutesService::signedAt(const MinutesContext& ctx) {
  if (!ctx.version)
    return fail(Errc::NotFound, Reason::MinutesNotStarted,
                "the minutes of this meeting are not started");
  auto doc = load(ctx, *ctx.version);
  if (!doc) return std::unexpected(doc.error());
  return store_.read([&](store::Reading& c) {
    SignedMinutes out{std::move(*doc), {}};
    out.doc.signatures.clear();
    out.doc.disagreements.clear();
    for (const auto& a : store::listApprovals(c, ctx.meeting.id)) {
      auto at = parseDateTime(a.approvedAt);
      out.doc.signatures.push_back({a.party, a.userName, a.version, at ? *at : TimePoint{},
                                    a.supersededAt.has_value(), a.method});
      if (!a.note.empty() && !a.supersededAt)
        out.doc.disagreements.push_back({a.party, a.userName, a.note});
    }
    if (auto reg = store::registryOfMeeting(c, ctx.meeting.id))
      out.doc.registryNumber = reg->number;
    for (const auto& row : store::listMeetingAttachments(c, ctx.meeting.id))
      out.attachments.push_back(recordAttachmentOf(row));
    return out;
  });
}

Result<minutes::Minutes> MinutesService::signedDocument(const store::Principal& viewer,
                                                        std::int64_t meetingId) {
  auto ctx = loadMinutesContext(store_, viewer, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  auto signedMinutes = signedAt(*ctx);
  if (!signedMinutes) return std::unexpected(signedMinutes.error());
  return std::move(signedMinutes->doc);
}

Result<MinutesView> MinutesService::get(const store::Principal& viewer, std::int64_t meetingId) {
  auto ctx = loadMinutesContext(store_, viewer, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  if (auto ok = requireStarted(*ctx); !ok) return std::unexpected(ok.error());
  return atVersion(viewer, meetingId, *ctx->version);
}

Result<MinutesView> MinutesService::atVersion(const store::Principal& viewer,
                                              std::int64_t meetingId, const std::string& version) {
  auto found = contextWithVersion(store_, viewer, meetingId, version);
  if (!found) return std::unexpected(found.error());
  auto& [ctx, known] = *found;
  if (!known) return unknownVersion();
  auto doc = load(ctx, version);
  if (!doc) return std::unexpected(doc.error());
  auto markdown = store_.documents().readFile(ctx.repository, version, ctx.path("md"));
  if (!markdown) return std::unexpected(markdown.error());
  return MinutesView{meetingId, ctx.contract.id, ctx.state.value_or(minutes::MinutesState::Draft),
                     version,   std::move(*doc), std::move(*markdown)};
}

Result<std::string> MinutesService::fileAtVersion(const store::Principal& viewer,
                                                  std::int64_t meetingId,
                                                  const std::string& version,
                                                  const std::string& extension) {
  if (extension != "md" && extension != "json")
    return fail(Errc::Invalid, "format is md or json", "format");
  auto found = contextWithVersion(store_, viewer, meetingId, version);
  if (!found) return std::unexpected(found.error());
  const auto& [ctx, known] = *found;
  if (!known) return unknownVersion();
  return store_.documents().readFile(ctx.repository, version, ctx.path(extension));
}

Result<std::vector<store::DocumentVersion>> MinutesService::versions(const store::Principal& viewer,
                                                                     std::int64_t meetingId) {
  auto ctx = loadMinutesContext(store_, viewer, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  return store_.documents().versions(ctx->repository, ctx->document);
}

Result<store::Page<store::DocumentVersion>> MinutesService::versionPage(
    const store::Principal& viewer, std::int64_t meetingId, store::PageSpan span) {
  auto ctx = loadMinutesContext(store_, viewer, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  return store_.documents().versionPage(ctx->repository, ctx->document, span);
}

Result<MinutesDiff> MinutesService::diff(const store::Principal& viewer, std::int64_t meetingId,
                                         const std::string& from, const std::string& to) {
  auto ctx = loadMinutesContext(store_, viewer, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  for (const auto& v : {from, to})
    if (!store_.documents().hasVersion(ctx->repository, ctx->document, v))
      return unknownVersion("no such version of these minutes: " + v);
  auto a = load(*ctx, from);
  if (!a) return std::unexpected(a.error());
  auto b = load(*ctx, to);
  if (!b) return std::unexpected(b.error());
  auto unified =
      store_.documents().diff(ctx->repository, from, to, {ctx->path("md"), ctx->path("json")});
  if (!unified) return std::unexpected(unified.error());
  MinutesDiff out{from, to, std::move(*unified), {}, {}, minutes::compareForReading(*a, *b)};
  for (const auto& change : minutes::summarizeChanges(*a, *b)) {
    out.summary.push_back(change.text);
    if (change.unit == minutes::ChangeUnit::Section)
      out.sections.emplace_back(change.number, change.title);
  }
  return out;
}

}  // namespace sv::services
