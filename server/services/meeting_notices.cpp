#include "server/services/meeting_notices.hpp"

#include <map>
#include <set>

#include "server/services/minutes_notices.hpp"
#include "server/services/notices.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {
namespace {

std::string uidHost(const std::string& publicUrl) {
  auto rest =
      publicUrl.substr(publicUrl.find("://") == std::string::npos ? 0 : publicUrl.find("://") + 3);
  rest = rest.substr(0, rest.find('/'));
  rest = rest.substr(0, rest.find(':'));
  return rest.empty() ? "samverkan" : rest;
}

std::string meetingPath(const Meeting& m) {
  return "/moten/" + std::to_string(m.row.id);
}

enum class Invitation { New, Moved, Cancelled, Removed };

// One participant's invitation: the whole event with every participant as ATTENDEE (a person
// taken off the meeting sees only themself, as the one it is cancelled for).
Notice invitation(const MailPolicy& policy, TimePoint now, const Principal& organizer,
                  const Meeting& m, std::int64_t userId, Invitation what) {
  auto event = meetingEvent(m, policy.publicUrl);
  event.organizer = agenda::CalendarPerson{organizer.name, organizer.email};
  // One ATTENDEE a person, whatever their roles (the chair may also write and adjust).
  std::map<std::int64_t, agenda::CalendarPerson> people;
  for (const auto& p : m.participants) {
    if (what == Invitation::Removed && p.userId != userId) continue;
    auto& person = people[p.userId];
    person.name = p.name;
    person.email = p.email;
    person.chair = person.chair || p.role == agenda::ParticipantRole::Chair;
  }
  for (const auto& [id, person] : people) event.attendees.push_back(person);
  const bool cancel = what == Invitation::Cancelled || what == Invitation::Removed;
  if (cancel) {
    event.status = agenda::EventStatus::Cancelled;
  } else {
    event.alarmMinutesBefore = policy.alarmMinutes;
  }
  agenda::CalendarInfo info{"Samverkansmöte – " + m.contract.title};
  info.method = cancel ? "CANCEL" : "REQUEST";

  Notice n;
  n.userId = userId;
  n.kind = mail::Kind::Invitation;
  n.meetingId = m.row.id;
  const std::string phrase = meetingPhrase(m.row, m.contract);
  const std::string place = m.row.location.empty() ? "" : " i " + m.row.location;
  switch (what) {
    case Invitation::New:
      n.subject = "Kallelse: " + phrase;
      n.paragraphs = {"Du är kallad till " + phrase + place + ".",
                      "Inbjudan finns i bifogad kalenderfil. Dagordningen publiceras i Samverkan "
                      "före mötet."};
      break;
    case Invitation::Moved:
      n.subject = "Ändrat möte: " + phrase;
      n.paragraphs = {"Tid eller plats för mötet är ändrad. Mötet är nu " + phrase + place + ".",
                      "Kalenderinbjudan är uppdaterad."};
      break;
    case Invitation::Cancelled:
      n.subject = "Inställt: " + phrase;
      // The phrase starts "samverkansmötet": a capital S begins the sentence.
      n.paragraphs = {"S" + phrase.substr(1) + " är inställt."};
      if (m.row.cancelReason && !m.row.cancelReason->empty())
        n.quotes.push_back(*m.row.cancelReason);
      break;
    case Invitation::Removed:
      n.subject = "Du är inte längre kallad: " + phrase;
      n.paragraphs = {"Du är inte längre deltagare i " + phrase + "."};
      break;
  }
  n.line = n.subject;
  n.path = meetingPath(m);
  n.linkText = "Öppna mötet i Samverkan";
  n.calendar = mail::CalendarPart{info.method, agenda::renderCalendar(info, {event}, now)};
  return n;
}

}  // namespace

agenda::CalendarEvent meetingEvent(const Meeting& m, const std::string& publicUrl) {
  agenda::MeetingInfo info{
      m.contract.title,         m.contract.reference,           m.contract.providerName,
      m.contract.authorityName, *parseDateTime(m.row.startsAt), m.row.location};
  return agenda::describeMeeting(
      "meeting-" + std::to_string(m.row.id) + "@" + uidHost(publicUrl), m.row.sequence,
      m.row.status == agenda::MeetingStatus::Cancelled ? agenda::EventStatus::Cancelled
                                                       : agenda::EventStatus::Confirmed,
      info, *parseDateTime(m.row.endsAt), publicUrl + meetingPath(m));
}

void tellInvitations(store::Writing& c, const MailPolicy& policy, TimePoint now,
                     const Principal& organizer, const Meeting& before, const Meeting& after) {
  // A meeting already over is history: nobody's calendar needs it now.
  if (*parseDateTime(after.row.endsAt) <= now) return;
  std::set<std::int64_t> was, is;
  for (const auto& p : before.participants) was.insert(p.userId);
  for (const auto& p : after.participants) is.insert(p.userId);
  const bool cancelled = after.row.status == agenda::MeetingStatus::Cancelled &&
                         before.row.status != agenda::MeetingStatus::Cancelled;
  const bool moved = after.row.sequence != before.row.sequence && !cancelled;
  auto send = [&](Notice n) {
    // The organizer has the meeting in the calendar feed and is not invited by themself.
    if (n.userId == organizer.userId) return;
    tell(c, policy, now, n);
  };
  if (cancelled) {
    for (auto id : was) send(invitation(policy, now, organizer, after, id, Invitation::Cancelled));
    return;
  }
  for (auto id : is)
    if (!was.contains(id))
      send(invitation(policy, now, organizer, after, id, Invitation::New));
    else if (moved)
      send(invitation(policy, now, organizer, after, id, Invitation::Moved));
  for (auto id : was)
    if (!is.contains(id)) {
      // The removed person's copy of the event names them, as they were listed before.
      Meeting removed = after;
      removed.participants = before.participants;
      send(invitation(policy, now, organizer, removed, id, Invitation::Removed));
    }
}

void tellAgendaPublished(store::Writing& c, const MailPolicy& policy, TimePoint now,
                         const Meeting& m) {
  std::set<std::int64_t> told;
  for (const auto& p : m.participants) {
    if (!told.insert(p.userId).second) continue;
    Notice n;
    n.userId = p.userId;
    n.kind = mail::Kind::AgendaPublished;
    n.meetingId = m.row.id;
    const std::string phrase = meetingPhrase(m.row, m.contract);
    n.line = "Dagordningen för " + phrase + " är publicerad.";
    n.subject = "Dagordning: " + phrase;
    n.paragraphs = {"Dagordningen för " + phrase + " är publicerad.",
                    "Läs den före mötet. Öppna åtgärder från tidigare möten finns med."};
    n.path = meetingPath(m);
    n.linkText = "Läs dagordningen";
    tell(c, policy, now, n);
  }
}

}  // namespace sv::services
