-- 030's twin (migrations/030_action_parties.sql): each action carries its contract's two parties,
-- so that a party's overdue actions are one range of an index in due-date order.
ALTER TABLE actions ADD COLUMN authority_id BIGINT REFERENCES organizations (id);
ALTER TABLE actions ADD COLUMN provider_id BIGINT REFERENCES organizations (id);
UPDATE actions a SET authority_id = c.authority_id, provider_id = c.provider_id
  FROM contracts c WHERE c.id = a.contract_id;
CREATE INDEX actions_overdue_authority ON actions (authority_id, due_on, id, status)
  WHERE status IN ('open', 'reported', 'insufficient');
CREATE INDEX actions_overdue_provider ON actions (provider_id, due_on, id, status)
  WHERE status IN ('open', 'reported', 'insufficient');
