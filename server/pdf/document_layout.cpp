#include "server/pdf/document_layout.hpp"

#include "minutes/labels.hpp"
#include "server/pdf/handles.hpp"
#include "server/pdf/markup.hpp"
#include "server/pdf/state_mark.hpp"

namespace sv::pdf::detail {
namespace {

namespace labels = minutes::detail;

constexpr TextStyle kTitle{"DejaVu Sans Bold 20", kInk, 1.0};
constexpr TextStyle kSubtitle{"DejaVu Sans 12", kMuted, 1.0};
constexpr TextStyle kCode{"DejaVu Sans Mono 8.5", kInk, 1.1};
constexpr TextStyle kFooter{"DejaVu Sans 7.5", kMuted, 1.0};

// Contract and registry number on the left, "Sida N av M" on the right, under a thin rule.
void drawFooter(const Flow& flow, const std::string& left, cairo_t* cr, int page, int pages) {
  const PageBox& box = flow.box();
  const double top = box.contentBottom() + 16;
  cairo_set_source_rgb(cr, kRule.r, kRule.g, kRule.b);
  cairo_set_line_width(cr, 0.5);
  cairo_move_to(cr, box.left, top);
  cairo_line_to(cr, box.width - box.right, top);
  cairo_stroke(cr);

  const double leftWidth = box.contentWidth() * 0.75;
  const SharedLayout leftLayout = flow.layout(left, kFooter, leftWidth);
  pango_layout_set_ellipsize(leftLayout.get(), PANGO_ELLIPSIZE_END);
  Flow::showLayout(cr, leftLayout.get(), box.left, top + 5, kFooter.color);

  const SharedLayout right =
      flow.layout("Sida " + std::to_string(page) + " av " + std::to_string(pages), kFooter,
                  box.contentWidth() - leftWidth, PANGO_ALIGN_RIGHT);
  Flow::showLayout(cr, right.get(), box.left + leftWidth, top + 5, kFooter.color);
}

}  // namespace

std::string esc(std::string_view text) {
  return escapeMarkup(text);
}

std::string muted(const std::string& markup) {
  return kMutedSpan + markup + "</span>";
}

void DocumentLayout::head(const DocumentHead& h) {
  std::string registry;
  if (h.registryNumber)
    registry = muted(esc(labels::kRegistryNumber)) + "\n<span size=\"x-large\"><b>" +
               esc(*h.registryNumber) + "</b></span>";
  flow_.table(Table{.columns = {{"", 1}, {"", 1, PANGO_ALIGN_RIGHT}},
                    .rows = {{"<b>" + esc(h.authorityName) + "</b>", registry}},
                    .body = kFact,
                    .headerFill = false,
                    .rowRules = false,
                    .padX = 0,
                    .padY = 0});
  flow_.space(22);
  flow_.paragraph(esc(h.title), kTitle, {.spaceAfter = 4, .tag = "H1"});
  flow_.paragraph(esc(h.subtitle), kSubtitle, {.spaceAfter = 10});
  flow_.rule(kRule, 0.6, 0, 6);
  std::vector<std::vector<std::string>> rows;
  for (const auto& [label, value] : h.facts) rows.push_back({muted(esc(label)), value});
  flow_.table(Table{.columns = {{"", 0.22}, {"", 0.78}},
                    .rows = std::move(rows),
                    .body = kFact,
                    .headerFill = false,
                    .rowRules = false,
                    .padX = 0,
                    .padY = 2});
  flow_.rule(kRule, 0.6, 6, 0);
}

void DocumentLayout::heading(const std::string& plain, double spaceBefore) {
  flow_.space(spaceBefore);
  flow_.ensure(kHeadingRoom);
  outline_.push_back({plain, flow_.here()});
  flow_.paragraph(esc(plain), kHeading,
                  {.spaceAfter = 5, .keepWithNext = kHeadingRoom, .tag = "H2"});
}

void DocumentLayout::subheading(std::string_view plain) {
  flow_.paragraph(esc(plain), kSubheading,
                  {.spaceBefore = 7, .spaceAfter = 3, .keepWithNext = kHeadingRoom, .tag = "H3"});
}

void DocumentLayout::bullet(const std::string& markup, int depth, const TextStyle& style) {
  flow_.paragraph(markup, style,
                  {.indent = depth * kListIndent,
                   .spaceAfter = 2,
                   .marker = "•",
                   .markerWidth = kListIndent,
                   .tag = "LI"});
}

bool DocumentLayout::notes(const std::string& markdown) {
  const std::vector<NoteBlock> blocks =
      budget_.take(markdown) ? markdownToBlocks(markdown) : plainTextBlocks(markdown);
  for (const NoteBlock& b : blocks) {
    const double indent = b.depth * kListIndent;
    const TextStyle& style = b.quoted ? kMutedBody : kBody;
    switch (b.kind) {
      case BlockKind::Paragraph:
        flow_.paragraph(b.quoted ? "<i>" + b.markup + "</i>" : b.markup, style,
                        {.indent = indent,
                         .spaceAfter = b.tight ? 2.0 : 5.0,
                         .marker = b.marker.empty() ? "" : esc(b.marker),
                         .markerWidth = kListIndent,
                         .tag = b.marker.empty() ? "P" : "LI"});
        break;
      case BlockKind::Heading:
        flow_.paragraph(b.markup, style,
                        {.indent = indent,
                         .spaceBefore = 3,
                         .spaceAfter = 3,
                         .keepWithNext = 30,
                         .marker = b.marker.empty() ? "" : esc(b.marker),
                         .markerWidth = kListIndent,
                         .tag = "H4"});
        break;
      case BlockKind::Code:
        flow_.paragraph(b.markup, kCode, {.indent = indent + 8, .spaceAfter = 5, .tag = "Code"});
        break;
      case BlockKind::Rule:
        flow_.rule(kRule, 0.5, 2, 7);
        break;
    }
  }
  return !blocks.empty();
}

Table DocumentLayout::dataTable(std::initializer_list<std::pair<const char*, double>> columns) {
  Table table{.body = kTableBody, .head = kTableHead};
  for (const auto& [header, share] : columns) table.columns.push_back({header, share});
  return table;
}

void DocumentLayout::placeTable(const Table& table) {
  flow_.space(2);
  flow_.table(table);
  flow_.space(4);
}

void DocumentLayout::attachments(const std::vector<minutes::RecordAttachment>& list,
                                 double spaceBefore) {
  heading(std::string(labels::kAttachments), spaceBefore);
  if (list.empty()) {
    flow_.paragraph(esc(labels::kNoAttachments), kMutedBody, {.spaceAfter = 3});
    return;
  }
  // The checksum under the name, in a column wide enough for its 64 digits on one line, so that
  // it can be read (and copied) whole.
  Table table = dataTable({{"Fil och SHA-256", 0.64}, {"Hör till", 0.18}, {"Storlek", 0.18}});
  for (const minutes::RecordAttachment& a : list)
    table.rows.push_back({esc(a.fileName) + "\n<span size=\"smaller\">" + kMonoSpan +
                              esc(a.sha256) + "</span></span>",
                          esc(a.attachedTo), esc(labels::sizeLabel(a.size))});
  placeTable(table);
}

void DocumentLayout::registration(const std::optional<std::string>& registryNumber,
                                  const std::optional<std::string>& sealSubject) {
  flow_.endStructure();
  flow_.beginTag("Sect");
  heading("Diarieföring", 16);
  if (registryNumber)
    flow_.paragraph("<b>" + esc(labels::kRegistryNumber) + ": " + esc(*registryNumber) + "</b>",
                    kBody, {.spaceAfter = 3});
  else
    flow_.paragraph(esc("Ej diariefört."), kMutedBody, {.spaceAfter = 3});
  if (sealSubject)
    flow_.paragraph(esc("Elektroniskt sigill, certifikatets innehavare: ") + kMonoSpan +
                        esc(*sealSubject) + "</span>",
                    kBody, {.spaceAfter = 3});
  flow_.endStructure();
  flow_.endTag("Sect");
}

std::string footerText(const ContractFacts& contract) {
  std::string left = esc(contract.title);
  if (!contract.reference.empty()) left += " · Avtalsnummer " + esc(contract.reference);
  if (contract.registryNumber) left += " · Diarienummer " + esc(*contract.registryNumber);
  return left;
}

PdfMetadata metadataOf(const ContractFacts& contract, const MetadataWords& words) {
  PdfMetadata out;
  out.title = words.given;
  if (out.title.empty()) {
    out.title = words.name;
    if (!contract.title.empty()) out.title += " – " + contract.title;
  }
  out.author = contract.authorityName;
  out.subject = words.about;
  if (!contract.title.empty()) out.subject += ", " + contract.title;
  if (!contract.reference.empty()) out.subject += " (avtal " + contract.reference + ")";
  if (!contract.providerName.empty()) out.subject += ", utförare " + contract.providerName;
  out.keywords = words.keywords;
  if (!contract.reference.empty()) out.keywords += ", " + contract.reference;
  if (contract.registryNumber) out.keywords += ", " + *contract.registryNumber;
  out.registryNumber = contract.registryNumber;
  out.createdAt = words.createdAt;
  return out;
}

Result<std::string> renderDocument(const DocumentFrame& frame,
                                   const std::function<std::vector<OutlineEntry>(Flow&)>& layout) {
  const PageBox box;
  auto file = PdfFile::create(box, frame.metadata);
  if (!file) return std::unexpected(file.error());
  const Cairo cr{cairo_create(file->surface())};
  Flow flow(cr.get(), box);
  const std::vector<OutlineEntry> outline = layout(flow);
  flow.endStructure();
  flow.draw([&](cairo_t* c, int page, int pages) {
    drawStateMark(flow, frame.stateMark, c);
    drawFooter(flow, frame.footer, c, page, pages);
  });
  file->addOutline(outline, box);
  return file->finish(cr.get(), flow.figureAlternates());
}

}  // namespace sv::pdf::detail
