#include "minutes/report_record.hpp"

#include "minutes/escape.hpp"
#include "minutes/labels.hpp"
#include "workflows/name_table.hpp"

namespace sv::minutes {
namespace {

using detail::escapeMarkdownBlock;
using detail::escapeMarkdownInline;

constexpr NameTable<FactCheckOutcome, 4> kFactCheckOutcomes{{
    {FactCheckOutcome::Pending, "pending"},
    {FactCheckOutcome::Commented, "commented"},
    {FactCheckOutcome::NoComments, "no_comments"},
    {FactCheckOutcome::DeadlinePassed, "deadline_passed"},
}};

std::string areaName(const std::string& title) {
  return title.empty() ? "Rapporten som helhet" : escapeMarkdownInline(title);
}

std::string factCheckBlock(const FactCheckRecord& f) {
  std::string out = "## Faktagranskning\n\n";
  out += "- Skickad till utföraren: " + escapeMarkdownInline(f.sentAt) + " av " +
         escapeMarkdownInline(f.sentBy) + "\n";
  out += "- Granskad version: " + detail::shortVersion(f.sentVersion) + "\n";
  out += "- Sista svarsdag: " + detail::dateLabel(f.dueOn) + "\n";
  out += "- Utfall: " + std::string(swedishOutcome(f.outcome));
  if (!f.answeredBy.empty())
    out += " (" + escapeMarkdownInline(f.answeredBy) + ", " + escapeMarkdownInline(f.endedAt) + ")";
  else if (!f.endedAt.empty())
    out += " (" + escapeMarkdownInline(f.endedAt) + ")";
  out += "\n";
  for (const auto& c : f.comments) {
    out += "\n### Synpunkt: " + areaName(c.areaTitle) + "\n\n";
    out += escapeMarkdownBlock(c.text, "") + "\n\n";
    out += "*" + escapeMarkdownInline(c.by) + ", " + escapeMarkdownInline(c.at) + "*\n\n";
    if (c.answer)
      out += "**Förvaltningens svar** (" + escapeMarkdownInline(c.answeredBy) + ", " +
             escapeMarkdownInline(c.answeredAt) + "): " + escapeMarkdownBlock(*c.answer, "") + "\n";
    else
      out += "**Förvaltningens svar:** ännu inte besvarad.\n";
  }
  out += "\n### Ändrat efter faktagranskningen\n\n";
  if (f.changedAreas.empty()) out += "Inget område ändrades.\n";
  for (const auto& t : f.changedAreas) out += "- " + escapeMarkdownInline(t) + "\n";
  return out;
}

std::string supplementsBlock(const std::vector<SupplementEntry>& list) {
  std::string out = "## Kompletteringar\n";
  for (const auto& s : list) {
    out +=
        "\n### Komplettering " + std::to_string(s.number) + ": " + areaName(s.areaTitle) + "\n\n";
    out += "Begärd " + escapeMarkdownInline(s.requestedAt) + " av " +
           escapeMarkdownInline(s.requestedBy) + ", senast " + detail::dateLabel(s.dueOn) + ": " +
           escapeMarkdownBlock(s.request, "") + "\n\n";
    if (s.response)
      out += "Utförarens komplettering (" + escapeMarkdownInline(s.respondedBy) + ", " +
             escapeMarkdownInline(s.respondedAt) + "): " + escapeMarkdownBlock(*s.response, "") +
             "\n\n";
    else
      out += "Ingen komplettering har kommit in.\n\n";
    if (s.decided) {
      out += "Bedömning: " + std::string(swedishAssessment(s.before)) + " → " +
             std::string(swedishAssessment(s.after)) + " (" + escapeMarkdownInline(s.decidedBy) +
             ", " + escapeMarkdownInline(s.decidedAt) + ")";
      if (!s.reason.empty()) out += ". Skäl: " + escapeMarkdownBlock(s.reason, "");
      out += "\n";
    }
  }
  return out;
}

}  // namespace

std::string_view toString(FactCheckOutcome o) {
  return nameIn(kFactCheckOutcomes, o, "pending");
}

std::optional<FactCheckOutcome> parseFactCheckOutcome(std::string_view text) {
  return valueIn(kFactCheckOutcomes, text);
}

std::string_view swedishOutcome(FactCheckOutcome o) {
  switch (o) {
    case FactCheckOutcome::Commented:
      return "Synpunkter lämnade";
    case FactCheckOutcome::NoComments:
      return "Inga synpunkter";
    case FactCheckOutcome::DeadlinePassed:
      return "Inga synpunkter inkom";
    case FactCheckOutcome::Pending:
      break;
  }
  return "Väntar på svar";
}

std::string_view swedishAssessment(Assessment a) {
  switch (a) {
    case Assessment::Meets:
      return "Uppfyller kraven";
    case Assessment::PartlyMeets:
      return "Uppfyller delvis kraven";
    case Assessment::DoesNotMeet:
      return "Uppfyller inte kraven";
    case Assessment::NotAssessed:
      break;
  }
  return "Ännu inte bedömt";
}

std::string renderRecordMarkdown(const ReportRecord& record) {
  std::string out = "# Faktagranskning och kompletteringar\n\n";
  out += escapeMarkdownInline(record.report.header.contractTitle) + ", " +
         std::to_string(record.report.header.year) + "\n\n";
  if (record.factCheck)
    out += factCheckBlock(*record.factCheck);
  else
    out += "## Faktagranskning\n\nRapporten har inte skickats på faktagranskning.\n";
  if (!record.supplements.empty()) out += "\n" + supplementsBlock(record.supplements);
  if (!record.attachments.empty()) {
    out += "\n## Bilagor\n\n| Fil | Hör till | Storlek | SHA-256 |\n| --- | --- | --- | --- |\n";
    for (const auto& a : record.attachments)
      out += "| " + escapeMarkdownInline(a.fileName) + " | " + escapeMarkdownInline(a.attachedTo) +
             " | " + std::to_string(a.size) + " byte | " + a.sha256 + " |\n";
  }
  return out;
}

}  // namespace sv::minutes
