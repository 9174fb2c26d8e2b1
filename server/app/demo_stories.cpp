// The two years of the demo's second contract in each authority (demo_year.hpp): what was said,
// agreed, evaluated, returned and cancelled. Each year ends with actions in every state: accepted,
// reported and not yet evaluated, found insufficient at the last meeting, and open (one never
// reported and past its due date), so the yearly summary's chart of actions by state has all four.
#include "server/app/demo_year.hpp"

namespace sv::app {
namespace {

using minutes::Outcome;

}  // namespace

DemoContractScript solgardenScript(std::int64_t providerId, const DemoPeople& people) {
  DemoContractScript c;
  c.providerId = providerId;
  c.people = people;
  c.providerPerson = "Olof Sund";
  // After "Vård- och omsorgsboende Linnégården" in every list sorted by title.
  c.title = "Vård- och omsorgsboende Solgården";
  c.referenceNumber = "0388";
  c.serviceArea = "vard_och_omsorgsboende";
  c.location = "Solgården, Valhallavägen 140, Stockholm";
  const std::string falls = "Inför en strukturerad fallriskbedömning vid inflyttning";
  const std::string meals = "Se över måltidsmiljön och nattfastan på avdelning 2";
  const std::string social = "Erbjud varje boende en individuell aktivitet i veckan";
  const std::string handover = "Dokumentera överlämningen mellan dag och natt i journalen";
  const std::string training = "Utbilda all personal i basala hygienrutiner";
  const std::string plans = "Uppdatera genomförandeplanerna efter brukarnas egna mål";
  const std::string night = "Säkra bemanningen nattetid med två vakna på varje våning";
  const std::string keys = "Inför kvittering av nycklar och tag vid skiftbyte";
  c.years[0] = {{
      {.providerReport = "Beläggningen är full. Två sjuksköterskor är nyanställda.",
       .deviations = "Sju fall sedan årsskiftet, två med fraktur.",
       .observation = "Fallriskbedömning saknas för fyra av sex nyinflyttade.",
       .agreed = {{falls, 60}, {meals, 75}},
       .approvalDays = 6,
       .reported = {{falls, 40, "Bedömningen görs nu av sjuksköterskan inom tre dagar.", 7},
                    {meals, 50, "Nattfastan är kortad med ett kvällsmål klockan 21."}}},
      {.providerReport = "Sommarbemanningen är klar; tre vikarier har gått introduktionen.",
       .deviations = "Fyra fall, inget med skada.",
       .observation = "Aktiviteterna är få på helgerna.",
       .agreed = {{social, 60}},
       .evaluated = {{meals, Outcome::Insufficient, "Måltidsmiljön är inte åtgärdad.", 70}},
       .returnComment = "§ 8: fallen var fyra, inte fem. Rätta gärna före justering.",
       .approvalDays = 12,
       .reported = {{meals, 30, "Matsalen är möblerad om och har fått dämpad belysning."},
                    {social, 45, "Varje boende har nu en veckoaktivitet i sin plan."}}},
      {.cancelReason = "Verksamhetschefen hade förhinder och inget nytt datum gick att hitta "
                       "före hösten; punkterna togs upp vid nästa möte."},
      {.providerReport = "Sjukfrånvaron har sjunkit till sex procent.",
       .deviations = "Två avvikelser om läkemedel, båda utredda.",
       .observation = "Överlämningen mellan dag och natt dokumenteras inte.",
       .agreed = {{handover, 80}},
       .evaluated = {{meals, Outcome::Accepted, "Åtgärdat."},
                     {social, Outcome::Accepted, "Genomfört."}},
       .disagreement = "Utföraren delar inte bedömningen i § 6 att överlämningen brister; "
                       "den sker muntligt enligt vår rutin.",
       .approvalDays = 23,
       .reported = {{handover, 60, "Överlämningen förs nu in i journalen vid varje skift."}}},
  }};
  c.years[1] = {{
      {.providerReport = "Ny enhetschef på avdelning 2 sedan januari.",
       .deviations = "Vinterkräksjuka i januari; basala hygienrutiner brast.",
       .observation = "Hygienrutinerna följs inte fullt ut.",
       .agreed = {{training, 50}, {plans, 60}},
       .evaluated = {{handover, Outcome::Accepted, "Journalerna visar överlämningen."}},
       .approvalDays = 3,
       .reported = {{training, 35, "All personal har gått Vårdhandbokens utbildning.", 5},
                    {plans, 45, "Hälften av planerna är uppdaterade."}}},
      {.cancelReason = "Inställt på grund av ett utbrott av influensa på boendet; "
                       "förvaltningen följde upp per telefon."},
      {.providerReport = "Bemanningen i sommar klarades utan inhyrd personal.",
       .deviations = "Två larm som inte besvarades inom tio minuter nattetid.",
       .observation = "Natten har en vaken per våning, avtalet kräver två.",
       .agreed = {{night, 45}, {keys, 70}},
       .evaluated = {{plans, Outcome::Insufficient, "Hälften av planerna återstår.", 75}},
       .returnComment = "§ 8: larmen var två, inte tre. § 6: vi ber att få lägga till vår "
                        "plan för nattbemanningen.",
       .disagreement = "Utföraren anser att avtalets krav på nattbemanning är uppfyllt "
                       "genom den gemensamma nattpatrullen.",
       .approvalDays = 17,
       .reported = {{plans, 60, "Ytterligare sex planer är uppdaterade."},
                    {keys, 80, "Kvitteringslistan används från och med oktober."}}},
      {.providerReport = "Inför julen: extra personal på helgerna.",
       .deviations = "Ett fall med fraktur i oktober, utrett enligt rutin.",
       .observation = "Måltidsenkäten visar att nöjdheten har ökat.",
       .agreed = {{"Redovisa resultatet av brukarenkäten för personalen", 50}},
       .evaluated = {{plans, Outcome::Insufficient, "Fyra planer saknar fortfarande mål.", 35}},
       .approvalDays = 6},
  }};
  return c;
}

DemoContractScript vitaBergenScript(std::int64_t providerId, const DemoPeople& people) {
  DemoContractScript c;
  c.providerId = providerId;
  c.people = people;
  c.providerPerson = "Vera Dahl";
  c.title = "Dagverksamhet Vita Bergen";
  c.referenceNumber = "0275";
  c.serviceArea = "dagverksamhet";
  c.location = "Vita Bergens dagverksamhet, Skånegatan 70, Stockholm";
  const std::string transport = "Se över färdtjänsttiderna så att ingen väntar över 20 minuter";
  const std::string dementia = "Utbilda personalen i bemötande vid demenssjukdom";
  const std::string menu = "Erbjud specialkost enligt läkarintyg varje dag";
  const std::string survey = "Genomför en brukarenkät före sommaren";
  const std::string outdoor = "Erbjud utevistelse varje dag som vädret tillåter";
  const std::string records = "För social dokumentation för varje besökare varje vecka";
  const std::string relatives = "Bjud in anhöriga till en informationsträff per termin";
  const std::string fire = "Genomför brandövning med besökarna";
  c.years[0] = {{
      {.providerReport = "Tjugotvå besökare i snitt per dag; en ny aktivitetsledare.",
       .deviations = "Tre klagomål på långa väntetider vid färdtjänsten.",
       .observation = "Besökare väntar upp till en timme på färdtjänsten.",
       .agreed = {{transport, 60}, {dementia, 90}},
       .approvalDays = 4,
       .reported = {{transport, 35, "Tiderna är samordnade med färdtjänsten.", 10},
                    {dementia, 70, "Sex av åtta medarbetare har gått utbildningen."}}},
      {.providerReport = "Vårens utflykter genomförda enligt plan.",
       .deviations = "Inga nya klagomål.",
       .observation = "Specialkost saknades två dagar i april.",
       .agreed = {{menu, 30}},
       .evaluated = {{dementia, Outcome::Insufficient, "Två medarbetare återstår.", 60}},
       .returnComment = "§ 6: specialkosten saknades en dag, inte två.",
       .approvalDays = 13,
       .reported = {{menu, 20, "Köket har en lista över specialkost som stäms av varje morgon."},
                    {dementia, 40, "Alla medarbetare har gått utbildningen."}}},
      {.cancelReason = "Semesterperioden: utföraren kunde inte bemanna mötet."},
      {.providerReport = "Höstens program är i gång; besöken har ökat.",
       .deviations = "Ett fall i trapphuset utan skada.",
       .observation = "Enkät till besökarna har inte gjorts på två år.",
       .agreed = {{survey, 150}},
       .evaluated = {{menu, Outcome::Accepted, "Fungerar."},
                     {dementia, Outcome::Accepted, "Genomfört."}},
       .disagreement = "Utföraren menar att enkäten ingår i kommunens egen undersökning.",
       .approvalDays = 35},
  }};
  c.years[1] = {{
      {.providerReport = "Vinterns program med fokus på rörelse.",
       .deviations = "Två besökare har fallit vid entrén, halka.",
       .observation = "Utevistelsen är sällsynt under vintern.",
       .agreed = {{outdoor, 50}, {records, 60}},
       .evaluated = {{survey, Outcome::Insufficient, "Enkäten är inte påbörjad.", 120}},
       .approvalDays = 5,
       .reported = {{outdoor, 30, "Promenader varje förmiddag, broddar finns att låna.", 6},
                    {records, 40, "Dokumentationen förs varje fredag."},
                    {survey, 100, "Enkäten är genomförd; svarsfrekvens 80 procent."}}},
      {.cancelReason = "Lokalerna vattenskadades; mötet ersattes av en telefonavstämning."},
      {.providerReport = "Flytten tillbaka till de renoverade lokalerna är klar.",
       .deviations = "Inga nya avvikelser.",
       .observation = "Anhöriga efterfrågar mer information om verksamheten.",
       .agreed = {{relatives, 45}, {fire, 60}},
       .evaluated = {{records, Outcome::Insufficient, "Dokumentationen saknas för juni.", 70},
                     {survey, Outcome::Accepted, "Resultatet redovisat."}},
       .returnComment = "§ 5: uppgiften om enkätens svarsfrekvens ska vara 80 procent.",
       .disagreement = "Utföraren delar inte bedömningen av dokumentationen i § 5.",
       .approvalDays = 16,
       .reported = {{records, 50, "Dokumentationen är komplett för hösten."},
                    {fire, 70, "Brandövningen hölls den 14 oktober."}}},
      {.providerReport = "Julfirande planerat med anhöriga.",
       .deviations = "Ett klagomål om maten, besvarat.",
       .observation = "Dokumentationen är bättre men ojämn mellan grupperna.",
       .agreed = {{"Gå igenom dokumentationen gruppvis varje månad", 40}},
       .evaluated = {{records, Outcome::Insufficient, "En grupp saknar dokumentation.", 30}},
       .approvalDays = 2},
  }};
  return c;
}

}  // namespace sv::app
