// The follow-up report's edit form read back (reportFromForm) and filled (addReportForm): blank
// rows cost nothing, a date that does not parse reaches applyReportEdit as "not given", and what
// the form cannot have sent keeps the saved value.
#include <catch2/catch.hpp>

#include "server/web/report_form.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

namespace http = sv::http;
namespace minutes = sv::minutes;
namespace web = sv::web;

namespace {

sv::Date day(int y, unsigned m, unsigned d) {
  return sv::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

minutes::FollowUpReport twoAreas() {
  minutes::FollowUpReport r;
  r.method = "Dialogmöte";
  r.visits = {{day(2026, 3, 2), true, "Dialogmöte med enhetschefen"}};
  minutes::ReportArea a;
  a.key = "documentation";
  a.title = "Löpande dokumentation";
  a.questions = {"Finns löpande dokumentation?"};
  a.assessment = minutes::Assessment::Meets;
  a.improvements = {{"i1", "Rutin för signering", day(2026, 6, 30), sv::Party::Provider}};
  minutes::ReportArea b;
  b.key = "staffing";
  b.title = "Bemanning enligt avtal";
  r.areas = {a, b};
  return r;
}

http::FormBody form(const std::string& body) {
  auto parsed = http::FormBody::parse(body);
  REQUIRE(parsed);
  return *parsed;
}

std::string text(const web::Data& data, std::initializer_list<std::string> path) {
  const web::Data* at = &data;
  for (const auto& name : path) {
    at = at->get(name);
    REQUIRE(at != nullptr);
  }
  return at->is_string() ? at->string_value() : "";
}

}  // namespace

TEST_CASE("the report form: visits and improvements read back, blank rows left out",
          "[web][report_form]") {
  const auto base = twoAreas();
  const auto out = web::reportFromForm(
      base,
      form("method=Intervjuer%0D%0Aoch+observation"
           "&visits-0-date=2026-03-02&visits-0-announced=ja&visits-0-note=Dialogm%C3%B6te"
           "&visits-1-date=2026-04-14&visits-1-announced=nej&visits-1-note=Bemanning"
           "&visits-2-date=&visits-2-announced=ja&visits-2-note="
           "&areas-0-assessment=partly_meets&areas-0-findings=**Brister**"
           "&areas-0-improvements-0-id=i1&areas-0-improvements-0-text=Rutin"
           "&areas-0-improvements-0-due_date=2026-06-30"
           "&areas-0-improvements-0-responsible_party=provider"
           "&areas-0-improvements-1-id=&areas-0-improvements-1-text="
           "&areas-0-improvements-1-due_date=&areas-0-improvements-1-responsible_party=provider"
           "&areas-1-assessment=meets&areas-1-findings="
           "&areas-1-improvements-0-id=&areas-1-improvements-0-text=Ny+schemarutin"
           "&areas-1-improvements-0-due_date=2026-09-01"
           "&areas-1-improvements-0-responsible_party=authority"));
  CHECK(out.method == "Intervjuer\noch observation");
  REQUIRE(out.visits.size() == 2);
  CHECK(out.visits[1].date == day(2026, 4, 14));
  CHECK_FALSE(out.visits[1].announced);
  CHECK(out.visits[1].note == "Bemanning");
  CHECK(out.areas[0].assessment == minutes::Assessment::PartlyMeets);
  CHECK(out.areas[0].findings == "**Brister**");
  REQUIRE(out.areas[0].improvements.size() == 1);
  CHECK(out.areas[0].improvements[0].id == "i1");
  REQUIRE(out.areas[1].improvements.size() == 1);
  CHECK(out.areas[1].improvements[0].id.empty());
  CHECK(out.areas[1].improvements[0].responsibleParty == sv::Party::Authority);
  CHECK(out.areas[1].improvements[0].dueDate == day(2026, 9, 1));
  // What the form does not edit is the saved report's.
  CHECK(out.areas[0].questions == base.areas[0].questions);
  CHECK(out.areas[1].title == "Bemanning enligt avtal");
}

TEST_CASE("the report form: a date that does not parse is refused later, not guessed",
          "[web][report_form]") {
  const auto out = web::reportFromForm(
      twoAreas(), form("visits-0-date=2%2F3&visits-0-note=x"
                       "&areas-0-assessment=nonsense"
                       "&areas-0-improvements-0-id=i1&areas-0-improvements-0-text=Rutin"
                       "&areas-0-improvements-0-due_date=snart"));
  REQUIRE(out.visits.size() == 1);
  CHECK_FALSE(out.visits[0].date.ok());
  CHECK(out.areas[0].assessment == minutes::Assessment::Meets);  // kept: no such choice
  REQUIRE(out.areas[0].improvements.size() == 1);
  CHECK_FALSE(out.areas[0].improvements[0].dueDate.ok());
  // A form without the visits or an area's rows leaves them as saved.
  const auto untouched = web::reportFromForm(twoAreas(), form("method=Ny"));
  CHECK(untouched.visits == twoAreas().visits);
  CHECK(untouched.areas == twoAreas().areas);
}

TEST_CASE("the report form: filled with blank rows and the invalid field marked",
          "[web][report_form]") {
  web::Data data;
  web::addReportForm(data, twoAreas(), "areas-0-improvements-0-due_date");
  CHECK(text(data, {"method", "value"}) == "Dialogmöte");
  const auto* visits = data.get("visits");
  REQUIRE(visits != nullptr);
  CHECK(visits->list_value().size() == 1 + web::kNewVisitRows);
  const auto& area = data.get("areas")->list_value().at(0);
  CHECK(text(area, {"assessment", "value"}) == "meets");
  CHECK(area.get("assessment")->get("options")->list_value().size() == 4);
  const auto& rows = area.get("improvements")->list_value();
  REQUIRE(rows.size() == 1 + web::kNewImprovementRows);
  CHECK(text(rows.at(0), {"text", "value"}) == "Rutin för signering");
  CHECK(text(rows.at(0), {"due_date", "value"}) == "2026-06-30");
  CHECK(rows.at(0).get("due_date")->get("invalid")->is_true());
  CHECK(rows.at(1).get("text")->get("value")->string_value().empty());
  CHECK(text(rows.at(1), {"text", "id"}) == "areas-0-improvements-1-text");
}

TEST_CASE("the report form after a conflict keeps the editor's areas and others' saves",
          "[web][report_form]") {
  const auto base = twoAreas();
  auto theirs = base;
  theirs.areas[1].findings = "Deras text";
  auto mine = base;
  mine.areas[0].findings = "Min text";
  const auto kept = web::keepEditorsReport(base, theirs, mine);
  CHECK(kept.areas[0].findings == "Min text");
  CHECK(kept.areas[1].findings == "Deras text");
  CHECK(kept.visits == base.visits);
}

}  // namespace SV_TEST_FILE
