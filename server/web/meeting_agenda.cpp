// The agenda as the meeting page shows it: the items with their numbers, the previous meeting and
// the open actions carried over, and who may remove an added item.
#include "server/web/meeting_agenda.hpp"

#include "server/web/words.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::web {

// `canEdit`: the viewer may change the agenda now; an added item's "Ta bort" is then offered to
// the party that proposed it and to the contract manager (the service refuses anyone else).
Data agendaData(const agenda::Agenda& a, Date today, bool canEdit, bool manager,
                std::optional<agenda::Party> party) {
  Data out;
  out.set("published", a.published);
  auto items = list();
  const auto numbers = agenda::sectionNumbers(a);  // as the minutes' § (issue 19 point 9)
  for (const auto& item : a.items) {
    Data d;
    d.set("key", item.key);
    d.set("number", std::to_string(numbers.at(item.key)));
    d.set("title", item.title);
    d.set("fixed", item.fixed);
    d.set("description", item.description);
    d.set("has_description", !item.description.empty());
    const bool previousItem = item.kind == agenda::ItemKind::PreviousMinutes;
    d.set("has_previous", previousItem);
    if (previousItem) {
      if (const auto& p = a.previousMeeting) {
        d.set("previous", previousMeetingSentence(*p, today));
      } else {
        d.set("previous", std::string("Det finns inget tidigare möte."));
      }
    }
    const bool followup = item.kind == agenda::ItemKind::ActionFollowup;
    d.set("is_action_followup", followup);
    auto actions = list();
    if (followup)
      for (const auto& action : a.openActions) {
        Data ad;
        ad.set("text", action.text);
        ad.set("responsible",
               partyWord(action.responsibleParty) + (action.responsiblePerson.empty()
                                                         ? std::string()
                                                         : ", " + action.responsiblePerson));
        ad.set("due", formatDate(action.due));
        ad.set("status", actionStatusInSentence(action.status));
        ad.set("origin", action.origin);
        actions.push_back(ad);
      }
    d.set("has_actions", followup && !a.openActions.empty());
    d.set("actions", actions);
    auto added = list();
    for (const auto& extra : item.addedItems) {
      Data e;
      e.set("key", extra.key);
      e.set("number", std::to_string(numbers.at(extra.key)));
      e.set("title", extra.title);
      e.set("description", extra.description);
      e.set("has_description", !extra.description.empty());
      e.set("proposed_by", extra.proposedBy);
      e.set("party", partyWord(extra.proposedByParty));
      e.set("can_remove", canEdit && (manager || party == extra.proposedByParty));
      added.push_back(e);
    }
    d.set("has_added", !item.addedItems.empty());
    d.set("added", added);
    items.push_back(d);
  }
  out.set("items", items);
  return out;
}

}  // namespace sv::web
