import LedgerCore

extension Ledger {
    /// How the checked `new` body of a source differs from the recorded `old` one, as "field “old” → “new”".
    /// An optional field left out (URL, title, publication date) is no difference: running `source add` again with
    /// fewer options only finds the source. The capture time counts only when it was given (it defaults to now).
    static func sourceChanges(_ old: SourceBody, _ new: SourceBody, capturedAtGiven: Bool) -> [String] {
        var fields: [(String, String?, String?)] = [
            ("--outlet", old.outlet, new.outlet), ("--lang", old.lang, new.lang),
            ("extractor", old.extractor.map { "\($0.name) \($0.version)" }, new.extractor.map { "\($0.name) \($0.version)" }),
        ]
        for (option, was, given) in [("--url", old.url, new.url), ("--title", old.title, new.title), ("--published", old.published, new.published)] where given != nil {
            fields.append((option, was, given))
        }
        if capturedAtGiven { fields.append(("--captured-at", old.capturedAt, new.capturedAt)) }
        func shown(_ v: String?) -> String { v.map { "“\($0.prefix(80))”" } ?? "(none)" }
        return fields.filter { $0.1 != $0.2 }.map { "\($0.0) \(shown($0.1)) → \(shown($0.2))" }
    }
}
