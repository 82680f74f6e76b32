#!/usr/bin/env python3
"""An independent verifier for ClaimLedger's checkpoints and proofs, written from the specs with Python's
hashlib and the `cryptography` package only — so the Swift code is not the only judge of its own output.

    verify_proofs.py checkpoint CHECKPOINT_FILE VKEY
    verify_proofs.py inclusion PROOF_FILE ENTRY_FILE VKEY
    verify_proofs.py consistency OLD_CHECKPOINT NEW_CHECKPOINT PROOF_FILE VKEY
    verify_proofs.py cosigned COSIGNED_CHECKPOINT VKEY WITNESS_VKEY [WITNESS_VKEY…] [--quorum N]
    verify_proofs.py selftest

VKEY is a C2SP verifier key (NAME+HEX8+BASE64) or a file holding one. PROOF_FILE for `consistency` holds one
base64 hash per line (`claimledger prove consistency`). Exit 0 when valid, 1 otherwise, with one line saying why.

`cosigned` checks the log's signature and then that at least N (default: all) of the given witnesses cosigned the
checkpoint (C2SP tlog-cosignature v1, Ed25519, key type 0x04); a cosignature line that names a given witness but
does not verify is an error, as is one with a timestamp in the future.

Specs: C2SP signed-note and tlog-checkpoint (c2sp.org), C2SP tlog-proof@v1, C2SP tlog-cosignature v1, RFC 6962 §2.1 hashing,
RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency) verification algorithms.
"""
import base64
import hashlib
import os
import sys
import time

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


class Invalid(Exception):
    pass


def b64(s):
    raw = base64.b64decode(s, validate=True)
    if base64.b64encode(raw).decode() != s:
        raise Invalid("non-canonical base64")
    return raw


def leaf_hash(data):
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def parse_vkey(text):
    if os.path.exists(text):
        text = open(text, encoding="utf-8").read().strip()
    name, hash8, key = text.split("+", 2)
    raw = b64(key)
    if len(raw) != 33 or raw[0] != 1:
        raise Invalid("not an Ed25519 verifier key")
    if hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4].hex() != hash8:
        raise Invalid("verifier key hash does not match")
    return name, bytes.fromhex(hash8), Ed25519PublicKey.from_public_bytes(raw[1:])


def parse_witness_vkey(text):
    """A cosigner verifier key: NAME+HEX8+BASE64(0x04 || 32-byte Ed25519 key), key ID over name, newline, 0x04, key."""
    if os.path.exists(text):
        text = open(text, encoding="utf-8").read().strip()
    name, hash8, key = text.split("+", 2)
    raw = b64(key)
    if len(raw) != 33 or raw[0] != 4:
        raise Invalid(f"{name}: not an Ed25519 cosigner key (type 0x04)")
    if hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4].hex() != hash8:
        raise Invalid(f"{name}: verifier key hash does not match")
    return name, bytes.fromhex(hash8), Ed25519PublicKey.from_public_bytes(raw[1:])


def cosigners(note, witnesses):
    """The names of the given witnesses whose cosignature on the note's checkpoint verifies."""
    split = note.rfind("\n\n")
    if split < 0:
        raise Invalid("note has no signatures")
    text, sigs = note[:split + 1], note[split + 2:]
    found = set()
    for line in sigs.rstrip("\n").split("\n"):
        if not line.startswith("\u2014 "):
            raise Invalid("malformed signature line")
        sig_name, blob = line[2:].split(" ", 1)
        raw = b64(blob)
        for name, key_id, public in witnesses:
            if sig_name != name or raw[:4] != key_id:
                continue
            if len(raw) != 4 + 8 + 64:
                raise Invalid(f"cosignature by {name} has the wrong length")
            timestamp = int.from_bytes(raw[4:12], "big")
            if timestamp >= 2**63:
                raise Invalid(f"cosignature by {name} has an out-of-range timestamp")
            if timestamp > time.time() + 300:
                raise Invalid(f"cosignature by {name} is dated in the future ({timestamp})")
            message = f"cosignature/v1\ntime {timestamp}\n".encode() + text.encode()
            try:
                public.verify(raw[12:], message)
            except InvalidSignature:
                raise Invalid(f"cosignature by {name} does not verify")
            found.add(name)
    return found


def open_note(note, vkey):
    """C2SP signed-note: the text is everything up to the last blank line; a known key must have signed it."""
    name, key_id, public = vkey
    if any(ord(c) < 0x20 and c != "\n" for c in note) or not note.endswith("\n"):
        raise Invalid("malformed note")
    split = note.rfind("\n\n")
    if split < 0:
        raise Invalid("note has no signatures")
    text, sigs = note[:split + 1], note[split + 2:]
    verified = False
    for line in sigs.rstrip("\n").split("\n"):
        if not line.startswith("\u2014 "):
            raise Invalid("malformed signature line")
        sig_name, blob = line[2:].split(" ", 1)
        raw = b64(blob)
        if sig_name != name or raw[:4] != key_id:
            continue
        try:
            public.verify(raw[4:], text.encode())
        except InvalidSignature:
            raise Invalid(f"signature by {name} does not verify")
        verified = True
    if not verified:
        raise Invalid("not signed by the given key")
    return text


def parse_checkpoint(text):
    lines = text.split("\n")
    if len(lines) < 4 or lines[-1] != "" or any(l == "" for l in lines[:-1]):
        raise Invalid("malformed checkpoint")
    if not lines[1].isdigit() or (lines[1] != "0" and lines[1].startswith("0")):
        raise Invalid("malformed checkpoint size")
    root = b64(lines[2])
    if len(root) != 32:
        raise Invalid("malformed checkpoint root")
    return lines[0], int(lines[1]), root


def open_checkpoint(note, vkey):
    origin, size, root = parse_checkpoint(open_note(note, vkey))
    if origin != vkey[0]:
        raise Invalid(f"checkpoint origin {origin!r} is not the key's name {vkey[0]!r}")
    return size, root


def verify_inclusion(leaf, index, size, path, root):
    """RFC 9162 §2.1.3.2."""
    if index >= size:
        raise Invalid("index beyond tree size")
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            raise Invalid("inclusion proof too long")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0 or r != root:
        raise Invalid("inclusion proof does not verify")


def verify_consistency(first, second, first_hash, second_hash, path):
    """RFC 9162 §2.1.4.2, with sizes 0 and equal sizes handled as ClaimLedger documents (empty proof)."""
    if first > second:
        raise Invalid("old size larger than new size")
    if first == 0:
        if path or first_hash != hashlib.sha256(b"").digest():
            raise Invalid("consistency from the empty tree takes an empty proof")
        return
    if first == second:
        if path or first_hash != second_hash:
            raise Invalid("equal sizes need equal roots and an empty proof")
        return
    if not path:
        raise Invalid("empty consistency proof")
    if first & (first - 1) == 0:
        path = [first_hash] + path
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise Invalid("consistency proof too long")
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if fr != first_hash or sr != second_hash or sn != 0:
        raise Invalid("consistency proof does not verify")


def parse_proof_file(text):
    """C2SP tlog-proof@v1: header, optional extra, index, path lines, blank line, checkpoint verbatim."""
    head, sep, checkpoint = text.partition("\n\n")
    if not sep:
        raise Invalid("proof file has no checkpoint")
    lines = head.split("\n")
    if lines[0] != "c2sp.org/tlog-proof@v1":
        raise Invalid("not a c2sp.org/tlog-proof@v1 file")
    lines = lines[1:]
    if lines and lines[0].startswith("extra "):
        lines = lines[1:]
    if not lines or not lines[0].startswith("index ") or not lines[0][6:].isdigit():
        raise Invalid("missing index line")
    index = int(lines[0][6:])
    path = [b64(l) for l in lines[1:]]
    if any(len(h) != 32 for h in path):
        raise Invalid("proof hash of the wrong length")
    return index, path, checkpoint


def read(path, binary=False):
    with open(path, "rb" if binary else "r", encoding=None if binary else "utf-8", newline=None if binary else "") as f:
        return f.read()


def selftest():
    """Builds a tiny signed log with its own Merkle code and checks the verifiers accept it and reject mutations."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives import serialization

    def mth(leaves):
        if len(leaves) == 1:
            return leaves[0]
        k = 1
        while k * 2 < len(leaves):
            k *= 2
        return node_hash(mth(leaves[:k]), mth(leaves[k:]))

    def path(m, leaves):
        if len(leaves) == 1:
            return []
        k = 1
        while k * 2 < len(leaves):
            k *= 2
        return path(m, leaves[:k]) + [mth(leaves[k:])] if m < k else path(m - k, leaves[k:]) + [mth(leaves[:k])]

    leaves = [leaf_hash(f"e{i}".encode()) for i in range(13)]
    for i in range(13):
        verify_inclusion(leaves[i], i, 13, path(i, leaves), mth(leaves))
        try:
            verify_inclusion(leaves[i], i, 13, path(i, leaves)[:-1], mth(leaves))
            raise SystemExit("selftest: a truncated proof was accepted")
        except Invalid:
            pass
    private = Ed25519PrivateKey.generate()
    public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    name = "selftest.example/log"
    key_id = hashlib.sha256(name.encode() + b"\n\x01" + public).digest()[:4]
    encoded = base64.b64encode(b"\x01" + public).decode()
    vkey = f"{name}+{key_id.hex()}+{encoded}"
    text = f"{name}\n13\n{base64.b64encode(mth(leaves)).decode()}\n"
    note = text + "\n\u2014 " + name + " " + base64.b64encode(key_id + private.sign(text.encode())).decode() + "\n"
    assert open_checkpoint(note, parse_vkey(vkey)) == (13, mth(leaves))
    try:
        open_checkpoint(note.replace("\n13\n", "\n14\n"), parse_vkey(vkey))
        raise SystemExit("selftest: an altered checkpoint was accepted")
    except Invalid:
        pass
    # The published known-answer vector for a cosignature (made with pyca/cryptography, not ClaimLedger's code).
    vector = os.path.join(os.path.dirname(__file__), "..", "Tests", "LedgerPublishTests", "Vectors", "cosignature-v1.json")
    if os.path.exists(vector):
        import json
        v = json.load(open(vector, encoding="utf-8"))
        witness = parse_witness_vkey(v["witness_vkey"])
        assert cosigners(v["checkpoint"] + v["cosignature_line"], [witness]) == {v["witness_name"]}
        forged = v["checkpoint"].replace("35225469", "35225470") + v["cosignature_line"]
        try:
            cosigners(forged, [witness])
            raise SystemExit("selftest: a cosignature over another checkpoint was accepted")
        except Invalid:
            pass
        assert b64(v["spec_line"].strip().split(" ")[2])[:4].hex() == v["spec_key_id_hex"]
    print("verify_proofs: selftest ok")


def main(argv):
    try:
        if argv[:1] == ["selftest"]:
            selftest()
        elif argv[:1] == ["checkpoint"] and len(argv) == 3:
            size, root = open_checkpoint(read(argv[1]), parse_vkey(argv[2]))
            print(f"verify_proofs: checkpoint ok: size {size}, root {root.hex()}")
        elif argv[:1] == ["inclusion"] and len(argv) == 4:
            vkey = parse_vkey(argv[3])
            index, path, checkpoint = parse_proof_file(read(argv[1]))
            size, root = open_checkpoint(checkpoint, vkey)
            verify_inclusion(leaf_hash(read(argv[2], binary=True)), index, size, path, root)
            print(f"verify_proofs: inclusion ok: index {index} of {size}")
        elif argv[:1] == ["consistency"] and len(argv) == 5:
            vkey = parse_vkey(argv[4])
            old_size, old_root = open_checkpoint(read(argv[1]), vkey)
            new_size, new_root = open_checkpoint(read(argv[2]), vkey)
            proof = [b64(l) for l in read(argv[3]).split("\n") if l]
            verify_consistency(old_size, new_size, old_root, new_root, proof)
            print(f"verify_proofs: consistency ok: {old_size} -> {new_size}")
        elif argv[:1] == ["cosigned"] and len(argv) >= 4:
            args, quorum = argv[1:], None
            if "--quorum" in args:
                i = args.index("--quorum")
                quorum = int(args[i + 1])
                del args[i:i + 2]
            note = read(args[0])
            size, root = open_checkpoint(note, parse_vkey(args[1]))
            witnesses = [parse_witness_vkey(w) for w in args[2:]]
            need = len(witnesses) if quorum is None else quorum
            found = cosigners(note, witnesses)
            if len(found) < need:
                raise Invalid(f"cosigned by {len(found)} of the given witnesses ({', '.join(sorted(found)) or 'none'}), fewer than {need}")
            print(f"verify_proofs: cosigned ok: size {size}, by {', '.join(sorted(found))}")
        else:
            print(__doc__)
            return 1
    except (Invalid, ValueError) as e:
        print(f"verify_proofs: INVALID: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
