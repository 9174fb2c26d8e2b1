// One meeting's page: time, place, status, participants and the agenda; for the contract manager
// the forms that move or cancel the meeting, set its participants and publish the agenda; for
// either party the form that adds an item under Övriga frågor until the agenda is published.
#include <charconv>
#include <map>
#include <vector>

#include "server/services/access.hpp"
#include "server/web/confirm_pages.hpp"
#include "server/web/meeting_agenda.hpp"
#include "server/web/pages.hpp"
#include "server/web/words.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::web {
namespace {

const std::map<std::string, std::string> kMeetingFlashes{
    {"skapat", "Mötet är tillagt."},
    {"flyttat", "Mötets tid och plats är sparade."},
    {"installt", "Mötet är inställt."},
    {"deltagare", "Deltagarna är sparade."},
    {"punkt", "Punkten är tillagd under Övriga frågor."},
    {"borttagen", "Punkten är borttagen."},
    {"publicerad", "Dagordningen är publicerad."},
    {"plats", "Mötets plats är sparad."},
    {"bilaga", "Filen är bifogad."},
    {"bilaga-borttagen", "Bilagan är borttagen."},
};

// The role selects of the participants form: a person for each, or none.
using agenda::ParticipantRole;

struct RoleSelect {
  const char* name;  // the form field
  ParticipantRole role;
  std::optional<Party> party;  // the party the person must belong to, or either
  const char* label;
};
constexpr RoleSelect kRoleSelects[] = {
    {"chair", ParticipantRole::Chair, std::nullopt, "Ordförande"},
    {"secretary", ParticipantRole::Secretary, std::nullopt, "Sekreterare"},
    {"adjuster_authority", ParticipantRole::Adjuster, Party::Authority,
     "Justerare för förvaltningen"},
    {"adjuster_provider", ParticipantRole::Adjuster, Party::Provider, "Justerare för utföraren"},
};

std::optional<std::int64_t> idOf(const std::string& text) {
  std::int64_t value = 0;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || p != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

struct Person {
  std::int64_t id;
  std::string name;
  Party party;
};

// Everyone active in the two parties, the authority's people first.
std::vector<Person> peopleOf(Services& s, const store::Principal& viewer,
                             const store::ContractRow& contract) {
  std::vector<Person> out;
  for (auto [org, party] : {std::pair{contract.authorityId, Party::Authority},
                            std::pair{contract.providerId, Party::Provider}})
    for (const auto& u : s.accounts.users(viewer, org))
      if (u.active) out.push_back({u.id, u.name, party});
  return out;
}

Data participantsData(const std::vector<store::ParticipantRow>& rows) {
  // One line per person, with every role they have.
  std::vector<std::pair<std::int64_t, Data>> order;
  std::map<std::int64_t, std::string> roles;
  for (const auto& r : rows) {
    auto& text = roles[r.userId];
    if (text.empty()) {
      Data d;
      d.set("name", r.name);
      d.set("party", partyWord(r.party));
      order.emplace_back(r.userId, d);
    }
    text += (text.empty() ? "" : ", ") + participantRoleInSentence(r.role);
  }
  auto out = list();
  for (auto& [userId, d] : order) {
    d.set("roles", roles[userId]);
    out.push_back(d);
  }
  return out;
}

// The participants form: a select per role and a checkbox per other participant, showing what
// was posted when the form failed, else the meeting's current participants.
void addParticipantsForm(Data& data, const std::vector<Person>& people,
                         const std::vector<store::ParticipantRow>& current,
                         const std::optional<FormError>& error) {
  const bool failed = error && error->form == "participants";
  auto roles = list();
  for (const auto& select : kRoleSelects) {
    std::string chosen;
    if (failed) {
      chosen = error->posted.value(select.name);
    } else {
      for (const auto& p : current)
        if (p.role == select.role && (!select.party || p.party == select.party))
          chosen = std::to_string(p.userId);
    }
    Data d;
    d.set("name", std::string(select.name));
    d.set("label", std::string(select.label));
    d.set("invalid", failed && error->field == std::string("participants_") + select.name);
    auto options = list();
    for (const auto& person : people) {
      if (select.party && person.party != select.party) continue;
      Data o;
      o.set("id", std::to_string(person.id));
      o.set("name", person.name);
      o.set("party", partyWord(person.party));
      o.set("selected", chosen == std::to_string(person.id));
      options.push_back(o);
    }
    d.set("options", options);
    roles.push_back(d);
  }
  data.set("roles", roles);

  std::vector<std::string> others;
  if (failed) {
    others = error->posted.values("participant");
  } else {
    for (const auto& p : current)
      if (p.role == ParticipantRole::Participant) others.push_back(std::to_string(p.userId));
  }
  auto boxes = list();
  for (const auto& person : people) {
    Data o;
    o.set("id", std::to_string(person.id));
    o.set("name", person.name);
    o.set("party", partyWord(person.party));
    o.set("selected", std::ranges::find(others, std::to_string(person.id)) != others.end());
    boxes.push_back(o);
  }
  data.set("others", boxes);
}

}  // namespace

http::Reply meetingPage(const http::Request& req, Services& s, std::int64_t id,
                        std::optional<FormError> error) {
  auto meeting = s.meetings.get(req.principal(), id);
  if (!meeting) return failurePage(req, meeting.error());
  auto agendaView = s.agendas.get(req.principal(), id);
  if (!agendaView) return failurePage(req, agendaView.error());
  const auto& row = meeting->row;
  const auto& contract = meeting->contract;
  const auto& principal = req.principal();

  const std::string when = swedishDateTime(row.startsAt);
  Page page{.title = "Möte " + when + " – " + contract.title,
            .templateName = "meeting",
            .current = "avtal"};
  page.flash = flashOf(req, kMeetingFlashes);
  Data& data = page.data;
  data.set("contract", contractData(contract, s.catalog));

  const auto start = parseDateTime(row.startsAt);
  const auto end = parseDateTime(row.endsAt);
  const bool cancelled = row.status == agenda::MeetingStatus::Cancelled;
  Data m;
  m.set("id", std::to_string(row.id));
  m.set("when", when);
  m.set("date", start ? formatDate(toStockholm(*start).date) : row.startsAt);
  m.set("ends", end ? formatSwedishTime(*end) : row.endsAt);
  m.set("location", row.location);
  m.set("has_location", !row.location.empty());
  m.set("cancelled", cancelled);
  m.set("reason", row.cancelReason.value_or(""));
  data.set("meeting", m);

  data.set("participants", participantsData(meeting->participants));
  data.set("has_participants", !meeting->participants.empty());

  const bool published = agendaView->agenda.published;
  const bool manager = services::managesContract(principal, contract);
  const bool providerRep = services::partyOf(principal, contract) == agenda::Party::Provider &&
                           principal.has(store::Role::ProviderRep);
  const bool canEdit = !cancelled && !published && (manager || providerRep);
  data.set("agenda", agendaData(agendaView->agenda, toStockholm(s.time.now()).date, canEdit,
                                manager, services::partyOf(principal, contract)));
  data.set("can_edit", canEdit);
  data.set("can_add", canEdit);
  data.set("can_publish", manager && !cancelled && !published);
  data.set("can_change", manager && !cancelled);
  const auto minutesLife = s.minutes.lifecycle(principal, id);
  data.set("minutes_started", minutesLife.has_value());
  data.set("minutes_state", minutesLife ? minutesStateWord(minutesLife->state) : std::string());
  // The forms the minutes leave possible (the store refuses the others: issue 19), and why.
  const auto state = minutesLife ? std::optional(minutesLife->state) : std::nullopt;
  const bool keepsMeeting = state && *state != minutes::MinutesState::Draft;
  data.set("can_move", manager && !cancelled && !keepsMeeting);
  data.set("can_cancel", manager && !cancelled && !state);
  std::string note;
  if (state == minutes::MinutesState::Registered) {
    note = "Protokollet är diariefört";
    if (minutesLife->registration) note += " som " + minutesLife->registration->number;
    note +=
        ". Mötet ändras inte längre: tid, plats och deltagare står som i det diarieförda "
        "protokollet, och mötet kan inte ställas in.";
  } else if (keepsMeeting) {
    note = "Protokollet är " + minutesStateInSentence(*state) +
           ". Tid, plats och deltagare ändras nu bara genom en ny version av protokollet: rätta "
           "närvaron i protokollet (då justeras det på nytt). En ny tid eller plats kräver att "
           "protokollet först skickas tillbaka till utkast. Ett möte med protokoll kan inte "
           "ställas in.";
  } else if (state) {
    note = "Mötet har ett protokoll och kan därför inte ställas in.";
  }
  data.set("change_note", note);
  data.set("has_change_note", !note.empty());

  Data addItem;
  addItem.set("title", kept(error, "add_item", "title"));
  addItem.set("description", kept(error, "add_item", "description"));
  data.set("add_item", addItem);

  if (manager && !cancelled) {
    const auto local = start ? std::optional(toStockholm(*start)) : std::nullopt;
    Data reschedule;
    reschedule.set("date", kept(error, "reschedule", "date", local ? formatDate(local->date) : ""));
    reschedule.set("time",
                   kept(error, "reschedule", "time", local ? timeOfDay(local->timeOfDay) : ""));
    reschedule.set("location", kept(error, "reschedule", "location", row.location));
    data.set("reschedule", reschedule);
    Data place;
    place.set("location", kept(error, "place", "location", row.location));
    data.set("place", place);
    Data cancel;
    cancel.set("reason", kept(error, "cancel", "cancel_reason"));
    data.set("cancel", cancel);
    addParticipantsForm(data, peopleOf(s, principal, contract), meeting->participants, error);
  }
  data.set("attachments", attachmentsData(req, s, contract, id));
  page.error = std::move(error);
  return render(req, std::move(page));
}

namespace {

// After a post: back to the meeting with a confirmation, or the page again with the error.
template <class T>
http::Reply afterChange(http::Request& req, Services& s, std::int64_t id, const Result<T>& result,
                        const std::string& form, const std::map<std::string, std::string>& fieldIds,
                        http::FormBody posted, const std::string& done) {
  if (result)
    return redirect(
        pathOf("/moten/", id) + "?klart=" + done +
        (form == "add_item" || form == "publish" || form == "remove_item" ? "#dagordning" : ""));
  const auto& e = result.error();
  if (e.code == Errc::NotFound && e.field.empty()) return failurePage(req, e);
  if (e.code == Errc::Internal) return failurePage(req, e);
  std::string field;
  const auto base = e.field.substr(0, e.field.find_first_of("[."));
  if (auto it = fieldIds.find(base); it != fieldIds.end()) field = it->second;
  return meetingPage(req, s, id, formError(form, e, field, std::move(posted)));
}

}  // namespace

void registerMeetingPages(http::Router& router, Services& s) {
  addPage(router, "GET", "/moten/{id}", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    return meetingPage(req, s, *id);
  });

  addPage(router, "POST", "/moten/{id}/flytta", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto form = formOf(req);
    services::MeetingChange change;
    change.startsAt = form.value("date") + "T" + form.value("time");
    change.location = form.value("location");
    auto result = s.meetings.change(req.principal(), *id, change);
    return afterChange(req, s, *id, result, "reschedule",
                       {{"starts_at", "reschedule_date"},
                        {"ends_at", "reschedule_date"},
                        {"location", "reschedule_location"}},
                       std::move(form), "flyttat");
  });

  addPage(router, "POST", "/moten/{id}/plats", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto form = formOf(req);
    auto result = s.meetings.setPlace(req.principal(), *id, oneLine(form.value("location")));
    return afterChange(req, s, *id, result, "place", {{"location", "place_location"}},
                       std::move(form), "plats");
  });

  addPage(router, "POST", "/moten/{id}/stall-in", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto form = formOf(req);
    if (auto ask = askToCancelMeeting(req, s, *id, form)) return std::move(*ask);
    services::MeetingChange change;
    change.status = "cancelled";
    change.cancelReason = form.value("cancel_reason");
    auto result = s.meetings.change(req.principal(), *id, change);
    return afterChange(req, s, *id, result, "cancel", {{"cancel_reason", "cancel_reason"}},
                       std::move(form), "installt");
  });

  addPage(router, "POST", "/moten/{id}/deltagare", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto form = formOf(req);
    std::vector<services::ParticipantInput> inputs;
    std::vector<std::string> fields;  // the select each input came from, for the error
    bool readable = true;
    for (const auto& select : kRoleSelects) {
      const auto value = form.value(select.name);
      if (value.empty()) continue;
      const auto user = idOf(value);
      if (!user) readable = false;
      inputs.push_back({user.value_or(0), std::string(agenda::toString(select.role)),
                        select.party ? std::optional<std::string>(agenda::toString(*select.party))
                                     : std::nullopt});
      fields.push_back(std::string("participants_") + select.name);
    }
    for (const auto& value : form.values("participant")) {
      const auto user = idOf(value);
      if (!user) readable = false;
      inputs.push_back({user.value_or(0), "participant", std::nullopt});
      fields.push_back("");
    }
    if (!readable)
      return meetingPage(
          req, s, *id,
          formError("participants", Error{Errc::Malformed, Reason::None, "bad user id"}, "",
                    std::move(form)));
    services::MeetingChange change;
    change.participants = inputs;
    auto result = s.meetings.change(req.principal(), *id, change);
    // "participants[2].user_id" names the select the wrong person was chosen in.
    std::map<std::string, std::string> fieldIds;
    if (!result && result.error().field.starts_with("participants[")) {
      const auto& f = result.error().field;
      std::size_t index = 0;
      const auto [p, ec] = std::from_chars(f.data() + 13, f.data() + f.size(), index);
      if (ec == std::errc{} && *p == ']' && index < fields.size())
        fieldIds["participants"] = fields[index];
    }
    return afterChange(req, s, *id, result, "participants", fieldIds, std::move(form), "deltagare");
  });

  addPage(router, "POST", "/moten/{id}/dagordning/punkter", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto form = formOf(req);
    auto result =
        s.agendas.addItem(req.principal(), *id, form.value("title"), form.value("description"));
    return afterChange(req, s, *id, result, "add_item",
                       {{"title", "add_item_title"}, {"description", "add_item_description"}},
                       std::move(form), "punkt");
  });

  addPage(router, "POST", "/moten/{id}/dagordning/punkter/{key}/ta-bort", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto result = s.agendas.removeItem(req.principal(), *id, req.pathParams.at("key"));
    return afterChange(req, s, *id, result, "remove_item", {}, formOf(req), "borttagen");
  });

  addPage(router, "POST", "/moten/{id}/dagordning/publicera", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto result = s.agendas.publish(req.principal(), *id);
    return afterChange(req, s, *id, result, "publish", {}, formOf(req), "publicerad");
  });
}

}  // namespace sv::web
