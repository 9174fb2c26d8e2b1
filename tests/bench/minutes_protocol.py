#!/usr/bin/env python3
"""A realistic protocol for the benchmarks of issue 11 (point 9), written through the HTTP API.

On a server started with --demo, as anna.avtal (or the token given): publishes meeting 1's agenda,
starts its minutes, then fills them with PUT /api/v1/meetings/1/minutes (If-Match = the ETag) to
about --bytes of Markdown (minutes.md as committed, read back with GET …/versions/{v}?format=md)
over the agenda's sections: Swedish notes in paragraphs with bullet and numbered lists, bold and
emphasis, two to four observations, one to three actions and a decision per section. The text
comes from random.Random(--seed) only, so the same seed gives the same protocol on every run.

    minutes_protocol.py --port N [--token T] [--meeting 1] [--bytes 50000] [--seed 11]

Prints one JSON line on stdout: {"version", "markdown_bytes", "json_bytes", "sections", "saves"}.
Used by minutes_save.py and minutes_page.sh; the functions are imported by minutes_save.py.
"""
import argparse
import http.client
import json
import random
import sys

DEMO_USER = "anna.avtal"
DEMO_PASSWORD = "samverkan-demo"


class Api:
    """One keep-alive connection to the server, with the bearer token."""

    def __init__(self, port, token=None, host="127.0.0.1"):
        self.conn = http.client.HTTPConnection(host, port, timeout=60)
        self.token = token

    def request(self, method, path, body=None, headers=None):
        h = dict(headers or {})
        if self.token:
            h["Authorization"] = "Bearer " + self.token
        if body is not None:
            h["Content-Type"] = "application/json"
            if isinstance(body, str):
                body = body.encode()
        self.conn.request(method, path, body=body, headers=h)
        resp = self.conn.getresponse()
        data = resp.read()
        return resp.status, resp.headers, data

    def ok(self, method, path, body=None, headers=None, expect=(200,)):
        status, head, data = self.request(method, path, body, headers)
        if status not in expect:
            raise SystemExit(f"minutes_protocol: {method} {path} answered {status}: {data[:500]!r}")
        return head, data

    def login(self, user=DEMO_USER, password=DEMO_PASSWORD):
        _, data = self.ok("POST", "/api/v1/session",
                          json.dumps({"username": user, "password": password}), expect=(200, 201))
        self.token = json.loads(data)["token"]
        return self.token


# --- the text ---------------------------------------------------------------------------------
# Sentences of a samverkansmöte between a municipality's administration (förvaltningen) and a care
# provider (utföraren); {x} slots are filled from the lists below.
SUBJECTS = ["Utföraren", "Förvaltningen", "Verksamhetschefen", "Kvalitetsutvecklaren",
            "Avtalsförvaltaren", "Enhetschefen", "Medicinskt ansvarig sjuksköterska",
            "Parterna", "Brukarrådets representant", "Socialnämndens handläggare"]
VERBS = ["redovisade", "gick igenom", "informerade om", "lyfte frågan om", "påminde om",
         "beskrev", "följde upp", "kommenterade", "presenterade", "efterfrågade underlag om"]
TOPICS = ["bemanningen under sommarperioden", "kontinuiteten i hemtjänstinsatserna",
          "avvikelserapporteringen enligt lex Sarah", "genomförandeplanernas aktualitet",
          "läkemedelshanteringen på enheten", "kompetensutvecklingen för undersköterskor",
          "nattbemanningen på demensavdelningen", "synpunkter och klagomål från anhöriga",
          "hygienrutinerna och basala hygienregler", "fallpreventionen och riskbedömningarna",
          "samverkan med regionens primärvård", "dokumentationen i verksamhetssystemet",
          "introduktionen av nyanställda", "brukarundersökningens resultat",
          "måltidssituationen och nutritionen", "arbetsmiljön och sjukfrånvaron",
          "rutinen för trygghetslarm", "utevistelsen för de boende",
          "språkkraven i avtalet", "tillgängligheten per telefon"]
TAILS = ["under perioden", "sedan föregående möte", "enligt avtalets bilaga 2",
         "jämfört med samma kvartal i fjol", "inom den avtalade tiden",
         "med stöd av den senaste egenkontrollen", "efter synpunkter från brukarrådet",
         "i enlighet med kommunens riktlinjer", "för samtliga enheter", "för de nya brukarna"]
REMARKS = ["Förvaltningen noterade att {t} behöver följas upp skriftligt till nästa möte.",
           "Utföraren bedömer att {t} nu fungerar *väsentligt bättre* än tidigare.",
           "Det framkom att **{t}** inte motsvarar avtalets krav fullt ut.",
           "Parterna var överens om att {t} ska redovisas med statistik per månad.",
           "Frågan om {t} återkommer som en stående punkt tills vidare.",
           "Enligt utföraren har {n} medarbetare genomgått utbildning om {t}.",
           "Andelen avvikelser som rör {t} har minskat till {n} procent.",
           "Förvaltningen ser positivt på arbetet med {t} men saknar en tidsplan.",
           "Ett förslag till ny rutin för {t} skickas ut före {d}.",
           "Inga synpunkter från brukare eller anhöriga har inkommit om {t}."]
LIST_ITEMS = ["uppföljning av {t} {tail}", "redovisning av {t} senast {d}",
              "ansvarig för {t}: enhetschefen", "*{t}* – oförändrat {tail}",
              "**{n}** avvikelser om {t} {tail}", "egenkontroll av {t} planeras till {d}"]
OBSERVATIONS = ["Genomförandeplanerna för {n} brukare var inte uppdaterade vid granskningen.",
                "Rutinen för {t} saknar ansvarsfördelning mellan dag och natt.",
                "Avvikelser om {t} har inte analyserats inom två veckor.",
                "Dokumentationen av {t} är ofullständig i {n} av 20 granskade journaler.",
                "Utföraren har inte lämnat den begärda redovisningen av {t}.",
                "Kompetensen inom {t} motsvarar inte avtalets krav för samtliga på natten."]
ACTIONS = ["Ta fram en skriftlig rutin för {t} och delge förvaltningen.",
           "Uppdatera genomförandeplanerna för berörda brukare och redovisa antalet.",
           "Genomföra en egenkontroll av {t} och redovisa resultatet.",
           "Utbilda personalen i {t} och redovisa deltagarlistor.",
           "Redovisa en tidsplan för arbetet med {t}.",
           "Analysera avvikelserna om {t} och återkomma med åtgärder."]
DECISIONS = ["Parterna beslutade att {t} följs upp vid nästa samverkansmöte.",
             "Mötet beslutade att godkänna utförarens redovisning av {t}.",
             "Parterna beslutade att förvaltningen gör ett verksamhetsbesök om {t}.",
             "Mötet beslutade att frågan om {t} lämnas utan vidare åtgärd."]
PEOPLE = ["Maria Lund", "Johan Berg", "Fatima Ali", "Erik Nyström", "Sara Holm", "Ahmed Hassan"]


class Writer:
    def __init__(self, seed):
        self.rnd = random.Random(seed)

    def fill(self, template):
        r = self.rnd
        return template.format(t=r.choice(TOPICS), n=r.randint(2, 40), tail=r.choice(TAILS),
                               d=f"2027-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}")

    def sentence(self):
        r = self.rnd
        if r.random() < 0.45:
            return self.fill(r.choice(REMARKS))
        return f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(TOPICS)} {r.choice(TAILS)}."

    def paragraph(self):
        return " ".join(self.sentence() for _ in range(self.rnd.randint(3, 6)))

    def block(self):
        r = self.rnd
        kind = r.random()
        if kind < 0.6:
            return self.paragraph()
        items = [self.fill(r.choice(LIST_ITEMS)) for _ in range(r.randint(3, 6))]
        if kind < 0.85:
            return "\n".join("- " + i[0].upper() + i[1:] for i in items)
        return "\n".join(f"{k}. " + i[0].upper() + i[1:] for k, i in enumerate(items, 1))

    def notes(self, size):
        blocks = []
        while sum(len(b.encode()) + 2 for b in blocks) < size:
            blocks.append(self.block())
        return "\n\n".join(blocks) + "\n"


def fill_document(doc, notes_bytes, seed):
    """The document with each section's notes about notes_bytes long and its lists filled
    (new items have empty ids; the server assigns them). Deterministic for a given seed."""
    w = Writer(seed)
    for s in doc["sections"]:
        s["notes"] = w.notes(notes_bytes)
        s["observations"] = [{"id": "", "text": w.fill(w.rnd.choice(OBSERVATIONS))}
                             for _ in range(w.rnd.randint(2, 4))]
        s["actions"] = [{"id": "", "text": w.fill(w.rnd.choice(ACTIONS)),
                         "responsible_party": "provider",
                         "responsible_person": w.rnd.choice(PEOPLE),
                         "due_date": f"2027-{w.rnd.randint(1, 12):02d}-{w.rnd.randint(1, 28):02d}"}
                        for _ in range(w.rnd.randint(1, 3))]
        s["decisions"] = [{"id": "", "text": w.fill(w.rnd.choice(DECISIONS))}]
    return doc


def change_section(doc, i):
    """Save i's one change: section i % n gets a new first line ("Ändring 00042 …"), replacing the
    one an earlier save put there, so every save is a new version of one section and, after the
    first round, the size stays the same."""
    s = doc["sections"][i % len(doc["sections"])]
    notes = s["notes"]
    if notes.startswith("Ändring "):
        notes = notes[notes.find("\n\n") + 2:]
    s["notes"] = f"Ändring {i:05d} av anteckningarna.\n\n" + notes
    return doc


def etag(head):
    return head["ETag"].strip('"')


def put(api, meeting, doc, version):
    head, data = api.ok("PUT", f"/api/v1/meetings/{meeting}/minutes",
                        json.dumps({"minutes": doc}, ensure_ascii=False),
                        {"If-Match": f'"{version}"'})
    return etag(head), json.loads(data)


def file_at(api, meeting, version, fmt):
    _, data = api.ok("GET", f"/api/v1/meetings/{meeting}/minutes/versions/{version}?format={fmt}")
    return data


def build(api, meeting=1, target=50_000, seed=11):
    """Publishes, starts and fills the minutes; returns (version, document, markdown, json)."""
    api.ok("POST", f"/api/v1/meetings/{meeting}/agenda/publish", expect=(200, 201))
    head, data = api.ok("POST", f"/api/v1/meetings/{meeting}/minutes", expect=(200, 201))
    version = etag(head)
    doc = json.loads(data)["minutes"]
    empty_md = len(file_at(api, meeting, version, "md"))
    n = len(doc["sections"])
    # First fill with a guess, then once more scaled by what the Markdown came to: notes are most
    # of it, the lists and the header the rest.
    per_section = max(200, (target - empty_md) * 3 // (4 * n))
    saves = 0
    for _ in range(3):
        version, view = put(api, meeting, fill_document(doc, per_section, seed), version)
        saves += 1
        doc = view["minutes"]
        md = len(file_at(api, meeting, version, "md"))
        if abs(md - target) <= target // 50:
            break
        notes_total = sum(len(s["notes"].encode()) for s in doc["sections"])
        per_section = max(200, (notes_total + target - md) // n)
    markdown = file_at(api, meeting, version, "md")
    js = file_at(api, meeting, version, "json")
    return version, doc, markdown, js, saves


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--token")
    p.add_argument("--meeting", type=int, default=1)
    p.add_argument("--bytes", type=int, default=50_000)
    p.add_argument("--seed", type=int, default=11)
    a = p.parse_args()
    api = Api(a.port, a.token)
    if not a.token:
        api.login()
    version, doc, markdown, js, saves = build(api, a.meeting, a.bytes, a.seed)
    print(json.dumps({"version": version, "markdown_bytes": len(markdown), "json_bytes": len(js),
                      "sections": len(doc["sections"]), "saves": saves}))


if __name__ == "__main__":
    sys.exit(main())
