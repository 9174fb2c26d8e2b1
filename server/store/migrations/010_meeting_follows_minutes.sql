-- A meeting cannot be changed under its minutes (issue 19). The store's functions check these
-- rules first and answer with a reason (store/contracts.cpp, store/approvals.cpp); the triggers
-- hold them for every other write, as sealed_documents does for the documents.

-- Registered minutes: nothing about their meeting changes any more.
CREATE TRIGGER meetings_fixed_by_registered_minutes BEFORE UPDATE ON meetings
WHEN EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = OLD.id AND mi.state = 'registered')
 AND (NEW.contract_id IS NOT OLD.contract_id OR NEW.starts_at IS NOT OLD.starts_at
      OR NEW.ends_at IS NOT OLD.ends_at OR NEW.location IS NOT OLD.location
      OR NEW.status IS NOT OLD.status OR NEW.cancel_reason IS NOT OLD.cancel_reason
      OR NEW.agenda_published_version IS NOT OLD.agenda_published_version)
BEGIN SELECT RAISE(ABORT, 'the meeting of registered minutes never changes'); END;

-- Minutes in review or approved: time and place change only through a new version of them.
CREATE TRIGGER meetings_time_place_follow_minutes BEFORE UPDATE ON meetings
WHEN EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = OLD.id
             AND mi.state IN ('in_review', 'approved'))
 AND (NEW.starts_at IS NOT OLD.starts_at OR NEW.ends_at IS NOT OLD.ends_at
      OR NEW.location IS NOT OLD.location)
BEGIN SELECT RAISE(ABORT, 'the minutes are in review: time and place do not change'); END;

-- A meeting with minutes was held: it is not cancelled (registered ones are refused above).
CREATE TRIGGER meetings_with_minutes_not_cancelled BEFORE UPDATE OF status ON meetings
WHEN NEW.status = 'cancelled' AND OLD.status <> 'cancelled'
 AND EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = OLD.id AND mi.state <> 'registered')
BEGIN SELECT RAISE(ABORT, 'a meeting with minutes is not cancelled'); END;

-- Participants of minutes in review, approved or registered stay as they are.
CREATE TRIGGER participants_fixed_insert BEFORE INSERT ON meeting_participants
WHEN EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = NEW.meeting_id
             AND mi.state IN ('in_review', 'approved', 'registered'))
BEGIN SELECT RAISE(ABORT, 'the participants follow the minutes'); END;
CREATE TRIGGER participants_fixed_delete BEFORE DELETE ON meeting_participants
WHEN EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = OLD.meeting_id
             AND mi.state IN ('in_review', 'approved', 'registered'))
BEGIN SELECT RAISE(ABORT, 'the participants follow the minutes'); END;
CREATE TRIGGER participants_fixed_update BEFORE UPDATE ON meeting_participants
WHEN EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = OLD.meeting_id
             AND mi.state IN ('in_review', 'approved', 'registered'))
BEGIN SELECT RAISE(ABORT, 'the participants follow the minutes'); END;

-- A cancelled meeting's minutes are not registered.
CREATE TRIGGER registry_not_cancelled BEFORE INSERT ON registry
WHEN EXISTS (SELECT 1 FROM meetings m WHERE m.id = NEW.meeting_id AND m.status = 'cancelled')
BEGIN SELECT RAISE(ABORT, 'a cancelled meeting''s minutes are not registered'); END;
CREATE TRIGGER minutes_not_registered_when_cancelled BEFORE UPDATE OF state ON minutes
WHEN NEW.state = 'registered'
 AND EXISTS (SELECT 1 FROM meetings m WHERE m.id = NEW.meeting_id AND m.status = 'cancelled')
BEGIN SELECT RAISE(ABORT, 'a cancelled meeting''s minutes are not registered'); END;
