// The protocol as PDF in the Swedish layout, with the signature block as it stands now.
#include "server/pdf/protocol_pdf.hpp"
#include "server/services/minutes_service.hpp"

namespace sv::services {

Result<std::string> MinutesService::pdf(const store::Principal& viewer, std::int64_t meetingId) {
  auto doc = signedDocument(viewer, meetingId);
  if (!doc) return std::unexpected(doc.error());
  return pdf::renderProtocolPdf(*doc, {minutesDocumentTitle(*doc), time_.now()});
}

}  // namespace sv::services
