-- Each audit entry's seal: an HMAC of its chain hash under the key kept outside the database
-- (audit_seal.hpp), so that someone who can write this file cannot recompute the chain. Entries
-- written before a data folder had its key have none; the entry written when the key was made
-- seals them through the chain.
ALTER TABLE audit_log ADD COLUMN mac TEXT;
