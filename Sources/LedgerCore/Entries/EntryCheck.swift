import LedgerCrypto

/// Checks a stored entry as `verify` must (DESIGN §3): canonical bytes, size, envelope fields, the
/// `seq` and `prev` chain, and the body against its kind's shape — the same rules as `schemas/`.
/// Returns every problem found, as short sentences; an empty list means the entry is well-formed.
public enum EntryCheck {
    public static func problems(_ entry: Entry, expectedSeq: Int64, prev: Digest) -> [String] {
        var out: [String] = []
        if entry.bytes.count > Entry.maxBytes { out.append("entry is \(entry.bytes.count) bytes, over the \(Entry.maxBytes) limit") }
        if !CanonicalJSON.isCanonical(entry.bytes, parsed: entry.envelope) { out.append("stored bytes are not RFC 8785 canonical JSON") }
        let e = entry.envelope
        out += shape(e, [
            "v": .int, "seq": .int, "prev": .hex64, "time": .time, "author": .text, "kind": .text, "body": .object,
        ], at: "entry")
        if let v = e["v"]?.integer, v != Entry.version { out.append("unknown envelope version \(v)") }
        if let s = e["seq"]?.integer, Int64(s) != expectedSeq { out.append("seq is \(s) but the entry is at position \(expectedSeq)") }
        if let p = e["prev"]?.string, p != prev.hex { out.append("prev does not match the previous entry's leaf hash") }
        if (expectedSeq == 0) != (entry.kind == .genesis) {
            out.append(expectedSeq == 0 ? "the first entry is not ledger.genesis" : "ledger.genesis appears after the first entry")
        }
        if let body = e["body"], body.object != nil { out += bodyProblems(entry.kind, body) }
        return out
    }

    enum Rule { case text, anyString, hex64, int, time, date, lang, object, array, bool, oneOf([String]), value, excerpt }

    static func bodyProblems(_ kind: EntryKind, _ b: JSONValue) -> [String] {
        switch kind {
        case .genesis:
            return shape(b, ["origin": .text, "created": .time, "public_key": .text], at: "body")
        case .source:
            return shape(b, ["id": .hex64, "text_sha256": .hex64, "outlet": .text, "lang": .lang, "captured_at": .time,
                             "media_type": .text, "byte_length": .int, "url": .text, "title": .text,
                             "published": .date], at: "body", optional: ["url", "title", "published"])
        case .entity:
            return shape(b, ["id": .text, "labels": .object, "aliases": .array], at: "body")
        case .entityAlias:
            return shape(b, ["entity": .text, "alias": .text], at: "body")
        case .predicate:
            var out = shape(b, ["id": .text, "type": .oneOf(ValueType.allCases.map(\.rawValue)),
                                "cardinality": .oneOf(["single", "multi"]), "tolerance": .text, "unit": .text,
                                "values": .array, "labels": .object], at: "body", optional: ["tolerance", "unit", "values", "labels"])
            if ClaimPredicate(json: b) == nil && out.isEmpty { out.append("body: malformed predicate values") }
            return out
        case .claim:
            return claimProblems(b, at: "body")
        case .claimRetraction:
            return shape(b, ["target": .int, "reason": .text], at: "body")
        case .claimCorrection:
            return shape(b, ["target": .int, "reason": .text, "claim": .object], at: "body") + (b["claim"].map { claimProblems($0, at: "body.claim") } ?? [])
        case .key:
            var out = shape(b, ["name": .text, "vkey": .text], at: "body")
            if let v = b["vkey"]?.string, NoteKey.Verifier(text: v)?.name != b["name"]?.string { out.append("body.vkey is not a verifier key named body.name") }
            return out
        case .link:
            return shape(b, ["from": .int, "to": .int, "relation": .oneOf(["contradicts", "corroborates", "quotes"]),
                             "rationale": .text], at: "body")
        }
    }

    static func claimProblems(_ b: JSONValue, at path: String) -> [String] {
        shape(b, ["source": .hex64, "excerpt": .excerpt, "speaker": .text, "relay": .text, "outlet": .text,
                  "lang": .lang, "text": .text, "subject": .text, "predicate": .text, "value": .value,
                  "polarity": .oneOf(ClaimInput.Polarity.allCases.map(\.rawValue)),
                  "modality": .oneOf(ClaimInput.Modality.allCases.map(\.rawValue)), "qualifiers": .object],
              at: path, optional: ["relay", "qualifiers"])
    }

    static func shape(_ value: JSONValue, _ rules: [String: Rule], at path: String, optional: Set<String> = []) -> [String] {
        guard let o = value.object else { return ["\(path) is not an object"] }
        var out: [String] = []
        for key in o.keys.sorted() where rules[key] == nil { out.append("\(path) has an unexpected member \"\(key.prefix(40))\"") }
        for (key, rule) in rules.sorted(by: { $0.key < $1.key }) {
            guard let v = o[key] else {
                if !optional.contains(key) { out.append("\(path).\(key) is missing") }
                continue
            }
            if let why = check(v, rule) { out.append("\(path).\(key) \(why)") }
        }
        return out
    }

    static func check(_ v: JSONValue, _ rule: Rule) -> String? {
        switch rule {
        case .text:
            guard let s = v.string, !s.isEmpty else { return "must be a non-empty string" }
        case .anyString:
            guard v.string != nil else { return "must be a string" }
        case .hex64:
            guard let s = v.string, s.count == 64, Digest(hex: s)?.hex == s else { return "must be 64 lowercase hex digits" }
        case .int:
            guard let n = v.integer, n >= 0 else { return "must be a non-negative integer" }
        case .time:
            guard let s = v.string, RFC3339.isValid(s) else { return "must be an RFC 3339 time" }
        case .date:
            guard let s = v.string, DateParser.parse(s, language: "en")?.value == s else { return "must be an ISO 8601 date" }
        case .lang:
            guard let s = v.string, LanguageTag.canonical(s) == s else { return "must be a BCP 47 tag in canonical case" }
        case .object:
            guard v.object != nil else { return "must be an object" }
        case .array:
            guard v.array != nil else { return "must be an array" }
        case .bool:
            guard v.bool != nil else { return "must be true or false" }
        case .oneOf(let allowed):
            guard let s = v.string, allowed.contains(s) else { return "must be one of \(allowed.joined(separator: ", "))" }
        case .excerpt:
            let rules: [String: Rule] = ["exact": .text, "prefix": .anyString, "suffix": .anyString, "start": .int, "end": .int, "sha256": .hex64]
            if let why = shape(v, rules, at: "").first { return "is malformed (\(why.dropFirst()))" }
        case .value:
            guard let t = v["type"]?.string, let type = ValueType(rawValue: t) else { return "has no known type" }
            let rules: [String: Rule]
            var optional: Set<String> = []
            switch type {
            case .quantity:
                rules = ["type": .text, "original": .text, "amount": .text, "qualifier": .oneOf(QuantityQualifier.allCases.map(\.rawValue)),
                         "step": .text, "upper": .text, "unit": .text]
                optional = ["upper", "unit"]
            case .category: rules = ["type": .text, "original": .text, "id": .text]
            case .boolean: rules = ["type": .text, "original": .text, "value": .bool]
            case .date: rules = ["type": .text, "original": .text, "value": .text, "precision": .oneOf(["year", "month", "day", "minute", "second"])]
            case .duration:
                rules = ["type": .text, "original": .text, "min": .text, "max": .text, "qualifier": .text, "unit": .oneOf(["s"])]
                optional = ["max"]
            case .text: rules = ["type": .text, "original": .text, "value": .text]
            }
            if let why = shape(v, rules, at: "", optional: optional).first { return "is malformed (\(why.dropFirst()))" }
            for key in ["amount", "upper", "step", "min", "max"] {
                if let s = v[key]?.string, DecimalNumber(s)?.description != s { return "has \(key) that is not a plain decimal" }
            }
        }
        return nil
    }
}
