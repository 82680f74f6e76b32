import LedgerCore

extension Ledger {
    /// How the checked `new` body of a source differs from the recorded `old` one, as "field “old” → “new”".
    /// The capture time counts only when it was given (it defaults to now).
    static func sourceChanges(_ old: SourceBody, _ new: JSONValue, capturedAtGiven: Bool) -> [String] {
        var fields: [(String, String?, String?)] = [
            ("--outlet", old.outlet, new["outlet"]?.string), ("--lang", old.lang, new["lang"]?.string),
            ("--url", old.url, new["url"]?.string), ("--title", old.title, new["title"]?.string),
            ("--published", old.published, new["published"]?.string),
            ("extractor", old.extractor.map { "\($0.name) \($0.version)" },
             new["extractor"]?.string.map { "\($0) \(new["extractor_version"]?.string ?? "")" }),
        ]
        if capturedAtGiven { fields.append(("--captured-at", old.capturedAt, new["captured_at"]?.string)) }
        func shown(_ v: String?) -> String { v.map { "“\($0.prefix(80))”" } ?? "(none)" }
        return fields.filter { $0.1 != $0.2 }.map { "\($0.0) \(shown($0.1)) → \(shown($0.2))" }
    }
}
