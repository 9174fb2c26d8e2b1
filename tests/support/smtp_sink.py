#!/ usr / bin / python3
"""A real SMTP server for the mail tests (aiosmtpd, Debian's python3-aiosmtpd) on a free loopback
port: every message it accepts is written as <n>.eml to FOLDER (envelope sender and recipients
in <n>.envelope), so a test reads exactly what arrived. Prints the port on its first line, then
runs until it is sent SIGTERM (Python's default action ends it at once: every message already
answered 250 is on disk, written under a temporary name and renamed).
--refuse answers every RCPT TO with 451 (a server that takes no mail now); --delay S waits S
seconds before answering the message (a slow server, longer than the client's timeout)."""
import argparse
import asyncio
import os
import socket
import threading

from aiosmtpd.controller import Controller


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
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    port = args.port or free_port()
    controller = Controller(Sink(args.folder, args.refuse, args.delay), hostname="127.0.0.1",
                            port=port)
    controller.start()
    print(port, flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
