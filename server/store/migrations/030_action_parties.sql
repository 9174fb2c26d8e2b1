-- The overdue list of a store that many municipalities share (issue 18: ten of them, a million
-- actions, in one database). The list is of the caller's actions in due-date order: an authority's
-- or a provider's, and its first page stops after a thousand. Scoped through the contracts, it
-- walked every municipality's overdue actions in due-date order and kept its own (14 ms for the
-- first page with ten municipalities against 3 ms with one), and its total looked up the
-- contract of each (17 ms for 30 000). With the contract's two parties on the action, each party's
-- overdue actions are one range of an index, in due-date order, counted without reading a row.
--
-- The store writes both with every action, from its contract (actions.cpp); a contract's parties
-- never change (contracts.cpp updates neither).
ALTER TABLE actions ADD COLUMN authority_id INTEGER REFERENCES organizations (id);
ALTER TABLE actions ADD COLUMN provider_id INTEGER REFERENCES organizations (id);
UPDATE actions SET
  authority_id = (SELECT c.authority_id FROM contracts c WHERE c.id = actions.contract_id),
  provider_id = (SELECT c.provider_id FROM contracts c WHERE c.id = actions.contract_id);
CREATE INDEX actions_overdue_authority ON actions (authority_id, due_on, id, status)
  WHERE status IN ('open', 'reported', 'insufficient');
CREATE INDEX actions_overdue_provider ON actions (provider_id, due_on, id, status)
  WHERE status IN ('open', 'reported', 'insufficient');
