#include "server/web/messages.hpp"

#include <array>
#include <utility>

namespace sv::web {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kLabels{{
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
}};

enum class Match { Exact, Prefix, Contains };

struct Translation {
  Match match;
  std::string_view english;
  std::string_view swedish;
  bool appendRest = false;  // the rest of the detail (a date) follows the Swedish text
};

// The details the services and domain libraries give for the forms of the web pages.
constexpr std::array<Translation, 28> kTranslations{{
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
}};

std::string translate(const std::string& detail) {
  for (const auto& t : kTranslations) {
    const bool hit = t.match == Match::Exact    ? detail == t.english
                     : t.match == Match::Prefix ? detail.starts_with(t.english)
                                                : detail.find(t.english) != std::string::npos;
    if (!hit) continue;
    std::string out(t.swedish);
    if (t.appendRest) out += detail.substr(t.english.size()) + ".";
    return out;
  }
  return {};
}

}  // namespace

std::string fieldLabel(std::string_view field) {
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
