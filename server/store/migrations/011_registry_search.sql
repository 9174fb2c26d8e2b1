-- The register searched as text (issue 19, point 12): one row per registered protocol, its rowid
-- the registry row's id. The number column holds the registry number and its sequence without
-- leading zeros ("SDN 2026/0001 1"), so "2026/1", "0001" and "sdn 2026/0001" all find it. The
-- tokenizer keeps å, ä and ö distinct from a and o (remove_diacritics 0): "mål" is not "mal".
CREATE VIRTUAL TABLE registry_search USING fts5(
  number, contract, provider, meeting_year, body,
  tokenize = 'unicode61 remove_diacritics 0'
);
-- Protocols registered before this migration: found by number, contract, provider and year; their
-- text is in git, where SQL cannot read it.
INSERT INTO registry_search (rowid, number, contract, provider, meeting_year, body)
SELECT r.id, r.number || ' ' || r.seq, c.title || ' ' || c.reference, p.name,
       substr(m.starts_at, 1, 4), ''
FROM registry r JOIN contracts c ON c.id = r.contract_id
JOIN organizations p ON p.id = c.provider_id JOIN meetings m ON m.id = r.meeting_id;
