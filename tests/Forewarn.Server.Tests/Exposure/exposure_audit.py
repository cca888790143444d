#!/usr/bin/env python3
"""Recomputes an advisory's exposure before a moment T from the transparency log, as an auditor
with a staff key would, sharing no code with the server (docs/exposure.md, "Recomputing it").

It reads the content.served entries (GET /api/v1/log/entries), makes each
entry's canonical JSON (RFC 8785) and its leaf hash SHA-256(0x00 || entry), checks every leaf
against the public leaves and the latest signed checkpoint (RFC 9162 tree head), and checks each
first fetch's inclusion proof against the first signed checkpoint whose tree includes it. The
fetched groups rest on those entries alone; which remaining partner was entitled at T is the
policy's decision, asked of /api/v1/explain for each partner and artifact.
Usage: exposure_audit.py BASE_URL ADVISORY_REFERENCE T   (T as 2026-11-30T14:00:00.0000000Z;
the staff key in FOREWARN_AUDIT_KEY). Prints the groups as JSON; exits 1 on the first failure."""
import base64, hashlib, json, os, sys, urllib.parse, urllib.request
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

BASE, REFERENCE, T = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
KEY = os.environ["FOREWARN_AUDIT_KEY"]

def get(path, staff=False):
    request = urllib.request.Request(BASE + path, headers={"Authorization": "Bearer " + KEY} if staff else {})
    with urllib.request.urlopen(request) as r:
        return r.read()

def fail(message):
    print(json.dumps({"ok": False, "problem": message}))
    sys.exit(1)

def canonical(value):  # RFC 8785 for the values log entries hold: strings, integers, lists, objects
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()

def leaf_hash(entry):
    return hashlib.sha256(b"\x00" + canonical(entry)).digest()

def node(l, r):
    return hashlib.sha256(b"\x01" + l + r).digest()

def mth(leaves):  # RFC 9162 2.1.1
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return node(mth(leaves[:k]), mth(leaves[k:]))

def verify_inclusion(index, size, leaf, path, root):  # RFC 9162 2.1.3.2
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node(p, r)
            if not fn & 1:
                while True:
                    fn >>= 1; sn >>= 1
                    if fn & 1 or fn == 0:
                        break
        else:
            r = node(r, p)
        fn >>= 1; sn >>= 1
    return sn == 0 and r == root

# The log's key and its signed checkpoints (C2SP signed note: "— name base64(key id || signature)").
name, key_id, material = get("/log/v1/key").decode().strip().split("+", 2)
public = Ed25519PublicKey.from_public_bytes(base64.b64decode(material)[1:])

def open_checkpoint(note):
    text, _, signatures = note.partition("\n\n")
    text += "\n"
    for line in signatures.splitlines():
        signer, _, blob = line[2:].partition(" ")
        raw = base64.b64decode(blob)
        if signer == name and raw[:4].hex() == key_id:
            public.verify(raw[4:], text.encode())  # raises on a bad signature
            origin, size, root = text.splitlines()[:3]
            return int(size), base64.b64decode(root)
    fail("a checkpoint carries no signature by the log's key")

checkpoints, after = [], 0
while after is not None:
    page = json.loads(get(f"/log/v1/checkpoints?after={after}&limit=10000"))
    checkpoints += page["checkpoints"]
    after = page["next_after"]
size, root = open_checkpoint(checkpoints[-1]["checkpoint"]) if checkpoints else (0, mth([]))

leaves = []
while len(leaves) < size:
    page = json.loads(get(f"/log/v1/leaves?start={len(leaves)}&end={size - 1}"))
    leaves += [base64.b64decode(h) for h in page["leaf_hashes"]]
if mth(leaves[:size]) != root:
    fail("the public leaves do not make the signed checkpoint's root")

def entries(kind):
    start = 0
    while start is not None:
        page = json.loads(get(f"/api/v1/log/entries?kind={kind}&start={start}&limit=10000", staff=True))
        for e in page["entries"]:
            if e["index"] >= size:
                return
            if leaf_hash(e["entry"]) != leaves[e["index"]]:
                fail(f"entry {e['index']} does not hash to its public leaf")
            yield e["index"], e["entry"]
        start = page["next_start"]

# The advisory's artifacts and their classes (each also in its artifact.added entry, where the
# artifact was added through the API; the demo loads its own without entries).
advisory = json.loads(get("/api/v1/advisories/" + urllib.parse.quote(REFERENCE), staff=True))
classes = {a["id"]: a["class"] for a in advisory["artifacts"]}

# The first copy per partner and class served by T (entry times are ISO 8601 UTC with 7 digits: they sort as text).
first = {}
for index, e in entries("content.served"):
    if e["artifact"] not in classes or e["at"] > T:
        continue
    key = (e["partner"], classes[e["artifact"]])
    if key not in first or (e["at"], index) < (first[key]["at"], first[key]["logIndex"]):
        first[key] = {"at": e["at"], "logIndex": index}

# Each first fetch proved against the first signed checkpoint whose tree holds it.
for fetch in first.values():
    index = fetch["logIndex"]
    covering = next(c for c in checkpoints if c["size"] > index)
    n, r = open_checkpoint(covering["checkpoint"])
    proof = json.loads(get(f"/log/v1/proof/inclusion?index={index}&size={n}"))
    if not verify_inclusion(index, n, leaves[index], [base64.b64decode(h) for h in proof["hashes"]], r):
        fail(f"entry {index} is not in the checkpoint of size {n}")
    fetch["checkpointSize"] = n

# Everyone else: entitled at T by the policy's decision, or nothing.
partners = json.loads(get("/api/v1/partners", staff=True))
groups = {"fetchedPoc": [], "fetchedOther": [], "entitledNotFetched": [], "nothing": []}
for p in partners:
    pid, mine = p["id"], {c: f for (q, c), f in first.items() if q == p["id"]}
    if "poc" in mine:
        groups["fetchedPoc"].append((mine["poc"]["at"], p["legalName"], pid))
    elif mine:
        groups["fetchedOther"].append((min(f["at"] for f in mine.values()), p["legalName"], pid))
    else:
        opens = []
        for artifact in classes:
            query = urllib.parse.urlencode({"partner": pid, "artifact": artifact, "at": T})
            decision = json.loads(get(f"/api/v1/explain?{query}", staff=True))
            if decision["allowed"]:
                opens.append(decision["opensAt"])
        if opens:
            groups["entitledNotFetched"].append((None, p["legalName"], pid, min(opens)))
        else:
            groups["nothing"].append(("", p["legalName"], pid))

def order(rows):  # earliest first, then by name
    return [r[2] for r in sorted(rows, key=lambda r: (r[0], r[1]))]

def when(text):  # "2026-11-30T13:00:00+00:00" and "…Z" alike, as a sortable UTC string
    from datetime import datetime, timezone
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc).isoformat()

groups["entitledNotFetched"] = [(when(r[3]), r[1], r[2]) for r in groups["entitledNotFetched"]]
print(json.dumps({
    "ok": True, "size": size,
    "groups": {g: order(rows) for g, rows in groups.items()},
    "fetches": {f"{p}/{c}": f for (p, c), f in sorted(first.items())},
}))
