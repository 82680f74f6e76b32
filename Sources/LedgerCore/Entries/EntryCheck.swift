import LedgerCrypto

/// Checks a stored entry as `verify` must (DESIGN §3): canonical bytes, size, envelope fields, the
/// `seq` and `prev` chain, and the body against its kind's shape — the same rules as `schemas/`.
/// It reads the bytes through `CanonicalJSONView`, so no `JSONValue` tree is built for a well-formed entry.
public enum EntryCheck {
    /// Every problem with the stored `bytes` at position `expectedSeq` after an entry whose leaf hash is `prev`,
    /// as short sentences (empty when the entry is well-formed), and the view to read the entry through (nil
    /// when the bytes are not JSON, or name no known kind; the first problem then says why).
    public static func check(_ bytes: [UInt8], expectedSeq: Int64, prev: Digest) -> (view: CanonicalJSONView?, problems: [String]) {
        var out: [String] = []
        if bytes.count > Entry.maxBytes { out.append("entry is \(bytes.count) bytes, over the \(Entry.maxBytes) limit") }
        var view = CanonicalJSONView(bytes)
        if view == nil {
            // Not canonical: say why precisely, and still check the shape of what the bytes mean.
            let parsed: JSONValue
            do { parsed = try JSONParser.parse(bytes) } catch { return (nil, ["entry \(expectedSeq) is not valid JSON: \(error)"]) }
            out.append("stored bytes are not RFC 8785 canonical JSON")
            view = (try? CanonicalJSON.encode(parsed)).flatMap(CanonicalJSONView.init)
        }
        guard let view, let kindNode = view.member(view.root, "kind"), let kind = view.string(kindNode).flatMap(EntryKind.init) else {
            return (nil, out + ["entry \(expectedSeq) has no known kind"])
        }
        out += shape(view, view.root, envelope, at: "entry")
        let e = view.root
        if let v = view.member(e, "v").flatMap(view.integer), v != Entry.version { out.append("unknown envelope version \(v)") }
        if let s = view.member(e, "seq").flatMap(view.integer), Int64(s) != expectedSeq { out.append("seq is \(s) but the entry is at position \(expectedSeq)") }
        if let p = view.member(e, "prev"), view.kind(p) == .string, !view.isString(p, prev.hex) {
            out.append("prev does not match the previous entry's leaf hash")
        }
        if (expectedSeq == 0) != (kind == .genesis) {
            out.append(expectedSeq == 0 ? "the first entry is not ledger.genesis" : "ledger.genesis appears after the first entry")
        }
        if let body = view.member(e, "body"), view.kind(body) == .object { out += bodyProblems(kind, view, body) }
        return (view, out)
    }

    enum Rule { case text, anyString, hex64, int, time, date, lang, object, array, bool, oneOf([String]), value, excerpt, origin }

    /// The members an object may have, sorted as canonical JSON sorts them, each with its rule.
    struct Shape {
        let fields: [(name: String, utf8: [UInt8], rule: Rule, optional: Bool)]
        init(_ rules: KeyValuePairs<String, Rule>, optional: Set<String> = []) {
            fields = rules.map { ($0.key, Array($0.key.utf8), $0.value, optional.contains($0.key)) }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
    }

    static let envelope = Shape(["v": .int, "seq": .int, "prev": .hex64, "time": .time, "author": .text, "kind": .text, "body": .object])
    static let genesis = Shape(["origin": .text, "created": .time, "public_key": .text])
    static let source = Shape(["id": .hex64, "text_sha256": .hex64, "outlet": .text, "lang": .lang, "captured_at": .time,
                               "media_type": .text, "byte_length": .int, "url": .text, "title": .text, "published": .date,
                               "extractor": .text, "extractor_version": .text,
                               "warc_record_id": .text, "warc_target_uri": .text, "warc_date": .text],
                              optional: ["url", "title", "published", "extractor", "extractor_version",
                                         "warc_record_id", "warc_target_uri", "warc_date"])
    static let entity = Shape(["id": .text, "labels": .object, "aliases": .array])
    static let entityAlias = Shape(["entity": .text, "alias": .text])
    static let predicate = Shape(["id": .text, "type": .oneOf(ValueType.allCases.map(\.rawValue)), "cardinality": .oneOf(["single", "multi"]),
                                  "tolerance": .text, "unit": .text, "values": .array, "labels": .object],
                                 optional: ["tolerance", "unit", "values", "labels"])
    static let claim = Shape(["source": .hex64, "excerpt": .excerpt, "speaker": .text, "relay": .text, "origin": .origin, "outlet": .text,
                              "lang": .lang, "text": .text, "subject": .text, "predicate": .text, "value": .value,
                              "polarity": .oneOf(ClaimInput.Polarity.allCases.map(\.rawValue)),
                              "modality": .oneOf(ClaimInput.Modality.allCases.map(\.rawValue)), "qualifiers": .object],
                             optional: ["relay", "origin", "qualifiers"])
    static let retraction = Shape(["target": .int, "reason": .text])
    static let correction = Shape(["target": .int, "reason": .text, "claim": .object])
    static let key = Shape(["name": .text, "vkey": .text])
    static let link = Shape(["from": .int, "to": .int, "relation": .oneOf(["contradicts", "corroborates", "quotes"]), "rationale": .text])
    static let excerpt = Shape(["exact": .text, "prefix": .anyString, "suffix": .anyString, "start": .int, "end": .int, "sha256": .hex64])
    static let values: [ValueType: Shape] = [
        .quantity: Shape(["type": .text, "original": .text, "amount": .text, "qualifier": .oneOf(QuantityQualifier.allCases.map(\.rawValue)),
                          "step": .text, "upper": .text, "unit": .text], optional: ["upper", "unit"]),
        .category: Shape(["type": .text, "original": .text, "id": .text]),
        .boolean: Shape(["type": .text, "original": .text, "value": .bool]),
        .date: Shape(["type": .text, "original": .text, "value": .text, "precision": .oneOf(["year", "month", "day", "minute", "second"])]),
        .duration: Shape(["type": .text, "original": .text, "min": .text, "max": .text, "qualifier": .text, "unit": .oneOf(["s"])], optional: ["max"]),
        .text: Shape(["type": .text, "original": .text, "value": .text]),
    ]

    static func bodyProblems(_ kind: EntryKind, _ v: CanonicalJSONView, _ b: Int) -> [String] {
        switch kind {
        case .genesis: return shape(v, b, genesis, at: "body")
        case .source:
            var out = shape(v, b, source, at: "body")
            if (v.member(b, "extractor") == nil) != (v.member(b, "extractor_version") == nil) {
                out.append("body: extractor and extractor_version must be present together")
            }
            let warc = ["warc_record_id", "warc_target_uri", "warc_date"].map { v.member(b, $0) }
            if warc.contains(where: { $0 == nil }) && warc.contains(where: { $0 != nil }) {
                out.append("body: warc_record_id, warc_target_uri and warc_date must be present together")
            }
            if let d = warc[2], let date = v.string(d), !WebArchiveOrigin.isValidDate(date) {
                out.append("body.warc_date must be a WARC-Date (YYYY-MM-DDThh:mm:ssZ, optionally with a fraction of a second)")
            }
            return out
        case .entity: return shape(v, b, entity, at: "body")
        case .entityAlias: return shape(v, b, entityAlias, at: "body")
        case .predicate:
            var out = shape(v, b, predicate, at: "body")
            if out.isEmpty && ClaimPredicate(json: v.value(b)) == nil { out.append("body: malformed predicate values") }
            return out
        case .claim: return shape(v, b, claim, at: "body")
        case .claimRetraction: return shape(v, b, retraction, at: "body")
        case .claimCorrection:
            return shape(v, b, correction, at: "body") + (v.member(b, "claim").map { shape(v, $0, claim, at: "body.claim") } ?? [])
        case .key:
            var out = shape(v, b, key, at: "body")
            let name = v.member(b, "name").flatMap(v.string)
            if let vkey = v.member(b, "vkey").flatMap(v.string), NoteKey.Verifier(text: vkey)?.name != name {
                out.append("body.vkey is not a verifier key named body.name")
            }
            return out
        case .link: return shape(v, b, link, at: "body")
        }
    }

    /// Checks the object at `node` against `shape` in one walk over its (sorted) members and the (sorted) rules.
    static func shape(_ v: CanonicalJSONView, _ node: Int, _ shape: Shape, at path: String) -> [String] {
        guard v.kind(node) == .object else { return ["\(path) is not an object"] }
        var unexpected: [String] = [], wrong: [String] = []
        func unexpectedMember(_ name: Int) { unexpected.append("\(path) has an unexpected member \"\((v.string(name) ?? "").prefix(40))\"") }
        var k = node + 1
        let end = v.next(node)
        for field in shape.fields {
            var found: Int? = nil
            while k < end {
                let order = v.compareRaw(k, field.utf8)
                if order == 0 { found = k + 1; k = v.next(k + 1); break }
                if order > 0 { break }
                unexpectedMember(k)
                k = v.next(k + 1)
            }
            guard let found else {
                if !field.optional { wrong.append("\(path).\(field.name) is missing") }
                continue
            }
            if let why = check(v, found, field.rule) { wrong.append("\(path).\(field.name) \(why)") }
        }
        while k < end {
            unexpectedMember(k)
            k = v.next(k + 1)
        }
        return unexpected + wrong
    }

    static func check(_ v: CanonicalJSONView, _ n: Int, _ rule: Rule) -> String? {
        switch rule {
        case .text:
            guard v.kind(n) == .string, !v.raw(n).isEmpty else { return "must be a non-empty string" }
        case .anyString:
            guard v.kind(n) == .string else { return "must be a string" }
        case .hex64:
            let raw = v.raw(n)
            guard v.kind(n) == .string, raw.count == 64, raw.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
                return "must be 64 lowercase hex digits"
            }
        case .int:
            guard let i = v.integer(n), i >= 0 else { return "must be a non-negative integer" }
        case .time:
            guard let s = v.string(n), RFC3339.isValid(s) else { return "must be an RFC 3339 time" }
        case .date:
            guard let s = v.string(n), DateParser.parse(s, language: "en")?.value == s else { return "must be an ISO 8601 date" }
        case .lang:
            let raw = v.raw(n)
            let plainLanguage = (2...3).contains(raw.count) && raw.allSatisfy { (0x61...0x7A).contains($0) }  // "en", "fr": already canonical
            guard v.kind(n) == .string, plainLanguage || v.string(n).map({ LanguageTag.canonical($0) == $0 }) == true else {
                return "must be a BCP 47 tag in canonical case"
            }
        case .object:
            guard v.kind(n) == .object else { return "must be an object" }
        case .array:
            guard v.kind(n) == .array else { return "must be an array" }
        case .bool:
            guard v.bool(n) != nil else { return "must be true or false" }
        case .oneOf(let allowed):
            guard v.kind(n) == .string, allowed.contains(where: { v.isString(n, $0) }) else { return "must be one of \(allowed.joined(separator: ", "))" }
        case .origin:
            let members = v.kind(n) == .object ? v.members(n) : []
            guard members.count == 1, let name = v.string(members[0].name), name == "entity" || name == "source" else {
                return "must be {\"entity\": ID} or {\"source\": HEX}"
            }
            if let why = check(v, members[0].value, name == "entity" ? .text : .hex64) { return "is malformed (\(name) \(why))" }
        case .excerpt:
            if let why = shape(v, n, excerpt, at: "").first { return "is malformed (\(why.dropFirst()))" }
        case .value:
            guard let t = v.member(n, "type").flatMap(v.string), let type = ValueType(rawValue: t), let rules = values[type] else { return "has no known type" }
            if let why = shape(v, n, rules, at: "").first { return "is malformed (\(why.dropFirst()))" }
            for key in ["amount", "upper", "step", "min", "max"] {
                if let s = v.member(n, key).flatMap(v.string), DecimalNumber(s)?.description != s { return "has \(key) that is not a plain decimal" }
            }
        }
        return nil
    }
}
