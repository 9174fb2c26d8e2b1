-- The overdue list reads only actions not yet accepted, in due-date order.
CREATE INDEX actions_overdue ON actions (due_on, id)
  WHERE status IN ('open', 'reported', 'insufficient');
