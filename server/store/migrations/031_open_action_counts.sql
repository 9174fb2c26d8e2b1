-- The total under the overdue list: how many of a party's actions are not accepted, by due date.
-- The list shows a page, and its total is of every overdue action of the caller's party; counted
-- from the actions themselves that is one index entry per action (30 000 for a city's contract
-- manager, about 5 ms on PostgreSQL, issue 18) however short the page. Kept here by the database
-- itself, it is one row per party and due date (a few thousand in ten years), whatever writes
-- the actions: the store, a restore, a migration.
--
-- An action counts for both its parties (migration 030). Rows that fall to 0 are kept: at most one
-- a due date.
CREATE TABLE open_action_counts (
  party TEXT NOT NULL CHECK (party IN ('authority', 'provider')),
  organization_id INTEGER NOT NULL,
  due_on TEXT NOT NULL,
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (party, organization_id, due_on)
) WITHOUT ROWID;

INSERT INTO open_action_counts (party, organization_id, due_on, n)
  SELECT 'authority', authority_id, due_on, count(*) FROM actions
  WHERE status IN ('open', 'reported', 'insufficient') AND authority_id IS NOT NULL
  GROUP BY authority_id, due_on;
INSERT INTO open_action_counts (party, organization_id, due_on, n)
  SELECT 'provider', provider_id, due_on, count(*) FROM actions
  WHERE status IN ('open', 'reported', 'insufficient') AND provider_id IS NOT NULL
  GROUP BY provider_id, due_on;

CREATE TRIGGER open_action_counts_added AFTER INSERT ON actions
  WHEN NEW.status IN ('open', 'reported', 'insufficient')
BEGIN
  INSERT INTO open_action_counts (party, organization_id, due_on, n)
    SELECT 'authority', NEW.authority_id, NEW.due_on, 1 WHERE NEW.authority_id IS NOT NULL
    ON CONFLICT (party, organization_id, due_on) DO UPDATE SET n = n + 1;
  INSERT INTO open_action_counts (party, organization_id, due_on, n)
    SELECT 'provider', NEW.provider_id, NEW.due_on, 1 WHERE NEW.provider_id IS NOT NULL
    ON CONFLICT (party, organization_id, due_on) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER open_action_counts_removed AFTER DELETE ON actions
  WHEN OLD.status IN ('open', 'reported', 'insufficient')
BEGIN
  UPDATE open_action_counts SET n = n - 1
    WHERE party = 'authority' AND organization_id = OLD.authority_id AND due_on = OLD.due_on;
  UPDATE open_action_counts SET n = n - 1
    WHERE party = 'provider' AND organization_id = OLD.provider_id AND due_on = OLD.due_on;
END;

-- A report, a return, an acceptance or a new due date: out of the count where it was, into the
-- one where it is.
CREATE TRIGGER open_action_counts_changed
  AFTER UPDATE OF status, due_on, authority_id, provider_id ON actions
BEGIN
  UPDATE open_action_counts SET n = n - 1
    WHERE OLD.status IN ('open', 'reported', 'insufficient') AND party = 'authority'
      AND organization_id = OLD.authority_id AND due_on = OLD.due_on;
  UPDATE open_action_counts SET n = n - 1
    WHERE OLD.status IN ('open', 'reported', 'insufficient') AND party = 'provider'
      AND organization_id = OLD.provider_id AND due_on = OLD.due_on;
  INSERT INTO open_action_counts (party, organization_id, due_on, n)
    SELECT 'authority', NEW.authority_id, NEW.due_on, 1
    WHERE NEW.status IN ('open', 'reported', 'insufficient') AND NEW.authority_id IS NOT NULL
    ON CONFLICT (party, organization_id, due_on) DO UPDATE SET n = n + 1;
  INSERT INTO open_action_counts (party, organization_id, due_on, n)
    SELECT 'provider', NEW.provider_id, NEW.due_on, 1
    WHERE NEW.status IN ('open', 'reported', 'insufficient') AND NEW.provider_id IS NOT NULL
    ON CONFLICT (party, organization_id, due_on) DO UPDATE SET n = n + 1;
END;
