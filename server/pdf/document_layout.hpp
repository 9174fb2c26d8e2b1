// Internal: what the protocol and the follow-up report are both drawn with, so that the two look
// like documents of one authority and each layout file holds only what is its own: the type and
// colours, the head of the first page, headings that become bookmarks, user Markdown, data
// tables, the list of attachments, the footer, and the frame a document is rendered in.
#pragma once

#include <cairo.h>

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "minutes/markdown_budget.hpp"
#include "minutes/report_record.hpp"
#include "server/pdf/flow.hpp"
#include "server/pdf/pdf_file.hpp"
#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::pdf::detail {

inline constexpr Rgb kInk{0.10, 0.10, 0.10};
inline constexpr Rgb kMuted{0.36, 0.36, 0.36};
inline constexpr Rgb kRule{0.62, 0.62, 0.62};
inline constexpr const char* kMutedSpan = "<span foreground=\"#5c5c5c\">";
inline constexpr const char* kMonoSpan = "<span font_family=\"DejaVu Sans Mono\">";

inline constexpr TextStyle kBody{"DejaVu Sans 9.5", kInk};
inline constexpr TextStyle kMutedBody{"DejaVu Sans 9.5", kMuted};
inline constexpr TextStyle kTableBody{"DejaVu Sans 8.8", kInk, 1.15};
inline constexpr TextStyle kTableHead{"DejaVu Sans Bold 8.3", kInk, 1.1};
inline constexpr TextStyle kFact{"DejaVu Sans 9.5", kInk, 1.15};
inline constexpr TextStyle kHeading{"DejaVu Sans Bold 12", kInk, 1.1};
inline constexpr TextStyle kSubheading{"DejaVu Sans Bold 9.5", kInk, 1.1};

inline constexpr double kListIndent = 14;   // per level of lists and block quotes
inline constexpr double kHeadingRoom = 48;  // kept below a heading on its page

// User text as Pango markup text (escapeMarkup), and markup set in the muted colour.
std::string esc(std::string_view text);
std::string muted(const std::string& markup);

// The head of a document's first page: the authority on the left and, once registered, the
// registry number on the right; the title and subtitle; then the facts, a label and a value per
// row (Pango markup; labels are set muted), between two rules.
struct DocumentHead {
  std::string authorityName;
  std::optional<std::string> registryNumber;
  std::string title;                                       // plain text
  std::string subtitle;                                    // plain text
  std::vector<std::pair<std::string, std::string>> facts;  // plain label, value markup
};

// The parts a document's layout is written with. A layout class derives from it, draws with
// the protected members and returns outline() once done.
class DocumentLayout {
 public:
  explicit DocumentLayout(Flow& flow) : flow_(flow) {}

 protected:
  void head(const DocumentHead& head);
  // A main heading, remembered for the outline where it landed.
  void heading(const std::string& plain, double spaceBefore);
  void subheading(std::string_view plain);
  void bullet(const std::string& markup, int depth = 1, const TextStyle& style = kBody);
  // User Markdown (markdownToBlocks) while the document's budget of Markdown lasts, then as
  // plain text (plainTextBlocks): a document of many hostile notes costs a bounded amount of
  // layout work beyond its length. Returns whether there was anything to print.
  bool notes(const std::string& markdown);
  // A table with a header row of plain labels, each with its share of the width.
  static Table dataTable(std::initializer_list<std::pair<const char*, double>> columns);
  // A data table placed with a little room above and below it.
  void placeTable(const Table& table);
  // "Bilagor": file name with its SHA-256 under it, what it belongs to, and size; or
  // "Inga bilagor.". A bookmark of its own.
  void attachments(const std::vector<minutes::RecordAttachment>& list, double spaceBefore);
  // Last, so that it is on the last page: "Diarieföring" with the registry number (or that
  // there is none yet) and, once the document is sealed, the seal's certificate subject, so a
  // reader of the paper knows whose seal a validator should show.
  void registration(const std::optional<std::string>& registryNumber,
                    const std::optional<std::string>& sealSubject);

  std::vector<OutlineEntry> outline() { return std::move(outline_); }

  Flow& flow_;

 private:
  std::vector<OutlineEntry> outline_;
  minutes::MarkdownBudget budget_;
};

// What a document says about the contract it belongs to, for its footer and metadata.
struct ContractFacts {
  std::string title;
  std::string reference;
  std::string authorityName;
  std::string providerName;
  std::optional<std::string> registryNumber;
};

// The footer's left part: "<contract> · Avtalsnummer <ref> · Diarienummer <number>", the parts
// there are, as markup.
std::string footerText(const ContractFacts& contract);

// What a document's metadata says, so that an e-archive or a file search finds it by the
// contract and the registry number: the title `given`, or `name` and the contract's title; the
// authority as author; `about` followed by the contract, its reference and the provider as
// subject; `keywords` followed by the reference and the registry number.
struct MetadataWords {
  std::string given;     // the caller's title; empty for the default
  std::string name;      // "Protokoll, samverkansmöte 2026-03-12"
  std::string about;     // "Samverkansmöte 2026-03-12 kl. 13.00"
  std::string keywords;  // "protokoll, samverkansmöte"
  TimePoint createdAt{};
};
PdfMetadata metadataOf(const ContractFacts& contract, const MetadataWords& words);

// What frames every page of a document: its metadata, the state's mark ("" for the record) and
// the footer's left part (markup); "Sida N av M" is added on the right.
struct DocumentFrame {
  PdfMetadata metadata;
  std::string stateMark;
  std::string footer;
};

// The PDF's bytes: `layout` lays the document out on the flow and returns its outline; then the
// pages are drawn with the mark and the footer. Errc::Internal when cairo fails.
Result<std::string> renderDocument(const DocumentFrame& frame,
                                   const std::function<std::vector<OutlineEntry>(Flow&)>& layout);

}  // namespace sv::pdf::detail
