#include "server/web/report_form.hpp"

#include <optional>
#include <utility>

#include "server/web/form_fields.hpp"
#include "server/web/words.hpp"
#include "workflows/stockholm_time.hpp"
#include "workflows/text.hpp"

namespace sv::web {
namespace {

using minutes::Assessment;
using minutes::FollowUpReport;

constexpr Assessment kAssessments[] = {Assessment::NotAssessed, Assessment::Meets,
                                       Assessment::PartlyMeets, Assessment::DoesNotMeet};

std::string visitPrefix(std::size_t i) {
  return "visits-" + std::to_string(i);
}

std::string areaPrefix(std::size_t i) {
  return "areas-" + std::to_string(i);
}

std::string improvementPrefix(std::size_t i, std::size_t k) {
  return areaPrefix(i) + "-improvements-" + std::to_string(k);
}

using form::dateText;

// Blank stays "not given" (Date{}) as well as a date that does not parse: applyReportEdit
// refuses both with the field named, which is what the person needs to see.
Date postedReportDate(const std::string& text) {
  if (text::isBlank(text)) return Date{};
  auto d = parseDate(oneLine(text));
  return d ? *d : Date{};
}

using form::field;
using form::option;

Data visitRow(std::size_t i, const minutes::Visit& v, const std::string& invalidId) {
  const std::string p = visitPrefix(i);
  Data row;
  row.set("number", std::to_string(i + 1));
  row.set("date", field(p + "-date", dateText(v.date), invalidId));
  row.set("note", field(p + "-note", v.note, invalidId));
  Data announced = field(p + "-announced", v.announced ? "ja" : "nej", invalidId);
  auto options = list();
  options.push_back(option("ja", "Anmält", v.announced));
  options.push_back(option("nej", "Oanmält", !v.announced));
  announced.set("options", options);
  row.set("announced", announced);
  return row;
}

Data improvementRow(std::size_t i, std::size_t k, const minutes::Improvement& m,
                    const std::string& invalidId) {
  const std::string p = improvementPrefix(i, k);
  Data row;
  row.set("number", std::to_string(k + 1));
  row.set("id", field(p + "-id", m.id, invalidId));
  row.set("text", field(p + "-text", m.text, invalidId));
  row.set("due_date", field(p + "-due_date", dateText(m.dueDate), invalidId));
  Data party = field(p + "-responsible_party", std::string(minutes::partyKey(m.responsibleParty)),
                     invalidId);
  auto options = list();
  options.push_back(
      option("provider", "Utföraren", m.responsibleParty == minutes::Party::Provider));
  options.push_back(
      option("authority", "Förvaltningen", m.responsibleParty == minutes::Party::Authority));
  party.set("options", options);
  row.set("party", party);
  return row;
}

void readArea(minutes::ReportArea& out, std::size_t i, const http::FormBody& form) {
  const std::string p = areaPrefix(i);
  if (form.has(p + "-assessment"))
    out.assessment =
        minutes::parseAssessment(form.value(p + "-assessment")).value_or(out.assessment);
  if (form.has(p + "-findings")) out.findings = multiLine(form.value(p + "-findings"));
  // Rows are read only when the form had them, so that a form without this area's list (an old
  // page) does not empty it.
  if (!form.has(improvementPrefix(i, 0) + "-text")) return;
  std::vector<minutes::Improvement> rows;
  for (std::size_t k = 0; k <= minutes::kMaxImprovements + kNewImprovementRows; ++k) {
    const std::string row = improvementPrefix(i, k);
    if (!form.has(row + "-text")) break;
    const std::string text = form.value(row + "-text");
    const std::string due = form.value(row + "-due_date");
    if (text::isBlank(text) && text::isBlank(due)) continue;
    minutes::Improvement m;
    m.id = oneLine(form.value(row + "-id"));
    m.text = multiLine(text);
    m.dueDate = postedReportDate(due);
    m.responsibleParty = minutes::parseParty(form.value(row + "-responsible_party"))
                             .value_or(minutes::Party::Provider);
    rows.push_back(std::move(m));
  }
  out.improvements = std::move(rows);
}

}  // namespace

FollowUpReport reportFromForm(const FollowUpReport& base, const http::FormBody& form) {
  FollowUpReport out = base;
  if (form.has("method")) out.method = multiLine(form.value("method"));
  if (form.has(visitPrefix(0) + "-date")) {
    out.visits.clear();
    for (std::size_t i = 0; i <= minutes::kMaxVisits + kNewVisitRows; ++i) {
      const std::string p = visitPrefix(i);
      if (!form.has(p + "-date")) break;
      const std::string date = form.value(p + "-date");
      const std::string note = form.value(p + "-note");
      if (text::isBlank(date) && text::isBlank(note)) continue;
      out.visits.push_back(
          {postedReportDate(date), form.value(p + "-announced") != "nej", multiLine(note)});
    }
  }
  for (std::size_t i = 0; i < out.areas.size(); ++i) readArea(out.areas[i], i, form);
  return out;
}

FollowUpReport keepEditorsReport(const FollowUpReport& base, const FollowUpReport& current,
                                 const FollowUpReport& mine) {
  FollowUpReport out = current;
  if (mine.method != base.method || mine.visits != base.visits) {
    out.method = mine.method;
    out.visits = mine.visits;
  }
  for (auto& area : out.areas) {
    const auto byKey = [&](const FollowUpReport& r) -> const minutes::ReportArea* {
      for (const auto& a : r.areas)
        if (a.key == area.key) return &a;
      return nullptr;
    };
    const auto* before = byKey(base);
    const auto* edited = byKey(mine);
    if (before && edited && *before != *edited) area = *edited;
  }
  return out;
}

void addReportForm(Data& data, const FollowUpReport& doc, const std::string& invalidId) {
  data.set("method", field("method", doc.method, invalidId));
  auto visits = list();
  for (std::size_t i = 0; i < doc.visits.size(); ++i)
    visits.push_back(visitRow(i, doc.visits[i], invalidId));
  for (std::size_t n = 0; n < kNewVisitRows; ++n) {
    Data row = visitRow(doc.visits.size() + n, minutes::Visit{}, invalidId);
    row.set("fresh", true);
    visits.push_back(row);
  }
  data.set("visits", visits);

  auto areas = list();
  for (std::size_t i = 0; i < doc.areas.size(); ++i) {
    const auto& a = doc.areas[i];
    const std::string p = areaPrefix(i);
    Data area;
    area.set("key", a.key);
    area.set("title", a.title);
    area.set("heading_id", p + "-rubrik");
    auto questions = list();
    for (const auto& q : a.questions) questions.push_back(Data("text", q));
    area.set("questions", questions);
    area.set("has_questions", !a.questions.empty());
    Data assessment = field(p + "-assessment", std::string(toString(a.assessment)), invalidId);
    auto options = list();
    for (const auto choice : kAssessments)
      options.push_back(
          option(std::string(toString(choice)), assessmentWord(choice), choice == a.assessment));
    assessment.set("options", options);
    area.set("assessment", assessment);
    area.set("findings", field(p + "-findings", a.findings, invalidId));
    auto rows = list();
    for (std::size_t k = 0; k < a.improvements.size(); ++k)
      rows.push_back(improvementRow(i, k, a.improvements[k], invalidId));
    for (std::size_t n = 0; n < kNewImprovementRows; ++n) {
      Data row = improvementRow(i, a.improvements.size() + n, minutes::Improvement{}, invalidId);
      row.set("fresh", true);
      rows.push_back(row);
    }
    area.set("improvements", rows);
    areas.push_back(area);
  }
  data.set("areas", areas);
}

}  // namespace sv::web
