// The event-driven case's errors in Swedish (issue 14). The case's fields and steps have names the
// minutes and the reports use with other meanings ("text" is a note here, an action's report
// there), so their words are chosen here, by Reason, field and value, never by the English
// detail; what the case shares with the other forms (a closed case, roles) comes from
// swedishMessage.
#include <array>
#include <optional>
#include <utility>

#include "server/web/messages.hpp"

namespace sv::web {
namespace {

constexpr auto kCaseLabels = std::to_array<std::pair<std::string_view, std::string_view>>({
    {"trigger", "Orsak"},
    {"title", "Rubrik"},
    {"description", "Vad har hänt"},
    {"occurred_on", "När det hände"},
    {"urgency", "Brådska"},
    {"outcome", "Slutsats"},
    {"plan_due_on", "Sista dag för åtgärdsplanen"},
    {"comments", "Synpunkter på åtgärdsplanen"},
    {"summary", "Orsaker och analys"},
    {"items", "Åtgärder"},
    {"file", "Fil"},
});

// "items[2]" as 3 and the rest (".responsible"); none for anything else.
std::optional<std::pair<int, std::string_view>> itemOf(std::string_view field) {
  if (!field.starts_with("items[")) return std::nullopt;
  const auto close = field.find(']');
  if (close == std::string_view::npos || close == 6 || close > 11) return std::nullopt;
  int n = 0;
  for (char c : field.substr(6, close - 6)) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return std::pair{n + 1, field.substr(close + 1)};
}

std::string caseFieldLabel(std::string_view field, std::string_view textLabel) {
  if (field == "text") return std::string(textLabel);
  if (field.starts_with("comments[")) return "Synpunkter på åtgärdsplanen";
  if (const auto item = itemOf(field)) {
    const std::string n = std::to_string(item->first);
    if (item->second == ".responsible") return "Ansvarig för åtgärd " + n;
    if (item->second == ".due_date") return "Klart senast för åtgärd " + n;
    return "Åtgärd " + n;
  }
  for (const auto& [name, label] : kCaseLabels)
    if (name == field) return std::string(label);
  return fieldLabel(field);
}

// What is wrong with a field, in the case's words; empty for a reason swedishMessage words well.
std::string invalidWording(const Error& e) {
  switch (e.reason) {
    case Reason::Missing:
      if (e.field == "title") return "Ange en rubrik.";
      if (e.field == "description") return "Beskriv vad som har hänt.";
      if (e.field == "plan_due_on") return "Ange ett datum då åtgärdsplanen senast ska lämnas.";
      if (e.field == "comments")
        return "Skriv minst en synpunkt, vid en åtgärd eller om planen som helhet, så att "
               "utföraren vet vad som ska ändras.";
      if (e.field == "file") return "Välj en fil att bifoga. En tom fil bifogas inte.";
      if (e.field.ends_with(".responsible")) return "Ange vem som är ansvarig.";
      if (e.field.ends_with(".text")) return "Beskriv vad som ska göras.";
      return "Fältet måste fyllas i.";
    case Reason::NotOneLine:
      return "Skriv texten på en enda rad.";
    case Reason::TooLong:
      if (e.field == "items") return "En åtgärdsplan kan ha högst " + e.value + " åtgärder.";
      return "Texten är för lång. Korta den och försök igen.";
    case Reason::NotADate:
      if (e.field.ends_with(".due_date")) return "Ange ett datum som ÅÅÅÅ-MM-DD.";
      return "Ange datumet som ÅÅÅÅ-MM-DD.";
    case Reason::OutOfRange:
      if (e.field == "occurred_on") return "Datumet kan inte vara senare än i dag.";
      if (e.field == "plan_due_on") return "Sista dagen kan inte vara före i dag.";
      if (e.field == "comments") return "Det är för många synpunkter på en gång.";
      return {};
    case Reason::UnknownChoice:
      return "Välj ett av alternativen.";
    case Reason::DuplicateKey:
    case Reason::None:
      return "Formuläret är felaktigt. Ladda om sidan och försök igen.";
    default:
      return {};
  }
}

// A step that cannot be taken in the case's state now, by the workflow's name of it.
std::string stepWording(std::string_view step) {
  if (step == "start_analysis") return "Analysen är redan påbörjad.";
  if (step == "analysis_ok" || step == "request_action_plan")
    return "Ärendet är inte under analys, så någon slutsats kan inte dras nu.";
  if (step == "save_action_plan")
    return "Ingen åtgärdsplan är begärd just nu, så planen kan inte ändras.";
  if (step == "submit_action_plan") return "Ingen åtgärdsplan är begärd just nu.";
  if (step == "return_action_plan" || step == "accept_action_plan")
    return "Ingen åtgärdsplan väntar på förvaltningens beslut.";
  if (step == "give_feedback") return "Återkoppling ges när analysen är godtagen.";
  if (step == "start_report") return "Rapporten till nämnden skrivs när analysen är godtagen.";
  if (step == "report_to_committee")
    return "Ärendet rapporteras till nämnden efter återkopplingen.";
  if (step == "close") return "Bara ett ärende som är rapporterat till nämnden kan avslutas.";
  return "Det steget kan inte tas i ärendets läge nu. Ladda om sidan.";
}

}  // namespace

std::string swedishCaseMessage(const Error& error, std::string_view textLabel) {
  switch (error.reason) {
    case Reason::TransitionNotAllowed:
      return stepWording(error.value);
    case Reason::RoleMissingForTransition:
      if (error.value == "submit_action_plan")
        return "Bara utförarens företrädare skickar åtgärdsplanen.";
      return "Bara förvaltningens avtalsansvariga för avtalet driver ärendet.";
    case Reason::VersionMovedOn:
      return "Någon annan har sparat åtgärdsplanen medan du skrev, så inget sparades. Din text "
             "finns kvar i formuläret. Jämför med den sparade planen på ärendets sida och spara "
             "igen.";
    case Reason::DocumentBusy:
      return "Någon annan sparar åtgärdsplanen just nu. Vänta en stund och försök igen.";
    case Reason::DocumentRegistered:
      return "Ärendets rapport är diarieförd, och ärendet ändras inte längre.";
    default:
      break;
  }
  if (error.code == Errc::Invalid && !error.field.empty()) {
    const std::string out = "Kontrollera fältet " + caseFieldLabel(error.field, textLabel) + ".";
    const std::string said = invalidWording(error);
    if (!said.empty()) return out + " " + said;
  }
  return swedishMessage(error);
}

}  // namespace sv::web
