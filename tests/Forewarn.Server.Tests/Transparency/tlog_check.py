#!/usr/bin/env python3
"""An independent checker of a Forewarn transparency log, written from RFC 9162 and the C2SP
signed-note / tlog-checkpoint specifications, sharing no code with the server: it fetches the
published key, the latest checkpoint, every leaf hash and proofs for random index/size pairs over
HTTP, and checks them with Python's hashlib and the `cryptography` package's Ed25519.
Usage: tlog_check.py BASE_URL [PAIRS]. Prints a JSON summary; exits 1 on the first failure."""
import base64, hashlib, json, random, sys, urllib.request
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

BASE = sys.argv[1].rstrip("/")
PAIRS = int(sys.argv[2]) if len(sys.argv) > 2 else 40

def get(path):
    with urllib.request.urlopen(BASE + path) as r:
        return r.read()

def fail(message):
    print(json.dumps({"ok": False, "problem": message}))
    sys.exit(1)

def node(l, r):
    return hashlib.sha256(b"\x01" + l + r).digest()

def mth(leaves):  # RFC 9162 2.1.1, with k the largest power of two below n
    n = len(leaves)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return leaves[0]
    k = 1
    while k * 2 < n:
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

def verify_consistency(first, second, first_root, second_root, path):  # RFC 9162 2.1.4.2
    if first == second:
        return not path and first_root == second_root
    if not path:
        return False
    if first & (first - 1) == 0:
        path = [first_root] + path
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1; sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node(c, fr); sr = node(c, sr)
            if not fn & 1:
                while True:
                    fn >>= 1; sn >>= 1
                    if fn & 1 or fn == 0:
                        break
        else:
            sr = node(sr, c)
        fn >>= 1; sn >>= 1
    return sn == 0 and fr == first_root and sr == second_root

# The verifier key: name+hex(key id)+base64(0x01 || public key); key id = SHA-256(name || "\n" || 0x01 || key)[:4].
name, key_id_hex, material_b64 = get("/log/v1/key").decode().strip().split("+", 2)
material = base64.b64decode(material_b64)
if material[0] != 1 or len(material) != 33:
    fail("the key is not an Ed25519 note key")
if hashlib.sha256(name.encode() + b"\n" + material).digest()[:4].hex() != key_id_hex:
    fail("the key id does not match the key")
public = Ed25519PublicKey.from_public_bytes(material[1:])

def open_checkpoint(note):
    text, _, signatures = note.partition("\n\n")
    text += "\n"
    for line in signatures.splitlines():
        if not line.startswith("\u2014 "):
            fail("a signature line does not start with an em dash")
        signer, _, blob = line[2:].partition(" ")
        raw = base64.b64decode(blob)
        if signer == name and raw[:4].hex() == key_id_hex:
            public.verify(raw[4:], text.encode())  # raises on a bad signature
            origin, size, root = text.splitlines()[:3]
            if origin != name:
                fail("the checkpoint names another log")
            return int(size), base64.b64decode(root)
    fail("no signature by the log's key")

size, root = open_checkpoint(get("/log/v1/checkpoint").decode())
leaves = []
while len(leaves) < size:
    page = json.loads(get(f"/log/v1/leaves?start={len(leaves)}&end={size - 1}"))
    if page["start"] != len(leaves) or not page["leaf_hashes"]:
        fail("the leaves endpoint answered the wrong range")
    leaves += [base64.b64decode(h) for h in page["leaf_hashes"]]
if mth(leaves[:size]) != root:
    fail(f"the root of the {size} published leaves is not the checkpoint's root")

rng = random.Random(size)
checked = 0
for _ in range(PAIRS if size else 0):
    n = rng.randint(1, size)
    i = rng.randrange(n)
    p = json.loads(get(f"/log/v1/proof/inclusion?index={i}&size={n}"))
    if p["index"] != i or p["size"] != n or base64.b64decode(p["leaf_hash"]) != leaves[i]:
        fail(f"the inclusion proof of {i} in {n} names another leaf")
    if not verify_inclusion(i, n, leaves[i], [base64.b64decode(h) for h in p["hashes"]], mth(leaves[:n])):
        fail(f"the inclusion proof of {i} in {n} does not verify")
    m = rng.randint(1, n)
    c = json.loads(get(f"/log/v1/proof/consistency?from={m}&to={n}"))
    if not verify_consistency(m, n, mth(leaves[:m]), mth(leaves[:n]), [base64.b64decode(h) for h in c["hashes"]]):
        fail(f"the consistency proof from {m} to {n} does not verify")
    checked += 1
print(json.dumps({"ok": True, "size": size, "pairs": checked, "origin": name}))
