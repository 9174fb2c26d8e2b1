-- The agenda items (§§) of each meeting's minutes, with the number of the administration's
-- observations under each, as the current version of the minutes has them (issue 15: the yearly
-- summary's observations per agenda item). Written in the transaction that records a saved
-- version, so that the summary counts them here instead of reading every protocol from git.
-- `items_version` names the version the rows were taken from; NULL for minutes saved before this
-- migration, whose rows the summary fills once from git.
ALTER TABLE minutes ADD COLUMN items_version TEXT;

CREATE TABLE minutes_items (
  meeting_id INTEGER NOT NULL REFERENCES minutes (meeting_id),
  position INTEGER NOT NULL,  -- 0-based, the § number less one
  item_key TEXT NOT NULL,
  title TEXT NOT NULL,
  observations INTEGER NOT NULL CHECK (observations >= 0),
  PRIMARY KEY (meeting_id, position)
) WITHOUT ROWID;
