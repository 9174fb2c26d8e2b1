#!/usr/bin/env python3
"""Turn the parsed wrk runs of tests/bench/run.sh into a Markdown report.

Input: runs.tsv (one line per wrk run, header line first), meta.txt (key=value lines) and
idle.jsonl (the counters of idle_connections.py, one JSON line per run). Output: Markdown on
stdout. Figures are medians over the runs of each (scenario, server) pair.
"""

import argparse
import csv
import json
import statistics
import sys

SCENARIOS = [
    ("me", "GET /api/v1/me (bearer token)"),
    ("healthz", "GET /healthz (no auth)"),
]


def load_runs(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for r in rows:
        for k in ("rps", "p99_ms"):
            r[k] = float(r[k]) if r[k] not in ("", "NA") else None
        for k in ("requests", "non2xx", "sock_connect", "sock_read", "sock_write", "sock_timeout"):
            r[k] = int(r[k]) if r[k] not in ("", "NA") else 0
    return rows


def load_meta(path):
    meta = {}
    with open(path) as f:
        for line in f:
            key, sep, value = line.rstrip("\n").partition("=")
            if sep:
                meta[key] = value
    return meta


def median(rows, scenario, server, key):
    values = [r[key] for r in rows if r["scenario"] == scenario and r["server"] == server and r[key] is not None]
    return statistics.median(values) if values else None


def fmt(v, digits=0):
    if v is None:
        return "n/a"
    return f"{v:,.{digits}f}".replace(",", " ")


def ratio(a, b):
    if a is None or not b:
        return "n/a"
    return f"{a / b:.2f}"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", required=True)
    p.add_argument("--meta", required=True)
    p.add_argument("--idle", required=True)
    a = p.parse_args()
    rows = load_runs(a.runs)
    meta = load_meta(a.meta)
    idle = []
    try:
        with open(a.idle) as f:
            idle = [json.loads(line) for line in f if line.strip()]
    except FileNotFoundError:
        pass

    out = []
    w = out.append
    w(f"Run {meta.get('date', '?')} on {meta.get('nproc', '?')} cores ({meta.get('cpu', '?')}), "
      f"kernel {meta.get('kernel', '?')}; load average (1, 5, 15 min) just before the runs: "
      f"{meta.get('load_before', '?')} (other work on the machine skews every figure).")
    w("")
    w(f"Load: `{meta.get('wrk_cmd', 'wrk')}` on loopback, {meta.get('runs', '?')} runs per row, "
      "interleaved (nginx, samverkan, samverkan with idle connections, for each request, "
      "round by round); each figure is the median of its runs. nginx "
      f"{meta.get('nginx_version', '?')} with `worker_processes {meta.get('nginx_workers', '?')}`, "
      "`access_log off`, serving a static file with the same bytes as the samverkan body; "
      "the same request (with the same `Authorization` header for /api/v1/me) goes to both.")
    w("")
    w("| Request | Body bytes | samverkan req/s | nginx req/s | ratio req/s (samverkan/nginx) "
      "| samverkan p99 ms | nginx p99 ms | ratio p99 (samverkan/nginx) |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|")
    for key, label in SCENARIOS:
        sv_rps = median(rows, key, "samverkan", "rps")
        ng_rps = median(rows, key, "nginx", "rps")
        sv_p99 = median(rows, key, "samverkan", "p99_ms")
        ng_p99 = median(rows, key, "nginx", "p99_ms")
        w(f"| {label} | {meta.get('bytes_' + key, '?')} | {fmt(sv_rps)} | {fmt(ng_rps)} | "
          f"**{ratio(sv_rps, ng_rps)}** | {fmt(sv_p99, 2)} | {fmt(ng_p99, 2)} | **{ratio(sv_p99, ng_p99)}** |")
    w("")
    w(f"Response header bytes (status line and headers, from curl): /api/v1/me samverkan "
      f"{meta.get('head_me_samverkan', '?')}, nginx {meta.get('head_me_nginx', '?')}; /healthz samverkan "
      f"{meta.get('head_healthz_samverkan', '?')}, nginx {meta.get('head_healthz_nginx', '?')}.")
    w("")

    n_idle = meta.get("idle", "?")
    w(f"Many idle connections: the same /api/v1/me load on samverkan while {n_idle} other keep-alive "
      "connections are held open (each sent one GET /healthz, then stays silent and is reopened "
      "when the server closes it).")
    w("")
    w("| GET /api/v1/me on samverkan | req/s | p99 ms |")
    w("|---|---:|---:|")
    base_rps, base_p99 = median(rows, "me", "samverkan", "rps"), median(rows, "me", "samverkan", "p99_ms")
    idle_rps, idle_p99 = median(rows, "me_idle", "samverkan", "rps"), median(rows, "me_idle", "samverkan", "p99_ms")
    w(f"| alone | {fmt(base_rps)} | {fmt(base_p99, 2)} |")
    w(f"| with {n_idle} idle connections | {fmt(idle_rps)} | {fmt(idle_p99, 2)} |")
    w(f"| ratio with/alone | **{ratio(idle_rps, base_rps)}** | **{ratio(idle_p99, base_p99)}** |")
    w("")
    if idle:
        parts = []
        for i, c in enumerate(idle, 1):
            parts.append(
                f"run {i}: {c.get('opened')} opened in {c.get('seconds_to_open_all')} s "
                f"(slowest first answer {c.get('max_first_response_ms')} ms), "
                f"{c.get('reopened_after_server_close')} reopened after the server closed them, "
                f"at least {c.get('min_open')} open at any time, {c.get('bad_status')} non-200, "
                f"{c.get('failures')} failures")
        w("Idle connections: " + "; ".join(parts) + ".")
        w("")

    w("Errors seen by wrk, summed over the runs (a healthy run has zeros):")
    w("")
    w("| Scenario | Server | Requests | Non-2xx/3xx | Socket errors connect/read/write/timeout |")
    w("|---|---|---:|---:|---|")
    seen = []
    for r in rows:
        pair = (r["scenario"], r["server"])
        if pair not in seen:
            seen.append(pair)
    for scenario, server in seen:
        rs = [r for r in rows if r["scenario"] == scenario and r["server"] == server]
        total = sum(r["requests"] for r in rs)
        non2xx = sum(r["non2xx"] for r in rs)
        sock = "/".join(str(sum(r[k] for r in rs)) for k in ("sock_connect", "sock_read", "sock_write", "sock_timeout"))
        w(f"| {scenario} | {server} | {total} | {non2xx} | {sock} |")
    w("")
    w("Every run (req/s, p99 ms):")
    w("")
    w("| Scenario | Server | " + " | ".join(f"run {i}" for i in range(1, int(meta.get("runs", "1")) + 1)) + " |")
    w("|---|---|" + "---:|" * int(meta.get("runs", "1")))
    for scenario, server in seen:
        rs = sorted((r for r in rows if r["scenario"] == scenario and r["server"] == server), key=lambda r: int(r["round"]))
        cells = [f"{fmt(r['rps'])} / {fmt(r['p99_ms'], 2)}" for r in rs]
        w(f"| {scenario} | {server} | " + " | ".join(cells) + " |")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
