#!/ usr / bin / env python3
"""Reads an e-mail file with Python's own email package (policy.default: RFC 5322, MIME and
RFC 2047 as a mail program reads them) and prints what a reader would see, as JSON: the headers
decoded, and each leaf part's content type, parameters and decoded text. The mail tests check our
messages with this, not with our own parser."""
import json
import sys
from email import policy
from email.parser import BytesParser


def main(path):
    with open(path, "rb") as f:
        msg = BytesParser(policy=policy.default).parse(f)
    parts = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        parts.append({
            "type": part.get_content_type(),
            "params": dict(part.get_params()[1:]),
            "text": part.get_content(),
        })
    print(json.dumps({
        "message_id": str(msg["Message-ID"]),
        "date": str(msg["Date"]),
        "from": str(msg["From"]),
        "from_address": msg["From"].addresses[0].addr_spec,
        "to": str(msg["To"]),
        "subject": str(msg["Subject"]),
        "list_unsubscribe": str(msg["List-Unsubscribe"]).strip() if msg["List-Unsubscribe"] else "",
        "content_type": msg.get_content_type(),
        "defects": [str(d) for d in msg.defects] + [str(d) for p in msg.walk() for d in p.defects],
        "parts": parts,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
