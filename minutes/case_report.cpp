#include "minutes/case_report.hpp"

#include <array>

#include "minutes/escape.hpp"
#include "minutes/labels.hpp"
#include "minutes/render_markdown.hpp"

namespace sv::minutes {
namespace {

using detail::appendBlock;

using detail::escapeMarkdownInline;

constexpr std::array<std::string_view, 5> kCaseAreas{
    kCaseAreaEvent, kCaseAreaHandling, kCaseAreaAnalysis, kCaseAreaActionPlan, kCaseAreaOutcome};

// Several people's texts go into one area's findings. Each goes through cmark on its own first, so
// that what one opens (a fenced code block, a list, a link definition) is closed before the next
// begins and cannot swallow it; raw HTML goes as everywhere else. Headings are left to the
// report's rendering, which demotes the findings' headings under the area's.
std::string keptMarkdown(const std::string& text) {
  return detail::userMarkdownDemoted(text, 0);
}

// "**2026-03-03, Anna Berg:**": who wrote what below it, and when.
std::string byline(Date date, const std::string& author, std::string_view after = {}) {
  std::string out = "**" + detail::dateLabel(date);
  if (!author.empty()) out += ", " + escapeMarkdownInline(author);
  if (!after.empty()) out += ": " + std::string(after);
  return out + "**";
}

std::string eventFindings(const CaseFacts& f) {
  std::string out = "**Ärende " + std::to_string(f.caseId) + ":** " + escapeMarkdownInline(f.title);
  std::string facts = "- Anledning: " + std::string(swedishTrigger(f.trigger));
  facts += "\n- Inträffade: " + detail::dateLabel(f.occurredOn);
  facts += "\n- Ärendet öppnades: " + detail::dateLabel(f.openedOn);
  if (f.urgency == CaseUrgency::Acute)
    facts += "\n- Brådska: " + std::string(swedishUrgency(f.urgency)) +
             "; förvaltningschefen och nämnden underrättades";
  appendBlock(out, facts);
  appendBlock(out, keptMarkdown(f.description));
  return out;
}

std::string handlingFindings(const CaseFacts& f) {
  if (f.notes.empty() && f.attachmentNames.empty()) return "Inget material har antecknats.";
  std::string out;
  for (const CaseNoteFact& note : f.notes) {
    appendBlock(out, byline(note.date, note.author));
    appendBlock(out, keptMarkdown(note.text));
  }
  if (!f.attachmentNames.empty()) {
    appendBlock(out, "**Bilagor:**");
    std::string list;
    for (const auto& name : f.attachmentNames) {
      if (!list.empty()) list += '\n';
      list += "- " + escapeMarkdownInline(name);
    }
    appendBlock(out, list);
  }
  return out;
}

std::string analysisFindings(const CaseFacts& f) {
  std::string out;
  for (const CaseAnalysisFact& a : f.analyses) {
    appendBlock(out, byline(a.date, a.author, swedishOutcome(a.outcome)));
    appendBlock(out, keptMarkdown(a.text));
  }
  return out;
}

std::string actionPlanFindings(const CaseFacts& f) {
  if (!f.acceptedPlan) return "Ingen åtgärdsplan begärdes.";
  const ActionPlan& plan = *f.acceptedPlan;
  std::string out;
  if (!plan.summary.empty()) {
    appendBlock(out, "**Utförarens analys:**");
    appendBlock(out, keptMarkdown(plan.summary));
  }
  appendBlock(out, "**Åtgärder som förvaltningen godtog:**");
  std::string table = "| Nr | Åtgärd | Ansvarig | Klar senast |\n| --- | --- | --- | --- |";
  for (const PlanItem& item : plan.items)
    table += "\n| " + escapeMarkdownInline(item.id) + " | " + escapeMarkdownInline(item.text) +
             " | " + escapeMarkdownInline(item.responsible) + " | " +
             detail::dateLabel(item.dueDate) + " |";
  appendBlock(out, table);
  return out;
}

std::string outcomeFindings(const CaseFacts& f) {
  const std::string feedback = keptMarkdown(f.feedback);
  if (feedback.empty()) return "Ingen återkoppling har antecknats.";
  return "**Återkoppling till utföraren:**\n\n" + feedback;
}

std::string caseMethod(const CaseFacts& f) {
  return "Ärendet följdes upp händelsestyrt (stadens modell för uppföljning, händelsestyrd "
         "uppföljning). Det öppnades " +
         detail::dateLabel(f.openedOn) +
         " med anledningen: " + std::string(swedishTrigger(f.trigger)) +
         ". Förvaltningen inhämtade material, analyserade det och återkopplade till utföraren.";
}

}  // namespace

Status checkCaseReportTemplate(const FollowUpTemplate& t) {
  std::size_t previous = 0;
  for (std::string_view key : kCaseAreas) {
    std::size_t index = 0;
    while (index < t.areas.size() && t.areas[index].key != key) ++index;
    if (index == t.areas.size())
      return fail(
          Errc::Invalid, Reason::UnknownChoice,
          "the case report's template '" + t.id + "' has no area '" + std::string(key) + "'",
          "areas", std::string(key));
    // The report reads as the case went: the event before its handling, and so on.
    if (index < previous)
      return fail(Errc::Invalid, Reason::UnknownChoice,
                  "the area '" + std::string(key) + "' of the case report's template '" + t.id +
                      "' is out of order",
                  "areas", std::string(key));
    previous = index;
  }
  return {};
}

Result<FollowUpReport> createCaseReport(const FollowUpTemplate& t, const CaseFacts& facts) {
  ReportFacts reportFacts = facts.report;
  reportFacts.kind = ReportKind::Case;
  auto report = createReport(t, reportFacts);
  if (!report) return report;
  if (auto ok = checkCaseReportTemplate(t); !ok) return std::unexpected(ok.error());
  if (facts.analyses.empty())
    return fail(Errc::Invalid, Reason::Missing, "a case is reported after it has been analysed",
                "analyses");
  report->method = caseMethod(facts);
  for (ReportArea& area : report->areas) {
    if (area.key == kCaseAreaEvent) {
      area.findings = eventFindings(facts);
    } else if (area.key == kCaseAreaHandling) {
      area.findings = handlingFindings(facts);
    } else if (area.key == kCaseAreaAnalysis) {
      area.findings = analysisFindings(facts);
      // The last analysis is the authority's verdict; the earlier ones led to the action plan.
      area.assessment = facts.analyses.back().outcome == AnalysisOutcome::Ok
                            ? Assessment::Meets
                            : Assessment::DoesNotMeet;
    } else if (area.key == kCaseAreaActionPlan) {
      area.findings = actionPlanFindings(facts);
    } else if (area.key == kCaseAreaOutcome) {
      area.findings = outcomeFindings(facts);
    }
  }
  return report;
}

}  // namespace sv::minutes
