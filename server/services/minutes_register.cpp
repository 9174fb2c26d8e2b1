// The registrar registers approved minutes: the next number in the authority's register, the
// document sealed in the same transaction, and a git tag named by the number on the version.
#include "minutes/registry_number.hpp"
#include "minutes/render_markdown.hpp"
#include "server/services/minutes_notices.hpp"
#include "server/services/minutes_service.hpp"
#include "server/store/approvals.hpp"
#include "server/store/registry_search.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

Result<LifecycleView> MinutesService::registerMinutes(const store::Principal& actor,
                                                      std::int64_t meetingId) {
  auto ctx = loadMinutesContext(store_, actor, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  if (auto ok = requireStarted(*ctx); !ok) return std::unexpected(ok.error());
  std::optional<store::RegistryRow> registered;
  TimePoint at;
  Step step;
  step.transition = "register";
  step.record = [&](store::Writing& c,
                    const StepWrite& w) -> Result<std::pair<std::string, std::string>> {
    const int year = static_cast<int>(toStockholm(w.now).date.year());
    const int seq = store::nextRegistrySeq(c, w.ctx.contract.authorityId, year);
    store::RegistryRow row;
    row.authorityId = w.ctx.contract.authorityId;
    row.year = year;
    row.seq = seq;
    row.number = catalog_.registryFormatFor(w.ctx.contract.authorityName).format(year, seq);
    row.meetingId = meetingId;
    row.contractId = w.ctx.contract.id;
    row.repository = w.ctx.repository;
    row.version = w.current;
    row.tag = minutes::tagNameOf(row.number);
    row.registeredBy = actor.userId;
    row.registeredAt = w.when;
    if (auto ok = store::insertRegistry(c, row); !ok) return std::unexpected(ok.error());
    // Searchable from the moment it is registered, in the same transaction: a registered
    // protocol is never missing from the search, nor found before it is registered.
    auto agreed = load(w.ctx, w.current);
    if (!agreed) return std::unexpected(agreed.error());
    store::indexRegistered(c, meetingId, minutes::renderMarkdown(*agreed));
    store::DocumentStore::seal(c, w.ctx.repository, w.ctx.document, "registered as " + row.number,
                               w.now);
    registered = row;
    at = w.now;
    tellRegistered(c, catalog_.mail, w.now, w.ctx, row.number);
    return std::pair<std::string, std::string>{"number", row.number};
  };
  if (auto ok = takeStep(actor, *ctx, step); !ok) return std::unexpected(ok.error());

  // The tag follows the acknowledged registration; should this fail, start-up puts it back.
  (void)store_.documents().tagVersion(
      registered->repository, registered->tag, registered->version, {actor.name, actor.email},
      "Diarieförd som " + registered->number + " av " + actor.name, at);
  return lifecycle(actor, meetingId);
}

}  // namespace sv::services
