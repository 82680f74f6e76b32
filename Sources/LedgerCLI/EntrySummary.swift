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
            let value = b["value"]?["original"]?.string ?? "?"
            let polarity = b["polarity"]?.string == "denied" ? "NOT " : ""
            let event = b["qualifiers"]?["event"]?.string.map { " @\($0)" } ?? ""
            detail = "\(s("subject")) \(s("predicate"))\(event) = \(polarity)\"\(clip(value, 40))\"  — \(s("speaker")), \(s("outlet")) [\(s("lang"))]"
        default: detail = ""
        }
        return "\(pad(String(e.seq), 6))  \(pad(e.kind.rawValue, 16))  \(detail)"
    }

    static func clip(_ text: String, _ n: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= n ? flat : String(flat.prefix(n - 1)) + "…"
    }

    static func pad(_ text: String, _ n: Int) -> String { text.count >= n ? text : text + String(repeating: " ", count: n - text.count) }
}
