#!/usr/bin/env python3
"""Minutes saves over HTTP against `git add` + `git commit` of the same two files (issue 11, point 9).

On a demo server: builds the ~50 KB protocol of minutes_protocol.py, then alternates, after
--warmup untimed rounds, --saves timed rounds of:

  1. GET /healthz on the same keep-alive connection (timed: the floor of this client and the
     server's HTTP frame, reported beside the saves, not subtracted);
  2. PUT /api/v1/meetings/{id}/minutes with If-Match = the last ETag, the body the whole document
     with ONE section's notes changed (section i % 12; minutes_protocol.change_section); the body
     bytes are built before the clock starts, the time is from sending the request to the last
     byte of the answer (http.client, one keep-alive connection);
  3. untimed: the new version's minutes.md and minutes.json, read back with ?format=md and
     ?format=json (the bytes the server committed);
  4. the `git` command line committing those two files into a plain repository with
     core.fsync=all and core.fsyncMethod=fsync (set with `git config`): writing both files,
     `git add minutes.md minutes.json` and `git commit -q -m …` (two processes) are timed together.

Also one fdatasync of a 4 KB file in --tmp, 100 times (the disk's fsync cost, as documents_bench
measures it). With --strace N (and --server-pid), after the timed rounds, N more saves with
`strace -f -c -e trace=fsync,fdatasync` attached to the server, and N more commits with the two git
processes under strace: the fsync and fdatasync calls per save and per commit (those rounds are
not timed). Prints Markdown on stdout, progress on stderr.

    minutes_save.py --port N --git-dir DIR --tmp DIR [--saves 200] [--warmup 12] [--bytes 50000]
                    [--seed 11] [--fs NAME] [--strace N --server-pid PID]
"""
import argparse
import json
import math
import os
import signal
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import minutes_protocol as mp  # noqa: E402


def pct(samples, p):
    """Nearest-rank percentile of a list of floats."""
    s = sorted(samples)
    return s[max(0, math.ceil(p / 100 * len(s)) - 1)]


def summary(samples):
    return statistics.median(samples), pct(samples, 90), pct(samples, 99)


def sizes(values):
    lo, hi = min(values), max(values)
    return f"{lo}" if lo == hi else f"{lo}–{hi}"


def fdatasync_cost(folder, n=100):
    path = os.path.join(folder, "fsync.probe")
    block = b"x" * 4096
    out = []
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        for _ in range(n):
            os.pwrite(fd, block, 0)
            t = time.perf_counter_ns()
            os.fdatasync(fd)
            out.append((time.perf_counter_ns() - t) / 1e6)
    finally:
        os.close(fd)
        os.unlink(path)
    return out


class GitCli:
    def __init__(self, folder):
        self.dir = folder
        os.makedirs(folder, exist_ok=True)
        self.run("init", "-q")
        for key, value in [("core.fsync", "all"), ("core.fsyncMethod", "fsync"),
                           ("user.name", "Bench"), ("user.email", "bench@example.se"),
                           ("gc.auto", "0"), ("commit.gpgSign", "false")]:
            self.run("config", key, value)

    def run(self, *args):
        subprocess.run(["git", *args], cwd=self.dir, check=True, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL)

    def commit(self, markdown, js, i, prefix=()):
        for name, data in (("minutes.md", markdown), ("minutes.json", js)):
            with open(os.path.join(self.dir, name), "wb") as f:
                f.write(data)
        for args in (["add", "minutes.md", "minutes.json"], ["commit", "-q", "-m", f"Protokoll sparat {i}"]):
            subprocess.run([*prefix, "git", *args], cwd=self.dir, check=True,
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)


SYNCS = "fsync,fdatasync"


def strace_calls(path):
    """The fsync + fdatasync calls in an `strace -c` summary (0 when strace printed none)."""
    calls = 0
    try:
        for line in open(path):
            t = line.split()
            if len(t) >= 5 and t[-1] in SYNCS.split(","):
                calls += int(t[3])
    except FileNotFoundError:
        pass
    return calls


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--git-dir", required=True)
    p.add_argument("--tmp", required=True)
    p.add_argument("--saves", type=int, default=200)
    p.add_argument("--warmup", type=int, default=12)
    p.add_argument("--meeting", type=int, default=1)
    p.add_argument("--bytes", type=int, default=50_000)
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--fs", default="?", help="the file system of --tmp, for the report")
    p.add_argument("--about", default="", help="a line on the server build, for the report")
    p.add_argument("--strace", type=int, default=0, help="extra saves and commits under strace")
    p.add_argument("--server-pid", type=int, help="the server's pid, for --strace")
    a = p.parse_args()
    log = lambda m: print(f"minutes_save: {m}", file=sys.stderr, flush=True)  # noqa: E731

    api = mp.Api(a.port)
    api.login()
    version, doc, markdown, js, fills = mp.build(api, a.meeting, a.bytes, a.seed)
    log(f"protocol: {len(doc['sections'])} sections, minutes.md {len(markdown)} bytes, "
        f"minutes.json {len(js)} bytes (after {fills} filling save(s))")
    git = GitCli(a.git_dir)
    git.commit(markdown, js, 0)

    path = f"/api/v1/meetings/{a.meeting}/minutes"
    floor, saves, gits, md_sizes, answer_sizes = [], [], [], [], []
    load_before = open("/proc/loadavg").read().split()[:3]
    for i in range(1, a.warmup + a.saves + 1):
        timed = i > a.warmup
        t = time.perf_counter_ns()
        status, _, _ = api.request("GET", "/healthz")
        dt_floor = (time.perf_counter_ns() - t) / 1e6
        if status != 200:
            raise SystemExit(f"minutes_save: GET /healthz answered {status}")

        mp.change_section(doc, i)
        body = json.dumps({"minutes": doc}, ensure_ascii=False).encode()
        headers = {"If-Match": f'"{version}"'}
        t = time.perf_counter_ns()
        status, head, data = api.request("PUT", path, body, headers)
        dt_save = (time.perf_counter_ns() - t) / 1e6
        if status != 200:
            raise SystemExit(f"minutes_save: save {i} answered {status}: {data[:500]!r}")
        answer = json.loads(data)
        if answer.get("merged") or mp.etag(head) == version:
            raise SystemExit(f"minutes_save: save {i} merged or made no new version")
        version = mp.etag(head)
        doc = answer["minutes"]

        markdown = mp.file_at(api, a.meeting, version, "md")
        js = mp.file_at(api, a.meeting, version, "json")
        t = time.perf_counter_ns()
        git.commit(markdown, js, i)
        dt_git = (time.perf_counter_ns() - t) / 1e6
        if timed:
            floor.append(dt_floor)
            saves.append(dt_save)
            gits.append(dt_git)
            md_sizes.append(len(markdown))
            answer_sizes.append(len(data))
        if i % 50 == 0:
            log(f"{i} rounds; last save {dt_save:.2f} ms, git {dt_git:.2f} ms")

    syncs = None
    if a.strace > 0 and a.server_pid:
        log(f"{a.strace} saves and commits under strace")
        out = os.path.join(a.tmp, "strace-server.txt")
        tracer = subprocess.Popen(["strace", "-f", "-c", "-e", f"trace={SYNCS}", "-o", out,
                                   "-p", str(a.server_pid)], stderr=subprocess.DEVNULL)
        time.sleep(1.0)  # attached to every thread before the first save
        git_syncs = 0
        for k in range(a.strace):
            i = a.warmup + a.saves + 1 + k
            mp.change_section(doc, i)
            version, answer = mp.put(api, a.meeting, doc, version)
            doc = answer["minutes"]
            markdown = mp.file_at(api, a.meeting, version, "md")
            js = mp.file_at(api, a.meeting, version, "json")
            gout = os.path.join(a.tmp, "strace-git.txt")
            if os.path.exists(gout):
                os.unlink(gout)
            # -A: add and commit append their summaries to the same file.
            git.commit(markdown, js, i, ("strace", "-f", "-c", "-A", "-e", f"trace={SYNCS}", "-o", gout))
            git_syncs += strace_calls(gout)
        tracer.send_signal(signal.SIGINT)
        tracer.wait(timeout=30)
        syncs = (strace_calls(out) / a.strace, git_syncs / a.strace)

    fsync = fdatasync_cost(a.tmp)
    s, g, f, fs = summary(saves), summary(gits), summary(floor), summary(fsync)
    n = len(saves)
    print("### Minutes saves over HTTP against the `git` command line (minutes_save.sh)\n")
    print(f"- Protocol: meeting {a.meeting} of the demo, {len(doc['sections'])} sections, "
          f"minutes.md {sizes(md_sizes)} bytes, minutes.json {len(js)} bytes "
          f"(minutes_protocol.py, seed {a.seed}); the PUT body {len(body)} bytes, the answer "
          f"{statistics.median(answer_sizes):.0f} bytes.")
    print(f"- {n} timed rounds after {a.warmup} untimed, alternating: GET /healthz, the save (PUT "
          f"with If-Match, one section's notes changed), then `git add` + `git commit` of the same "
          f"two files as the server committed them (core.fsync=all, core.fsyncMethod=fsync; "
          f"the file writes and both processes timed together). The save is timed in the client "
          f"(Python http.client, one keep-alive connection) from sending the request, its body "
          f"encoded before the clock starts, to the last byte of the answer.")
    print(f"- Data folder and git repository on the same file system ({a.fs}, `{a.tmp}`); one "
          f"fdatasync of 4 KB there: median {fs[0]:.3f} ms, p99 {fs[2]:.3f} ms. Load average "
          f"before: {' / '.join(load_before)}.")
    if a.about:
        print(f"- {a.about}")
    print()
    print("| Operation | n | median ms | p90 ms | p99 ms |")
    print("|---|---:|---:|---:|---:|")
    print(f"| PUT /api/v1/meetings/{a.meeting}/minutes (save over HTTP) | {n} | {s[0]:.2f} | "
          f"{s[1]:.2f} | {s[2]:.2f} |")
    print(f"| `git add` + `git commit` (command line, fsync all) | {n} | {g[0]:.2f} | {g[1]:.2f} | "
          f"{g[2]:.2f} |")
    print(f"| GET /healthz (floor: this client and the HTTP frame) | {n} | {f[0]:.2f} | {f[1]:.2f} | "
          f"{f[2]:.2f} |")
    print(f"\n**Ratio git command line / save over HTTP: {g[0] / s[0]:.2f}× at the median, "
          f"{g[2] / s[2]:.2f}× at p99** (aim: at least 3×).")
    if syncs:
        print(f"\nfsync + fdatasync calls (`strace -f -c -e trace={SYNCS}`, {a.strace} more rounds "
              f"after the timed ones, not timed): {syncs[0]:.2f} per save (every thread of the "
              f"server), {syncs[1]:.2f} per `git add` + `git commit`.")


if __name__ == "__main__":
    sys.exit(main())
