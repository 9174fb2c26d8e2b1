// The protocol as PDF in the Swedish layout, with the signature block and the attachments as
// they stand now, rendered once for what it shows and kept (hardening finding 5: a rendering of
// the longest notes allowed costs a good part of a second, and any party can ask again and again).
#include "minutes/lifecycle.hpp"
#include "server/pdf/protocol_pdf.hpp"
#include "server/services/minutes_service.hpp"
#include "server/services/seal.hpp"
#include "server/store/approvals.hpp"
#include "server/store/protocol_stamp.hpp"
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

namespace {

// Everything the PDF's bytes are made from besides the version's text: the approvals in its
// signature block (added, superseded), the attachments in its "Bilagor" (listed, removed), the
// registry number in its head and footer, and the state, whose mark is on every page until the
// minutes are registered (a submit or a return changes the state and nothing else).
std::string pdfKey(const store::ProtocolStamp& stamp, minutes::MinutesState state) {
  return *stamp.version + ":" + std::to_string(stamp.approvals) + ":" +
         std::to_string(stamp.lastApprovalId) + ":" + std::to_string(stamp.superseded) + ":" +
         std::to_string(stamp.attachments) + ":" + std::to_string(stamp.lastAttachmentId) + ":" +
         std::string(minutes::stateName(state)) +
         (stamp.registryNumber ? ":" + *stamp.registryNumber : "");
}

}  // namespace

Result<MinutesPdf> MinutesService::pdf(const store::Principal& viewer, std::int64_t meetingId) {
  // Who may see the meeting is checked on every request, before anything kept is handed out.
  auto ctx = loadMinutesContext(store_, viewer, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  if (!ctx->started())
    return fail(Errc::NotFound, Reason::MinutesNotStarted,
                "the minutes of this meeting are not started");
  const auto scope = store::TenantScope::of(viewer);
  const auto stamp = store_.read([&](store::Reading& c) {
    return store::protocolStamp(c, scope, meetingId, ctx->contract.id, ctx->repository,
                                ctx->document);
  });
  if (!stamp) return fail(Errc::NotFound, "no such meeting");
  if (!stamp->version)
    return fail(Errc::NotFound, Reason::MinutesNotStarted,
                "the minutes of this meeting are not started");
  // The mark follows the state; a registry number alone also means the record.
  const minutes::MinutesState state =
      stamp->registryNumber ? minutes::MinutesState::Registered : *ctx->state;
  const std::string key = pdfKey(*stamp, state);
  if (auto kept = pdfs_.find(meetingId, key)) return MinutesPdf{kept->bytes, kept->name};

  // Rendered from what is stored now, which is at least as new as the stamp: a file is never
  // older than the key it is kept under, and a newer one is rendered again on the next request.
  auto signedMinutes = signedAt(*ctx);
  if (!signedMinutes) return std::unexpected(signedMinutes.error());
  const minutes::Minutes& doc = signedMinutes->doc;
  const minutes::MinutesState shown =
      doc.registryNumber ? minutes::MinutesState::Registered : state;
  // The creation date in the metadata is the time of this rendering, and the kept file keeps it:
  // it says when these bytes were made, and every later request for the same key is sent the
  // same bytes (a download never differs from the one before it unless the protocol did).
  pdf::PdfOptions options{minutesDocumentTitle(doc), time_.now(), pdf::stateMarkOf(shown),
                          std::move(signedMinutes->attachments)};
  // Registered minutes are the record: sealed as in the archive, at the registration's time. A
  // draft is never sealed.
  std::optional<store::RegistryRow> reg;
  if (shown == minutes::MinutesState::Registered && catalog_.seal) {
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
    bytes = std::move(*sealed);
  }
  RenderedFile file{std::make_shared<const std::string>(std::move(*bytes)),
                    minutesPdfFileName(doc)};
  pdfs_.keep(meetingId, key, file);
  return MinutesPdf{std::move(file.bytes), std::move(file.name)};
}

}  // namespace sv::services
