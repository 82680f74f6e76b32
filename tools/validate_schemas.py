#!/usr/bin/env python3
"""Validate ClaimLedger output against the JSON Schemas in schemas/ (JSON Schema 2020-12).

    tools/validate_schemas.py EXPORT.jsonl            every line of `claimledger export --format jsonl`
    tools/validate_schemas.py --log LOG.jsonl         every line of `claimledger log --json` (unfiltered): the same
                                                      shape (schemas/entry-record.schema.json) and the same checks
    tools/validate_schemas.py --verify VERIFY.json    the output of `claimledger verify --json`
    tools/validate_schemas.py --contradictions C.json --corroborations K.json --audit A.json --reanchor R.json
                                                      the JSON reports of `contradictions`, `corroborations`,
                                                      `audit` and `audit --against`
    tools/validate_schemas.py --error ERR.json        the stderr of a command that failed with --json
    tools/validate_schemas.py --errors ERR.jsonl      the same, one error object per line (`claim import` reports
                                                      every bad line)
    tools/validate_schemas.py --stderr ERR.jsonl      the whole stderr of a command that failed with --json: every
                                                      line a warning or an error object, the last an error
    tools/validate_schemas.py --claim-import OUT.json the output of `claim import --json`, or of a dry run of
                                                      `claim add` or `claim import` with --json
    tools/validate_schemas.py --schema NAME OUT.json  any other --json output against schemas/NAME.schema.json

Beyond the schemas, each export line is checked the way an outside verifier would: the RFC 8785 form of
`entry` hashes (SHA-256 of 0x00 followed by the bytes) to `leaf_hash`, `seq` counts from 0, and `prev` is
the previous line's leaf hash. Every output is also checked to hold no floating-point number: decimals are strings
(exact decimal text), so any JSON number must be an integer. (The canonical form is rebuilt with json.dumps, which matches RFC 8785 for
what entries hold: ASCII member names, integers, and strings.)
Needs the `jsonschema` package (pip install jsonschema). Exit 0 when everything is valid, 1 otherwise.
"""
import hashlib
import json
import sys
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def registry():
    resources = []
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        doc = json.loads(path.read_text())
        Draft202012Validator.check_schema(doc)
        resources.append((doc["$id"], Resource.from_contents(doc)))
    return Registry().with_resources(resources)


def validator(reg, name):
    doc = json.loads((SCHEMAS / name).read_text())
    return Draft202012Validator(doc, registry=reg)


def canonical(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def floats(value, path="(top)"):
    """Where a JSON document holds a non-integer number (decimals must be strings)."""
    if isinstance(value, float):
        return [path]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in floats(v, f"{path}/{k}")]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in floats(v, f"{path}/{i}")]
    return []


def check_export(reg, path, schema="export-line.schema.json"):
    v = validator(reg, schema)
    errors = 0
    prev = "0" * 64
    count = 0
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            doc = json.loads(line)
            problems = [f"{'/'.join(map(str, e.absolute_path)) or '(line)'}: {e.message}" for e in v.iter_errors(doc)]
            problems += [f"{p}: a floating-point number (decimals are strings)" for p in floats(doc)]
            leaf = hashlib.sha256(b"\x00" + canonical(doc.get("entry"))).hexdigest()
            if leaf != doc.get("leaf_hash"):
                problems.append("leaf_hash is not SHA-256(0x00 || RFC 8785 of entry)")
            if doc.get("seq") != count or doc.get("entry", {}).get("seq") != count:
                problems.append(f"seq should be {count}")
            if doc.get("entry", {}).get("prev") != prev:
                problems.append("prev is not the previous line's leaf hash")
            for p in problems:
                print(f"{path}:{n}: {p}", file=sys.stderr)
            errors += len(problems)
            prev = doc.get("leaf_hash")
            count += 1
    print(f"validate_schemas: {count} {'log' if 'record' in schema else 'export'} lines, {errors} problems")
    return errors


def check_verify(reg, path):
    doc = json.loads(Path(path).read_text())
    errors = [e.message for e in validator(reg, "verify.schema.json").iter_errors(doc)]
    if doc.get("ok") != (doc.get("findings") == []):
        errors.append("ok must be true exactly when there are no findings")
    for e in errors:
        print(f"{path}: {e}", file=sys.stderr)
    print(f"validate_schemas: verify output, {len(errors)} problems")
    return len(errors)


def check_report(reg, path, schema):
    doc = json.loads(Path(path).read_text())
    errors = [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in validator(reg, schema).iter_errors(doc)]
    errors += [f"{p}: a floating-point number (decimals are strings)" for p in floats(doc)]
    if schema == "contradictions.schema.json":
        for n, f in enumerate(doc.get("findings", [])):
            sides = {c.get("side") for c in f.get("claims", [])}
            if sides != {"a", "b"}:
                errors.append(f"findings/{n}: needs claims on both sides a and b")
        if doc.get("contradictions", 0) + doc.get("tensions", 0) != len(doc.get("findings", [])):
            errors.append("contradictions + tensions must equal the number of findings")
    for e in errors:
        print(f"{path}: {e}", file=sys.stderr)
    items = next((doc[k] for k in ("findings", "sources", "anchors", "claims", "predicates", "entities", "new_claims")
                  if isinstance(doc, dict) and isinstance(doc.get(k), list)), [])
    print(f"validate_schemas: {schema.split('.')[0]} report, {len(items)} items, {len(errors)} problems")
    return len(errors)


def check_error_lines(reg, path):
    v = validator(reg, "error.schema.json")
    lines = Path(path).read_text().splitlines()
    errors = [f"line {n}: {'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
              for n, line in enumerate(lines, 1) for e in v.iter_errors(json.loads(line))]
    if not lines:
        errors.append("no error lines")
    for e in errors:
        print(f"{path}: {e}", file=sys.stderr)
    print(f"validate_schemas: {len(lines)} error lines, {len(errors)} problems")
    return len(errors)


def check_stderr(reg, path):
    error, warning = validator(reg, "error.schema.json"), validator(reg, "warning.schema.json")
    lines = Path(path).read_text().splitlines()
    errors = []
    for n, line in enumerate(lines, 1):
        try:
            doc = json.loads(line)
        except ValueError:
            errors.append(f"line {n}: not JSON: {line[:80]!r}")
            continue
        v = error if n == len(lines) else warning
        errors += [f"line {n}: {'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in v.iter_errors(doc)]
    if not lines:
        errors.append("nothing on stderr")
    for e in errors:
        print(f"{path}: {e}", file=sys.stderr)
    print(f"validate_schemas: stderr of {len(lines)} lines, {len(errors)} problems")
    return len(errors)


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 1
    reg = registry()
    errors = 0
    i = 0
    while i < len(argv):
        if argv[i] == "--verify":
            errors += check_verify(reg, argv[i + 1])
            i += 2
        elif argv[i] == "--error":
            errors += check_report(reg, argv[i + 1], "error.schema.json")
            i += 2
        elif argv[i] == "--log":
            errors += check_export(reg, argv[i + 1], "entry-record.schema.json")
            i += 2
        elif argv[i] == "--stderr":
            errors += check_stderr(reg, argv[i + 1])
            i += 2
        elif argv[i] == "--errors":
            errors += check_error_lines(reg, argv[i + 1])
            i += 2
        elif argv[i] == "--schema":  # --schema NAME FILE: FILE against schemas/NAME.schema.json
            errors += check_report(reg, argv[i + 2], argv[i + 1] + ".schema.json")
            i += 3
        elif argv[i] in ("--contradictions", "--corroborations", "--audit", "--reanchor", "--claim-import"):
            errors += check_report(reg, argv[i + 1], argv[i][2:] + ".schema.json")
            i += 2
        else:
            errors += check_export(reg, argv[i])
            i += 1
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
