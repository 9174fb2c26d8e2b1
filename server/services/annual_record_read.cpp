// The yearly summary's record as its authority's people see it: the text of the current version
// from git, where it is in its lifecycle, and what the viewer may do with it now.
#include "server/services/annual_record_context.hpp"
#include "server/services/annual_report.hpp"
#include "server/store/documents.hpp"

namespace sv::services {
namespace {

AnnualRecordView viewOf(const AnnualRecordContext& ctx) {
  AnnualRecordView view;
  view.authorityId = ctx.authorityId;
  view.authorityName = ctx.authorityName;
  view.year = ctx.year;
  view.version = ctx.version.value_or("");
  if (!ctx.row) return view;
  const auto& row = *ctx.row;
  view.started = true;
  view.state = minutes::parseAnnualState(row.state).value_or(minutes::AnnualState::Draft);
  view.figuresAsOf = row.figuresAsOf;
  view.approvedBy = row.approvedByName;
  view.approvedAt = row.approvedAt;
  if (view.state == minutes::AnnualState::Draft) {
    view.returnedComment = row.returnedComment;
    view.returnedBy = row.returnedByName;
    view.returnedAt = row.returnedAt;
  }
  view.registryNumber = row.registryNumber;
  view.registeredAt = row.registeredAt;
  return view;
}

}  // namespace

Result<AnnualRecordView> AnnualReportService::record(const store::Principal& viewer,
                                                     std::int64_t authorityId, int year) {
  auto ctx = store_.read(
      [&](store::Reading& c) { return readAnnualRecordContext(c, viewer, authorityId, year); });
  if (!ctx) return std::unexpected(ctx.error());
  auto view = viewOf(*ctx);
  if (ctx->version) {
    auto json = store_.documents().readFile(ctx->repository, *ctx->version, ctx->path("json"));
    if (!json) return std::unexpected(json.error());
    auto narrative = minutes::narrativeFromJson(*json);
    if (!narrative)
      return fail(Errc::Internal,
                  "a stored yearly summary does not parse: " + narrative.error().detail);
    view.narrative = std::move(*narrative);
  }
  const auto roles = annualRolesOf(viewer, authorityId);
  if (view.state == minutes::AnnualState::Draft &&
      requireAnnualWriter(viewer, authorityId, "writes the summary"))
    view.available.push_back("save");
  // The steps the viewer could take now. A return asks for a comment and an approval names the
  // version on the page: the listing supposes both are given, the step itself checks them.
  const minutes::AnnualLifecycleFacts facts{
      .missingPart = minutes::missingNarrativePart(view.narrative),
      .comment = std::string(1, '-'),
      .approving = view.version,
      .currentVersion = view.version};
  if (view.started)
    for (auto& step :
         catalog_.annualWorkflow->available(minutes::stateName(view.state), roles, facts))
      view.available.push_back(std::move(step));
  return view;
}

Status AnnualReportService::mayTake(const store::Principal& actor, std::int64_t authorityId,
                                    int year, const std::string& step) {
  auto ctx = store_.read(
      [&](store::Reading& c) { return readAnnualRecordContext(c, actor, authorityId, year); });
  if (!ctx) return std::unexpected(ctx.error());
  const std::string state(ctx->row ? ctx->row->state
                                   : minutes::stateName(minutes::AnnualState::Draft));
  if (step == "save") {
    if (auto writer = requireAnnualWriter(actor, authorityId, "writes the summary"); !writer)
      return writer;
    if (state != minutes::stateName(minutes::AnnualState::Draft))
      return std::unexpected(annualNotEditable(state));
    return {};
  }
  auto may = catalog_.annualWorkflow->mayTry(step, state, annualRolesOf(actor, authorityId));
  if (!may) return std::unexpected(may.error());
  return {};
}

}  // namespace sv::services
