-- The register's index with the first one, two and three letters of every word as terms of their
-- own (FTS5 prefix indexes; issue 19, point 12). Every word a person types is searched as a
-- prefix, and without these FTS5 answers a short one by reading and merging the doclist of every
-- word that begins so before it can return a row: "s" read most of the index, 0.1-0.2 s over
-- 20 000 protocols, and "för" 60 ms. With them a word of up to three letters is one term's
-- doclist, read only as far as the page. The index is about 2.5 times as large; longer words
-- begin fewer words and are read as before. FTS5 takes the options only when a table is created,
-- so the table is built again from its own rows (rowid, the registry row's id, kept).
CREATE VIRTUAL TABLE registry_search_prefixed USING fts5(
  number, contract, provider, meeting_year, body,
  tokenize = 'unicode61 remove_diacritics 0',
  prefix = '1 2 3'
);
INSERT INTO registry_search_prefixed (rowid, number, contract, provider, meeting_year, body)
SELECT rowid, number, contract, provider, meeting_year, body FROM registry_search;
DROP TABLE registry_search;
ALTER TABLE registry_search_prefixed RENAME TO registry_search;
