#include "minutes/render_markdown.hpp"

#include <mutex>
#include <unordered_map>

#include "minutes/cmark_tree.hpp"
#include "minutes/escape.hpp"
#include "minutes/labels.hpp"
#include "minutes/markdown_budget.hpp"

namespace sv::minutes {
namespace {

using detail::escapeMarkdownBlock;
using detail::escapeMarkdownInline;

constexpr int kMarkdownNoteHeadingOffset = 2;  // "#" in a note becomes "###", under the § heading

// The blocks of a document, joined by one blank line.
class Blocks {
 public:
  void add(std::string block) {
    while (!block.empty() && block.back() == '\n') block.pop_back();
    if (block.empty()) return;
    if (!text_.empty()) text_ += "\n\n";
    text_ += block;
  }
  std::string str() const { return text_ + "\n"; }

 private:
  std::string text_;
};

std::string renderNotes(const std::string& notes) {
  return detail::userMarkdownDemoted(notes, kMarkdownNoteHeadingOffset);
}

// Rendering the notes through cmark is most of the cost of rendering a protocol, and a save
// changes one section's notes while the protocol is rendered whole. So the notes rendered lately
// are remembered (the function is pure: same text, same result). Bounded by entries and by the
// size of a note, and emptied when full.
class RenderedNotes {
 public:
  std::string get(const std::string& notes) {
    if (notes.size() > kLargestRemembered) return renderNotes(notes);
    {
      std::lock_guard guard(mutex_);
      if (auto it = byText_.find(notes); it != byText_.end()) return it->second;
    }
    std::string text = renderNotes(notes);
    std::lock_guard guard(mutex_);
    if (byText_.size() >= kMostRemembered) byText_.clear();
    byText_.emplace(notes, text);
    return text;
  }

 private:
  static constexpr std::size_t kLargestRemembered = 64 * 1024;
  static constexpr std::size_t kMostRemembered = 4096;
  std::mutex mutex_;
  std::unordered_map<std::string, std::string> byText_;
};

std::string row(std::initializer_list<std::string> cells) {
  std::string out = "|";
  for (const std::string& cell : cells) out += " " + cell + " |";
  return out;
}

std::string markdownTableHead(std::initializer_list<std::string> headers) {
  std::string rule = "|";
  for (std::size_t i = 0; i < headers.size(); ++i) rule += " --- |";
  return row(headers) + "\n" + rule;
}

std::string responsibleMarkdown(Party party, const std::string& person) {
  std::string out(detail::partyLabel(party));
  if (!person.empty()) out += ", " + escapeMarkdownInline(person);
  return out;
}

template <class Item>
std::string bulletList(const std::vector<Item>& items) {
  std::string out;
  for (const Item& item : items) {
    if (!out.empty()) out += '\n';
    out += "- " + escapeMarkdownBlock(item.text, "  ");
  }
  return out;
}

std::string attendeeLine(const Attendee& a, const Minutes& m) {
  const std::string& partyOrganization =
      a.party == Party::Authority ? m.header.authorityName : m.header.providerName;
  std::string line = "- " + escapeMarkdownInline(a.name);
  if (!a.organization.empty() && a.organization != partyOrganization)
    line += " (" + escapeMarkdownInline(a.organization) + ")";
  if (const auto roles = detail::rolesLabel(a); !roles.empty()) line += ", " + roles;
  return line;
}

void addParty(Blocks& blocks, const Minutes& m, Party party) {
  blocks.add("### " + std::string(detail::partyLabel(party)));
  std::string present, absent;
  for (const Attendee& a : m.attendance) {
    if (a.party != party) continue;
    std::string& list = a.present ? present : absent;
    if (!list.empty()) list += '\n';
    list += attendeeLine(a, m);
  }
  blocks.add(present.empty() ? std::string(detail::kNoneAttending) : present);
  if (!absent.empty()) {
    blocks.add(std::string(detail::kAbsent) + ":");
    blocks.add(absent);
  }
}

void addAttendance(Blocks& blocks, const Minutes& m) {
  blocks.add("## " + std::string(detail::kAttendance));
  addParty(blocks, m, Party::Authority);
  addParty(blocks, m, Party::Provider);
}

// Notes past the document's budget of Markdown (markdown_budget.hpp) are kept as plain text,
// escaped: minutes.md then says what the notes say without asking cmark for their structure.
void addSection(Blocks& blocks, const Section& s, MarkdownBudget& budget) {
  blocks.add("## § " + std::to_string(s.number) + " " + escapeMarkdownInline(s.title));
  const std::string notes =
      budget.take(s.notes) ? detail::userMarkdown(s.notes) : escapeMarkdownBlock(s.notes, "");
  blocks.add(notes);
  if (notes.empty() && s.observations.empty() && s.actions.empty() && s.decisions.empty() &&
      s.evaluations.empty())
    blocks.add(std::string(detail::kEmptySection));
  if (!s.observations.empty()) {
    blocks.add("### " + std::string(detail::kObservations));
    blocks.add(bulletList(s.observations));
  }
  if (!s.actions.empty()) {
    blocks.add("### " + std::string(detail::kActions));
    std::string table =
        markdownTableHead({"Åtgärd", "Ansvarig part", "Ansvarig person", "Klart senast"});
    for (const Action& a : s.actions)
      table +=
          "\n" +
          row({escapeMarkdownInline(a.text), std::string(detail::partyLabel(a.responsibleParty)),
               escapeMarkdownInline(a.responsiblePerson), detail::dateLabel(a.dueDate)});
    blocks.add(table);
  }
  if (!s.decisions.empty()) {
    blocks.add("### " + std::string(detail::kDecisions));
    blocks.add(bulletList(s.decisions));
  }
  if (!s.evaluations.empty()) {
    blocks.add("### " + std::string(detail::kEvaluations));
    std::string table = markdownTableHead({"Åtgärd", "Beslutad", "Ansvarig", "Klart senast",
                                           "Bedömning", "Kommentar", "Nytt klart senast"});
    for (const Evaluation& e : s.evaluations)
      table +=
          "\n" + row({escapeMarkdownInline(e.actionText), escapeMarkdownInline(e.origin),
                      responsibleMarkdown(e.responsibleParty, e.responsiblePerson),
                      detail::dateLabel(e.dueDate), std::string(detail::outcomeLabel(e.outcome)),
                      escapeMarkdownInline(e.comment),
                      e.newDueDate ? detail::dateLabel(*e.newDueDate) : std::string()});
    blocks.add(table);
  }
}

void addAdjustment(Blocks& blocks, const Minutes& m) {
  blocks.add("## " + std::string(detail::kAdjustment));
  if (m.signatures.empty()) {
    blocks.add(std::string(detail::kNotAdjusted));
  } else {
    std::string list;
    for (Party party : {Party::Authority, Party::Provider}) {
      bool current = false;
      for (const Signature& s : m.signatures) {
        if (s.party != party) continue;
        if (!list.empty()) list += '\n';
        list += "- " + std::string(detail::partyLabel(party)) + ": " +
                escapeMarkdownInline(s.name) + ", version " +
                escapeMarkdownInline(detail::shortVersion(s.version)) + ", " +
                formatSwedishDateTime(s.at);
        if (s.superseded) list += " (" + std::string(detail::kSuperseded) + ")";
        current = current || !s.superseded;
      }
      if (!current) {
        if (!list.empty()) list += '\n';
        list += "- " + std::string(detail::partyLabel(party)) + ": " +
                std::string(detail::kNotAdjustedParty);
      }
    }
    blocks.add(list);
  }
  if (m.registryNumber)
    blocks.add(std::string(detail::kRegistryNumber) + ": " +
               escapeMarkdownInline(*m.registryNumber));
}

void addDisagreements(Blocks& blocks, const Minutes& m) {
  if (m.disagreements.empty()) return;
  blocks.add("## " + std::string(detail::kDisagreements));
  std::string list;
  for (const Disagreement& d : m.disagreements) {
    if (!list.empty()) list += '\n';
    list += "- " + std::string(detail::partyLabel(d.party)) + ", " + escapeMarkdownInline(d.name) +
            ": " + escapeMarkdownBlock(d.text, "  ");
  }
  blocks.add(list);
}

}  // namespace

namespace detail {

std::string userMarkdownDemoted(const std::string& markdown, int headingOffset) {
  // Hostile nesting or more markup than a note has: the text is kept as plain text instead,
  // escaped like any other text.
  if (!withinNoteBudget(markdown)) return escapeMarkdownBlock(markdown, "");
  const auto document = parseMarkdown(markdown);
  if (nestingDepth(document.get()) > kMaxMarkdownDepth) return escapeMarkdownBlock(markdown, "");
  if (headingOffset > 0) demoteHeadings(document.get(), headingOffset);
  removeRawHtml(document.get());
  std::string text = renderCommonmark(document.get());
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

std::string userMarkdown(const std::string& notes) {
  static RenderedNotes rendered;
  return rendered.get(notes);
}

}  // namespace detail

std::string renderMarkdown(const Minutes& m) {
  Blocks blocks;
  blocks.add("# " + std::string(detail::kTitle));
  const MinutesHeader& h = m.header;
  std::string facts = "- Avtal: " + escapeMarkdownInline(h.contractTitle);
  if (!h.contractReference.empty()) facts += " (" + escapeMarkdownInline(h.contractReference) + ")";
  facts += "\n- Utförare: " + escapeMarkdownInline(h.providerName);
  facts += "\n- Förvaltning: " + escapeMarkdownInline(h.authorityName);
  facts += "\n- Datum: " + formatSwedishDateTime(h.startsAt);
  facts += "\n- Plats: " + escapeMarkdownInline(h.location);
  blocks.add(facts);
  addAttendance(blocks, m);
  MarkdownBudget budget;
  for (const Section& s : m.sections) addSection(blocks, s, budget);
  addAdjustment(blocks, m);
  addDisagreements(blocks, m);
  return blocks.str();
}

std::string renderSectionMarkdown(const Section& section) {
  Blocks blocks;
  MarkdownBudget budget;
  addSection(blocks, section, budget);
  return blocks.str();
}

std::string renderAttendanceMarkdown(const Minutes& minutes) {
  Blocks blocks;
  addAttendance(blocks, minutes);
  return blocks.str();
}

}  // namespace sv::minutes
