// The protocol as a whole HTML page (minutes.html), rendered once per stamp: a request whose page
// is already rendered costs one query (store::protocolStamp), or none while nothing was written.
#include <algorithm>
#include <mutex>

#include "minutes/render_html.hpp"
#include "minutes/render_page.hpp"
#include "server/services/agendas.hpp"
#include "server/services/minutes_service.hpp"
#include "server/store/protocol_stamp.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {
namespace {

bool seenBy(const std::vector<store::TenantScope>& scopes, const store::TenantScope& scope) {
  return std::ranges::find(scopes, scope) != scopes.end();
}

}  // namespace

Result<ProtocolPage> MinutesService::html(const store::Principal& viewer, std::int64_t meetingId) {
  const auto scope = store::TenantScope::of(viewer);
  // Read before the stamp: a write that ends after this makes the check below count as old.
  const std::uint64_t writes = store_.writes();
  std::optional<std::int64_t> knownContract;
  {
    std::shared_lock lock(pagesMutex_);
    if (auto it = pages_.find(meetingId); it != pages_.end()) {
      const auto& entry = it->second;
      if (entry.checkedAt == writes && seenBy(entry.checkedFor, scope))
        return ProtocolPage{entry.key, entry.page};
      knownContract = entry.contractId;
    }
  }
  const std::string document = minutesDocumentOf(meetingId);
  auto stampIn = [&](std::int64_t contractId) {
    return store_.read([&](store::Reading& c) {
      return store::protocolStamp(c, scope, meetingId, contractId,
                                  AgendaService::repositoryOf(contractId), document);
    });
  };
  std::optional<store::ProtocolStamp> stamp;
  if (knownContract) stamp = stampIn(*knownContract);
  std::int64_t contractId = knownContract.value_or(0);
  if (!stamp) {
    // Not rendered yet, or not visible to this viewer: the full check answers which.
    auto ctx = loadMinutesContext(store_, viewer, meetingId);
    if (!ctx) return std::unexpected(ctx.error());
    contractId = ctx->contract.id;
    stamp = stampIn(contractId);
    if (!stamp) return fail(Errc::NotFound, "no such meeting");
  }
  if (!stamp->version)
    return fail(Errc::NotFound, Reason::MinutesNotStarted,
                "the minutes of this meeting are not started");
  // The page shows the signature block too, so it changes with approvals as well as versions,
  // and the list of attachments with uploads and removals.
  const std::string key =
      *stamp->version + ":" + std::to_string(stamp->approvals) + ":" +
      std::to_string(stamp->lastApprovalId) + ":" + std::to_string(stamp->superseded) + ":" +
      std::to_string(stamp->attachments) + ":" + std::to_string(stamp->lastAttachmentId) +
      (stamp->registryNumber ? ":" + *stamp->registryNumber : "");
  {
    std::lock_guard lock(pagesMutex_);
    if (auto it = pages_.find(meetingId); it != pages_.end() && it->second.key == key) {
      auto& entry = it->second;
      if (writes > entry.checkedAt) {
        entry.checkedAt = writes;
        entry.checkedFor = {scope};
      } else if (writes == entry.checkedAt && !seenBy(entry.checkedFor, scope)) {
        entry.checkedFor.push_back(scope);
      }
      return ProtocolPage{key, entry.page};
    }
  }
  // Rendered from what is stored now, which is at least as new as the stamp: a page is never
  // older than the key it is kept under, and a newer one is rendered again on the next request.
  auto ctx = loadMinutesContext(store_, viewer, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  auto signedMinutes = signedAt(*ctx);
  if (!signedMinutes) return std::unexpected(signedMinutes.error());
  const minutes::Minutes& doc = signedMinutes->doc;
  auto page = std::make_shared<const std::string>(
      minutes::renderPage({.title = "Protokoll " + doc.header.contractTitle + " " +
                                    formatDate(toStockholm(doc.header.startsAt).date),
                           .article = minutes::renderHtml(doc),
                           .attachments = std::move(signedMinutes->attachments)}));
  std::lock_guard lock(pagesMutex_);
  if (pages_.size() >= kRenderedPages && !pages_.contains(meetingId)) pages_.erase(pages_.begin());
  pages_.insert_or_assign(meetingId, RenderedPage{contractId, key, page, writes, {scope}});
  return ProtocolPage{key, std::move(page)};
}

}  // namespace sv::services
