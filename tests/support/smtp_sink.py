#!/ usr / bin / python3
"""A real SMTP server for the mail tests (aiosmtpd, Debian's python3-aiosmtpd) on a free loopback
port: every message it accepts is written as <n>.eml to FOLDER (envelope sender and recipients
in <n>.envelope), so a test reads exactly what arrived. Prints the port on its first line, then
runs until it is sent SIGTERM (Python's default action ends it at once: every message already
answered 250 is on disk, written under a temporary name and renamed).
--refuse answers every RCPT TO with 451 (a server that takes no mail now); --delay S waits S
seconds before answering the message (a slow server, longer than the client's timeout).
--tls CERT KEY offers STARTTLS and takes nothing before it; --auth USER:PASSWORD takes mail only
after AUTH with them (over TLS). <n>.session says how each message came: "tls=1 user=USER"."""
import argparse
import asyncio
import os
import socket
import ssl
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Sink:
    def __init__(self, folder, refuse, delay):
        self.folder = folder
        self.refuse = refuse
        self.delay = delay
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return "451 4.3.0 not now"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
            return "451 4.4.2 too late"
        self.count += 1
        base = os.path.join(self.folder, str(self.count))
        with open(base + ".envelope", "w") as f:
            f.write(envelope.mail_from + "\n" + "\n".join(envelope.rcpt_tos) + "\n")
        with open(base + ".session", "w") as f:
            user = session.auth_data.login.decode() if session.auth_data else ""
            f.write("tls=%d user=%s\n" % (1 if session.ssl else 0, user))
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content)
        os.rename(base + ".eml.tmp", base + ".eml")
        return "250 Message accepted"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--refuse", action="store_true")
    parser.add_argument("--delay", type=float, default=0)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--auth", default="")
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    port = args.port or free_port()
    options = {}
    if args.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls[0], args.tls[1])
        options.update(tls_context=context, require_starttls=True)
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticate(server, session, envelope, mechanism, data):
            ok = data is not None and data.login.decode() == user and data.password.decode() == password
            return AuthResult(success=ok, handled=False, auth_data=data if ok else None)

        options.update(auth_required=True, auth_require_tls=bool(args.tls), authenticator=authenticate)
    controller = Controller(Sink(args.folder, args.refuse, args.delay), hostname="127.0.0.1",
                            port=port, **options)
    controller.start()
    print(port, flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
