#include "server/pdf/protocol_pdf.hpp"

#include <initializer_list>

#include "minutes/labels.hpp"
#include "server/pdf/flow.hpp"
#include "server/pdf/handles.hpp"
#include "server/pdf/markup.hpp"
#include "server/pdf/pdf_file.hpp"
#include "server/pdf/state_mark.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::pdf {
namespace {

using detail::Flow;
using detail::OutlineEntry;
using detail::Rgb;
using detail::Table;
using detail::TextStyle;
using minutes::Minutes;
using minutes::MinutesHeader;
using minutes::Party;
namespace labels = minutes::detail;

constexpr Rgb kInk{0.10, 0.10, 0.10};
constexpr Rgb kMuted{0.36, 0.36, 0.36};
constexpr Rgb kRule{0.62, 0.62, 0.62};
constexpr const char* kMutedSpan = "<span foreground=\"#5c5c5c\">";
constexpr const char* kMonoSpan = "<span font_family=\"DejaVu Sans Mono\">";

constexpr TextStyle kBody{"DejaVu Sans 9.5", kInk};
constexpr TextStyle kMutedBody{"DejaVu Sans 9.5", kMuted};
constexpr TextStyle kTableBody{"DejaVu Sans 8.8", kInk, 1.15};
constexpr TextStyle kTableHead{"DejaVu Sans Bold 8.3", kInk, 1.1};
constexpr TextStyle kFact{"DejaVu Sans 9.5", kInk, 1.15};
constexpr TextStyle kTitle{"DejaVu Sans Bold 20", kInk, 1.0};
constexpr TextStyle kSubtitle{"DejaVu Sans 12", kMuted, 1.0};
constexpr TextStyle kHeading{"DejaVu Sans Bold 12", kInk, 1.1};
constexpr TextStyle kSubheading{"DejaVu Sans Bold 9.5", kInk, 1.1};
constexpr TextStyle kCode{"DejaVu Sans Mono 8.5", kInk, 1.1};
constexpr TextStyle kFooter{"DejaVu Sans 7.5", kMuted, 1.0};

constexpr double kListIndent = 14;   // per level of lists and block quotes
constexpr double kHeadingRoom = 48;  // kept below a heading on its page
constexpr std::size_t kVersionLength = 10;

std::string esc(std::string_view text) {
  return detail::escapeMarkup(text);
}

std::string muted(const std::string& markup) {
  return kMutedSpan + markup + "</span>";
}

std::string label(std::string_view text) {
  return esc(text);
}

std::string shortVersion(std::string_view commitId) {
  return std::string(commitId.substr(0, kVersionLength));
}

const std::string& organizationOf(const Minutes& m, Party party) {
  return party == Party::Authority ? m.header.authorityName : m.header.providerName;
}

class ProtocolLayout {
 public:
  ProtocolLayout(Flow& flow, const Minutes& m) : flow_(flow), m_(m) {}

  std::vector<OutlineEntry> run() {
    header();
    attendance();
    for (const minutes::Section& s : m_.sections) section(s);
    adjustment();
    disagreements();
    return std::move(outline_);
  }

 private:
  void heading(const std::string& plain, double spaceBefore) {
    flow_.space(spaceBefore);
    flow_.ensure(kHeadingRoom);
    outline_.push_back({plain, flow_.here()});
    flow_.paragraph(esc(plain), kHeading, {.spaceAfter = 5, .keepWithNext = kHeadingRoom});
  }

  void subheading(std::string_view text) {
    flow_.paragraph(label(text), kSubheading,
                    {.spaceBefore = 7, .spaceAfter = 3, .keepWithNext = kHeadingRoom});
  }

  void bullet(const std::string& markup, int depth = 1, const TextStyle& style = kBody) {
    flow_.paragraph(markup, style,
                    {.indent = depth * kListIndent,
                     .spaceAfter = 2,
                     .marker = "•",
                     .markerWidth = kListIndent});
  }

  void header() {
    const MinutesHeader& h = m_.header;
    std::string registry;
    if (m_.registryNumber)
      registry = muted(label(labels::kRegistryNumber)) + "\n<span size=\"x-large\"><b>" +
                 esc(*m_.registryNumber) + "</b></span>";
    flow_.table(Table{.columns = {{"", 1}, {"", 1, PANGO_ALIGN_RIGHT}},
                      .rows = {{"<b>" + esc(h.authorityName) + "</b>", registry}},
                      .body = kFact,
                      .headerFill = false,
                      .rowRules = false,
                      .padX = 0,
                      .padY = 0});
    flow_.space(22);
    flow_.paragraph("Protokoll", kTitle, {.spaceAfter = 4});
    flow_.paragraph("Samverkansmöte", kSubtitle, {.spaceAfter = 10});
    flow_.rule(kRule, 0.6, 0, 6);
    std::vector<std::vector<std::string>> facts = {
        {muted(label("Avtal")), esc(h.contractTitle)},
    };
    if (!h.contractReference.empty())
      facts.push_back({muted(label("Avtalsnummer")), esc(h.contractReference)});
    facts.push_back({muted(label("Förvaltning")), esc(h.authorityName)});
    facts.push_back({muted(label("Utförare")), esc(h.providerName)});
    facts.push_back({muted(label("Tid")), esc(formatSwedishDateTime(h.startsAt))});
    facts.push_back({muted(label("Plats")), esc(h.location)});
    flow_.table(Table{.columns = {{"", 0.22}, {"", 0.78}},
                      .rows = std::move(facts),
                      .body = kFact,
                      .headerFill = false,
                      .rowRules = false,
                      .padX = 0,
                      .padY = 2});
    flow_.rule(kRule, 0.6, 6, 0);
  }

  std::string attendeeLine(const minutes::Attendee& a) const {
    std::string line = esc(a.name);
    if (!a.organization.empty() && a.organization != organizationOf(m_, a.party))
      line += " (" + esc(a.organization) + ")";
    if (const auto roles = labels::rolesLabel(a); !roles.empty())
      line += ", " + muted(label(roles));
    return line;
  }

  std::string partyAttendance(Party party) const {
    std::string present, absent;
    for (const minutes::Attendee& a : m_.attendance) {
      if (a.party != party) continue;
      std::string& list = a.present ? present : absent;
      if (!list.empty()) list += '\n';
      list += attendeeLine(a);
    }
    std::string out = present.empty() ? muted(label(labels::kNoneAttending)) : present;
    if (!absent.empty()) out += "\n\n<i>" + label(labels::kAbsent) + ":</i>\n" + absent;
    return out;
  }

  static std::string partyHeader(const Minutes& m, Party party) {
    std::string out = label(labels::partyLabel(party));
    if (const std::string& org = organizationOf(m, party); !org.empty())
      out += "\n<span weight=\"normal\" foreground=\"#5c5c5c\">" + esc(org) + "</span>";
    return out;
  }

  // Two columns, one per party, the way the parties sit at the table.
  void partyTable(std::string authority, std::string provider) {
    flow_.table(Table{
        .columns = {{partyHeader(m_, Party::Authority), 1}, {partyHeader(m_, Party::Provider), 1}},
        .rows = {{std::move(authority), std::move(provider)}},
        .body = kTableBody,
        .head = kTableHead,
        .headerFill = false,
        .rowRules = false,
        .padX = 0,
        .padY = 4});
  }

  void attendance() {
    heading(std::string(labels::kAttendance), 18);
    partyTable(partyAttendance(Party::Authority), partyAttendance(Party::Provider));
  }

  // Returns whether the notes had anything to print.
  bool notes(const std::string& markdown) {
    using detail::BlockKind;
    const std::vector<detail::NoteBlock> blocks = detail::markdownToBlocks(markdown);
    for (const detail::NoteBlock& b : blocks) {
      const double indent = b.depth * kListIndent;
      const TextStyle& style = b.quoted ? kMutedBody : kBody;
      switch (b.kind) {
        case BlockKind::Paragraph:
          flow_.paragraph(b.quoted ? "<i>" + b.markup + "</i>" : b.markup, style,
                          {.indent = indent,
                           .spaceAfter = b.tight ? 2.0 : 5.0,
                           .marker = b.marker.empty() ? "" : esc(b.marker),
                           .markerWidth = kListIndent});
          break;
        case BlockKind::Heading:
          flow_.paragraph(b.markup, style,
                          {.indent = indent,
                           .spaceBefore = 3,
                           .spaceAfter = 3,
                           .keepWithNext = 30,
                           .marker = b.marker.empty() ? "" : esc(b.marker),
                           .markerWidth = kListIndent});
          break;
        case BlockKind::Code:
          flow_.paragraph(b.markup, kCode, {.indent = indent + 8, .spaceAfter = 5});
          break;
        case BlockKind::Rule:
          flow_.rule(kRule, 0.5, 2, 7);
          break;
      }
    }
    return !blocks.empty();
  }

  template <class Item>
  void itemList(std::string_view title, const std::vector<Item>& items) {
    if (items.empty()) return;
    subheading(title);
    for (const Item& item : items) bullet(esc(item.text));
  }

  static Table dataTable(std::initializer_list<std::pair<const char*, double>> columns) {
    Table table{.body = kTableBody, .head = kTableHead};
    for (const auto& [header, share] : columns) table.columns.push_back({header, share});
    return table;
  }

  void actions(const std::vector<minutes::Action>& items) {
    if (items.empty()) return;
    subheading(labels::kActions);
    Table table = dataTable({{"Åtgärd", 0.46},
                             {"Ansvarig part", 0.17},
                             {"Ansvarig person", 0.21},
                             {"Klart senast", 0.16}});
    for (const minutes::Action& a : items)
      table.rows.push_back({esc(a.text), label(labels::partyLabel(a.responsibleParty)),
                            esc(a.responsiblePerson), esc(labels::dateLabel(a.dueDate))});
    flow_.space(2);
    flow_.table(table);
    flow_.space(4);
  }

  void evaluations(const std::vector<minutes::Evaluation>& items) {
    if (items.empty()) return;
    subheading(labels::kEvaluations);
    Table table = dataTable(
        {{"Åtgärd", 0.42}, {"Bedömning", 0.15}, {"Kommentar", 0.28}, {"Nytt klart senast", 0.15}});
    for (const minutes::Evaluation& e : items) {
      std::string responsible = label(labels::partyLabel(e.responsibleParty));
      if (!e.responsiblePerson.empty()) responsible += ", " + esc(e.responsiblePerson);
      std::string facts;
      if (!e.origin.empty()) facts += "Beslutad: " + esc(e.origin) + "\n";
      facts += "Ansvarig: " + responsible + "\nKlart senast: " + esc(labels::dateLabel(e.dueDate));
      table.rows.push_back({esc(e.actionText) + "\n<span size=\"smaller\" foreground=\"#5c5c5c\">" +
                                facts + "</span>",
                            label(labels::outcomeLabel(e.outcome)), esc(e.comment),
                            e.newDueDate ? esc(labels::dateLabel(*e.newDueDate)) : std::string()});
    }
    flow_.space(2);
    flow_.table(table);
    flow_.space(4);
  }

  void section(const minutes::Section& s) {
    heading(labels::sectionHeading(s), 16);
    const bool empty =
        s.observations.empty() && s.actions.empty() && s.decisions.empty() && s.evaluations.empty();
    const bool hasNotes = notes(s.notes);
    if (!hasNotes && empty)
      flow_.paragraph(label(labels::kEmptySection), kMutedBody, {.spaceAfter = 3});
    itemList(labels::kObservations, s.observations);
    actions(s.actions);
    itemList(labels::kDecisions, s.decisions);
    evaluations(s.evaluations);
  }

  static std::string approval(const minutes::Signature& s) {
    const std::string entry = "<b>" + esc(s.name) + "</b>\nVersion " + kMonoSpan +
                              esc(shortVersion(s.version)) + "</span>, " +
                              esc(formatSwedishDateTime(s.at));
    if (!s.superseded) return entry;
    return muted("<s>" + entry + "</s>\n<i>Ersatt – " + label(labels::kSuperseded) + "</i>");
  }

  // The party's valid approval first ("Ej justerat" without one), then those of earlier
  // versions, struck through.
  std::string approvals(Party party) const {
    std::string valid, replaced;
    for (const minutes::Signature& s : m_.signatures) {
      if (s.party != party) continue;
      std::string& list = s.superseded ? replaced : valid;
      if (!list.empty()) list += "\n\n";
      list += approval(s);
    }
    std::string out = valid.empty() ? "<b>" + label("Ej justerat") + "</b>" : valid;
    if (!replaced.empty()) out += "\n\n" + replaced;
    return out;
  }

  void adjustment() {
    heading(std::string(labels::kAdjustment), 20);
    partyTable(approvals(Party::Authority), approvals(Party::Provider));
    if (m_.registryNumber)
      flow_.paragraph(
          "<b>" + label(labels::kRegistryNumber) + ": " + esc(*m_.registryNumber) + "</b>", kBody,
          {.spaceBefore = 8});
    else
      flow_.paragraph(label("Ej diariefört."), kMutedBody, {.spaceBefore = 8});
  }

  void disagreements() {
    if (m_.disagreements.empty()) return;
    heading(std::string(labels::kDisagreements), 16);
    for (const minutes::Disagreement& d : m_.disagreements)
      bullet("<b>" + label(labels::partyLabel(d.party)) + ", " + esc(d.name) + ":</b> " +
             esc(d.text));
  }

  Flow& flow_;
  const Minutes& m_;
  std::vector<OutlineEntry> outline_;
};

// Contract and registry number on the left, "Sida N av M" on the right, under a thin rule.
void drawFooter(const Flow& flow, const Minutes& m, cairo_t* cr, int page, int pages) {
  const detail::PageBox& box = flow.box();
  const double top = box.contentBottom() + 16;
  cairo_set_source_rgb(cr, kRule.r, kRule.g, kRule.b);
  cairo_set_line_width(cr, 0.5);
  cairo_move_to(cr, box.left, top);
  cairo_line_to(cr, box.width - box.right, top);
  cairo_stroke(cr);

  std::string left = esc(m.header.contractTitle);
  if (!m.header.contractReference.empty())
    left += " · Avtalsnummer " + esc(m.header.contractReference);
  if (m.registryNumber) left += " · Diarienummer " + esc(*m.registryNumber);
  const double leftWidth = box.contentWidth() * 0.75;
  const detail::SharedLayout leftLayout = flow.layout(left, kFooter, leftWidth);
  pango_layout_set_ellipsize(leftLayout.get(), PANGO_ELLIPSIZE_END);
  Flow::showLayout(cr, leftLayout.get(), box.left, top + 5, kFooter.color);

  const detail::SharedLayout right =
      flow.layout("Sida " + std::to_string(page) + " av " + std::to_string(pages), kFooter,
                  box.contentWidth() - leftWidth, PANGO_ALIGN_RIGHT);
  Flow::showLayout(cr, right.get(), box.left + leftWidth, top + 5, kFooter.color);
}

// Title, author, subject and keywords name the meeting, the contract and the registry number, so
// an e-archive or a file search finds the protocol by them.
detail::PdfMetadata metadataOf(const Minutes& m, const PdfOptions& options) {
  const MinutesHeader& h = m.header;
  const std::string date = formatDate(toStockholm(h.startsAt).date);
  detail::PdfMetadata out;
  out.title = options.title;
  if (out.title.empty()) {
    out.title = "Protokoll, samverkansmöte " + date;
    if (!h.contractTitle.empty()) out.title += " – " + h.contractTitle;
  }
  out.author = h.authorityName;
  out.subject = "Samverkansmöte " + formatSwedishDateTime(h.startsAt);
  if (!h.contractTitle.empty()) out.subject += ", " + h.contractTitle;
  if (!h.contractReference.empty()) out.subject += " (avtal " + h.contractReference + ")";
  if (!h.providerName.empty()) out.subject += ", utförare " + h.providerName;
  out.keywords = "protokoll, samverkansmöte";
  if (!h.contractReference.empty()) out.keywords += ", " + h.contractReference;
  if (m.registryNumber) out.keywords += ", " + *m.registryNumber;
  out.createdAt = options.createdAt;
  return out;
}

}  // namespace

Result<std::string> renderProtocolPdf(const Minutes& m, const PdfOptions& options) {
  const detail::PageBox box;
  auto file = detail::PdfFile::create(box, metadataOf(m, options));
  if (!file) return std::unexpected(file.error());
  const detail::Cairo cr{cairo_create(file->surface())};
  Flow flow(cr.get(), box);
  const std::vector<detail::OutlineEntry> outline = ProtocolLayout(flow, m).run();
  flow.draw([&](cairo_t* c, int page, int pages) {
    detail::drawStateMark(flow, options.stateMark, c);
    drawFooter(flow, m, c, page, pages);
  });
  file->addOutline(outline, box);
  return file->finish(cr.get());
}

}  // namespace sv::pdf
