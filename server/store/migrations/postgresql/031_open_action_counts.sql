-- 031's twin (migrations/031_open_action_counts.sql): how many of a party's actions are not
-- accepted, by due date, kept by the database so that the overdue list's total reads one row per
-- due date instead of one index entry per action. Counted once a statement from its transition
-- tables (a bulk insert of a million actions counts in one pass, not a million).
CREATE TABLE open_action_counts (
  party TEXT NOT NULL CHECK (party IN ('authority', 'provider')),
  organization_id BIGINT NOT NULL,
  due_on TEXT NOT NULL,
  n BIGINT NOT NULL CHECK (n >= 0),
  PRIMARY KEY (party, organization_id, due_on)
);

INSERT INTO open_action_counts (party, organization_id, due_on, n)
  SELECT p.party, p.organization_id, a.due_on, count(*) FROM actions a
  CROSS JOIN LATERAL (VALUES ('authority', a.authority_id), ('provider', a.provider_id))
    AS p (party, organization_id)
  WHERE a.status IN ('open', 'reported', 'insufficient') AND p.organization_id IS NOT NULL
  GROUP BY p.party, p.organization_id, a.due_on;

-- One function for the three triggers (each names only the transition tables it has; a branch
-- that reads the other is not planned).
CREATE FUNCTION count_open_actions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO open_action_counts (party, organization_id, due_on, n)
      SELECT p.party, p.organization_id, a.due_on, count(*) FROM added a
      CROSS JOIN LATERAL (VALUES ('authority', a.authority_id), ('provider', a.provider_id))
        AS p (party, organization_id)
      WHERE a.status IN ('open', 'reported', 'insufficient') AND p.organization_id IS NOT NULL
      GROUP BY p.party, p.organization_id, a.due_on
      ON CONFLICT (party, organization_id, due_on) DO UPDATE SET n = open_action_counts.n + excluded.n;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    UPDATE open_action_counts c SET n = c.n - r.n FROM (
      SELECT p.party, p.organization_id, a.due_on, count(*) AS n FROM removed a
      CROSS JOIN LATERAL (VALUES ('authority', a.authority_id), ('provider', a.provider_id))
        AS p (party, organization_id)
      WHERE a.status IN ('open', 'reported', 'insufficient') AND p.organization_id IS NOT NULL
      GROUP BY p.party, p.organization_id, a.due_on) r
    WHERE c.party = r.party AND c.organization_id = r.organization_id AND c.due_on = r.due_on;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER open_action_counts_added AFTER INSERT ON actions
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_open_actions();
CREATE TRIGGER open_action_counts_changed AFTER UPDATE ON actions
  REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION count_open_actions();
CREATE TRIGGER open_action_counts_removed AFTER DELETE ON actions
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION count_open_actions();
