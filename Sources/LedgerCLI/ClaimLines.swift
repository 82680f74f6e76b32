import LedgerCore

/// Reads `claim import` JSON Lines into claim inputs, with errors that name the line and field.
enum ClaimLines {
    static let required = ["source", "excerpt", "speaker", "text", "subject", "predicate", "value"]
    static let optional = ["relay", "outlet", "lang", "polarity", "modality", "as_of", "event", "scope"]

    /// Each non-blank line's claim input and its 1-based line number.
    static func parse(_ bytes: [UInt8], name: String) throws -> [(line: Int, input: ClaimInput)] {
        var out: [(Int, ClaimInput)] = []
        for (n, raw) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = raw.last == 0x0D ? raw.dropLast() : raw[...]
            guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { continue }
            func fail(_ what: String) -> CLIError { CLIError("\(name) line \(n + 1): \(what); nothing was recorded") }
            let value: JSONValue
            do { value = try JSONParser.parse(line) } catch { throw fail(error.description) }
            guard let o = value.object else { throw fail("expected a JSON object, got \(value.typeName)") }
            if let unknown = o.keys.sorted().first(where: { !required.contains($0) && !optional.contains($0) && $0 != "occurrence" }) {
                throw fail("unknown field \"\(unknown.prefix(40))\" (fields: \((required + optional + ["occurrence"]).joined(separator: ", ")))")
            }
            func string(_ key: String) throws -> String? {
                guard let v = o[key] else { return nil }
                guard let s = v.string else { throw fail("field \(key) must be a string, got \(v.typeName)") }
                return s
            }
            var fields: [String: String] = [:]
            for key in required {
                guard let s = try string(key) else { throw fail("field \(key) is missing") }
                fields[key] = s
            }
            var occurrence: Int? = nil
            if let v = o["occurrence"] {
                guard let i = v.integer, i >= 1 else { throw fail("field occurrence must be a positive integer") }
                occurrence = i
            }
            var polarity = ClaimInput.Polarity.affirmed, modality = ClaimInput.Modality.asserted
            if let p = try string("polarity") {
                guard let v = ClaimInput.Polarity(rawValue: p) else { throw fail("field polarity must be affirmed or denied") }
                polarity = v
            }
            if let m = try string("modality") {
                guard let v = ClaimInput.Modality(rawValue: m) else { throw fail("field modality must be asserted, reported or hedged") }
                modality = v
            }
            out.append((n + 1, ClaimInput(
                source: fields["source"]!, excerpt: fields["excerpt"]!, occurrence: occurrence, speaker: fields["speaker"]!,
                relay: try string("relay"), outlet: try string("outlet"), lang: try string("lang"), text: fields["text"]!,
                subject: fields["subject"]!, predicate: fields["predicate"]!, value: fields["value"]!,
                polarity: polarity, modality: modality, asOf: try string("as_of"), event: try string("event"),
                scope: try string("scope"))))
        }
        return out
    }
}
