// An editor's save of the minutes: what may change, what may not, and the limits.
#pragma once

#include <cstddef>

#include "minutes/minutes.hpp"
#include "workflows/result.hpp"

namespace sv::minutes {

inline constexpr std::size_t kMaxNotesBytes = 100'000;  // per section
// The notes of all sections together. The longest source document (seeds/001, a whole city's
// statement on following up home care) is 45 KB and all five together are 88 KB, while a
// protocol's notes are a few KB per §: two and a half sections at their own limit is more than
// any protocol needs, and keeps its renderings (page, PDF, minutes.md) to a size they are fast
// at (hardening finding 5: 42 sections at their limit made 4.2 MB).
inline constexpr std::size_t kMaxDocumentNotesBytes = 250'000;
inline constexpr std::size_t kMaxListItems = 200;     // per list (observations, actions, …)
inline constexpr std::size_t kMaxTextBytes = 10'000;  // an item's text, a comment
inline constexpr std::size_t kMaxNameBytes = 200;     // a name, a responsible person

// The minutes `proposed` would make of `current`, or why not.
//
// The editor may change: each section's notes, observations, actions and decisions; the outcome,
// comment and new due date of each evaluation; each attendee's presence and roles, and add
// attendees (guests without an account). Taken from `current` whatever `proposed` says: the header,
// signatures, disagreements, registry number, and the carried facts of each evaluation (action
// text, responsible party and person, due date, origin). New observations, actions and decisions
// (empty id) get ids above every id used in `current` and `proposed`.
//
// Errors (the first one found; `field` indexes count from 0, like the JSON):
//   Errc::Conflict  `current` is registered (has a registry number): it never changes again.
//   Errc::Invalid   the sections are not the agenda's: one is missing, added or moved
//                   ("sections[i]" or "sections[i].key"), renamed ("sections[i].title") or
//                   renumbered ("sections[i].number"); the detail names the section.
//                   An attendee of `current` is missing (field "attendance"; mark them absent
//                   instead), listed twice (Reason::AttendeeListedTwice, "attendance[i]"), or a
//                   party has two adjusters, counting every role of each person
//                   (Reason::OneAdjusterPerParty, "attendance[i].role" or
//                   "attendance[i].additional_roles"). An additional role is Participant, the
//                   main role again, given twice, or given to a person whose main role is
//                   Participant ("attendance[i].additional_roles[k]").
//                   The evaluations of a section are not the carried actions of `current`, in
//                   order ("sections[i].evaluations").
//                   A value breaks a rule, with its field, e.g. "sections[2].actions[0].due_date":
//                   ill-formed UTF-8 or a control character (tab and line breaks are allowed in
//                   notes, texts and comments), empty text of an observation, action or decision,
//                   an action without a due date or with an unknown party, notes longer than
//                   kMaxNotesBytes, a list longer than kMaxListItems, a text longer than
//                   kMaxTextBytes, a name longer than kMaxNameBytes, an id that is neither empty
//                   nor its kind's letter and a number ("o3", "a12", "d1"), an id used twice in
//                   the document, an unknown outcome, role or party, a new due date that is not
//                   a date or is given with the outcome accepted.
//   Errc::Invalid, Reason::NotesTooLong: the notes of all sections together are longer than
//                   kMaxDocumentNotesBytes (value), field "sections[i].notes" of the section
//                   that went over it.
Result<Minutes> applyEdit(const Minutes& current, Minutes proposed);

// The whole-document bound alone (Invalid/NotesTooLong as above), for what a save makes without
// an edit of its own: a merge of two edits that each kept within it.
Status checkDocumentNotes(const Minutes& minutes);

}  // namespace sv::minutes
