#!/usr/bin/env python3
"""The Markdown tables of minutes_page.sh, from its runs file ("row server rps p99_ms non2xx
errors bytes_per_answer" per line) and REPORT_* environment variables set by the script. Medians over the runs."""
import os
import statistics

env = os.environ.get
rows = {}
for line in open(env("REPORT_RUNS")):
    row, server, rps, p99, non2xx, errors, _ = line.split()
    rows.setdefault((row, server), []).append((float(rps), float(p99), int(non2xx), int(errors)))


def med(row, server):
    runs = rows.get((row, server))
    if not runs:
        return None
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def bad(row, server=None):
    return sum(r[2] + r[3] for (rw, sv), v in rows.items() if rw == row and server in (None, sv)
               for r in v)


def each(row):
    return "; ".join(f"{sv} " + ", ".join(f"{fmt(r[0])} / {r[1]:.2f}" for r in v)
                     for (rw, sv), v in rows.items() if rw == row)


fmt = lambda x: f"{x:,.0f}".replace(",", " ")  # noqa: E731
threads, duration, conns, many = (env("REPORT_THREADS"), env("REPORT_DURATION"),
                                  env("REPORT_CONNECTIONS"), env("REPORT_MANY"))
nruns = len(rows.get(("plain", "nginx"), []))
protocol = ("the ~50 KB protocol of minutes_protocol.py" if env("REPORT_PROTOCOL") == "full"
            else "the minutes as started from the agenda (empty)")
path = "GET /api/v1/meetings/1/minutes.html (bearer token)"

print("### GET /api/v1/meetings/1/minutes.html vs bare Poco and nginx (minutes_page.sh)\n")
print(f"- Page: {protocol}; minutes.md {env('REPORT_MD').strip()} bytes, minutes.html "
      f"{env('REPORT_BYTES')} bytes. Commit {env('REPORT_ABOUT')}.")
print(f"- `wrk -t{threads} -c{conns} -d{duration}s --latency -s bearer.lua`, interleaved nginx / "
      f"samverkan / bare Poco in each of {nruns} rounds, medians; nginx {env('REPORT_NGINX')} "
      f"serving the same bytes as a static file; bare Poco (bare_poco) answering the same bytes "
      f"and headers from memory with samverkan's thread settings; load average before "
      f"{env('REPORT_LOAD')}; non-2xx responses and socket errors over these runs: "
      f"{bad('plain')}\n")
print("| Request | Body bytes | samverkan req/s | nginx req/s | ratio req/s | samverkan p99 ms | "
      "nginx p99 ms | ratio p99 | bare Poco req/s | bare Poco / nginx | samverkan / bare Poco |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
s, n, b = med("plain", "samverkan"), med("plain", "nginx"), med("plain", "bare_poco")
print(f"| {path} | {env('REPORT_BYTES')} | {fmt(s[0])} | {fmt(n[0])} | **{s[0] / n[0]:.2f}** | "
      f"{s[1]:.2f} | {n[1]:.2f} | {s[1] / n[1]:.2f} | {fmt(b[0])} | {b[0] / n[0]:.2f} | "
      f"**{s[0] / b[0]:.2f}** |")
print(f"\nEach run (req/s / p99 ms): {each('plain')}.")

if med("gzip", "nginx"):
    ngz = env("REPORT_NGINX_GZIP")
    how = ("`gzip_static on` with minutes.html.gz (`gzip -k -9` of the same bytes)"
           if "gzip_static" in ngz else
           f"`{ngz}` (this nginx has no gzip_static module: it compresses each answer)")
    sv_gzip = env("REPORT_SV_GZIP") == "1"
    print(f"\n#### With `Accept-Encoding: gzip` (wrk -H), {conns} connections\n")
    print(f"- nginx: {how}, {env('REPORT_GZ_NG')} bytes; bare Poco: "
          + ("samverkan's compressed answer" if sv_gzip else "the same .gz file, with samverkan's "
             "headers and Content-Encoding: gzip")
          + f", {env('REPORT_GZ_BARE')} bytes; samverkan: "
          + (f"{env('REPORT_GZ_SV')} bytes." if sv_gzip else "no Content-Encoding in its answer.")
          + f" Non-2xx responses and socket errors over these runs: {bad('gzip')}\n")
    print("| Request | gzip bytes samverkan / nginx | samverkan req/s | nginx req/s | ratio req/s | "
          "samverkan p99 ms | nginx p99 ms | bare Poco req/s | samverkan / bare Poco |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    n, b = med("gzip", "nginx"), med("gzip", "bare_poco")
    if sv_gzip:
        s = med("gzip", "samverkan")
        print(f"| {path}, gzip | {env('REPORT_GZ_SV')} / {env('REPORT_GZ_NG')} | {fmt(s[0])} | "
              f"{fmt(n[0])} | **{s[0] / n[0]:.2f}** | {s[1]:.2f} | {n[1]:.2f} | {fmt(b[0])} | "
              f"**{s[0] / b[0]:.2f}** |")
    else:
        no = "samverkan does not compress yet"
        print(f"| {path}, gzip | – / {env('REPORT_GZ_NG')} | {no} | {fmt(n[0])} | – | – | "
              f"{n[1]:.2f} | {fmt(b[0])} | – |")
    print(f"\nEach run (req/s / p99 ms): {each('gzip')}.")

if med("many", "samverkan"):
    print(f"\n#### {many} keep-alive connections (`wrk -t{threads} -c{many}`), no gzip\n")
    print("| Server | req/s | p99 ms | non-2xx + socket errors | all served |")
    print("|---|---:|---:|---:|---|")
    for server, name in (("samverkan", "samverkan"), ("bare_poco", "bare Poco")):
        m = med("many", server)
        if m:
            e = bad("many", server)
            print(f"| {name} | {fmt(m[0])} | {m[1]:.2f} | {e} | {'yes' if e == 0 else '**no**'} |")
    print(f"\nEach run (req/s / p99 ms): {each('many')}. Aim: all served, p99 under 50 ms.")
