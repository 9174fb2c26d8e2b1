#!/usr/bin/env python3
"""Fails when an include runs against the direction of the layers (STYLE.md, "Inside server/").

Every #include "workflows/…", "agenda/…", "minutes/…" and "server/…" in the code of those folders
is checked against ALLOWED: a file may include its own folder and the folders its entry names.
<sqlite3.h> and <git2.h> belong to server/store only, Poco::Net to the HTTP frame and the
application. The CMake libraries of server/CMakeLists.txt keep the same table at link time; this
test names the file and the line, before a build goes wrong.

  check_layers.py SOURCE_DIR   checks the tree
  check_layers.py --self-test  checks that a wrong include is caught (the checker's own test)
"""
import pathlib
import re
import sys

DOMAIN = {"workflows", "agenda", "minutes"}

# folder -> what it may include besides itself. An entry ending in ".hpp" allows that one header.
ALLOWED = {
    "workflows": set(),
    "agenda": {"workflows"},
    "minutes": {"workflows", "agenda"},
    "server/crypto": set(),
    "server/store": DOMAIN | {"server/crypto"},
    "server/pdf": DOMAIN,
    # OpenID Connect for the relying party: the protocol, nothing of ours but errors and time.
    "server/oidc": {"workflows/result.hpp", "workflows/clock.hpp"},
    "server/services": DOMAIN | {"server/store", "server/pdf", "server/crypto", "server/oidc"},
    # The outbox's delivery: it reads and marks the outbox, and speaks SMTP.
    "server/mail": {"workflows", "server/store"},
    # The frame knows the errors (returned, and the one thrown: a dependency out of reach, 503)
    # and who is asking, nothing else of ours (identity.hpp), and uses the project's text
    # helpers rather than a copy of them.
    "server/http": {"workflows/result.hpp", "workflows/unavailable.hpp", "workflows/principal.hpp",
                    "workflows/text.hpp"},
    "server/api": DOMAIN | {"server/http", "server/services"},
    "server/web": DOMAIN | {"server/http", "server/services"},
    # The application wires everything: the HTTP server with its Authenticator included.
    "server/app": DOMAIN | {"server/web", "server/api", "server/services", "server/store",
                            "server/http", "server/crypto", "server/mail", "server/oidc"},
    "server": {"server/app"},  # main.cpp
}

# Headers of the store that say SQLite, libpq or libgit2: the rest of the server holds a transaction
# (server/store/transaction.hpp) and the store's functions, never a connection or a repository.
STORE_INTERNAL = {"server/store/" + h for h in (
    "database.hpp", "migrations.hpp", "git.hpp", "git_packs.hpp", "pack_format.hpp",
    "durable_files.hpp", "handle.hpp", "audit_seal.hpp", "postgres.hpp", "registry_words.hpp")}

# Includes against the table that are known and being removed; each says why it is still here.
KNOWN_EXCEPTIONS = {
}

# System headers that only one part of the server may use.
SYSTEM_ONLY_IN = {
    re.compile(r"^sqlite3\.h$"): {"server/store"},
    re.compile(r"^git2(\.h|/)"): {"server/store"},
    re.compile(r"^Poco/Net/"): {"server/http", "server/app", "server/mail", "server/oidc"},
}

QUOTED = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
ANGLED = re.compile(r"^\s*#\s*include\s+<([^>]+)>")
ROOTS = ("workflows", "agenda", "minutes", "server")


def folder_of(path):
    """The entry of ALLOWED a file (relative to the source root) belongs to."""
    parent = str(pathlib.PurePosixPath(path).parent)
    best = None
    for folder in ALLOWED:
        if parent == folder or parent.startswith(folder + "/"):
            if best is None or len(folder) > len(best):
                best = folder
    return best


def allowed(folder, included):
    if folder_of(included) == folder:
        return True
    for entry in ALLOWED[folder]:
        if entry.endswith(".hpp") and included == entry:
            return True
        if not entry.endswith(".hpp") and folder_of(included) == entry:
            return True
    return False


def violations(files):
    """files: (path relative to the source root, text). Yields 'path:line: message'."""
    for path, text in files:
        folder = folder_of(path)
        if folder is None:
            continue
        for number, line in enumerate(text.splitlines(), 1):
            quoted = QUOTED.match(line)
            if quoted:
                included = quoted.group(1)
                if not included.startswith(tuple(r + "/" for r in ROOTS)):
                    continue  # a header of the same folder named relatively, or a test helper
                if included in STORE_INTERNAL and folder != "server/store":
                    yield (f"{path}:{number}: includes \"{included}\", which is inside the "
                           f"store: use server/store/transaction.hpp and the store's functions")
                    continue
                if (path, included) in KNOWN_EXCEPTIONS or allowed(folder, included):
                    continue
                target = folder_of(included) or included
                yield (f"{path}:{number}: includes \"{included}\": {folder} may not depend on "
                       f"{target} (it may use: {', '.join(sorted(ALLOWED[folder])) or 'nothing'})")
                continue
            angled = ANGLED.match(line)
            if angled:
                for pattern, owners in SYSTEM_ONLY_IN.items():
                    if pattern.search(angled.group(1)) and folder not in owners:
                        yield (f"{path}:{number}: includes <{angled.group(1)}>, which only "
                               f"{' and '.join(sorted(owners))} may use")


def tree(root):
    for top in ROOTS:
        for p in sorted((root / top).rglob("*")):
            if p.suffix in (".cpp", ".hpp", ".h") and p.is_file():
                yield str(p.relative_to(root).as_posix()), p.read_text(encoding="utf-8")


def self_test():
    good = [("server/api/x_api.cpp", '#include "server/http/router.hpp"\n#include "minutes/minutes.hpp"\n'),
            ("server/http/identity.hpp", '#include "workflows/principal.hpp"\n'),
            ("server/store/git.cpp", "#include <git2.h>\n")]
    bad = [("server/http/request.hpp", '#include "server/services/accounts.hpp"\n'),
           ("server/http/dispatcher.cpp", '#include "workflows/clock.hpp"\n'),
           ("server/services/x.cpp", '#include "server/api/api.hpp"\n'),
           ("server/web/x_pages.cpp", '#include "server/store/store.hpp"\n'),
           ("server/api/x_api.cpp", '#include "server/web/pages.hpp"\n'),
           ("server/store/x.cpp", '#include "server/services/access.hpp"\n'),
           ("minutes/x.cpp", '#include "server/store/store.hpp"\n'),
           ("workflows/x.cpp", '#include "agenda/agenda.hpp"\n'),
           ("server/app/x.cpp", "#include <sqlite3.h>\n"),
           ("server/services/x.cpp", "#include <git2/oid.h>\n"),
           ("server/web/x.cpp", "#include <Poco/Net/HTTPServer.h>\n"),
           ("server/services/x.hpp", '#include "server/store/database.hpp"\n')]
    failures = []
    if list(violations(good)):
        failures.append(f"allowed includes reported: {list(violations(good))}")
    for case in bad:
        if len(list(violations([case]))) != 1:
            failures.append(f"not caught: {case}")
    for f in failures:
        print(f"FAIL {f}")
    return 1 if failures else 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 2:
        print(__doc__)
        return 2
    found = list(violations(tree(pathlib.Path(argv[1]))))
    for v in found:
        print(v)
    if found:
        print(f"{len(found)} include(s) against the direction of the layers (STYLE.md).")
        return 1
    print("every include follows the direction of the layers")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
