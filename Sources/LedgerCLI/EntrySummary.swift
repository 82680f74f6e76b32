import LedgerCore

/// One-line human summaries of entries, for `log` and the demo.
enum EntrySummary {
    static func line(_ e: Entry) -> String {
        let b = e.body
        func s(_ k: String) -> String { b[k]?.string ?? "?" }
        let detail: String
        switch e.kind {
        case .genesis: detail = "origin \(s("origin"))"
        case .source: detail = "\(s("id").prefix(12))  \(s("outlet")) [\(s("lang"))]" + (b["title"]?.string.map { "  \"\(clip($0, 60))\"" } ?? "")
        case .predicate: detail = "\(s("id")) (\(s("type")), \(s("cardinality")))"
        case .entity: detail = "\(s("id"))  " + (b["labels"]?.object?.values.compactMap(\.string).sorted().joined(separator: " / ") ?? "")
        case .claim:
            detail = claim(b)
        case .claimCorrection:
            detail = "corrects \(b["target"]?.integer ?? -1): " + claim(b["claim"] ?? .null)
        case .claimRetraction:
            detail = "retracts \(b["target"]?.integer ?? -1): \(clip(s("reason"), 60))"
        case .entityAlias: detail = "\"\(s("alias"))\" → \(s("entity"))"
        case .key: detail = s("vkey")
        case .link: detail = "\(b["from"]?.integer ?? -1) \(s("relation")) \(b["to"]?.integer ?? -1)"
        }
        return "\(pad(String(e.seq), 6))  \(pad(e.kind.rawValue, 16))  \(detail)"
    }

    static func claim(_ b: JSONValue) -> String {
        func s(_ k: String) -> String { b[k]?.string ?? "?" }
        let value = b["value"]?["original"]?.string ?? "?"
        let polarity = b["polarity"]?.string == "denied" ? "NOT " : ""
        let event = b["qualifiers"]?["event"]?.string.map { " @\($0)" } ?? ""
        return "\(s("subject")) \(s("predicate"))\(event) = \(polarity)\"\(clip(value, 40))\"  — \(s("speaker")), \(s("outlet")) [\(s("lang"))]"
    }

    static func clip(_ text: String, _ n: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= n ? flat : String(flat.prefix(n - 1)) + "…"
    }

    static func pad(_ text: String, _ n: Int) -> String { text.count >= n ? text : text + String(repeating: " ", count: n - text.count) }
}
