// The protocol as PDF in the Swedish layout, with the signature block and the attachments as
// they stand now.
#include "server/pdf/protocol_pdf.hpp"
#include "server/services/minutes_service.hpp"
#include "server/services/seal.hpp"
#include "server/store/approvals.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

std::string minutesPdfFileName(const minutes::Minutes& doc) {
  if (!doc.registryNumber)
    return "protokoll-" + formatDate(toStockholm(doc.header.startsAt).date) + "-utkast.pdf";
  // "SDN 2026/0001": separators become '-', anything else outside ASCII letters and digits goes,
  // so the name is safe in any file system and in a quoted header parameter.
  std::string name;
  for (const char c : *doc.registryNumber) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      name += c;
    else if ((c == ' ' || c == '/' || c == '-' || c == '.') && !name.empty() && name.back() != '-')
      name += '-';
  }
  while (!name.empty() && name.back() == '-') name.pop_back();
  return (name.empty() ? "protokoll" : name) + ".pdf";
}

Result<MinutesPdf> MinutesService::pdf(const store::Principal& viewer, std::int64_t meetingId) {
  auto ctx = loadMinutesContext(store_, viewer, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  auto signedMinutes = signedAt(*ctx);
  if (!signedMinutes) return std::unexpected(signedMinutes.error());
  const minutes::Minutes& doc = signedMinutes->doc;
  // The mark follows the state; a registry number alone also means the record.
  const minutes::MinutesState state = doc.registryNumber
                                          ? minutes::MinutesState::Registered
                                          : ctx->state.value_or(minutes::MinutesState::Draft);
  pdf::PdfOptions options{minutesDocumentTitle(doc), time_.now(), pdf::stateMarkOf(state),
                          std::move(signedMinutes->attachments)};
  // Registered minutes are the record: sealed as in the archive, at the registration's time, so
  // every download of them signs the same bytes. A draft is never sealed.
  std::optional<store::RegistryRow> reg;
  if (state == minutes::MinutesState::Registered && catalog_.seal) {
    reg = store_.read([&](store::Reading& c) { return store::registryOfMeeting(c, meetingId); });
    if (reg) {
      options.createdAt = *parseDateTime(reg->registeredAt);
      options.sealSubject = catalog_.seal->subject();
    }
  }
  auto bytes = pdf::renderProtocolPdf(doc, options);
  if (!bytes) return std::unexpected(bytes.error());
  if (reg) {
    auto sealed = sealRegistered(catalog_.seal, std::move(*bytes), reg->number, options.createdAt);
    if (!sealed) return std::unexpected(sealed.error());
    return MinutesPdf{std::move(*sealed), minutesPdfFileName(doc)};
  }
  return MinutesPdf{std::move(*bytes), minutesPdfFileName(doc)};
}

}  // namespace sv::services
