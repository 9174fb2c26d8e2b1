#include "server/services/minutes_context.hpp"

#include "server/services/agendas.hpp"
#include "server/store/approvals.hpp"
#include "server/store/documents.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

std::string MinutesContext::path(std::string_view extension) const {
  return "meetings/" + std::to_string(meeting.id) + "/minutes." + std::string(extension);
}

std::string minutesDocumentOf(std::int64_t meetingId) {
  return "meetings/" + std::to_string(meetingId) + "/minutes";
}

Result<MinutesContext> readMinutesContext(store::Reading& c, const store::Principal& viewer,
                                          std::int64_t meetingId) {
  const auto scope = store::TenantScope::of(viewer);
  auto meeting = store::findMeeting(c, scope, meetingId);
  if (!meeting) return fail(Errc::NotFound, "no such meeting");
  MinutesContext out;
  out.meeting = std::move(*meeting);
  out.contract = *store::findContract(c, scope, out.meeting.contractId);
  out.participants = store::listParticipants(c, meetingId);
  out.state = store::minutesState(c, meetingId);
  out.repository = AgendaService::repositoryOf(out.contract.id);
  out.document = minutesDocumentOf(meetingId);
  out.version = store::DocumentStore::currentVersionIn(c, out.repository, out.document);
  return out;
}

Result<MinutesContext> loadMinutesContext(store::Store& store, const store::Principal& viewer,
                                          std::int64_t meetingId) {
  return store.read([&](store::Reading& c) { return readMinutesContext(c, viewer, meetingId); });
}

Status requireStarted(const MinutesContext& ctx) {
  if (!ctx.started())
    return fail(Errc::NotFound, Reason::MinutesNotStarted,
                "the minutes of this meeting are not started");
  return {};
}

std::string minutesDocumentTitle(const minutes::Minutes& doc) {
  return "Protokoll, samverkansmöte " + formatDate(toStockholm(doc.header.startsAt).date) + " – " +
         doc.header.contractTitle;
}

}  // namespace sv::services
