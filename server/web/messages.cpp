#include "server/web/messages.hpp"

#include <array>
#include <optional>
#include <utility>

#include "server/web/words.hpp"

namespace sv::web {
namespace {

constexpr auto kLabels = std::to_array<std::pair<std::string_view, std::string_view>>({
    {"title", "Rubrik"},
    {"description", "Beskrivning"},
    {"starts_at", "Datum och tid"},
    {"ends_at", "Sluttid"},
    {"location", "Plats"},
    {"cancel_reason", "Anledning"},
    {"year", "År"},
    {"participants", "Deltagare"},
    {"username", "Användarnamn"},
    {"password", "Lösenord"},
    {"key", "Punkt"},
    {"items", "Punkter"},
    {"comment", "Synpunkter på protokollet som helhet"},
    {"note", "Avvikande mening"},
    {"version", "Version"},
    {"text", "Vad har gjorts"},
    {"name", "Namn"},
    {"email", "E-post"},
    {"kind", "Typ"},
    {"roles", "Roller"},
    {"organization_id", "Organisation"},
    {"attendance", "Närvaro"},
    {"comments", "Synpunkter per paragraf"},
    {"how", "Så här hanterades synpunkten"},
    // Issue 13: the follow-up report's forms.
    {"method", "Metod"},
    {"service_area", "Verksamhet"},
    {"area", "Område"},
    {"request", "Vad ska kompletteras"},
    {"due_on", "Senast"},
    {"assessment", "Ny bedömning"},
    {"reason", "Motivering"},
    {"answer", "Svar på synpunkten"},
});

// The Swedish sentence for each reason a person at a form can meet. `{}` stands for the error's
// value (a limit, a date, a role). Reasons with no entry fall back to a sentence from the code.
struct Wording {
  Reason reason;
  std::string_view swedish;
};

constexpr auto kWordings = std::to_array<Wording>({
    // Text fields.
    {Reason::TooLong, "Högst {} tecken."},
    {Reason::ControlCharacter,
     "Texten innehåller ett tecken som inte kan sparas. Skriv om den utan specialtecken."},
    {Reason::InvalidUtf8,
     "Texten innehåller ett tecken som inte kan sparas. Skriv om den utan specialtecken."},
    {Reason::DuplicateKey, "Formuläret är felaktigt. Ladda om sidan och försök igen."},
    {Reason::NotADate, "Ange datumet som ÅÅÅÅ-MM-DD."},
    {Reason::OutOfRange, "Ange ett år mellan 1900 och 2999."},
    // Logins and accounts.
    {Reason::WrongCredentials, "Fel användarnamn eller lösenord."},
    {Reason::LoginThrottled,
     "För många misslyckade inloggningar. Vänta en kvart och försök sedan igen."},
    {Reason::UsernameInvalid,
     "Användarnamnet ska vara 2–64 tecken: a–z, 0–9, punkt, understreck eller bindestreck."},
    {Reason::UsernameTaken, "Användarnamnet är upptaget. Välj ett annat."},
    {Reason::NameInvalid, "Ange ett namn på högst 200 tecken."},
    {Reason::EmailInvalid, "Ange en e-postadress, till exempel namn@kommun.se."},
    {Reason::PasswordTooShort, "Lösenordet måste ha minst {} tecken."},
    // Issue 19 point 5: a form posted after the session ended.
    {Reason::KeptFormUnproven,
     "Du var utloggad och formuläret kunde inte knytas till dig, så texten kunde inte sparas."},
    {Reason::KeptFormTooLarge,
     "Du var utloggad och formuläret var för stort för att sparas tills du loggat in igen."},
    {Reason::NoRole, "Välj minst en roll."},
    {Reason::RoleOfAuthority,
     "Rollen hör till en förvaltning. Välj Utförarens representant, eller en förvaltning som "
     "organisation."},
    {Reason::RoleOfProvider,
     "Utförarens representant hör till en utförare. Välj en annan roll, eller en utförare som "
     "organisation."},
    {Reason::OrganizationKindInvalid, "Välj om det är en förvaltning eller en utförare."},
    {Reason::OrganizationExists, "Det finns redan en organisation med det namnet."},
    {Reason::NoSuchOrganization, "Välj en organisation i listan."},
    {Reason::NotAdministrator, "Bara administratören får göra det här."},
    // Who may do what.
    {Reason::NotContractManager, "Bara förvaltningens avtalsansvariga får göra det här."},
    {Reason::NotAgendaEditor,
     "Bara avtalsansvarig eller utförarens representant får ändra dagordningen."},
    {Reason::NotMinutesWriter,
     "Bara mötets sekreterare eller ordförande och avtalsansvarig skriver protokollet."},
    // Contracts, the meeting year, meetings and participants.
    {Reason::YearPlannedOtherwise,
     "Året är redan planerat med ett annat antal möten. Lägg till, flytta eller ställ in enskilda "
     "möten i stället."},
    {Reason::YearOutsideContract,
     "År {} ligger utanför avtalets period, så det finns inga möten att planera. Välj ett år då "
     "avtalet gäller, eller lägg till enskilda möten."},
    {Reason::BeforeContractStart, "Mötet måste ligga inom avtalets period, som börjar {}."},
    {Reason::AfterContractEnd, "Mötet måste ligga inom avtalets period, som slutar {}."},
    {Reason::EndsBeforeStart, "Mötet måste sluta efter att det börjar."},
    {Reason::CancellationNeedsReason, "Ange varför mötet ställs in."},
    {Reason::MeetingCancelled, "Mötet är inställt och kan inte ändras."},
    {Reason::OneChair, "Ett möte har en ordförande."},
    {Reason::OneSecretary, "Ett möte har en sekreterare."},
    {Reason::OneAdjusterPerParty, "Varje part har en justerare."},
    {Reason::NotAPartyMember, "Personen hör inte till någon av avtalets parter."},
    {Reason::NamedTwice, "En person är vald två gånger i samma roll."},
    {Reason::WrongParty, "Personen hör inte till den parten."},
    // The agenda.
    {Reason::AgendaPublished, "Dagordningen är publicerad och kan inte längre ändras."},
    {Reason::AgendaAlreadyPublished, "Dagordningen är redan publicerad."},
    {Reason::AgendaNotPublished,
     "Publicera dagordningen först: protokollet följer den publicerade dagordningen."},
    {Reason::TooManyAddedItems, "En dagordning kan ha högst {} tillagda punkter."},
    // Documents, versions and the minutes.
    {Reason::DocumentRegistered, "Protokollet är diariefört och kan inte ändras längre."},
    {Reason::UnknownVersion,
     "Formuläret hör till en version av protokollet som inte finns. Ladda om sidan och skriv in "
     "dina ändringar igen."},
    {Reason::VersionNotNamed,
     "Det framgick inte vilken version du justerar. Ladda om sidan och försök igen."},
    {Reason::MinutesAlreadyStarted, "Protokollet är redan upprättat. Ladda om sidan."},
    {Reason::MinutesNotStarted, "Protokollet är inte upprättat ännu."},
    {Reason::FollowUpChanged,
     "Uppföljningen av tidigare åtgärder kan inte ändras i formuläret. Ladda om sidan."},
    {Reason::AlreadyApproved, "Er part har redan justerat den här versionen."},
    {Reason::NotApprovedByBoth,
     "Båda parternas justerare måste justera den senaste versionen först."},
    {Reason::AuthorityAdjusterMissing,
     "Förvaltningen har ingen justerare för mötet. Välj en under Deltagare och roller på mötets "
     "sida."},
    {Reason::ProviderAdjusterMissing,
     "Utföraren har ingen justerare för mötet. Välj en under Deltagare och roller på mötets sida."},
    {Reason::CommentMissing,
     "Skriv vad som behöver rättas, om protokollet som helhet eller vid en paragraf, så att "
     "sekreteraren vet vad som ska ändras."},
    {Reason::CommentHandled, "Synpunkten är redan hanterad. Ladda om sidan."},
    // Actions.
    {Reason::ActionNeedsDueDate, "Ange ett datum då åtgärden ska vara klar (ÅÅÅÅ-MM-DD)."},
    {Reason::AcceptedHasNoDueDate,
     "En åtgärd som godtas får inget nytt datum. Ta bort datumet, eller välj Otillräcklig."},
    {Reason::InsufficientNeedsDueDate,
     "En åtgärd som inte räcker fortsätter: ange ett nytt datum då den ska vara klar."},
    {Reason::ResponsiblePartyUnknown, "Välj förvaltningen eller utföraren som ansvarig part."},
    {Reason::ReportMissing, "Skriv vad som har gjorts."},
    {Reason::ActionClosed, "Åtgärden är godtagen och avslutad."},
    // Issue 19: the meeting and its minutes cannot contradict each other.
    {Reason::MeetingOfRegisteredMinutes,
     "Protokollet är diariefört. Mötet ändras inte längre: tid, plats, deltagare och status står "
     "som i det diarieförda protokollet."},
    {Reason::MeetingOfMinutesInReview,
     "Protokollet är under granskning eller justerat. Tid, plats och deltagare ändras nu bara "
     "genom en ny version av protokollet: rätta närvaron i protokollet (då justeras det på nytt). "
     "En ny tid eller plats kräver att protokollet först skickas tillbaka till utkast."},
    {Reason::MeetingHasMinutes,
     "Mötet har ett protokoll och kan inte ställas in. Ett möte som inte hölls får inget "
     "protokoll."},
    {Reason::NotItemProposer,
     "Bara den part som föreslog punkten, eller förvaltningens avtalsansvariga, kan ta bort den."},
    // Issue 19 point 9: attendance as it happened.
    {Reason::AttendeeListedTwice,
     "Personen finns redan i närvarolistan för den parten. Markera där om personen var med."},
    // Issue 12: which e-mail a person gets.
    {Reason::ChoiceNotAllowed, "Det valet finns inte för den här e-posten. Välj ett av de andra."},
    {Reason::MailKindRequired,
     "Den här e-posten skickas alltid direkt, eftersom den hör till det diarieförda protokollet. "
     "Den kan inte stängas av."},
    // Issue 13 point 5: attachments.
    {Reason::AttachmentTypeNotAllowed,
     "Filen kan inte bifogas. Tillåtna filer är PDF, Word (docx), Excel (xlsx), OpenDocument "
     "(odt, ods), PNG, JPEG och vanlig text. Filens innehåll avgör, inte dess namn."},
    {Reason::AttachmentTooLarge, "Filen är för stor för att bifogas."},
    {Reason::AttachmentExists, "Samma fil med samma namn finns redan bland bilagorna."},
    {Reason::NotAttachmentOwner,
     "Bara den som laddade upp bilagan, eller förvaltningens avtalsansvariga, kan ta bort den."},
    {Reason::NotMeetingParticipant,
     "Bara mötets deltagare och förvaltningens avtalsansvariga kan bifoga filer."},
    // Issue 13: follow-up reports.
    {Reason::ReportExists, "Det finns redan en sådan uppföljning av avtalet för året."},
    {Reason::AreaNotAssessed, "Bedöm varje område innan rapporten skickas på faktagranskning."},
    {Reason::CommentsOpen, "Besvara varje synpunkt från faktagranskningen först."},
    {Reason::SupplementsOpen, "Ta ställning till varje begärd komplettering först."},
    {Reason::ReportNotRegistered, "Rapporten är inte diarieförd ännu."},
    {Reason::NotReportWriter,
     "Bara förvaltningens avtalsansvariga för avtalet skriver uppföljningsrapporten."},
    {Reason::SupplementAnswered, "Kompletteringen är redan skickad."},
    {Reason::SupplementDecided, "Kompletteringen är redan bedömd."},
    {Reason::CaseClosed, "Ärendet är avslutat och kan inte ändras."},
    {Reason::NotCaseWriter, "Bara förvaltningens avtalsansvariga driver ett ärende."},
    {Reason::NotPlanWriter, "Bara utförarens företrädare skriver åtgärdsplanen."},
    {Reason::PlanEmpty, "Åtgärdsplanen måste innehålla minst en åtgärd."},
    {Reason::CaseReportExists, "Ärendet har redan en rapport till nämnden."},
    {Reason::CaseReportNotRegistered, "Rapporten till nämnden måste vara diarieförd först."},
    {Reason::FeedbackMissing, "Ge återkoppling till utföraren först."},
    {Reason::AlreadyAcute, "Ärendet är redan markerat som akut."},
    {Reason::FactCheckNotOpen, "Rapporten är inte ute på faktagranskning."},
    {Reason::NarrativeMissing, "Skriv sammanfattning, bedömning och förslag till beslut först."},
    {Reason::NotAnnualWriter, "Bara förvaltningens avtalsansvariga skriver årsrapporten."},
    {Reason::SealKeyUnreadable, "Sigillets nyckel går inte att läsa."},
    {Reason::SealMissing, "Dokumentet saknar sigill."},
    {Reason::SealBroken, "Dokumentets sigill håller inte: filen har ändrats efter sigilleringen."},
});

// A reason whose words depend on something else than its value alone.
std::string wordingOf(const Error& error) {
  switch (error.reason) {
    case Reason::Missing:
      if (error.field == "title") return "Ange en rubrik.";
      if (error.field == "comment") return "Skriv vad som behöver rättas.";
      if (error.field == "text") return "Skriv vad som har gjorts.";
      if (error.field == "how") return "Skriv hur synpunkten har hanterats.";
      if (error.field == "file") return "Välj en fil att bifoga. En tom fil bifogas inte.";
      if (error.field.starts_with("attendance[") && error.field.ends_with(".name"))
        return "Skriv gästens namn.";
      return "Fältet måste fyllas i.";
    case Reason::NotOneLine:
      return "Rubriken ska vara en enda rad.";
    case Reason::UnknownChoice:
      if (error.field.starts_with("comments[") && error.field.ends_with(".section"))
        return "Protokollet har ingen § " + error.value + ".";
      break;
    case Reason::TooLong:
      // The limits of the minutes are in bytes: "högst 200 tecken" would be wrong for å, ä, ö.
      if (error.field.starts_with("sections[") || error.field.starts_with("attendance["))
        return "Texten är för lång. Korta den och spara igen.";
      break;
    case Reason::DocumentBusy:
      return error.field == "items" || error.field == "agenda"
                 ? "Någon annan ändrar dagordningen just nu. Försök igen."
                 : "Någon annan sparar protokollet just nu. Vänta en stund och spara igen.";
    case Reason::VersionMovedOn:
      return "Protokollet har ändrats sedan du öppnade sidan. Läs igenom ändringarna nedan och "
             "justera den nya versionen.";
    case Reason::MeetingCancelled:
      if (error.value == "register") return "Mötet är inställt. Dess protokoll diarieförs inte.";
      break;
    case Reason::TransitionNotAllowed:
      if (error.value == "submit") return "Protokollet är redan skickat på justering.";
      if (error.value == "approve")
        return "Protokollet kan bara justeras när det är skickat på justering.";
      if (error.value == "return")
        return "Protokollet kan bara skickas tillbaka medan det är på justering.";
      if (error.value == "register")
        return "Bara ett protokoll som båda parterna har justerat kan diarieföras.";
      if (error.value == "report")
        return "Åtgärden är redan rapporterad. Förvaltningen bedömer rapporten.";
      return {};
    case Reason::RoleMissingForTransition:
      if (error.value == "submit")
        return "Bara mötets sekreterare, ordförande eller avtalsansvarig skickar protokollet på "
               "justering.";
      if (error.value == "approve") return "Bara mötets justerare justerar protokollet.";
      if (error.value == "return")
        return "Bara utförarens representant skickar tillbaka protokollet.";
      if (error.value == "register") return "Bara registratorn diarieför protokoll.";
      if (error.value == "report")
        return "Bara den part som är ansvarig för åtgärden rapporterar den.";
      return {};
    default:
      break;
  }
  for (const auto& w : kWordings) {
    if (w.reason != error.reason) continue;
    std::string out(w.swedish);
    if (const auto at = out.find("{}"); at != std::string::npos) {
      if (error.value.empty()) return {};  // a sentence with a hole reads worse than none
      out.replace(at, 2, error.value);
    }
    return out;
  }
  return {};
}

// The index in "[3]" at the start of `text`, and the rest after it.
std::optional<std::pair<int, std::string_view>> indexAt(std::string_view text) {
  if (!text.starts_with("[")) return std::nullopt;
  const auto close = text.find(']');
  if (close == std::string_view::npos || close == 1 || close > 6) return std::nullopt;
  int n = 0;
  for (char c : text.substr(1, close - 1)) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return std::pair{n, text.substr(close + 1)};
}

// "Klart senast för åtgärd 1 i § 3" for "sections[2].actions[0].due_date": a field of the
// minutes' edit form, named as the form labels it (§ numbers are positions + 1).
std::string minutesFieldLabel(std::string_view field) {
  const auto section = indexAt(field.substr(8));
  if (!section) return "Protokollet";
  const std::string where = " i § " + std::to_string(section->first + 1);
  std::string_view rest = section->second;
  if (rest == ".notes") return "Anteckningar" + where;
  struct ListWord {
    std::string_view list, word, capitalized;
  };
  constexpr ListWord kLists[] = {{".observations", "iakttagelse", "Iakttagelse"},
                                 {".actions", "åtgärd", "Åtgärd"},
                                 {".decisions", "beslut", "Beslut"},
                                 {".evaluations", "uppföljning", "Uppföljning"}};
  for (const auto& [list, word, capitalized] : kLists) {
    if (!rest.starts_with(list)) continue;
    const auto item = indexAt(rest.substr(list.size()));
    if (!item) break;
    const std::string thing = std::string(word) + " " + std::to_string(item->first + 1) + where;
    const std::string_view part = item->second;
    if (part == ".due_date") return "Klart senast för " + thing;
    if (part == ".responsible_party") return "Ansvarig part för " + thing;
    if (part == ".responsible_person") return "Ansvarig person för " + thing;
    if (part == ".outcome") return "Bedömning för " + thing;
    if (part == ".comment") return "Kommentar för " + thing;
    if (part == ".new_due_date") return "Nytt datum för " + thing;
    return std::string(capitalized) + " " + std::to_string(item->first + 1) + where;
  }
  return "§ " + std::to_string(section->first + 1);
}

// "Datum för besök 2", "Bedömning av område 3", "Klart senast för förbättring 1 i område 3":
// the fields of the follow-up report's edit form, named as the form labels them.
std::string reportFieldLabel(std::string_view field) {
  if (field.starts_with("visits[")) {
    const auto visit = indexAt(field.substr(6));
    if (!visit) return "Besök";
    const std::string n = std::to_string(visit->first + 1);
    if (visit->second == ".date") return "Datum för besök " + n;
    if (visit->second == ".note") return "Anteckning för besök " + n;
    return "Besök " + n;
  }
  const auto area = indexAt(field.substr(5));
  if (!area) return "Områden";
  const std::string where = "område " + std::to_string(area->first + 1);
  std::string_view rest = area->second;
  if (rest == ".assessment") return "Bedömning av " + where;
  if (rest == ".findings") return "Iakttagelser i " + where;
  if (!rest.starts_with(".improvements")) return "Område " + std::to_string(area->first + 1);
  const auto item = indexAt(rest.substr(13));
  if (!item) return "Förbättringar i " + where;
  const std::string thing = "förbättring " + std::to_string(item->first + 1) + " i " + where;
  if (item->second == ".due_date") return "Klart senast för " + thing;
  if (item->second == ".responsible_party") return "Ansvarig part för " + thing;
  return "Förbättring " + std::to_string(item->first + 1) + " i " + where;
}

// "Gästens namn" for "attendance[5].name": the fields of the minutes' attendance that the edit
// form has are those of the guest being added.
std::string attendanceFieldLabel(std::string_view field) {
  const auto attendee = indexAt(field.substr(10));
  if (!attendee) return "Närvaro";
  if (attendee->second == ".name") return "Gästens namn";
  if (attendee->second == ".organization") return "Gästens organisation eller titel";
  if (attendee->second == ".party") return "Gästens part";
  return "Närvaro";
}

}  // namespace

std::string fieldLabel(std::string_view field) {
  if (field.starts_with("sections[")) return minutesFieldLabel(field);
  if (field.starts_with("attendance[")) return attendanceFieldLabel(field);
  if (field.starts_with("visits[") || field.starts_with("areas[")) return reportFieldLabel(field);
  if (const auto kind = mail::parseKind(field)) return mailKindWord(*kind);
  const auto base = field.substr(0, field.find_first_of("[."));
  for (const auto& [name, label] : kLabels)
    if (name == base) return std::string(label);
  return std::string(field);
}

std::string swedishMessage(const Error& error) {
  const std::string said = wordingOf(error);
  switch (error.code) {
    case Errc::Invalid: {
      std::string out = error.field.empty() ? std::string("Kontrollera uppgifterna.")
                                            : "Kontrollera fältet " + fieldLabel(error.field) + ".";
      if (!said.empty()) return out + " " + said;
      if (error.field == "starts_at" || error.field == "ends_at")
        return out + " Ange datum som ÅÅÅÅ-MM-DD och tid som TT:MM.";
      return out;
    }
    case Errc::Malformed:
      return "Formuläret kunde inte läsas. Ladda om sidan och försök igen.";
    case Errc::Conflict:
      return said.empty() ? "Det gick inte, eftersom något har ändrats under tiden. Ladda om "
                            "sidan och försök igen."
                          : said;
    case Errc::Forbidden:
      return said.empty() ? "Du har inte behörighet att göra det här." : said;
    case Errc::Unauthenticated:
      return said.empty() ? "Logga in först." : said;
    case Errc::Throttled:
      return "För många misslyckade inloggningar. Vänta en kvart och försök sedan igen.";
    case Errc::NotFound:
      return "Det du försökte ändra finns inte längre.";
    case Errc::Internal:
      break;
  }
  return "Något gick fel. Försök igen om en stund.";
}

// The report's steps share their names with the minutes' ("register") or have none there; their
// words are chosen here so that the minutes' sentences never speak of a report.
std::string swedishReportMessage(const Error& error) {
  if (error.reason == Reason::TransitionNotAllowed) {
    if (error.value == "send_for_fact_check")
      return "Bara ett utkast kan skickas på faktagranskning.";
    if (error.value == "answer_fact_check")
      return "Rapporten är inte ute på faktagranskning, så den kan inte besvaras nu.";
    if (error.value == "finalize")
      return "Rapporten kan bli slutlig först när faktagranskningen är besvarad.";
    if (error.value == "register") return "Bara en slutlig rapport kan diarieföras.";
    if (error.value == "save")
      return "Rapporten ändras inte medan den är ute på faktagranskning eller när den är "
             "slutlig.";
    if (error.value == "request_supplement")
      return "Kompletteringar begärs medan rapporten är ett utkast eller besvarad.";
  }
  if (error.reason == Reason::RoleMissingForTransition) {
    if (error.value == "send_for_fact_check" || error.value == "finalize")
      return "Bara förvaltningens avtalsansvariga skickar och fastställer rapporten.";
    if (error.value == "answer_fact_check")
      return "Bara utförarens representant faktagranskar rapporten.";
    if (error.value == "register") return "Bara registratorn diarieför rapporter.";
    return "Bara utförarens representant skickar kompletteringar.";
  }
  // Fields whose names the minutes' and actions' forms use with other words.
  if (error.code == Errc::Invalid && error.field == "how" && error.reason == Reason::Missing)
    return "Kontrollera fältet Svar på synpunkten. Skriv ditt svar på synpunkten.";
  if (error.code == Errc::Invalid && error.field == "text" && error.reason == Reason::Missing)
    return "Kontrollera fältet Kompletteringen. Skriv kompletteringen.";
  if (error.code == Errc::Invalid && error.field == "text")
    return "Kontrollera fältet Kompletteringen. Texten är för lång eller innehåller tecken som "
           "inte kan sparas.";
  if (error.reason == Reason::OutOfRange && error.field == "due_on")
    return "Kontrollera fältet Senast. Sista dagen kan inte vara före i dag.";
  if (error.reason == Reason::DocumentBusy)
    return "Någon annan sparar rapporten just nu. Vänta en stund och försök igen.";
  if (error.reason == Reason::DocumentRegistered)
    return "Rapporten är diarieförd och ändras aldrig mer.";
  if (error.reason == Reason::UnknownChoice && error.field.starts_with("comments["))
    return "Rapporten har inget sådant område. Ladda om sidan.";
  if (error.reason == Reason::UnknownChoice && error.field == "service_area")
    return "Det finns ingen uppföljningsmall för avtalets verksamhet.";
  return swedishMessage(error);
}

}  // namespace sv::web
