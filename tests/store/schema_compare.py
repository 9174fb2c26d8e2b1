#!/usr/bin/env python3
"""Holds the PostgreSQL schema (server/store/migrations/postgresql/) equal to the SQLite one.

  schema_compare.py --sqlite DB --host H --port P --user U --dbname D

DB is a SQLite database at the newest migration (a data folder's samverkan.db will do: it is only
read); the PostgreSQL database has the PostgreSQL schema of the same version and no rows.

Exits 1, printing every difference, unless both have the same tables (FTS5's shadow tables
aside), the same columns in the same order with compatible types, nullability, defaults and NOCASE
collation, the same primary and unique keys, the same foreign keys, as many CHECK constraints per
table, the same named indexes and the same triggers (name, table, timing, event). Then the
triggers' behaviour: each check writes some rows and one statement more, in a transaction that is
rolled back, in both databases (in SQLite an empty one made from DB's schema); the statement must
be refused in both with the message the check names, SQLSTATE 23000 in PostgreSQL, or succeed in
both where the check says it is allowed. Every trigger has a check.

Standard library only; the databases are read with the sqlite3 and psql programs.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

# SQLite's declared type -> PostgreSQL's format_type(). FTS5 columns have no type; they hold text.
TYPES = {"INTEGER": "bigint", "TEXT": "text", "REAL": "double precision", "BLOB": "bytea", "": "text"}
FTS5_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")
PG_DELETE_ACTIONS = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}


def read_json(command, empty=None):
    """A query's rows from a program that prints them as JSON; its error ends the comparison."""
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit("schema_compare: %s failed: %s" % (command[0], run.stderr.strip()))
    if empty is not None and run.stdout.strip() == empty:
        return []
    return json.loads(run.stdout)


class Sqlite:
    def __init__(self, path):
        self.path = path

    def rows(self, sql):
        return read_json(["sqlite3", "-json", "-bail", self.path, sql], empty="")

    def attempt(self, statements):
        """Runs the statements in a transaction that is rolled back; returns (ready, error, code):
        ready when everything before the last statement succeeded, error the last one's message."""
        script = ("PRAGMA foreign_keys = ON;\nBEGIN;\n" + ";\n".join(statements[:-1]) +
                  ";\nSELECT 'READY';\n" + statements[-1] + ";\nROLLBACK;\n")
        run = subprocess.run(["sqlite3", "-bail", self.path], input=script, capture_output=True,
                             text=True)
        ready = "READY" in run.stdout.split()
        match = re.search(r"^(?:Runtime|Parse) error near line \d+: (.*?)(?: \((\d+)\))?$",
                          run.stderr, re.M)
        if run.returncode != 0 and not match:
            return ready, run.stderr.strip() or "exit %d" % run.returncode, None
        return ready, (match.group(1) if match else None), (match.group(2) if match else None)


class Postgres:
    def __init__(self, host, port, user, dbname):
        self.base = ["psql", "-X", "-h", host, "-p", str(port), "-U", user, "-d", dbname]

    def rows(self, sql):
        query = "SELECT coalesce(json_agg(t), '[]') FROM (%s) t" % sql
        return read_json(self.base + ["-At", "-v", "ON_ERROR_STOP=1", "-c", query])

    def attempt(self, statements):
        script = ("\\set VERBOSITY verbose\nBEGIN;\n" + ";\n".join(statements[:-1]) +
                  ";\n\\echo READY\n" + statements[-1] + ";\nROLLBACK;\n")
        run = subprocess.run(self.base + ["-q", "-v", "ON_ERROR_STOP=1"], input=script,
                             capture_output=True, text=True)
        ready = "READY" in run.stdout.split()
        match = re.search(r"^(?:psql:[^\n]*?)?ERROR:  ([0-9A-Z]{5}): (.*)$", run.stderr, re.M)
        if run.returncode != 0 and not match:
            return ready, run.stderr.strip() or "exit %d" % run.returncode, None
        return ready, (match.group(2) if match else None), (match.group(1) if match else None)


# ---------------------------------------------------------------------------------------------
# The schemas, each read into the same shape.


def sqlite_schema(db):
    tables = {r["name"]: r["sql"] for r in db.rows(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
    fts = {name for name, sql in tables.items()
           if re.match(r"CREATE\s+VIRTUAL\s+TABLE\s+\S+\s+USING\s+fts5", sql, re.I)}
    shadows = {name + suffix for name in fts for suffix in FTS5_SHADOWS}
    tables = {name: sql for name, sql in tables.items() if name not in shadows}
    without_rowid = {name for name, sql in tables.items()
                     if re.search(r"WITHOUT\s+ROWID\s*$", sql, re.I)}

    columns = {name: [] for name in tables}
    for r in db.rows("SELECT m.name AS tbl, p.cid, p.name, p.type, p.\"notnull\" AS not_null, "
                     "p.dflt_value, p.pk FROM sqlite_master m JOIN pragma_table_info(m.name) p "
                     "WHERE m.type = 'table' ORDER BY m.name, p.cid"):
        if r["tbl"] in tables:
            columns[r["tbl"]].append(r)

    foreign = {}
    for r in db.rows("SELECT m.name AS tbl, f.id, f.seq, f.\"table\" AS target, f.\"from\" AS col, "
                     "f.\"to\" AS ref, f.on_update, f.on_delete FROM sqlite_master m "
                     "JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table' "
                     "ORDER BY m.name, f.id, f.seq"):
        key = (r["tbl"], r["id"])
        entry = foreign.setdefault(key, {"table": r["tbl"], "target": r["target"], "from": [],
                                         "to": [], "on_delete": r["on_delete"],
                                         "on_update": r["on_update"]})
        entry["from"].append(r["col"])
        entry["to"].append(r["ref"])

    index_columns = {}
    for r in db.rows("SELECT il.name AS idx, x.seqno, x.name, x.coll FROM sqlite_master m "
                     "JOIN pragma_index_list(m.name) il JOIN pragma_index_xinfo(il.name) x "
                     "WHERE m.type = 'table' AND x.key = 1 ORDER BY il.name, x.seqno"):
        index_columns.setdefault(r["idx"], []).append(
            (r["name"], (r["coll"] or "").upper() == "NOCASE"))
    indexes = []
    for r in db.rows("SELECT m.name AS tbl, il.name, il.\"unique\" AS uniq, il.origin, il.partial "
                     "FROM sqlite_master m JOIN pragma_index_list(m.name) il "
                     "WHERE m.type = 'table'"):
        if r["tbl"] not in tables:
            continue
        indexes.append({"table": r["tbl"], "name": r["name"], "unique": bool(r["uniq"]),
                        "origin": r["origin"], "partial": bool(r["partial"]),
                        "columns": index_columns.get(r["name"], [])})

    triggers = {}
    for r in db.rows("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"):
        m = re.match(r"CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?\S+\s+(BEFORE|AFTER|INSTEAD\s+OF)?"
                     r"\s*(INSERT|DELETE|UPDATE)(?:\s+OF\s+(.+?))?\s+ON\s", r["sql"], re.I | re.S)
        if not m:
            raise SystemExit("cannot read trigger %s: %s" % (r["name"], r["sql"][:120]))
        of = tuple(c.strip() for c in m.group(3).split(",")) if m.group(3) else ()
        triggers[r["name"]] = (r["tbl_name"], (m.group(1) or "BEFORE").upper(), m.group(2).upper(),
                               of)
    return tables, fts, without_rowid, columns, foreign, indexes, triggers


def pg_schema(db):
    tables = {r["name"] for r in db.rows(
        "SELECT table_name AS name FROM information_schema.tables "
        "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")}
    columns = {name: [] for name in tables}
    for r in db.rows(
            "SELECT c.relname AS tbl, a.attnum, a.attname AS name, "
            "format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null, "
            "a.attidentity AS identity, a.attgenerated AS generated, "
            "pg_get_expr(d.adbin, d.adrelid) AS dflt_value, co.collname AS collation "
            "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
            "LEFT JOIN pg_collation co ON co.oid = a.attcollation "
            "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' "
            "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum"):
        columns[r["tbl"]].append(r)

    foreign = []
    for r in db.rows(
            "SELECT c.conrelid::regclass::text AS tbl, c.confrelid::regclass::text AS target, "
            "(SELECT array_agg(a.attname ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(att, n) "
            " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.att) AS cols, "
            "(SELECT array_agg(a.attname ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY k(att, n) "
            " JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.att) AS refs, "
            "c.confdeltype, c.confupdtype FROM pg_constraint c "
            "WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace"):
        foreign.append({"table": r["tbl"], "target": r["target"], "from": r["cols"],
                        "to": r["refs"], "on_delete": PG_DELETE_ACTIONS[r["confdeltype"]],
                        "on_update": PG_DELETE_ACTIONS[r["confupdtype"]]})

    indexes = []
    for r in db.rows(
            "SELECT t.relname AS tbl, i.relname AS name, x.indisunique AS uniq, "
            "x.indisprimary AS primary, x.indpred IS NOT NULL AS partial, "
            "EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) AS constraint, "
            "(SELECT json_agg(json_build_array(coalesce(a.attname, '<expression>'), "
            "   coalesce(co.collname = 'nocase', false)) ORDER BY k.n) "
            " FROM unnest(x.indkey::int2[], x.indcollation::oid[]) WITH ORDINALITY k(att, coll, n) "
            " LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.att "
            " LEFT JOIN pg_collation co ON co.oid = k.coll "
            " WHERE k.n <= x.indnkeyatts) AS columns, am.amname AS method "
            "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
            "JOIN pg_class t ON t.oid = x.indrelid JOIN pg_am am ON am.oid = i.relam "
            "WHERE t.relnamespace = current_schema()::regnamespace"):
        r["columns"] = [tuple(c) for c in r["columns"]]
        indexes.append(r)

    triggers = {}
    for r in db.rows(
            "SELECT t.tgname AS name, c.relname AS tbl, t.tgtype::int AS type, "
            "(SELECT array_agg(a.attname ORDER BY k.n) FROM unnest(t.tgattr::int2[]) "
            " WITH ORDINALITY k(att, n) JOIN pg_attribute a "
            " ON a.attrelid = t.tgrelid AND a.attnum = k.att) AS cols "
            "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace"):
        kind = r["type"]
        timing = "INSTEAD OF" if kind & 64 else ("BEFORE" if kind & 2 else "AFTER")
        events = [e for bit, e in ((4, "INSERT"), (8, "DELETE"), (16, "UPDATE")) if kind & bit]
        per_row = bool(kind & 1)
        triggers[r["name"]] = (r["tbl"], timing, "|".join(events) if per_row else
                               "|".join(events) + " FOR EACH STATEMENT", tuple(r["cols"] or ()))
    return tables, columns, foreign, indexes, triggers


# ---------------------------------------------------------------------------------------------
# The comparison.

# Triggers that keep a count (migration 031): in PostgreSQL they fire once a statement and count
# its rows from the transition tables, so that a bulk insert does not run them a row at a time.
ONCE_A_STATEMENT = ("open_action_counts_added", "open_action_counts_changed",
                    "open_action_counts_removed")


def normalised_default(value):
    """'planned'::text -> 'planned'; SQLite's and PostgreSQL's literals otherwise read alike."""
    if value is None:
        return None
    value = str(value).strip()
    while True:
        stripped = re.sub(r"::[a-z ]+(\[\])?$", "", value)
        if stripped.startswith("(") and stripped.endswith(")"):
            stripped = stripped[1:-1]
        if stripped == value:
            return value
        value = stripped


def declared_nocase(table_sql, column):
    """The column's own definition in CREATE TABLE says COLLATE NOCASE."""
    body = table_sql[table_sql.index("(") + 1:]
    for part in re.split(r",(?![^(]*\))", body):
        words = part.strip().split()
        if words and words[0].strip('"`[]').lower() == column.lower():
            return re.search(r"COLLATE\s+NOCASE", part, re.I) is not None
    return False


def compare(sqlite_db, pg_db):
    s_tables, fts, without_rowid, s_columns, s_foreign, s_indexes, s_triggers = \
        sqlite_schema(sqlite_db)
    p_tables, p_columns, p_foreign, p_indexes, p_triggers = pg_schema(pg_db)
    diffs = []

    for name in sorted(set(s_tables) - p_tables):
        diffs.append("table %s: in SQLite, not in PostgreSQL" % name)
    for name in sorted(p_tables - set(s_tables)):
        diffs.append("table %s: in PostgreSQL, not in SQLite" % name)

    foreign_columns = {(f["table"], c) for f in s_foreign.values() for c in f["from"]}
    primary_keys = {}
    for table in sorted(set(s_tables) & p_tables):
        s_cols, p_cols = s_columns[table], list(p_columns[table])
        if table in fts:
            # The FTS5 table's stand-in: its rowid as the key, first, and the words, generated, last.
            if not p_cols or p_cols[0]["name"] != "rowid" or p_cols[0]["type"] != "bigint":
                diffs.append("table %s: the FTS5 stand-in starts with rowid bigint" % table)
            else:
                p_cols = p_cols[1:]
            generated = [c for c in p_cols if c["generated"] == "s"]
            # The number's words and the rest's (registry_search_pg.cpp searches each).
            if ([c["name"] for c in generated] != ["number_words", "other_words"] or
                    any(c["type"] != "tsvector" for c in generated)):
                diffs.append("table %s: the FTS5 stand-in has the generated tsvectors "
                             "'number_words' and 'other_words'" % table)
            p_cols = [c for c in p_cols if c["generated"] != "s"]
            primary_keys[table] = ["rowid"]
        s_names = [c["name"] for c in s_cols]
        p_names = [c["name"] for c in p_cols]
        if s_names != p_names:
            diffs.append("table %s: columns differ\n    SQLite:     %s\n    PostgreSQL: %s"
                         % (table, ", ".join(s_names), ", ".join(p_names)))
            continue
        pk = [c["name"] for c in sorted((c for c in s_cols if c["pk"]), key=lambda c: c["pk"])]
        if table not in fts:
            primary_keys[table] = pk
        rowid_alias = (table not in without_rowid and len(pk) == 1 and
                       next(c for c in s_cols if c["name"] == pk[0])["type"].upper() == "INTEGER")
        for s, p in zip(s_cols, p_cols):
            where = "column %s.%s" % (table, s["name"])
            expected = TYPES.get(s["type"].upper())
            if expected is None:
                diffs.append("%s: SQLite type %r has no PostgreSQL counterpart here" % (where, s["type"]))
            elif p["type"] != expected:
                diffs.append("%s: SQLite %s wants PostgreSQL %s, is %s"
                             % (where, s["type"] or "(none)", expected, p["type"]))
            # A key column is never NULL: PostgreSQL makes it so, SQLite for rowids and
            # WITHOUT ROWID tables (the only keys here that are not rowids).
            not_null = bool(s["not_null"]) or bool(s["pk"])
            if not_null != p["not_null"]:
                diffs.append("%s: NOT NULL in %s only" % (where, "SQLite" if not_null else "PostgreSQL"))
            if p["generated"]:
                diffs.append("%s: generated in PostgreSQL" % where)
            is_rowid = rowid_alias and s["name"] == pk[0]
            wants_identity = is_rowid and (table, s["name"]) not in foreign_columns
            if wants_identity and p["identity"] != "d":
                diffs.append("%s: a rowid wants GENERATED BY DEFAULT AS IDENTITY" % where)
            if not wants_identity and p["identity"]:
                diffs.append("%s: identity in PostgreSQL, %s" % (
                    where, "a rowid that is a foreign key" if is_rowid else "not a rowid in SQLite"))
            if normalised_default(s["dflt_value"]) != normalised_default(p["dflt_value"]):
                diffs.append("%s: default %r in SQLite, %r in PostgreSQL"
                             % (where, s["dflt_value"], p["dflt_value"]))
            nocase = declared_nocase(s_tables[table], s["name"])
            if nocase != (p["collation"] == "nocase"):
                diffs.append("%s: COLLATE NOCASE in SQLite is %s, PostgreSQL's collation is %s"
                             % (where, nocase, p["collation"]))

    # Primary keys.
    p_primary = {i["tbl"]: [c[0] for c in i["columns"]] for i in p_indexes if i["primary"]}
    for table in sorted(set(s_tables) & p_tables):
        if primary_keys.get(table, []) != p_primary.get(table, []):
            diffs.append("table %s: primary key (%s) in SQLite, (%s) in PostgreSQL"
                         % (table, ", ".join(primary_keys.get(table, [])),
                            ", ".join(p_primary.get(table, []))))

    # UNIQUE constraints: SQLite's automatic indexes against PostgreSQL's constraint indexes.
    s_unique = sorted((i["table"], tuple(c for c, _ in i["columns"])) for i in s_indexes
                      if i["origin"] == "u")
    p_unique = sorted((i["tbl"], tuple(c for c, _ in i["columns"])) for i in p_indexes
                      if i["constraint"] and i["uniq"] and not i["primary"])
    for key in sorted(set(s_unique) ^ set(p_unique)):
        diffs.append("UNIQUE %s (%s): only in %s" % (key[0], ", ".join(key[1]),
                                                      "SQLite" if key in s_unique else "PostgreSQL"))

    # Named indexes: the same name, table, uniqueness, columns, NOCASE and partiality. The GIN
    # index on the FTS5 stand-in's words has no counterpart (FTS5 keeps its own).
    s_named = {i["name"]: i for i in s_indexes if i["origin"] == "c"}
    p_named = {i["name"]: i for i in p_indexes if not i["constraint"]
               and not (i["tbl"] in fts and i["method"] == "gin")}
    for name in sorted(set(s_named) ^ set(p_named)):
        diffs.append("index %s: only in %s" % (name, "SQLite" if name in s_named else "PostgreSQL"))
    for name in sorted(set(s_named) & set(p_named)):
        s, p = s_named[name], p_named[name]
        mine = (s["table"], s["unique"], s["partial"], s["columns"])
        theirs = (p["tbl"], p["uniq"], p["partial"], p["columns"])
        if mine != theirs:
            diffs.append("index %s: (table, unique, partial, [(column, nocase)]) %s in SQLite, %s "
                         "in PostgreSQL" % (name, mine, theirs))
    for table in sorted(fts & p_tables):
        if not any(i["tbl"] == table and i["method"] == "gin" for i in p_indexes):
            diffs.append("table %s: the FTS5 stand-in has no GIN index on its words" % table)

    # CHECK constraints, counted: their expressions are each dialect's own text.
    p_checks = {r["tbl"]: r["n"] for r in pg_db.rows(
        "SELECT conrelid::regclass::text AS tbl, count(*) AS n FROM pg_constraint "
        "WHERE contype = 'c' AND connamespace = current_schema()::regnamespace GROUP BY 1")}
    for table in sorted(set(s_tables) & p_tables):
        checks = len(re.findall(r"\bCHECK\s*\(", s_tables[table], re.I))
        if checks != p_checks.get(table, 0):
            diffs.append("table %s: %d CHECK constraints in SQLite, %d in PostgreSQL"
                         % (table, checks, p_checks.get(table, 0)))

    # Foreign keys.
    def fk_key(f):
        to = f["to"]
        if any(t is None for t in to):  # REFERENCES t without columns: t's primary key
            to = primary_keys.get(f["target"], to)
        return (f["table"], tuple(f["from"]), f["target"], tuple(to), f["on_delete"], f["on_update"])
    s_fk = sorted(fk_key(f) for f in s_foreign.values())
    p_fk = sorted(fk_key(f) for f in p_foreign)
    for key in sorted(set(s_fk) ^ set(p_fk)):
        diffs.append("FOREIGN KEY %s (%s) REFERENCES %s (%s) ON DELETE %s ON UPDATE %s: only in %s"
                     % (key[0], ", ".join(key[1]), key[2], ", ".join(key[3]), key[4], key[5],
                        "SQLite" if key in s_fk else "PostgreSQL"))

    # Triggers: every SQLite trigger fires for each row; the PostgreSQL twins in
    # ONCE_A_STATEMENT fire once a statement (transition tables, which allow no column list).
    for name in ONCE_A_STATEMENT:
        if name in s_triggers:
            table, timing, event, _ = s_triggers[name]
            s_triggers[name] = (table, timing, event + " FOR EACH STATEMENT", ())
    for name in sorted(set(s_triggers) ^ set(p_triggers)):
        diffs.append("trigger %s: only in %s" % (name, "SQLite" if name in s_triggers else "PostgreSQL"))
    for name in sorted(set(s_triggers) & set(p_triggers)):
        if s_triggers[name] != p_triggers[name]:
            diffs.append("trigger %s: (table, timing, event, of) %s in SQLite, %s in PostgreSQL"
                         % (name, s_triggers[name], p_triggers[name]))

    counts = (len(s_tables), sum(len(c) for c in s_columns.values()), len(s_named), len(s_triggers))
    return diffs, counts, list(s_triggers)


# ---------------------------------------------------------------------------------------------
# The triggers' behaviour, the same in both databases.

OID, SHA = "a" * 40, "b" * 64
FIXTURE = [
    "INSERT INTO organizations (id, name, kind, created_at) VALUES "
    "(1, 'Östermalm', 'authority', 't'), (2, 'Linnégården AB', 'provider', 't')",
    "INSERT INTO users (id, username, name, email, password_hash, organization_id, created_at) "
    "VALUES (1, 'anna.avtal', 'Anna', 'anna@example.se', 'h', 1, 't'), "
    "(2, 'ulla.utforare', 'Ulla', 'ulla@example.se', 'h', 2, 't')",
    "INSERT INTO contracts (id, title, authority_id, provider_id, service_area, reference, "
    "starts_on, agenda_template, created_at, updated_at) "
    "VALUES (1, 'Linnégården', 1, 2, 'äldreomsorg', 'ÖM-1', '2026-01-01', 'a', 't', 't')",
    "INSERT INTO meetings (id, contract_id, starts_at, ends_at, template_id, template_version, "
    "template_text, created_at, updated_at) VALUES "
    "(1, 1, '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', 't', 'v', 'x', 't', 't'), "
    "(2, 1, '2026-06-01T09:00:00Z', '2026-06-01T10:00:00Z', 't', 'v', 'x', 't', 't')",
    "INSERT INTO repositories (name, head) VALUES ('contract-1', 'h')",
    "INSERT INTO audit_log (id, at, actor, action, object_type, object_id, prev_hash, hash) "
    "VALUES (1, 't', 'anna.avtal', 'login', 'user', '1', '', 'h1')",
]


def minutes(state, meeting=1):
    return ("INSERT INTO minutes (meeting_id, state, created_at, updated_at) "
            "VALUES (%d, '%s', 't', 't')" % (meeting, state))


def register(number, seq, meeting=2):
    return ("INSERT INTO registry (id, authority_id, year, seq, number, meeting_id, contract_id, "
            "repository, version, tag, registered_by, registered_at) VALUES "
            "(1, 1, 2026, %d, '%s', %d, 1, 'contract-1', 'v', 'tag', 1, 't')" % (seq, number, meeting))


def report(state):
    return ("INSERT INTO reports (id, contract_id, year, kind, state, created_by, created_at, "
            "updated_at) VALUES (1, 1, 2026, 'operational', '%s', 1, 't', 't')" % state)


def report_number(number, seq):
    return ("INSERT INTO report_registry (id, authority_id, year, seq, number, report_id, "
            "contract_id, repository, version, tag, registered_by, registered_at) "
            "VALUES (1, 1, 2026, %d, '%s', 1, 1, 'contract-1', 'v', 'tag', 1, 't')" % (seq, number))


def annual(state):
    return ("INSERT INTO annual_reports (id, authority_id, year, state, created_by, created_at, "
            "updated_at, submitted_version, approved_version) "
            "VALUES (1, 1, 2026, '%s', 1, 't', 't', 'v', 'v')" % state)


def annual_number(number, seq):
    return ("INSERT INTO annual_registry (id, authority_id, year, seq, number, annual_report_id, "
            "repository, version, tag, registered_by, registered_at) "
            "VALUES (1, 1, 2026, %d, '%s', 1, 'authority-1', 'v', 'tag', 1, 't')" % (seq, number))


ATTACHMENT = ("INSERT INTO attachments (id, contract_id, meeting_id, repository, document, "
              "sealed_with, path, blob_oid, sha256, size, content_type, file_name, uploaded_by, "
              "uploaded_at, version) VALUES (1, 1, 1, 'contract-1', 'meetings/1/minutes', "
              "'meetings/1/minutes', 'meetings/1/minutes/bilagor/x-plan.pdf', '%s', '%s', 10, "
              "'application/pdf', 'plan.pdf', 2, 't', 'v1')" % (OID, SHA))
REMOVE_ATTACHMENT = ("UPDATE attachments SET removed_by = 1, removed_at = 't2', "
                     "removed_version = 'v2' WHERE id = 1")
SEAL_MINUTES = ("INSERT INTO sealed_documents (repository, document, reason, sealed_at) "
                "VALUES ('contract-1', 'meetings/1/minutes', 'registered', 't')")
PARTICIPANT = ("INSERT INTO meeting_participants (meeting_id, user_id, role, party) "
               "VALUES (1, 2, 'adjuster', 'provider')")
CASE = ("INSERT INTO follow_up_cases (id, contract_id, trigger_kind, title, description, "
        "occurred_on, urgency, opened_by, opened_at, progressed_at) "
        "VALUES (1, 1, 'other', 'Fall', 'Text', '2026-02-01', 'normal', 1, 't', 't')")
SEAL_CASE = ("INSERT INTO sealed_documents (repository, document, reason, sealed_at) "
             "VALUES ('contract-1', 'cases/1', 'registered', 't')")
CASE_EVENT = "INSERT INTO case_events (id, case_id, kind, user_id, at) VALUES (1, 1, 'opened', 1, 't')"
CASE_NOTICE = ("INSERT INTO case_notices (id, case_id, user_id, role, at) "
               "VALUES (1, 1, 1, 'director', 't')")
CASE_PLAN = ("INSERT INTO case_plans (id, case_id, round, version, submitted_by, submitted_at, "
             "decision, decided_by, decided_at) VALUES (1, 1, 1, 'v1', 2, 't', %s)")
FACT_CHECK = ("INSERT INTO report_fact_checks (report_id, version, sent_by, sent_at, due_on) "
              "VALUES (1, 'v', 1, 't', '2026-04-01')")
SUPPLEMENT = ("INSERT INTO report_supplements (id, report_id, number, area_key, request, due_on, "
              "requested_by, requested_at) VALUES (1, 1, 1, 'staff', 'r', '2026-04-01', 1, 't')")
REVIEW_COMMENT = (
    "INSERT INTO review_comments (id, repository, document, version, user_id, party, text, "
    "created_at) VALUES (1, 'contract-1', 'meetings/1/minutes', 'v1', 2, 'provider', 'x', 't')")
HANDLE_COMMENT = ("UPDATE review_comments SET handled_by = 1, handling = 'done', handled_at = 't2' "
                  "WHERE id = 1")
MESSAGE = ("INSERT INTO outbox (id, message_id, kind, recipient, message, created_at, "
           "next_attempt_at, sent_at) VALUES (1, 'm1@x', 'invitation', 'a@x', 'M', 1, 1, %s)")
CANCEL_SECOND = "UPDATE meetings SET status = 'cancelled' WHERE id = 2"
ACTIONS = ("INSERT INTO actions (id, contract_id, text, responsible_party, due_on, status, "
           "agreed_at, created_at, updated_at, authority_id, provider_id) VALUES "
           "(1, 1, 'a', 'provider', '2026-03-01', 'open', 't', 't', 't', 1, 2), "
           "(2, 1, 'b', 'provider', '2026-03-01', 'reported', 't', 't', 't', 1, 2), "
           "(3, 1, 'c', 'provider', '2026-03-01', 'accepted', 't', 't', 't', 1, 2)")


def counted(party, organization, n):
    """Refused (n >= 0) exactly when the count of `party` on 2026-03-01 is `n`: a check that
    expects REFUSED shows the count, since a wrong one leaves the statement nothing to change."""
    return ("UPDATE open_action_counts SET n = -1 WHERE party = '%s' AND organization_id = %d "
            "AND due_on = '2026-03-01' AND n = %d" % (party, organization, n))


TAKEN = "the registry number is taken"
NEVER_CHANGES = "a registration never changes"

ALLOWED = None  # the statement succeeds
REFUSED = object()  # refused by a constraint, whatever its words (they are each database's own)
# (the trigger the check is about, what it shows, the rows it needs, the statement, the outcome).
# Every trigger has one check at least: a new trigger fails this test until it has its own.
CHECKS = [
    ("audit_log_no_update", "an audit entry is not changed", [],
     "UPDATE audit_log SET actor = 'someone else' WHERE id = 1", "the audit log is append-only"),
    ("audit_log_no_delete", "an audit entry is not deleted", [],
     "DELETE FROM audit_log WHERE id = 1", "the audit log is append-only"),
    (None, "an audit entry is appended", [],
     "INSERT INTO audit_log (id, at, actor, action, object_type, object_id, prev_hash, hash) "
     "VALUES (2, 't', 'anna.avtal', 'logout', 'user', '1', 'h1', 'h2')", ALLOWED),
    ("meetings_fixed_by_registered_minutes", "the meeting of registered minutes does not move",
     [minutes("registered")], "UPDATE meetings SET location = 'Stadshuset' WHERE id = 1",
     "the meeting of registered minutes never changes"),
    ("meetings_fixed_by_registered_minutes", "the meeting of registered minutes is not cancelled",
     [minutes("registered")],
     "UPDATE meetings SET status = 'cancelled', cancel_reason = 'x' WHERE id = 1",
     "the meeting of registered minutes never changes"),
    ("meetings_fixed_by_registered_minutes",
     "the meeting of registered minutes takes a new sequence", [minutes("registered")],
     "UPDATE meetings SET sequence = sequence + 1 WHERE id = 1", ALLOWED),
    ("meetings_time_place_follow_minutes", "a meeting whose minutes are in review keeps its time",
     [minutes("in_review")], "UPDATE meetings SET starts_at = '2026-03-02T08:00:00Z' WHERE id = 1",
     "the minutes are in review: time and place do not change"),
    ("meetings_time_place_follow_minutes",
     "moving and cancelling a meeting with minutes is refused as a cancellation",
     [minutes("in_review")],
     "UPDATE meetings SET status = 'cancelled', location = 'Annanstans' WHERE id = 1",
     "a meeting with minutes is not cancelled"),
    ("meetings_with_minutes_not_cancelled", "a meeting with draft minutes is not cancelled",
     [minutes("draft")], "UPDATE meetings SET status = 'cancelled' WHERE id = 1",
     "a meeting with minutes is not cancelled"),
    ("meetings_time_place_follow_minutes", "a meeting with draft minutes moves", [minutes("draft")],
     "UPDATE meetings SET starts_at = '2026-03-02T08:00:00Z' WHERE id = 1", ALLOWED),
    ("participants_fixed_insert", "no participant joins minutes in review", [minutes("in_review")],
     PARTICIPANT, "the participants follow the minutes"),
    ("participants_fixed_delete", "no participant leaves minutes in review",
     [PARTICIPANT, minutes("in_review")], "DELETE FROM meeting_participants WHERE meeting_id = 1",
     "the participants follow the minutes"),
    ("participants_fixed_update", "no participant changes role in approved minutes",
     [PARTICIPANT, minutes("approved")], "UPDATE meeting_participants SET role = 'participant'",
     "the participants follow the minutes"),
    ("participants_fixed_insert", "a participant joins draft minutes", [minutes("draft")],
     PARTICIPANT, ALLOWED),
    ("registry_not_cancelled", "a cancelled meeting's minutes are not registered", [CANCEL_SECOND],
     register("ÖM 2026/0002", 2), "a cancelled meeting's minutes are not registered"),
    ("registry_not_cancelled", "a taken number is refused before a cancelled meeting",
     [CANCEL_SECOND, report("registered"), report_number("ÖM 2026/0001", 1)],
     register("ÖM 2026/0001", 1), TAKEN),
    ("minutes_not_registered_when_cancelled", "the minutes of a cancelled meeting stay unregistered",
     [CANCEL_SECOND, minutes("approved", 2)],
     "UPDATE minutes SET state = 'registered' WHERE meeting_id = 2",
     "a cancelled meeting's minutes are not registered"),
    ("sealed_documents_no_delete", "a sealed document stays sealed", [SEAL_MINUTES],
     "DELETE FROM sealed_documents WHERE document = 'meetings/1/minutes'",
     "a sealed document stays sealed"),
    ("document_versions_not_sealed", "a sealed document takes no new version", [SEAL_MINUTES],
     "INSERT INTO document_versions (repository, document, version, author_name, message, "
     "created_at) VALUES ('contract-1', 'meetings/1/minutes', 'v9', 'Anna', 'm', 't')",
     "the document is sealed"),
    ("attachments_removed_not_sealed", "an attachment of a registered document is not removed",
     [ATTACHMENT, SEAL_MINUTES], REMOVE_ATTACHMENT, "the document is sealed"),
    ("attachments_removed_not_sealed", "an attachment of a registered document is not renamed",
     [ATTACHMENT, SEAL_MINUTES], "UPDATE attachments SET file_name = 'annan.pdf' WHERE id = 1",
     "the document is sealed"),
    ("attachments_not_sealed", "an attachment is not added to a registered document",
     [SEAL_MINUTES], ATTACHMENT, "the document is sealed"),
    ("attachments_removed_once", "an attachment of an open document is removed once",
     [ATTACHMENT], REMOVE_ATTACHMENT, ALLOWED),
    ("attachments_removed_once", "an attachment keeps its name", [ATTACHMENT],
     "UPDATE attachments SET file_name = 'annan.pdf' WHERE id = 1",
     "an attachment is added once and removed once"),
    ("attachments_no_delete", "an attachment is not deleted", [ATTACHMENT],
     "DELETE FROM attachments WHERE id = 1", "an attachment stays in the record"),
    ("review_comments_written_once", "a review comment is written once", [REVIEW_COMMENT],
     "UPDATE review_comments SET text = 'y' WHERE id = 1",
     "a review comment is written once and handled once"),
    ("review_comments_written_once", "a review comment is handled once", [REVIEW_COMMENT],
     HANDLE_COMMENT, ALLOWED),
    ("review_comments_no_delete", "a review comment is not deleted", [REVIEW_COMMENT],
     "DELETE FROM review_comments WHERE id = 1", "a review comment stays"),
    ("review_comments_not_sealed", "a registered document takes no comment", [SEAL_MINUTES],
     REVIEW_COMMENT, "the document is sealed"),
    ("review_comments_handled_not_sealed", "a comment on a registered document is not handled",
     [REVIEW_COMMENT, SEAL_MINUTES], HANDLE_COMMENT, "the document is sealed"),
    ("outbox_sent_fixed", "a sent message never changes", [MESSAGE % "2"],
     "UPDATE outbox SET attempts = 1 WHERE id = 1", "a sent message never changes"),
    ("outbox_sent_fixed", "a message not yet sent counts its attempts", [MESSAGE % "NULL"],
     "UPDATE outbox SET attempts = 1 WHERE id = 1", ALLOWED),
    ("outbox_kept", "a message is not deleted", [MESSAGE % "NULL"],
     "DELETE FROM outbox WHERE id = 1", "the outbox keeps every message"),
    (None, "the count of writes is raised", [],
     "INSERT INTO store_writes (id, n) VALUES (1, 1) "
     "ON CONFLICT (id) DO UPDATE SET n = store_writes.n + 1", ALLOWED),
    ("store_writes_kept", "the count of writes is not deleted",
     ["INSERT INTO store_writes (id, n) VALUES (1, 7)"],
     "DELETE FROM store_writes", "the count of writes is kept"),
    ("registry_number_free", "a protocol takes the next number after a report's",
     [report("registered"), report_number("ÖM 2026/0001", 1)], register("ÖM 2026/0002", 2),
     ALLOWED),
    ("registry_number_free", "a protocol does not take a report's number",
     [report("registered"), report_number("ÖM 2026/0001", 1)], register("ÖM 2026/0001", 2), TAKEN),
    ("report_registry_number_free", "a report does not take a protocol's place in the year",
     [register("ÖM 2026/0001", 1), report("final")], report_number("ÖM 2026/0002", 1), TAKEN),
    ("registry_number_free_of_annual", "a protocol does not take a yearly summary's number",
     [annual("approved"), annual_number("ÖM 2026/0001", 1)], register("ÖM 2026/0001", 2), TAKEN),
    ("report_registry_number_free_of_annual", "a report does not take a yearly summary's number",
     [annual("approved"), annual_number("ÖM 2026/0001", 1), report("final")],
     report_number("ÖM 2026/0001", 2), TAKEN),
    ("annual_registry_number_free", "a yearly summary does not take a report's number",
     [report("registered"), report_number("ÖM 2026/0001", 1), annual("approved")],
     annual_number("ÖM 2026/0001", 2), TAKEN),
    ("annual_registry_number_free", "a yearly summary does not take a protocol's number",
     [register("ÖM 2026/0001", 1), annual("approved")], annual_number("ÖM 2026/0002", 1), TAKEN),
    ("report_registry_no_change", "a report's registration does not change",
     [report("registered"), report_number("ÖM 2026/0001", 1)],
     "UPDATE report_registry SET tag = 'other' WHERE id = 1", NEVER_CHANGES),
    ("report_registry_no_delete", "a report's registration is not deleted",
     [report("registered"), report_number("ÖM 2026/0001", 1)],
     "DELETE FROM report_registry WHERE id = 1", NEVER_CHANGES),
    ("reports_registered_stay", "a registered report does not change", [report("registered")],
     "UPDATE reports SET updated_at = 't2' WHERE id = 1", "the report is registered"),
    ("reports_registered_stay", "a report in its fact-check changes", [report("fact_check")],
     "UPDATE reports SET updated_at = 't2' WHERE id = 1", ALLOWED),
    ("reports_no_delete", "a report is not deleted", [report("draft")],
     "DELETE FROM reports WHERE id = 1", "a report stays in the record"),
    ("report_fact_checks_registered", "a registered report's fact-check does not change",
     [report("registered"), FACT_CHECK], "UPDATE report_fact_checks SET due_on = '2026-05-01'",
     "the report is registered"),
    ("report_supplements_registered_update", "a registered report's supplement does not change",
     [report("answered"), SUPPLEMENT, "UPDATE reports SET state = 'registered'"],
     "UPDATE report_supplements SET request = 'other'", "the report is registered"),
    ("report_supplements_registered_insert", "a final report takes no supplement",
     [report("final")], SUPPLEMENT, "the report is final"),
    ("report_supplements_registered_insert", "an answered report takes a supplement",
     [report("answered")], SUPPLEMENT, ALLOWED),
    ("annual_reports_registered_with_number", "a yearly summary is registered only with a number",
     [annual("approved")], "UPDATE annual_reports SET state = 'registered' WHERE id = 1",
     "a registered yearly summary has a registry number"),
    ("annual_reports_registered_with_number", "a yearly summary with a number is registered",
     [annual("approved"), annual_number("ÖM 2026/0001", 1)],
     "UPDATE annual_reports SET state = 'registered' WHERE id = 1", ALLOWED),
    ("annual_reports_registered_stay", "a registered yearly summary does not change",
     [annual("registered")], "UPDATE annual_reports SET updated_at = 't2' WHERE id = 1",
     "the yearly summary is registered"),
    ("annual_reports_no_delete", "a yearly summary is not deleted", [annual("draft").replace(
        "'v', 'v')", "NULL, NULL)")], "DELETE FROM annual_reports WHERE id = 1",
     "a yearly summary stays in the record"),
    ("annual_registry_no_change", "a yearly summary's registration does not change",
     [annual("registered"), annual_number("ÖM 2026/0001", 1)],
     "UPDATE annual_registry SET tag = 'other' WHERE id = 1", NEVER_CHANGES),
    ("annual_registry_no_delete", "a yearly summary's registration is not deleted",
     [annual("registered"), annual_number("ÖM 2026/0001", 1)],
     "DELETE FROM annual_registry WHERE id = 1", NEVER_CHANGES),
    ("follow_up_cases_sealed", "a sealed case keeps its facts", [CASE, SEAL_CASE],
     "UPDATE follow_up_cases SET title = 'Annat' WHERE id = 1",
     "the case is sealed with its registered report"),
    ("follow_up_cases_sealed", "a sealed case is closed", [CASE, SEAL_CASE],
     "UPDATE follow_up_cases SET state = 'closed' WHERE id = 1", ALLOWED),
    ("follow_up_cases_no_delete", "a case is not deleted", [CASE],
     "DELETE FROM follow_up_cases WHERE id = 1", "a case stays in the record"),
    ("case_events_sealed", "a sealed case takes no note", [CASE, SEAL_CASE],
     "INSERT INTO case_events (case_id, kind, user_id, at) VALUES (1, 'note', 1, 't')",
     "the case is sealed with its registered report"),
    ("case_events_sealed", "a sealed case's closing is recorded", [CASE, SEAL_CASE],
     "INSERT INTO case_events (case_id, kind, user_id, at) VALUES (1, 'closed', 1, 't')", ALLOWED),
    ("case_events_no_update", "a case event is not changed", [CASE, CASE_EVENT],
     "UPDATE case_events SET text = 'x' WHERE id = 1", "a case event is written once"),
    ("case_events_no_delete", "a case event is not deleted", [CASE, CASE_EVENT],
     "DELETE FROM case_events WHERE id = 1", "a case event is written once"),
    ("case_notices_no_change", "a notice is not changed", [CASE, CASE_NOTICE],
     "UPDATE case_notices SET at = 't2' WHERE id = 1", "a notice is written once"),
    ("case_notices_no_delete", "a notice is not deleted", [CASE, CASE_NOTICE],
     "DELETE FROM case_notices WHERE id = 1", "a notice is written once"),
    ("case_plans_decided_once", "a returned plan is not accepted afterwards",
     [CASE, CASE_PLAN % "'returned', 1, 't'"],
     "UPDATE case_plans SET decision = 'accepted' WHERE id = 1", "a plan is decided once"),
    ("case_plans_decided_once", "a pending plan is decided", [CASE, CASE_PLAN % "'pending', NULL, NULL"],
     "UPDATE case_plans SET decision = 'accepted', decided_by = 1, decided_at = 't2' WHERE id = 1",
     ALLOWED),
    ("open_action_counts_added", "two of three new actions are open, for the authority",
     [ACTIONS], counted("authority", 1, 2), REFUSED),
    ("open_action_counts_added", "and for the provider", [ACTIONS], counted("provider", 2, 2),
     REFUSED),
    ("open_action_counts_changed", "an accepted action leaves the count",
     [ACTIONS, "UPDATE actions SET status = 'accepted' WHERE id = 2"], counted("provider", 2, 1),
     REFUSED),
    ("open_action_counts_changed", "a returned one comes back into it",
     [ACTIONS, "UPDATE actions SET status = 'insufficient' WHERE id = 3"],
     counted("authority", 1, 3), REFUSED),
    ("open_action_counts_changed", "a new due date moves it to that day's count",
     [ACTIONS, "UPDATE actions SET due_on = '2026-04-01' WHERE id = 1"], counted("authority", 1, 1),
     REFUSED),
    ("open_action_counts_removed", "a removed open action leaves the count",
     [ACTIONS, "DELETE FROM actions WHERE id = 1"], counted("provider", 2, 1), REFUSED),
    (None, "a user name is taken whatever its case", [],
     "INSERT INTO users (id, username, name, email, password_hash, organization_id, created_at) "
     "VALUES (3, 'ANNA.AVTAL', 'Anna', 'b@example.se', 'h', 1, 't')", REFUSED),
]


def describe(expected):
    return "allowed" if expected is ALLOWED else ("refused" if expected is REFUSED else repr(expected))


def check_behaviour(sqlite_db, pg_db, trigger_names):
    failures = ["trigger %s: no behaviour check (CHECKS in %s)" % (name, os.path.basename(__file__))
                for name in sorted(set(trigger_names) - {c[0] for c in CHECKS})]
    for _, name, setup, statement, expected in CHECKS:
        statements = FIXTURE + setup + [statement]
        for label, db in (("SQLite", sqlite_db), ("PostgreSQL", pg_db)):
            ready, error, code = db.attempt(statements)
            if not ready:
                failures.append("%s, %s: the rows it needs were refused: %s" % (name, label, error))
                continue
            if expected is ALLOWED:
                if error is not None:
                    failures.append("%s, %s: allowed, was refused: %s" % (name, label, error))
                continue
            if error is None:
                failures.append("%s, %s: %s, was allowed" % (name, label, describe(expected)))
                continue
            if expected is not REFUSED and error != expected:
                failures.append("%s, %s: %s, was refused with %r" % (name, label, describe(expected), error))
            if label == "SQLite" and code != "19":
                failures.append("%s, SQLite: refused with code %s, not SQLITE_CONSTRAINT" % (name, code))
            if label == "PostgreSQL" and not (code or "").startswith("23"):
                failures.append("%s, PostgreSQL: SQLSTATE %s, not a constraint's (23…)" % (name, code))
            if label == "PostgreSQL" and expected is not REFUSED and code != "23000":
                failures.append("%s, PostgreSQL: SQLSTATE %s, not 23000" % (name, code))
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", required=True, help="a SQLite database at the newest migration")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default="5432")
    parser.add_argument("--user", default="samverkan")
    parser.add_argument("--dbname", default="samverkan")
    args = parser.parse_args()
    for tool in ("sqlite3", "psql"):
        if shutil.which(tool) is None:
            raise SystemExit("schema_compare: %s is not installed" % tool)

    work = tempfile.mkdtemp(prefix="schema-compare-")
    try:
        # The behaviour checks write (and roll back) in an empty database of the same schema, so
        # that the one given is only read and may be a data folder's, rows and all.
        empty = os.path.join(work, "empty.db")
        schema = subprocess.run(["sqlite3", args.sqlite, ".schema"], check=True,
                                capture_output=True, text=True).stdout
        subprocess.run(["sqlite3", "-bail", empty], input=schema, check=True, text=True)
        pg_db = Postgres(args.host, args.port, args.user, args.dbname)
        diffs, (tables, columns, indexes, triggers), trigger_names = compare(Sqlite(args.sqlite),
                                                                             pg_db)
        failures = check_behaviour(Sqlite(empty), pg_db, trigger_names)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    for line in diffs:
        print("schema differs: " + line)
    for line in failures:
        print("behaviour differs: " + line)
    print("schema_compare: %d tables, %d columns, %d named indexes, %d triggers: %s"
          % (tables, columns, indexes, triggers, "%d differences" % len(diffs) if diffs else "equal"))
    print("schema_compare: %d behaviour checks in both databases, %d failed"
          % (len(CHECKS), len(failures)))
    return 1 if diffs or failures else 0


if __name__ == "__main__":
    sys.exit(main())
