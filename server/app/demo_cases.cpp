// The demo's event-driven cases on Hemtjänst Söder (seed 002, § 8.2): complaints about missed
// visits, analysed as not in order, the provider's first action plan sent back with a comment on a
// point, the second accepted (its points now actions carried into the next agenda), feedback given
// and the report to the committee started; and an acute lex Sarah case, its director and
// committee secretary told at once, gathering material.
#include <functional>
#include <vector>

#include "server/app/demo_history.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::app {
namespace {

Date daysFrom(Date d, int days) {
  return Date(std::chrono::sys_days(d) + std::chrono::days(days));
}

minutes::ActionPlan firstPlan(minutes::ActionPlan plan, Date today) {
  plan.summary =
      "Missade besök berodde på att planeringen inte uppdaterades när ordinarie personal var "
      "sjuk. Vikarierna fick inte veta vilka besök som var tidsbundna.";
  plan.items = {
      {"", "Planeraren uppdaterar körlistorna varje morgon kl. 7 och vid varje sjukanmälan.",
       "Verksamhetschef", daysFrom(today, 30)},
      {"", "Vikarier får en genomgång av tidsbundna besök.", "Samordnare", daysFrom(today, 45)},
  };
  return plan;
}

// The second round answers the comment on the second point: how the genomgång is made sure of.
minutes::ActionPlan revisedPlan(minutes::ActionPlan plan, Date today) {
  for (auto& item : plan.items)
    if (item.id == "p2") {
      item.text =
          "Varje vikarie går igenom de tidsbundna besöken med samordnaren före första passet och "
          "kvitterar genomgången; samordnaren följer upp kvitteringarna varje vecka.";
      item.dueDate = daysFrom(today, 40);
    }
  return plan;
}

Status savePlanAs(services::Services& s, const DemoPeople& p, std::int64_t id,
                  const std::function<minutes::ActionPlan(minutes::ActionPlan)>& edit) {
  auto view = s.cases->get(p.provider, id);
  if (!view) return std::unexpected(view.error());
  const auto& row = view->item.row;
  auto plan = view->plan
                  ? view->plan->plan
                  : minutes::createActionPlan(id, row.title, row.contractTitle, row.providerName);
  SV_DEMO_TRY(s.cases->savePlan(p.provider, id, view->plan ? view->plan->version : "", edit(plan)));
  return ok(s.cases->submitPlan(p.provider, id));
}

Status complaintCase(services::Services& s, std::int64_t contractId, const DemoPeople& p,
                     Date today) {
  auto opened = s.cases->open(
      p.manager, {contractId, "complaints", "Missade besök i hemtjänsten",
                  "Fyra klagomål på två veckor från anhöriga om besök som uteblivit eller kommit "
                  "flera timmar för sent, bland annat insulingivning.",
                  formatDate(daysFrom(today, -21)), "normal"});
  if (!opened) return std::unexpected(opened.error());
  const auto id = opened->item.row.id;
  const std::vector<std::function<Status()>> steps{
      [&] {
        return ok(s.cases->addNote(
            p.manager, id,
            "Samtal med verksamhetschefen: två sjukskrivningar samma vecka, vikarier från "
            "bemanningsföretag. Avvikelserapporterna för perioden begärda."));
      },
      [&] { return ok(s.cases->startAnalysis(p.manager, id)); },
      [&] {
        return ok(s.cases->concludeAnalysis(
            p.manager, id, "not_ok",
            "Besöken planeras inte om när personal saknas. Kraven i avtalet om tidsbundna insatser "
            "uppfylls inte.",
            formatDate(daysFrom(today, 14))));
      },
      [&] { return savePlanAs(s, p, id, [&](auto plan) { return firstPlan(plan, today); }); },
      [&] {
        return ok(s.cases->returnPlan(
            p.manager, id,
            {{"p2",
              "Hur säkerställs att varje vikarie faktiskt fått genomgången före sitt första "
              "pass?"}},
            formatDate(daysFrom(today, 10))));
      },
      [&] { return savePlanAs(s, p, id, [&](auto plan) { return revisedPlan(plan, today); }); },
      [&] { return ok(s.cases->acceptPlan(p.manager, id)); },
      [&] {
        return ok(s.cases->concludeAnalysis(
            p.manager, id, "ok",
            "Planen svarar mot bristerna; åtgärderna följs vid samverkansmötena.", ""));
      },
      [&] {
        return ok(s.cases->giveFeedback(
            p.manager, id,
            "Återkoppling vid möte med verksamhetschefen: planen godtas och följs upp vid nästa "
            "samverkansmöte."));
      },
      [&] { return ok(s.cases->startReport(p.manager, id)); },
  };
  for (const auto& step : steps)
    if (auto done = step(); !done) return done;
  return {};
}

Status acuteCase(services::Services& s, std::int64_t contractId, const DemoPeople& p, Date today) {
  auto opened = s.cases->open(
      p.manager, {contractId, "serious_event", "Lex Sarah: fall utan larm",
                  "En brukare föll i hemmet och trygghetslarmet var ur funktion sedan två dagar. "
                  "Utföraren har gjort en lex Sarah-rapport.",
                  formatDate(daysFrom(today, -2)), "acute"});
  if (!opened) return std::unexpected(opened.error());
  return ok(s.cases->addNote(p.manager, opened->item.row.id,
                             "Utförarens lex Sarah-rapport och utredningsplan begärda."));
}

}  // namespace

Status loadDemoCases(services::Services& s, std::int64_t contractId, const DemoPeople& p) {
  if (!s.cases) return {};
  const auto today = toStockholm(s.time.now()).date;
  if (auto done = complaintCase(s, contractId, p, today); !done) return done;
  return acuteCase(s, contractId, p, today);
}

}  // namespace sv::app
