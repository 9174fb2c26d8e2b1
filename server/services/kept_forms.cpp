#include "server/services/kept_forms.hpp"

#include "server/services/access.hpp"
#include "server/store/accounts.hpp"
#include "server/store/audit.hpp"
#include "server/store/kept_forms.hpp"
#include "workflows/clock.hpp"

namespace sv::services {
namespace {

KeptMinutesForm toKept(const store::KeptForm& row) {
  return {row.id, row.meetingId, row.form, TimePoint(std::chrono::seconds(row.keptAt))};
}

}  // namespace

Result<std::int64_t> keepMinutesForm(store::Store& store, const TimeSource& time,
                                     std::int64_t meetingId, const std::string& username,
                                     const std::string& csrfToken, const std::string& form,
                                     const KeptFormRules& rules) {
  const auto at = time.now();
  const auto now = unixSeconds(at);
  return store.write([&](store::Writing& c) -> Result<std::int64_t> {
    // Ownership first, so that a stranger learns nothing from how a form of theirs is answered.
    const auto ownerId =
        username.empty() || csrfToken.empty()
            ? std::nullopt
            : store::formOwner(c, username, csrfToken, now - rules.keepFor.count());
    const auto owner = ownerId ? store::loadPrincipal(c, *ownerId) : std::nullopt;
    if (!owner || !meetingFor(c, *owner, meetingId))
      return fail(Errc::Unauthenticated, Reason::KeptFormUnproven,
                  "the form's owner could not be proven");
    if (form.size() > rules.maxBytes)
      return fail(Errc::Invalid, Reason::KeptFormTooLarge, "the form is too large to keep", "",
                  std::to_string(rules.maxBytes));
    const auto id = store::insertKeptForm(
        c, {0, owner->userId, meetingId, form, now, now + rules.keepFor.count()}, rules.perUser,
        now);
    store::appendAudit(c,
                       auditBy(&*owner, "minutes.form.keep", "meeting", std::to_string(meetingId),
                               auditDetail({{"kept_form", std::to_string(id)},
                                            {"bytes", std::to_string(form.size())}})),
                       at);
    return id;
  });
}

Result<KeptMinutesForm> restoreMinutesForm(store::Store& store, const TimeSource& time,
                                           const Principal& viewer, std::int64_t meetingId,
                                           std::int64_t id) {
  const auto at = time.now();
  return store.write([&](store::Writing& c) -> Result<KeptMinutesForm> {
    auto row = store::findKeptForm(c, id, viewer.userId, unixSeconds(at));
    if (!row || row->meetingId != meetingId || !meetingFor(c, viewer, meetingId))
      return fail(Errc::NotFound, "no such kept form");
    store::markKeptFormRestored(c, row->id, unixSeconds(at));
    store::appendAudit(
        c,
        auditBy(&viewer, "minutes.form.restore", "meeting", std::to_string(meetingId),
                auditDetail({{"kept_form", std::to_string(row->id)}})),
        at);
    return toKept(*row);
  });
}

std::optional<KeptMinutesForm> pendingMinutesForm(store::Store& store, const TimeSource& time,
                                                  const Principal& viewer, std::int64_t meetingId) {
  const auto now = unixSeconds(time.now());
  return store.read([&](store::Reading& c) -> std::optional<KeptMinutesForm> {
    auto row = store::newestKeptForm(c, viewer.userId, meetingId, now);
    if (!row) return std::nullopt;
    return toKept(*row);
  });
}

}  // namespace sv::services
