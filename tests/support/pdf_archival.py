#!/usr/bin/env python3
"""What the archival PDF tests ask of a PDF, read with tools other than the renderer's own.

  pdf_archival.py structure FILE   the structure tree in document order, one top-level element a
                                   line: "H2", "Table(TR(TH,TH),TR(TD,TD))", "Figure+Alt"
                                   for one with an alternate description; marked content left
                                   out
  pdf_archival.py untagged FILE    how many painting operators (text, paths, images) lie outside
                                   every marked-content sequence, per page: "1 0", "2 0"
  pdf_archival.py catalog FILE     what the catalog and trailer say for PDF/A, a fact a line:
                                   "intent /GTS_PDFA1", "profile <sha256 of its ICC data>", ...
  pdf_archival.py preflight FILE   Apache PDFBox Preflight (Debian libpdfbox2-java), a PDF/A-1b
                                   validator, on the file; prints the errors that are not among the
                                   four PDF/A-2 lifts (below) and exits 1 when there is any

qpdf reads the file (its JSON, version 2), so the tree is the one a PDF parser sees.
"""
import base64
import hashlib
import json
import re
import subprocess
import sys

# What PDF/A-1 forbids and PDF/A-2 (ISO 19005-2) allows, as Preflight words it: cross-reference
# streams (PDF 1.5), transparency (6.4: groups, and the constant opacity of a draft's mark), a
# composite font subset without CIDSet (6.2.11.4.2 makes it optional), and pdfaid:part 2. Code
# and words both have to match.
PDFA2_LIFTS = [
    ("1.4", "cross reference streams are not allowed"),
    ("2.2.1", "Group has a transparency S entry"),
    ("4.1.2", "Transparency error, CA entry in a ExtGState is invalid"),
    ("4.1.2", "Transparency error, ca entry in a ExtGState is invalid"),
    ("3.1.11", "The CIDSet entry is missing"),
    ("7.11.2", "part must be 1"),
]

JARS = ["preflight", "pdfbox2", "fontbox2", "xmpbox", "commons-logging", "javax.activation",
        "jaxb-api"]


def objects(path):
    out = subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline",
                          "--decode-level=generalized", path],
                         check=True, capture_output=True).stdout
    return json.loads(out)["qpdf"][1]


def value(objs, ref):
    obj = objs.get("obj:" + ref) if isinstance(ref, str) and ref.endswith(" R") else None
    if obj is None:
        return ref
    return obj.get("value", obj.get("stream", {}).get("dict"))


def catalog(objs):
    for obj in objs.values():
        v = obj.get("value") if isinstance(obj, dict) else None
        if isinstance(v, dict) and v.get("/Type") == "/Catalog":
            return v
    raise SystemExit("no catalog")


def kids(objs, k):
    k = value(objs, k)
    if isinstance(k, list):
        return [value(objs, x) for x in k]
    return [k]


def element(objs, e):
    if not isinstance(e, dict) or e.get("/Type", "/StructElem") != "/StructElem" or "/S" not in e:
        return None  # an MCID, a marked-content or object reference
    inner = [element(objs, k) for k in kids(objs, e.get("/K", []))]
    inner = [x for x in inner if x]
    role = e["/S"][1:] + ("+Alt" if "/Alt" in e else "")
    return role + ("(" + ",".join(inner) + ")" if inner else "")


def structure(path):
    objs = objects(path)
    root = value(objs, catalog(objs)["/StructTreeRoot"])
    for k in kids(objs, root.get("/K", [])):
        e = element(objs, k)
        if e:
            print(e)


TOKEN = re.compile(rb"\s*(%[^\r\n]*|\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)|<<|>>|<[0-9A-Fa-f\s]*>|"
                   rb"\[|\]|\{|\}|/[^\s/\[\]()<>{}%]*|[^\s/\[\]()<>{}%]+)", re.S)
PAINTING = {b"Tj", b"TJ", b"'", b'"', b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*",
            b"sh", b"Do", b"BI"}


def untagged_in(data):
    depth, count, pos = 0, 0, 0
    while True:
        m = TOKEN.match(data, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
        t = m.group(1)
        if t in (b"BDC", b"BMC"):
            depth += 1
        elif t == b"EMC":
            depth -= 1
        elif t == b"ID":  # an inline image's data runs to "EI"
            end = data.find(b"EI", pos)
            pos = len(data) if end < 0 else end + 2
        elif t in PAINTING and depth == 0:
            count += 1
    return count


def untagged(path):
    objs = objects(path)
    pages = value(objs, catalog(objs)["/Pages"])
    number = 0

    def walk(node):
        nonlocal number
        node = value(objs, node)
        if node.get("/Type") == "/Pages":
            for k in node["/Kids"]:
                walk(k)
            return
        number += 1
        contents = node.get("/Contents", [])
        refs = contents if isinstance(contents, list) else [contents]
        data = b"".join(base64.b64decode(objs["obj:" + r]["stream"]["data"]) + b"\n" for r in refs)
        print(number, untagged_in(data))

    walk(pages)


def text(v):
    return v[2:] if isinstance(v, str) and v.startswith("u:") else v


def catalog_facts(path):
    objs = objects(path)
    root = catalog(objs)
    print("lang", text(root.get("/Lang")))
    print("marked", (root.get("/MarkInfo") or {}).get("/Marked"))
    print("displaydoctitle", (root.get("/ViewerPreferences") or {}).get("/DisplayDocTitle"))
    for ref in root.get("/OutputIntents", []):
        intent = value(objs, ref)
        print("intent", intent.get("/S"))
        print("condition", text(intent.get("/OutputConditionIdentifier")))
        profile = objs["obj:" + intent["/DestOutputProfile"]]["stream"]
        print("components", profile["dict"].get("/N"))
        print("profile", hashlib.sha256(base64.b64decode(profile["data"])).hexdigest())
    meta = objs["obj:" + root["/Metadata"]]["stream"]["dict"] if "/Metadata" in root else {}
    print("metadata", meta.get("/Type"), meta.get("/Subtype"), "filter" if "/Filter" in meta else "plain")
    trailer = next(v.get("value", v.get("stream", {}).get("dict"))
                   for k, v in objs.items() if k == "trailer" or (
                       isinstance(v, dict) and isinstance(v.get("stream"), dict)
                       and v["stream"].get("dict", {}).get("/Type") == "/XRef"))
    print("id", "yes" if "/ID" in (trailer or {}) else "no")


def preflight(path):
    cp = ":".join("/usr/share/java/%s.jar" % j for j in JARS)
    run = subprocess.run(["java", "-cp", cp, "org.apache.pdfbox.preflight.Validator_A1b", path],
                         capture_output=True, text=True)
    print(run.stdout.splitlines()[0] if run.stdout else run.stderr)
    left = 0
    for line in run.stdout.splitlines()[1:]:
        if not line.strip():
            continue
        code, _, words = line.partition(" : ")
        if any(code == c and w in words for c, w in PDFA2_LIFTS):
            continue
        if left < 40:
            print(line)
        left += 1
    if "valid PDF/A-1b" not in run.stdout:
        left += 1  # Preflight did not run to its verdict
    sys.exit(1 if left else 0)


if __name__ == "__main__":
    {"structure": structure, "untagged": untagged, "catalog": catalog_facts,
     "preflight": preflight}[sys.argv[1]](sys.argv[2])
