#include "server/web/messages.hpp"

#include <array>
#include <optional>
#include <utility>

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
    {"comment", "Synpunkter"},
    {"note", "Avvikande mening"},
    {"version", "Version"},
    {"text", "Vad har gjorts"},
    {"name", "Namn"},
    {"email", "E-post"},
    {"kind", "Typ"},
    {"roles", "Roller"},
    {"organization_id", "Organisation"},
    {"attendance", "Närvaro"},
});

enum class Match { Exact, Prefix, Contains };

struct Translation {
  Match match;
  std::string_view english;
  std::string_view swedish;
  bool appendRest = false;  // the rest of the detail (a date) follows the Swedish text
};

// The details the services and domain libraries give for the forms of the web pages.
constexpr auto kTranslations = std::to_array<Translation>({
    {Match::Exact, "wrong username or password", "Fel användarnamn eller lösenord."},
    {Match::Prefix, "too many failed logins",
     "För många misslyckade inloggningar. Vänta en kvart och försök sedan igen."},
    {Match::Exact, "a cancellation needs a reason", "Ange varför mötet ställs in."},
    {Match::Exact, "at most 2000 characters", "Högst 2000 tecken."},
    {Match::Exact, "at most 500 characters", "Högst 500 tecken."},
    {Match::Exact, "an added item needs a title", "Ange en rubrik."},
    {Match::Exact, "a title is one line of text", "Rubriken ska vara en enda rad."},
    {Match::Exact, "a title is at most 200 characters", "Rubriken får vara högst 200 tecken."},
    {Match::Exact, "a description is at most 4000 characters",
     "Beskrivningen får vara högst 4000 tecken."},
    {Match::Prefix, "the contract starts on ",
     "Mötet måste ligga inom avtalets period, som börjar ", true},
    {Match::Prefix, "the contract ends on ", "Mötet måste ligga inom avtalets period, som slutar ",
     true},
    {Match::Exact, "a meeting ends after it starts", "Mötet måste sluta efter att det börjar."},
    {Match::Exact, "a meeting has one chair", "Ett möte har en ordförande."},
    {Match::Exact, "a meeting has one secretary", "Ett möte har en sekreterare."},
    {Match::Prefix, "each party has exactly one adjuster", "Varje part har en justerare."},
    {Match::Exact, "no such user in either party of the contract",
     "Personen hör inte till någon av avtalets parter."},
    {Match::Contains, " is named twice as ", "En person är vald två gånger i samma roll."},
    {Match::Contains, " does not belong to the ", "Personen hör inte till den parten."},
    {Match::Exact, "the meeting is cancelled", "Mötet är inställt och kan inte ändras."},
    {Match::Exact, "the agenda is published and can no longer be changed",
     "Dagordningen är publicerad och kan inte längre ändras."},
    {Match::Exact, "the agenda is already published", "Dagordningen är redan publicerad."},
    {Match::Prefix, "an agenda can hold at most",
     "En dagordning kan ha högst 50 tillagda punkter."},
    {Match::Prefix, "the agenda is being changed by others",
     "Någon annan ändrar dagordningen just nu. Försök igen."},
    {Match::Contains, " is already planned with ",
     "Året är redan planerat med ett annat antal möten. Lägg till, flytta eller ställ in enskilda "
     "möten i stället."},
    {Match::Exact, "the year is out of range", "Ange ett år mellan 1900 och 2999."},
    {Match::Exact, "a year between 1900 and 2999", "Ange ett år mellan 1900 och 2999."},
    {Match::Prefix, "only the authority's contract manager",
     "Bara förvaltningens avtalsansvariga får göra det här."},
    {Match::Prefix, "only the parties' contract manager or representative",
     "Bara avtalsansvarig eller utförarens representant får ändra dagordningen."},

    // The minutes: starting, saving (applyEdit's rules), the lifecycle's guards and roles.
    {Match::Prefix, "only the meeting's secretary or chair",
     "Bara mötets sekreterare eller ordförande och avtalsansvarig skriver protokollet."},
    {Match::Exact, "the minutes of this meeting are already started",
     "Protokollet är redan upprättat. Ladda om sidan."},
    {Match::Prefix, "publish the agenda first",
     "Publicera dagordningen först: protokollet följer den publicerade dagordningen."},
    {Match::Exact, "the minutes of this meeting are not started",
     "Protokollet är inte upprättat ännu."},
    {Match::Exact, "the minutes are registered and never change again",
     "Protokollet är diariefört och kan inte ändras längre."},
    {Match::Exact, "If-Match names no version of these minutes",
     "Formuläret hör till en version av protokollet som inte finns. Ladda om sidan och skriv in "
     "dina ändringar igen."},
    {Match::Prefix, "the minutes are being saved by others",
     "Någon annan sparar protokollet just nu. Vänta en stund och spara igen."},
    {Match::Exact, "an action needs a due date",
     "Ange ett datum då åtgärden ska vara klar (ÅÅÅÅ-MM-DD)."},
    {Match::Exact, "the new due date is not a date", "Ange det nya datumet som ÅÅÅÅ-MM-DD."},
    {Match::Exact, "an accepted action has no new due date",
     "En åtgärd som godtas får inget nytt datum. Ta bort datumet, eller välj Otillräcklig."},
    {Match::Exact, "an insufficient action needs a new due date",
     "En åtgärd som inte räcker fortsätter: ange ett nytt datum då den ska vara klar."},
    {Match::Exact, "the responsible party is the authority or the provider",
     "Välj förvaltningen eller utföraren som ansvarig part."},
    {Match::Contains, " is longer than ", "Texten är för lång. Korta den och spara igen."},
    {Match::Contains, " contains a control character",
     "Texten innehåller ett tecken som inte kan sparas. Skriv om den utan specialtecken."},
    {Match::Contains, " is not valid UTF-8",
     "Texten innehåller ett tecken som inte kan sparas. Skriv om den utan specialtecken."},
    {Match::Contains, " is used twice", "Formuläret är felaktigt. Ladda om sidan och försök igen."},
    {Match::Prefix, "the actions followed up in ",
     "Uppföljningen av tidigare åtgärder kan inte ändras i formuläret. Ladda om sidan."},
    {Match::Prefix, "approval names an old version",
     "Protokollet har ändrats sedan du öppnade sidan. Läs igenom ändringarna nedan och justera "
     "den nya versionen."},
    {Match::Exact, "name the version you approve",
     "Det framgick inte vilken version du justerar. Ladda om sidan och försök igen."},
    {Match::Contains, "has already approved this version",
     "Er part har redan justerat den här versionen."},
    {Match::Exact, "both parties' adjusters must approve the current version first",
     "Båda parternas justerare måste justera den senaste versionen först."},
    {Match::Exact, "say what should be corrected",
     "Skriv vad som behöver rättas, så att sekreteraren vet vad som ska ändras."},
    {Match::Exact, "at most 20 000 characters", "Högst 20 000 tecken."},
    {Match::Exact, "the authority has no adjuster for this meeting",
     "Förvaltningen har ingen justerare för mötet. Välj en under Deltagare och roller på "
     "mötets sida."},
    {Match::Exact, "the provider has no adjuster for this meeting",
     "Utföraren har ingen justerare för mötet. Välj en under Deltagare och roller på mötets "
     "sida."},
    {Match::Contains, "'submit' is possible from", "Protokollet är redan skickat på justering."},
    {Match::Contains, "'approve' is possible from",
     "Protokollet kan bara justeras när det är skickat på justering."},
    {Match::Contains, "'return' is possible from",
     "Protokollet kan bara skickas tillbaka medan det är på justering."},
    {Match::Contains, "'register' is possible from",
     "Bara ett protokoll som båda parterna har justerat kan diarieföras."},
    {Match::Contains, "'report' is possible from",
     "Åtgärden är redan rapporterad. Förvaltningen bedömer rapporten."},
    {Match::Prefix, "'submit' needs one of the roles",
     "Bara mötets sekreterare, ordförande eller avtalsansvarig skickar protokollet på justering."},
    {Match::Prefix, "'approve' needs one of the roles",
     "Bara mötets justerare justerar protokollet."},
    {Match::Prefix, "'return' needs one of the roles",
     "Bara utförarens representant skickar tillbaka protokollet."},
    {Match::Prefix, "'register' needs one of the roles", "Bara registratorn diarieför protokoll."},
    {Match::Prefix, "'report' needs one of the roles",
     "Bara den part som är ansvarig för åtgärden rapporterar den."},

    // Actions.
    {Match::Exact, "say what has been done", "Skriv vad som har gjorts."},
    {Match::Exact, "the action is accepted and closed", "Åtgärden är godtagen och avslutad."},

    // Organisations and users.
    {Match::Prefix, "a username is ",
     "Användarnamnet ska vara 2–64 tecken: a–z, 0–9, punkt, understreck eller bindestreck."},
    {Match::Exact, "a name is 1-200 characters", "Ange ett namn på högst 200 tecken."},
    {Match::Exact, "an e-mail address looks like name@example.se",
     "Ange en e-postadress, till exempel namn@kommun.se."},
    {Match::Prefix, "a password is at least ", "Lösenordet måste ha minst ", true},
    {Match::Exact, "a user has at least one role", "Välj minst en roll."},
    {Match::Contains, "' belongs to an authority",
     "Rollen hör till en förvaltning. Välj Utförarens representant, eller en förvaltning som "
     "organisation."},
    {Match::Exact, "role 'provider_rep' belongs to a provider",
     "Utförarens representant hör till en utförare. Välj en annan roll, eller en utförare som "
     "organisation."},
    {Match::Exact, "kind is 'authority' or 'provider'",
     "Välj om det är en förvaltning eller en utförare."},
    {Match::Exact, "an organization with that name exists",
     "Det finns redan en organisation med det namnet."},
    {Match::Exact, "the username is taken", "Användarnamnet är upptaget. Välj ett annat."},
    {Match::Exact, "no such organization", "Välj en organisation i listan."},
    {Match::Exact, "only an administrator creates organizations",
     "Bara administratören skapar organisationer."},
    {Match::Exact, "only an administrator creates users", "Bara administratören skapar användare."},
});

std::string translate(const std::string& detail) {
  for (const auto& t : kTranslations) {
    const bool hit = t.match == Match::Exact    ? detail == t.english
                     : t.match == Match::Prefix ? detail.starts_with(t.english)
                                                : detail.find(t.english) != std::string::npos;
    if (!hit) continue;
    std::string out(t.swedish);
    if (t.appendRest) {
      std::string rest = detail.substr(t.english.size());
      if (rest.ends_with(" characters")) rest = rest.substr(0, rest.size() - 11) + " tecken";
      out += rest + ".";
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

}  // namespace

std::string fieldLabel(std::string_view field) {
  if (field.starts_with("sections[")) return minutesFieldLabel(field);
  const auto base = field.substr(0, field.find_first_of("[."));
  for (const auto& [name, label] : kLabels)
    if (name == base) return std::string(label);
  return std::string(field);
}

std::string swedishMessage(const Error& error) {
  const std::string said = translate(error.detail);
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

}  // namespace sv::web
