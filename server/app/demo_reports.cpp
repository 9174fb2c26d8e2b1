// The demo's follow-up reports on Hemtjänst Söder (seed 000, 003, 004): last year's, walked from
// the draft through the provider's fact-check, a supplement that changed an assessment, the
// answers and the final version to registration, with its improvement now an action; and this
// year's, assessed and out with the provider for fact-checking, on their start page.
#include <functional>
#include <vector>

#include "server/app/demo_history.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::app {
namespace {

// The areas as the follow-up found them; the implementation plans only partly meet the
// requirements, with an improvement due in `due`.
minutes::FollowUpReport assessed(minutes::FollowUpReport doc, Date visit, Date due) {
  doc.method =
      "Dialogmöte med verksamhetschefen och medicinskt ansvarig sjuksköterska, intervjuer med "
      "fyra medarbetare, granskning av tio genomförandeplaner och den löpande dokumentationen "
      "samt ett oanmält besök för att stämma av bemanningen.";
  doc.visits = {{visit, true, "Dialogmöte på kontoret, Götgatan 40"},
                {Date(std::chrono::sys_days(visit) + std::chrono::days(9)), false,
                 "Oanmält besök vid morgonens överlämning"}};
  for (auto& area : doc.areas) {
    area.assessment = minutes::Assessment::Meets;
    if (area.key == "implementation_plans") {
      area.assessment = minutes::Assessment::PartlyMeets;
      area.findings =
          "Tre av tio granskade genomförandeplaner saknar mål som är formulerade tillsammans med "
          "brukaren. Planerna är i övrigt aktuella.";
      area.improvements = {{"", "Genomförandeplanerna ska ha mål som formulerats med brukaren", due,
                            Party::Provider}};
    } else if (area.key == "deviations_complaints") {
      area.findings = "Avvikelser rapporteras och analyseras månadsvis; åtgärder följs upp.";
    }
  }
  return doc;
}

Result<std::int64_t> written(services::Services& s, const DemoPeople& p, std::int64_t contractId,
                             int year, Date visit, Date due) {
  auto started = s.reports->start(p.manager, {contractId, year, minutes::ReportKind::Operational});
  if (!started) return std::unexpected(started.error());
  auto saved = s.reports->save(p.manager, started->summary.id, started->version,
                               assessed(started->document, visit, due));
  if (!saved) return std::unexpected(saved.error());
  return started->summary.id;
}

}  // namespace

Status loadDemoReports(services::Services& s, std::int64_t contractId, const DemoPeople& p) {
  if (!s.reports) return {};
  const auto today = toStockholm(s.time.now()).date;
  const int year = static_cast<int>(today.year());
  const auto lastYear =
      Date(std::chrono::year(year - 1), std::chrono::month(10), std::chrono::day(6));
  auto last = written(s, p, contractId, year - 1, lastYear, today);
  if (!last) return std::unexpected(last.error());
  const auto id = *last;
  // The steps in their order; the first that fails ends the demo with its error.
  const std::vector<std::function<Status()>> steps{
      [&] { return ok(s.reports->sendForFactCheck(p.manager, id)); },
      [&] {
        return ok(s.reports->answerFactCheck(
            p.provider, id,
            {{"implementation_plans",
              "Två av de tre planerna var under revidering vid granskningen och har nu mål."}}));
      },
      [&] {
        return ok(s.reports->requestSupplement(
            p.manager, id,
            {"implementation_plans", "Skicka de reviderade genomförandeplanerna (avidentifierade).",
             formatDate(today)}));
      },
      [&] {
        return ok(s.reports->sendSupplement(
            p.provider, id, 1, "Två reviderade planer bifogas; den tredje revideras i november."));
      },
      [&] {
        return ok(s.reports->decideSupplement(
            p.manager, id, 1,
            {"partly_meets",
             "Två planer är kompletta; kravet står kvar tills den tredje är reviderad."}));
      },
      [&]() -> Status {
        auto comments = s.reports->comments(p.manager, id);
        if (!comments) return std::unexpected(comments.error());
        for (const auto& c : *comments)
          if (auto answered = ok(s.reports->answerComment(
                  p.manager, id, c.id,
                  "Noterat. Bedömningen står kvar eftersom en plan fortfarande saknade mål."));
              !answered)
            return answered;
        return {};
      },
      [&] { return ok(s.reports->finalize(p.manager, id)); },
      [&] { return ok(s.reports->registerReport(p.registrar, id)); },
  };
  for (const auto& step : steps)
    if (auto done = step(); !done) return done;

  // This year's: assessed and with the provider for fact-checking.
  auto current =
      written(s, p, contractId, year, Date(std::chrono::sys_days(today) - std::chrono::days(20)),
              Date(std::chrono::sys_days(today) + std::chrono::days(90)));
  if (!current) return std::unexpected(current.error());
  return ok(s.reports->sendForFactCheck(p.manager, *current));
}

}  // namespace sv::app
