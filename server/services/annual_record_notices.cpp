#include "server/services/annual_record_notices.hpp"

#include "server/services/annual_record_context.hpp"
#include "server/services/notices.hpp"
#include "server/store/reminders.hpp"

namespace sv::services {

void tellAnnualStep(store::Writing& c, const MailPolicy& policy, TimePoint now,
                    const AnnualRecordContext& ctx, const std::string& to,
                    const std::string& said) {
  const std::string what = "årsrapporten " + std::to_string(ctx.year) + " till nämnden";
  Notice n;
  n.kind = mail::Kind::AnnualReport;
  n.path = "/arsrapport?ar=" + std::to_string(ctx.year);
  n.linkText = "Öppna årsrapporten";
  std::vector<std::int64_t> people;
  if (to == "submitted") {
    people = store::activeUsersWithRole(c, ctx.authorityId, "director");
    n.notification = "annual.submitted";
    n.line = "Förvaltningen har lämnat " + what + " för godkännande.";
    n.subject = "Årsrapport att godkänna: " + std::to_string(ctx.year);
    n.paragraphs = {
        "Avtalsansvarig har lämnat " + what + " (" + ctx.authorityName + ") för godkännande.",
        "Läs sammanfattningen, bedömningen och förslaget till beslut med årets "
        "siffror, och godkänn versionen eller skicka tillbaka den med en kommentar."};
  } else if (to == "draft") {
    people = {ctx.row->createdBy};
    n.notification = "annual.returned";
    n.line = "Förvaltningschefen har skickat tillbaka " + what + ".";
    n.subject = "Årsrapporten skickades tillbaka: " + std::to_string(ctx.year);
    n.paragraphs = {"Förvaltningschefen har skickat tillbaka " + what +
                    " med en kommentar. Siffrorna räknas om när du lämnar den igen."};
    n.quotes = {said};
  } else if (to == "approved") {
    people = store::activeUsersWithRole(c, ctx.authorityId, "registrar");
    n.notification = "annual.approved";
    n.line = "Årsrapporten " + std::to_string(ctx.year) +
             " till nämnden är godkänd och väntar på diarieföring.";
    n.subject = "Årsrapport att diarieföra: " + std::to_string(ctx.year);
    n.paragraphs = {n.line};
  } else {
    people = {ctx.row->createdBy};
    n.notification = "annual.registered";
    n.line = "Årsrapporten " + std::to_string(ctx.year) + " till nämnden är diarieförd som " +
             said + ".";
    n.subject = "Årsrapporten diarieförd: " + said;
    n.paragraphs = {n.line};
  }
  for (auto id : people) {
    n.userId = id;
    tell(c, policy, now, n);
  }
}

}  // namespace sv::services
