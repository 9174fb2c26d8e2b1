#!/usr/bin/env python3
"""Hold many idle keep-alive connections open to an HTTP server while a benchmark runs.

Each connection sends one keep-alive request, reads the answer and then stays silent, like a
browser tab that keeps its connection. When the server closes an idle connection (keep-alive
timeout), it is reopened at once with a new request, so the number of open connections stays near
--count for the whole run. That is the worst case for a thread-per-connection server.

When all connections have had their first answer, the word "ready" and the time it took are written
to --ready-file. On SIGTERM or SIGINT a JSON line of counters is printed to stdout.
"""

import argparse
import json
import selectors
import signal
import socket
import sys
import time


def read_response(sock: socket.socket) -> int:
    """Read one HTTP/1.1 response with Content-Length; return its status code."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            raise ConnectionError("closed before the response headers")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(4096)
        if not chunk:
            raise ConnectionError("closed inside the response body")
        body += chunk
    return status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--path", default="/healthz")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for an answer")
    parser.add_argument("--ready-file", required=True)
    args = parser.parse_args()

    request = (
        f"GET {args.path} HTTP/1.1\r\nHost: {args.host}:{args.port}\r\n"
        "Connection: keep-alive\r\nUser-Agent: samverkan-bench-idle\r\n\r\n"
    ).encode()
    counters = {
        "count": args.count,
        "opened": 0,
        "reopened_after_server_close": 0,
        "ok_responses": 0,
        "bad_status": 0,
        "failures": 0,
        "max_first_response_ms": 0.0,
        "seconds_to_open_all": None,
        "min_open": None,
    }
    selector = selectors.DefaultSelector()
    stopping = False

    def stop(_signum, _frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    def open_one() -> bool:
        started = time.monotonic()
        try:
            sock = socket.create_connection((args.host, args.port), timeout=args.timeout)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.sendall(request)
            status = read_response(sock)
        except (OSError, ConnectionError, ValueError, IndexError) as e:
            counters["failures"] += 1
            print(f"idle_connections: {type(e).__name__}: {e}", file=sys.stderr)
            return False
        elapsed_ms = (time.monotonic() - started) * 1000.0
        counters["max_first_response_ms"] = max(counters["max_first_response_ms"], round(elapsed_ms, 2))
        if status == 200:
            counters["ok_responses"] += 1
        else:
            counters["bad_status"] += 1
        counters["opened"] += 1
        sock.setblocking(False)
        selector.register(sock, selectors.EVENT_READ)
        return True

    begun = time.monotonic()
    for _ in range(args.count):
        if stopping:
            break
        open_one()
    counters["seconds_to_open_all"] = round(time.monotonic() - begun, 3)
    with open(args.ready_file, "w") as f:
        f.write(f"ready {counters['seconds_to_open_all']} open={len(selector.get_map())}\n")

    while not stopping:
        open_now = len(selector.get_map())
        if counters["min_open"] is None or open_now < counters["min_open"]:
            counters["min_open"] = open_now
        for key, _ in selector.select(timeout=0.5):
            sock = key.fileobj
            try:
                data = sock.recv(4096)
            except BlockingIOError:
                continue
            except OSError:
                data = b""
            if data:
                continue  # nothing is expected on an idle connection; ignore it
            selector.unregister(sock)
            sock.close()
            if not stopping:
                counters["reopened_after_server_close"] += 1
                open_one()
        # Reopen anything lost to failures, so the count stays up.
        missing = args.count - len(selector.get_map())
        for _ in range(missing):
            if stopping:
                break
            open_one()

    for key in list(selector.get_map().values()):
        key.fileobj.close()
    print(json.dumps(counters), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
