#include "minutes/render_html.hpp"

#include "minutes/escape.hpp"
#include "minutes/labels.hpp"
#include "minutes/markdown_budget.hpp"
#include "minutes/markdown_html.hpp"

namespace sv::minutes {
namespace {

using detail::escapeHtml;
using detail::escapeHtmlLines;

constexpr int kHtmlNoteHeadingOffset = 2;  // "#" in a note becomes <h3>, under the § <h2>

// Appended into one string: `"<" + std::string(name)` inserts at the front of a temporary, which
// GCC 12 reports as a false -Wrestrict in Release (GCC bug 105329).
std::string tag(std::string_view name, const std::string& escapedContent) {
  std::string out;
  out.reserve(2 * name.size() + escapedContent.size() + 5);
  out.append("<").append(name).append(">").append(escapedContent);
  out.append("</").append(name).append(">");
  return out;
}

std::string label(std::string_view text) {
  return escapeHtml(text);
}

std::string htmlTableHead(std::initializer_list<std::string_view> headers) {
  std::string out = "<table>\n<thead><tr>";
  for (std::string_view h : headers) out += "<th scope=\"col\">" + label(h) + "</th>";
  return out + "</tr></thead>\n<tbody>\n";
}

// A body row: the first cell heads the row.
std::string tableRow(std::initializer_list<std::string> escapedCells) {
  std::string out = "<tr>";
  bool first = true;
  for (const std::string& cell : escapedCells) {
    out += first ? "<th scope=\"row\">" + cell + "</th>" : "<td>" + cell + "</td>";
    first = false;
  }
  return out + "</tr>\n";
}

constexpr std::string_view kTableEnd = "</tbody>\n</table>\n";

std::string responsibleHtml(Party party, const std::string& person) {
  std::string out = label(detail::partyLabel(party));
  if (!person.empty()) out += ", " + escapeHtml(person);
  return out;
}

template <class Item>
std::string itemList(const std::vector<Item>& items) {
  std::string out = "<ul>\n";
  for (const Item& item : items) out += tag("li", escapeHtmlLines(item.text)) + "\n";
  return out + "</ul>\n";
}

std::string attendeeItem(const Attendee& a, const Minutes& m) {
  const std::string& partyOrganization =
      a.party == Party::Authority ? m.header.authorityName : m.header.providerName;
  std::string text = escapeHtml(a.name);
  if (!a.organization.empty() && a.organization != partyOrganization)
    text += " (" + escapeHtml(a.organization) + ")";
  if (const auto roles = detail::rolesLabel(a); !roles.empty()) text += ", " + label(roles);
  return tag("li", text) + "\n";
}

void appendParty(std::string& out, const Minutes& m, Party party) {
  out += tag("h3", label(detail::partyLabel(party))) + "\n";
  std::string present, absent;
  for (const Attendee& a : m.attendance)
    if (a.party == party) (a.present ? present : absent) += attendeeItem(a, m);
  out += present.empty() ? tag("p", label(detail::kNoneAttending)) + "\n"
                         : "<ul>\n" + present + "</ul>\n";
  if (!absent.empty())
    out += tag("p", label(detail::kAbsent) + ":") + "\n<ul>\n" + absent + "</ul>\n";
}

// The notes of the sections until the document's budget of Markdown is spent (a protocol of many
// hostile notes), then as plain text: the page's cost stays bounded and nothing of the text is
// lost.
void appendSection(std::string& out, const Section& s, MarkdownBudget& budget) {
  const std::string number = std::to_string(s.number);
  out += "<section class=\"protocol-section\" id=\"paragraf-" + number + "\">\n";
  out += tag("h2", "§ " + number + " " + escapeHtml(s.title)) + "\n";
  const std::string notes = budget.take(s.notes)
                                ? markdownToSafeHtml(s.notes, kHtmlNoteHeadingOffset)
                                : plainTextHtml(s.notes);
  const bool empty = notes.empty() && s.observations.empty() && s.actions.empty() &&
                     s.decisions.empty() && s.evaluations.empty();
  if (!notes.empty()) out += "<div class=\"notes\">\n" + notes + "</div>\n";
  if (empty) out += tag("p", label(detail::kEmptySection)) + "\n";
  if (!s.observations.empty())
    out += tag("h3", label(detail::kObservations)) + "\n" + itemList(s.observations);
  if (!s.actions.empty()) {
    out += tag("h3", label(detail::kActions)) + "\n";
    out += htmlTableHead({"Åtgärd", "Ansvarig part", "Ansvarig person", "Klart senast"});
    for (const Action& a : s.actions)
      out += tableRow({escapeHtmlLines(a.text), label(detail::partyLabel(a.responsibleParty)),
                       escapeHtml(a.responsiblePerson), label(detail::dateLabel(a.dueDate))});
    out += kTableEnd;
  }
  if (!s.decisions.empty())
    out += tag("h3", label(detail::kDecisions)) + "\n" + itemList(s.decisions);
  if (!s.evaluations.empty()) {
    out += tag("h3", label(detail::kEvaluations)) + "\n";
    out += htmlTableHead({"Åtgärd", "Beslutad", "Ansvarig", "Klart senast", "Bedömning",
                          "Kommentar", "Nytt klart senast"});
    for (const Evaluation& e : s.evaluations)
      out += tableRow({escapeHtmlLines(e.actionText), escapeHtml(e.origin),
                       responsibleHtml(e.responsibleParty, e.responsiblePerson),
                       label(detail::dateLabel(e.dueDate)), label(detail::outcomeLabel(e.outcome)),
                       escapeHtmlLines(e.comment),
                       e.newDueDate ? label(detail::dateLabel(*e.newDueDate)) : std::string()});
    out += kTableEnd;
  }
  out += "</section>\n";
}

void appendAdjustment(std::string& out, const Minutes& m) {
  out += "<section class=\"protocol-adjustment\">\n" + tag("h2", label(detail::kAdjustment)) + "\n";
  if (m.signatures.empty()) {
    out += tag("p", label(detail::kNotAdjusted)) + "\n";
  } else {
    out += "<ul>\n";
    for (Party party : {Party::Authority, Party::Provider}) {
      bool current = false;
      for (const Signature& s : m.signatures) {
        if (s.party != party) continue;
        std::string text = label(detail::partyLabel(party)) + ": " + escapeHtml(s.name) +
                           ", version <code>" + escapeHtml(detail::shortVersion(s.version)) +
                           "</code>, <time datetime=\"" + formatIsoUtc(s.at) + "\">" +
                           label(formatSwedishDateTime(s.at)) + "</time>";
        if (s.superseded) text += " (" + label(detail::kSuperseded) + ")";
        out += tag("li", text) + "\n";
        current = current || !s.superseded;
      }
      if (!current)
        out +=
            tag("li", label(detail::partyLabel(party)) + ": " + label(detail::kNotAdjustedParty)) +
            "\n";
    }
    out += "</ul>\n";
  }
  if (m.registryNumber)
    out += tag("p", label(detail::kRegistryNumber) + ": " + escapeHtml(*m.registryNumber)) + "\n";
  out += "</section>\n";
}

void appendDisagreements(std::string& out, const Minutes& m) {
  if (m.disagreements.empty()) return;
  out += "<section class=\"protocol-disagreements\">\n" + tag("h2", label(detail::kDisagreements)) +
         "\n<ul>\n";
  for (const Disagreement& d : m.disagreements)
    out += tag("li", label(detail::partyLabel(d.party)) + ", " + escapeHtml(d.name) + ": " +
                         escapeHtmlLines(d.text)) +
           "\n";
  out += "</ul>\n</section>\n";
}

std::string fact(std::string_view term, const std::string& escapedValue) {
  return tag("dt", label(term)) + tag("dd", escapedValue) + "\n";
}

}  // namespace

std::string renderHtml(const Minutes& m) {
  std::string out;
  out.reserve(8192);
  out += "<article class=\"protocol\" lang=\"sv\">\n<header>\n";
  out += tag("h1", label(detail::kTitle)) + "\n";
  const MinutesHeader& h = m.header;
  out += "<dl class=\"protocol-facts\">\n";
  std::string contract = escapeHtml(h.contractTitle);
  if (!h.contractReference.empty()) contract += " (" + escapeHtml(h.contractReference) + ")";
  out += fact("Avtal", contract);
  out += fact("Utförare", escapeHtml(h.providerName));
  out += fact("Förvaltning", escapeHtml(h.authorityName));
  out += fact("Datum", "<time datetime=\"" + formatIsoUtc(h.startsAt) + "\">" +
                           label(formatSwedishDateTime(h.startsAt)) + "</time>");
  out += fact("Plats", escapeHtml(h.location));
  out += "</dl>\n</header>\n";
  out += "<section class=\"protocol-attendance\">\n" + tag("h2", label(detail::kAttendance)) + "\n";
  appendParty(out, m, Party::Authority);
  appendParty(out, m, Party::Provider);
  out += "</section>\n";
  MarkdownBudget budget;
  for (const Section& s : m.sections) appendSection(out, s, budget);
  appendAdjustment(out, m);
  appendDisagreements(out, m);
  out += "</article>\n";
  return out;
}

}  // namespace sv::minutes
