#include "server/pdf/report_pdf.hpp"

#include <vector>

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
using detail::muted;
using detail::OutlineEntry;
using detail::Table;
using minutes::FollowUpReport;
using minutes::ReportRecord;
namespace labels = minutes::detail;

constexpr const char* kWholeReport = "Rapporten som helhet";

// The record keeps its times as ISO 8601 UTC text; printed in Stockholm's time like the
// protocol's, or as stored when it does not parse (an old record is printed, not refused).
std::string timeLabel(const std::string& iso) {
  const auto at = parseDateTime(iso);
  return at ? formatSwedishDateTime(*at) : iso;
}

// "(Anna Berg, 2026-04-02 kl. 10.15)" of whoever did something when; empty parts left out.
std::string byAt(const std::string& by, const std::string& at) {
  std::string out = esc(by);
  if (!at.empty()) out += (out.empty() ? "" : ", ") + esc(timeLabel(at));
  return out;
}

// What a comment or a supplement is about, plain: an area, or the report when it names none.
std::string aboutArea(const std::string& title) {
  return title.empty() ? std::string(kWholeReport) : title;
}

std::string headingOf(const FollowUpReport& r) {
  return std::string(minutes::swedishKind(r.header.kind)) + " " + std::to_string(r.header.year);
}

class ReportLayout : DocumentLayout {
 public:
  ReportLayout(Flow& flow, const ReportRecord& record, const std::optional<std::string>& seal)
      : DocumentLayout(flow), r_(record), sealSubject_(seal) {}

  std::vector<OutlineEntry> run() {
    header();
    method();
    visits();
    for (const minutes::ReportArea& a : r_.report.areas) area(a);
    factCheck();
    supplements();
    attachments(r_.attachments, 20);
    registration(r_.report.registryNumber, sealSubject_);
    return outline();
  }

 private:
  void header() {
    const minutes::ReportHeader& h = r_.report.header;
    detail::DocumentHead top{.authorityName = h.authorityName,
                             .registryNumber = r_.report.registryNumber,
                             .title = headingOf(r_.report),
                             .subtitle = h.contractTitle};
    top.facts.emplace_back("Avtal", esc(h.contractTitle));
    if (!h.contractReference.empty())
      top.facts.emplace_back("Avtalsnummer", esc(h.contractReference));
    top.facts.emplace_back("Förvaltning", esc(h.authorityName));
    top.facts.emplace_back("Utförare", esc(h.providerName));
    top.facts.emplace_back("År", std::to_string(h.year));
    head(top);
  }

  void text(const std::string& plain, const std::string& none) {
    if (plain.empty())
      flow_.paragraph(esc(none), kMutedBody, {.spaceAfter = 3});
    else
      flow_.paragraph(esc(plain), kBody, {.spaceAfter = 4});
  }

  void method() {
    heading("Metod", 18);
    text(r_.report.method, "Ingen metod har angetts.");
  }

  void visits() {
    heading("Besök", 16);
    if (r_.report.visits.empty())
      flow_.paragraph(esc("Inga besök har förts in."), kMutedBody, {.spaceAfter = 3});
    for (const minutes::Visit& v : r_.report.visits) {
      std::string line = "<b>" + esc(labels::dateLabel(v.date)) + "</b>, " +
                         esc(v.announced ? "anmält besök" : "oanmält besök");
      if (!v.note.empty()) line += ": " + esc(v.note);
      bullet(line);
    }
  }

  void improvements(const std::vector<minutes::Improvement>& list) {
    if (list.empty()) return;
    subheading("Krav på förbättringar");
    Table table =
        dataTable({{"Nr", 0.08}, {"Förbättring", 0.56}, {"Ansvarig", 0.2}, {"Senast", 0.16}});
    for (const minutes::Improvement& i : list) {
      const long number = minutes::improvementNumber(i.id);
      table.rows.push_back({number > 0 ? std::to_string(number) : esc(i.id), esc(i.text),
                            esc(labels::partyLabel(i.responsibleParty)),
                            esc(labels::dateLabel(i.dueDate))});
    }
    placeTable(table);
  }

  void area(const minutes::ReportArea& a) {
    heading(a.title, 18);
    if (!a.questions.empty()) {
      subheading("Frågor");
      for (const std::string& q : a.questions) bullet(esc(q), 1, kMutedBody);
    }
    flow_.paragraph(
        "<b>" + esc("Bedömning:") + "</b> " + esc(minutes::swedishAssessment(a.assessment)), kBody,
        {.spaceBefore = 6, .spaceAfter = 2});
    subheading("Iakttagelser");
    if (!notes(a.findings))
      flow_.paragraph(esc("Inga iakttagelser har förts in."), kMutedBody, {.spaceAfter = 3});
    improvements(a.improvements);
  }

  void comment(const minutes::FactCheckComment& c) {
    subheading("Synpunkt: " + aboutArea(c.areaTitle));
    flow_.paragraph(esc(c.text), kBody, {.spaceAfter = 2});
    flow_.paragraph(muted(byAt(c.by, c.at)), kBody, {.spaceAfter = 4});
    if (c.answer)
      flow_.paragraph("<b>" + esc("Förvaltningens svar") + "</b> " +
                          muted("(" + byAt(c.answeredBy, c.answeredAt) + ")") + ": " +
                          esc(*c.answer),
                      kBody, {.indent = detail::kListIndent, .spaceAfter = 4});
    else
      flow_.paragraph("<b>" + esc("Förvaltningens svar:") + "</b> " + esc("ännu inte besvarad."),
                      kMutedBody, {.indent = detail::kListIndent, .spaceAfter = 4});
  }

  void factCheck() {
    heading("Faktagranskning", 20);
    if (!r_.factCheck) {
      flow_.paragraph(esc("Rapporten har inte skickats på faktagranskning."), kMutedBody,
                      {.spaceAfter = 3});
      return;
    }
    const minutes::FactCheckRecord& f = *r_.factCheck;
    std::string outcome = esc(minutes::swedishOutcome(f.outcome));
    if (const std::string who = byAt(f.answeredBy, f.endedAt); !who.empty())
      outcome += " " + muted("(" + who + ")");
    placeTable(Table{.columns = {{"", 0.26}, {"", 0.74}},
                     .rows = {{muted(esc("Granskad version")),
                               kMonoSpan + esc(labels::shortVersion(f.sentVersion)) + "</span>"},
                              {muted(esc("Skickad till utföraren")), byAt(f.sentBy, f.sentAt)},
                              {muted(esc("Sista svarsdag")), esc(labels::dateLabel(f.dueOn))},
                              {muted(esc("Utfall")), outcome}},
                     .body = detail::kFact,
                     .headerFill = false,
                     .rowRules = false,
                     .padX = 0,
                     .padY = 2});
    for (const minutes::FactCheckComment& c : f.comments) comment(c);
    subheading("Ändrat efter faktagranskningen");
    if (f.changedAreas.empty())
      flow_.paragraph(esc("Inget område ändrades."), kMutedBody, {.spaceAfter = 3});
    for (const std::string& t : f.changedAreas) bullet(esc(t));
  }

  void supplement(const minutes::SupplementEntry& s) {
    subheading("Komplettering " + std::to_string(s.number) + ": " + aboutArea(s.areaTitle));
    flow_.paragraph("<b>" + esc("Begärd") + "</b> " +
                        muted("(" + byAt(s.requestedBy, s.requestedAt) + ")") + ", " +
                        esc("senast " + labels::dateLabel(s.dueOn)) + ": " + esc(s.request),
                    kBody, {.spaceAfter = 4});
    if (s.response)
      flow_.paragraph("<b>" + esc("Utförarens komplettering") + "</b> " +
                          muted("(" + byAt(s.respondedBy, s.respondedAt) + ")") + ": " +
                          esc(*s.response),
                      kBody, {.spaceAfter = 4});
    else
      flow_.paragraph(esc("Ingen komplettering har kommit in."), kMutedBody, {.spaceAfter = 4});
    if (!s.decided) {
      flow_.paragraph(esc("Ännu inte avgjord."), kMutedBody, {.spaceAfter = 4});
      return;
    }
    std::string decision = "<b>" + esc("Bedömning:") + "</b> " +
                           esc(minutes::swedishAssessment(s.before)) + " → " +
                           esc(minutes::swedishAssessment(s.after)) + " " +
                           muted("(" + byAt(s.decidedBy, s.decidedAt) + ")");
    if (!s.reason.empty()) decision += ". " + esc("Skäl: " + s.reason);
    flow_.paragraph(decision, kBody, {.spaceAfter = 4});
  }

  void supplements() {
    heading("Kompletteringar", 20);
    if (r_.supplements.empty())
      flow_.paragraph(esc("Inga kompletteringar har begärts."), kMutedBody, {.spaceAfter = 3});
    for (const minutes::SupplementEntry& s : r_.supplements) supplement(s);
  }

  const ReportRecord& r_;
  const std::optional<std::string>& sealSubject_;
};

}  // namespace

std::string reportStateMarkOf(minutes::ReportState state) {
  switch (state) {
    case minutes::ReportState::Draft:
    case minutes::ReportState::Answered:
      return "UTKAST";
    case minutes::ReportState::FactCheck:
      return "Faktagranskning pågår";
    case minutes::ReportState::Final:
      return "Slutlig, ej diarieförd";
    case minutes::ReportState::Registered:
      return {};
  }
  return "UTKAST";
}

Result<std::string> renderReportPdf(const ReportRecord& record, const ReportPdfOptions& options) {
  const FollowUpReport& r = record.report;
  const minutes::ReportHeader& h = r.header;
  const detail::ContractFacts contract{h.contractTitle, h.contractReference, h.authorityName,
                                       h.providerName, r.registryNumber};
  const detail::MetadataWords words{
      .given = options.title,
      .name = headingOf(r),
      .about = headingOf(r),
      .keywords = "uppföljning, " + std::string(minutes::swedishKind(h.kind)),
      .createdAt = options.createdAt};
  const detail::DocumentFrame frame{detail::metadataOf(contract, words), options.stateMark,
                                    detail::footerText(contract)};
  return detail::renderDocument(
      frame, [&](Flow& flow) { return ReportLayout(flow, record, options.sealSubject).run(); });
}

}  // namespace sv::pdf
