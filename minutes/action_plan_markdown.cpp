// The action plan as Swedish Markdown: the file a person reads in git beside the plan's JSON.
// Names and titles are escaped (minutes/escape.hpp); the summary and each action keep the
// provider's Markdown through the protocol's own cmark pass, as the report's findings do.
#include "minutes/action_plan.hpp"
#include "minutes/escape.hpp"
#include "minutes/labels.hpp"
#include "minutes/render_markdown.hpp"

namespace sv::minutes {
namespace {

using detail::appendBlock;

using detail::escapeMarkdownInline;

std::string itemText(const PlanItem& item, std::size_t number) {
  std::string out = "### " + std::to_string(number) + ". Åtgärd " + escapeMarkdownInline(item.id);
  appendBlock(out, "- Ansvarig: " + escapeMarkdownInline(item.responsible) +
                       "\n- Klar senast: " + detail::dateLabel(item.dueDate));
  // Under the point's own "###": the provider's "#" becomes "####".
  constexpr int kItemHeadingOffset = 3;
  const std::string text = detail::userMarkdownDemoted(item.text, kItemHeadingOffset);
  appendBlock(out, text.empty() ? "Ingen beskrivning." : text);
  return out;
}

}  // namespace

std::string renderActionPlanMarkdown(const ActionPlan& plan) {
  std::string out = "# Åtgärdsplan";
  appendBlock(out, "- Ärende: " + std::to_string(plan.caseId) + ", " +
                       escapeMarkdownInline(plan.caseTitle) +
                       "\n- Avtal: " + escapeMarkdownInline(plan.contractTitle) +
                       "\n- Utförare: " + escapeMarkdownInline(plan.providerName));
  appendBlock(out, "## Orsaker och analys");
  const std::string summary = detail::userMarkdown(plan.summary);
  appendBlock(out, summary.empty() ? "Utföraren har inte skrivit någon analys." : summary);
  appendBlock(out, "## Åtgärder");
  if (plan.items.empty()) appendBlock(out, "Inga åtgärder har förts in.");
  for (std::size_t i = 0; i < plan.items.size(); ++i)
    appendBlock(out, itemText(plan.items[i], i + 1));
  return out + "\n";
}

}  // namespace sv::minutes
