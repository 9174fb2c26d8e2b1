// Internal: the Swedish words of the generated documents, in one place so the Markdown and HTML
// renderings and the change summaries say the same thing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "minutes/minutes.hpp"

namespace sv::minutes::detail {

std::string_view partyLabel(Party p);      // "Förvaltningen", "Utföraren"
std::string_view roleLabel(Role r);        // "ordförande", "sekreterare", "justerare", ""
std::string_view outcomeLabel(Outcome o);  // "Ej bedömd", "Godkänd", "Otillräcklig"
// Every role of the attendee in the words above, the main one first: "ordförande, justerare";
// "" for a participant.
std::string rolesLabel(const Attendee& a);

std::string dateLabel(Date d);  // "2026-06-30", or "ej angivet" for a missing date
std::string shortVersion(std::string_view commitId);  // the first 7 characters
// An attachment's size in whole bytes, digits grouped by three: "532 byte", "1 048 576 byte".
// Exact, not rounded to kB, so that a reader can check a file against the list with its checksum.
std::string sizeLabel(std::int64_t bytes);

// "§ 6 Förvaltningens uppföljning"
std::string sectionHeading(const Section& s);

inline constexpr std::string_view kTitle = "Protokoll, samverkansmöte";
inline constexpr std::string_view kAttendance = "Närvarande";
inline constexpr std::string_view kAbsent = "Frånvarande";
inline constexpr std::string_view kNoneAttending = "Ingen närvarande.";
inline constexpr std::string_view kObservations = "Förvaltningens iakttagelser";
inline constexpr std::string_view kActions = "Planerade åtgärder";
inline constexpr std::string_view kDecisions = "Beslut";
inline constexpr std::string_view kEvaluations = "Uppföljning av åtgärder";
inline constexpr std::string_view kEmptySection = "Inga anteckningar.";
inline constexpr std::string_view kAdjustment = "Justering";
inline constexpr std::string_view kNotAdjusted = "Ej justerat.";
inline constexpr std::string_view kNotAdjustedParty = "ej justerat";
inline constexpr std::string_view kSuperseded = "avser en tidigare version";
inline constexpr std::string_view kRegistryNumber = "Diarienummer";
inline constexpr std::string_view kDisagreements = "Reservationer och avvikande meningar";
inline constexpr std::string_view kAttachments = "Bilagor";
inline constexpr std::string_view kNoAttachments = "Inga bilagor.";

}  // namespace sv::minutes::detail
