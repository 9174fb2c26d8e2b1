// The follow-up report as Swedish Markdown: the file a person reads in git, and an area's text
// shown when two edits conflict. User text is escaped as in the protocol (minutes/escape.hpp);
// the findings keep their Markdown through the protocol's own cmark pass.
#include "minutes/escape.hpp"
#include "minutes/labels.hpp"
#include "minutes/render_markdown.hpp"
#include "minutes/report.hpp"
#include "minutes/report_record.hpp"

namespace sv::minutes {
namespace {

using detail::appendBlock;

using detail::escapeMarkdownBlock;
using detail::escapeMarkdownInline;

std::string visitsBlock(const std::vector<Visit>& visits) {
  if (visits.empty()) return "Inga besök har förts in.";
  std::string out;
  for (const Visit& v : visits) {
    if (!out.empty()) out += '\n';
    out += "- " + detail::dateLabel(v.date) + (v.announced ? ", anmält besök" : ", oanmält besök");
    if (!v.note.empty()) out += ": " + escapeMarkdownBlock(v.note, "  ");
  }
  return out;
}

std::string improvementsTable(const std::vector<Improvement>& list) {
  std::string out = "| Nr | Förbättring | Ansvarig | Senast |\n| --- | --- | --- | --- |";
  for (const Improvement& i : list)
    out += "\n| " + escapeMarkdownInline(i.id) + " | " + escapeMarkdownInline(i.text) + " | " +
           std::string(detail::partyLabel(i.responsibleParty)) + " | " +
           detail::dateLabel(i.dueDate) + " |";
  return out;
}

std::string areaText(const ReportArea& a) {
  std::string out = "## " + escapeMarkdownInline(a.title);
  std::string questions = "Frågor:\n";
  for (const auto& q : a.questions) questions += "\n- " + escapeMarkdownInline(q);
  appendBlock(out, questions);
  appendBlock(out, "**Bedömning:** " + std::string(swedishAssessment(a.assessment)));
  const std::string findings = detail::userMarkdown(a.findings);
  // A label, not a heading: the findings' own headings are demoted to "###", under the area.
  appendBlock(out, "**Iakttagelser:**");
  appendBlock(out, findings.empty() ? "Inga iakttagelser har förts in." : findings);
  if (!a.improvements.empty()) {
    appendBlock(out, "### Krav på förbättringar");
    appendBlock(out, improvementsTable(a.improvements));
  }
  return out;
}

}  // namespace

std::string renderAreaMarkdown(const ReportArea& area) {
  return areaText(area) + "\n";
}

std::string renderReportMarkdown(const FollowUpReport& r) {
  const ReportHeader& h = r.header;
  std::string out = "# " + std::string(swedishKind(h.kind)) + " " + std::to_string(h.year);
  std::string facts = "- Avtal: " + escapeMarkdownInline(h.contractTitle);
  if (!h.contractReference.empty()) facts += " (" + escapeMarkdownInline(h.contractReference) + ")";
  facts += "\n- Utförare: " + escapeMarkdownInline(h.providerName);
  facts += "\n- Förvaltning: " + escapeMarkdownInline(h.authorityName);
  facts += "\n- År: " + std::to_string(h.year);
  facts += "\n- Mall: " + escapeMarkdownInline(h.templateId) + ", version " +
           escapeMarkdownInline(h.templateVersion);
  if (r.registryNumber)
    facts += "\n- " + std::string(detail::kRegistryNumber) + ": " +
             escapeMarkdownInline(*r.registryNumber);
  appendBlock(out, facts);
  appendBlock(out, "## Metod");
  appendBlock(out,
              r.method.empty() ? "Ingen metod har angetts." : escapeMarkdownBlock(r.method, ""));
  appendBlock(out, "## Besök");
  appendBlock(out, visitsBlock(r.visits));
  for (const ReportArea& a : r.areas) appendBlock(out, areaText(a));
  return out + "\n";
}

std::string renderOverviewMarkdown(const FollowUpReport& r) {
  std::string out = "## Metod";
  appendBlock(out,
              r.method.empty() ? "Ingen metod har angetts." : escapeMarkdownBlock(r.method, ""));
  appendBlock(out, "## Besök");
  appendBlock(out, visitsBlock(r.visits));
  return out + "\n";
}

}  // namespace sv::minutes
