#include "server/pdf/protocol_pdf.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "minutes/approval_method.hpp"
#include "minutes/labels.hpp"
#include "server/pdf/document_layout.hpp"
#include "server/pdf/flow.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::pdf {
namespace {

using detail::DocumentLayout;
using detail::esc;
using detail::Flow;
using detail::kBody;
using detail::kMonoSpan;
using detail::kMutedBody;
using detail::kTableBody;
using detail::kTableHead;
using detail::muted;
using detail::OutlineEntry;
using detail::Table;
using minutes::Minutes;
using minutes::MinutesHeader;
using minutes::Party;
namespace labels = minutes::detail;

constexpr std::size_t kVersionLength = 10;

// How an approval was made when the signature does not say (one made before the method was
// stored with each approval, migration 026): the password login, the only way there was.
constexpr std::string_view kApprovalMethod = minutes::kPasswordApprovalMethod;
constexpr std::string_view kKeptBy = "Vid protokollet";

std::string label(std::string_view text) {
  return esc(text);
}

std::string shortVersion(std::string_view commitId) {
  return std::string(commitId.substr(0, kVersionLength));
}

// "förvaltningen" from "Förvaltningen": the party's word inside a line. The words are ASCII
// at their start, so the first byte is the first letter.
std::string lowerFirst(std::string_view word) {
  std::string out(word);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z')
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

const std::string& organizationOf(const Minutes& m, Party party) {
  return party == Party::Authority ? m.header.authorityName : m.header.providerName;
}

class ProtocolLayout : DocumentLayout {
 public:
  ProtocolLayout(Flow& flow, const Minutes& m, const PdfOptions& options)
      : DocumentLayout(flow),
        m_(m),
        attachments_(options.attachments),
        sealSubject_(options.sealSubject) {}

  std::vector<OutlineEntry> run() {
    header();
    attendance();
    for (const minutes::Section& s : m_.sections) section(s);
    adjustment();
    disagreements();
    attachments(attachments_, 16);
    registration(m_.registryNumber, sealSubject_);
    return outline();
  }

 private:
  void header() {
    const MinutesHeader& h = m_.header;
    detail::DocumentHead top{.authorityName = h.authorityName,
                             .registryNumber = m_.registryNumber,
                             .title = "Protokoll",
                             .subtitle = "Samverkansmöte"};
    top.facts.emplace_back("Avtal", esc(h.contractTitle));
    if (!h.contractReference.empty())
      top.facts.emplace_back("Avtalsnummer", esc(h.contractReference));
    top.facts.emplace_back("Förvaltning", esc(h.authorityName));
    top.facts.emplace_back("Utförare", esc(h.providerName));
    top.facts.emplace_back("Tid", esc(formatSwedishDateTime(h.startsAt)));
    top.facts.emplace_back("Plats", esc(h.location));
    head(top);
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

  template <class Item>
  void itemList(std::string_view title, const std::vector<Item>& items) {
    if (items.empty()) return;
    subheading(title);
    for (const Item& item : items) bullet(esc(item.text));
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
    placeTable(table);
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
    placeTable(table);
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

  // What each valid approval says, so that a print read years later tells who approved which
  // text, on whose behalf, when and how: the person, the party's organisation, the time in
  // Swedish time, the method and the version's commit id in full. The commit id is the content
  // hash: git computes it over the version's tree, which holds minutes.md and minutes.json
  // together, it is what the approval names in Samverkan, and anyone with the repository (or the
  // archive's metadata.json) can check it; a hash of minutes.md alone would leave the structured
  // part unbound. Approvals of earlier versions are struck through, shorter.
  std::string approval(const minutes::Signature& s) const {
    if (s.superseded)
      return muted("<s><b>" + esc(s.name) + "</b>\nVersion " + kMonoSpan +
                   esc(shortVersion(s.version)) + "</span>, " + esc(formatSwedishDateTime(s.at)) +
                   "</s>\n<i>Ersatt – " + label(labels::kSuperseded) + "</i>");
    std::string entry = "<b>" + esc(s.name) + "</b>";
    if (const std::string& org = organizationOf(m_, s.party); !org.empty())
      entry += "\n" + esc(org) + " (" + esc(lowerFirst(labels::partyLabel(s.party))) + ")";
    entry += "\n" + muted(label("Tid:")) + " " + esc(formatSwedishDateTime(s.at)) + "\n" +
             muted(label("Metod:")) + " " +
             (s.method.empty() ? label(kApprovalMethod) : esc(s.method)) + "\n" +
             muted(label("Versionens hash (git-commit):")) + "\n<span size=\"smaller\">" +
             kMonoSpan + esc(s.version) + "</span></span>";
    return entry;
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

  // The signature block as a section of its own in the structure: the parties' approvals as a
  // table with a header cell per party, then "Vid protokollet" with whoever kept the minutes
  // (the secretaries present; nobody is named when none was).
  void adjustment() {
    flow_.endStructure();  // a list of the last § ends before the block begins
    flow_.beginTag("Sect");
    heading(std::string(labels::kAdjustment), 20);
    partyTable(approvals(Party::Authority), approvals(Party::Provider));
    std::string keepers;
    for (const minutes::Attendee& a : m_.attendance) {
      const std::vector<minutes::Role> roles = minutes::rolesOf(a);
      if (!a.present ||
          std::find(roles.begin(), roles.end(), minutes::Role::Secretary) == roles.end())
        continue;
      if (!keepers.empty()) keepers += "\n";
      keepers += esc(a.name);
      if (!a.organization.empty()) keepers += ", " + esc(a.organization);
    }
    if (!keepers.empty()) {
      subheading(kKeptBy);
      flow_.paragraph(keepers, kBody, {.spaceAfter = 3});
    }
    flow_.endStructure();
    flow_.endTag("Sect");
  }

  void disagreements() {
    if (m_.disagreements.empty()) return;
    heading(std::string(labels::kDisagreements), 16);
    for (const minutes::Disagreement& d : m_.disagreements)
      bullet("<b>" + label(labels::partyLabel(d.party)) + ", " + esc(d.name) + ":</b> " +
             esc(d.text));
  }

  const Minutes& m_;
  const std::vector<minutes::RecordAttachment>& attachments_;
  const std::optional<std::string>& sealSubject_;
};

detail::ContractFacts contractOf(const Minutes& m) {
  const MinutesHeader& h = m.header;
  return {h.contractTitle, h.contractReference, h.authorityName, h.providerName, m.registryNumber};
}

}  // namespace

Result<std::string> renderProtocolPdf(const Minutes& m, const PdfOptions& options) {
  const detail::ContractFacts contract = contractOf(m);
  const detail::MetadataWords words{
      .given = options.title,
      .name = "Protokoll, samverkansmöte " + formatDate(toStockholm(m.header.startsAt).date),
      .about = "Samverkansmöte " + formatSwedishDateTime(m.header.startsAt),
      .keywords = "protokoll, samverkansmöte",
      .createdAt = options.createdAt};
  const detail::DocumentFrame frame{detail::metadataOf(contract, words), options.stateMark,
                                    detail::footerText(contract)};
  return detail::renderDocument(frame,
                                [&](Flow& flow) { return ProtocolLayout(flow, m, options).run(); });
}

}  // namespace sv::pdf
