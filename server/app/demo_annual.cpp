// Last year's summary to the committee in the demo, written in February after the year's last
// meeting and registered a week later, as an administration reports to its committee.
#include "server/app/demo_history.hpp"
#include "server/app/demo_timeline.hpp"
#include "server/app/demo_year.hpp"

namespace sv::app {

void queueDemoAnnualRecord(services::Services& s, DemoTimeline& timeline, std::int64_t authorityId,
                           const DemoAnnualPeople& people) {
  const int year = static_cast<int>(toStockholm(timeline.now()).date.year()) - 1;
  if (auto known = s.annual->record(people.manager, authorityId, year); !known || known->started)
    return;
  const Date february{std::chrono::year(year + 1), std::chrono::February, std::chrono::day(10)};
  timeline.add(stockholmAt(february, 10), [=](services::Services& then) -> Status {
    const minutes::AnnualNarrative text{
        "Samverkan med utförarna har följt årets plan: samverkansmöten varje kvartal, "
        "uppföljningsrapporter med faktagranskning och de händelsestyrda ärenden som året "
        "krävde.",
        "Utförarna uppfyller i huvudsak avtalens krav. Åtgärder som inte godtogs vid första "
        "utvärderingen har följts upp vid nästa möte tills de godtagits.",
        "Nämnden föreslås lägga årsrapporten till handlingarna."};
    SV_DEMO_TRY(then.annual->saveNarrative(people.manager, authorityId, year, "", text));
    return ok(then.annual->submit(people.manager, authorityId, year));
  });
  timeline.add(stockholmAt(daysAfter(february, 7), 9), [=](services::Services& then) -> Status {
    auto read = then.annual->record(people.director, authorityId, year);
    if (!read) return std::unexpected(read.error());
    return ok(then.annual->approve(people.director, authorityId, year, read->version));
  });
  timeline.add(stockholmAt(daysAfter(february, 9), 10), [=](services::Services& then) {
    return ok(then.annual->registerRecord(people.registrar, authorityId, year));
  });
}

}  // namespace sv::app
