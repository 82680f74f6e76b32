import LedgerCore

/// One-line human summaries of entries, for `log` and the demo.
enum EntrySummary {
    static func line(_ e: Entry) -> String {
        let detail: String
        switch EntryBody(e.bytes) {
        case .genesis(let g)?: detail = "origin \(g.origin)"
        case .source(let s)?: detail = "\(s.id.hex.prefix(12))  \(s.outlet) [\(s.lang)]" + (s.title.map { "  \"\(clip($0, 60))\"" } ?? "")
        case .predicate(let p)?: detail = "\(p.id) (\(p.type.rawValue), \(p.cardinality.rawValue))"
        case .entity(let x)?: detail = "\(x.id)  " + x.labels.values.sorted().joined(separator: " / ")
        case .claim(let c)?: detail = claim(c)
        case .claimCorrection(let c)?: detail = "corrects \(c.target): " + claim(c.claim)
        case .claimRetraction(let r)?: detail = "retracts \(r.target): \(clip(r.reason, 60))"
        case .entityAlias(let a)?: detail = "\"\(a.alias)\" → \(a.entity)"
        case .key(let k)?: detail = k.vkey
        case .link(let l)?: detail = "\(l.from) \(l.relation.rawValue) \(l.to)"
        case nil: detail = "malformed entry (run `claimledger verify`)"
        }
        return "\(pad(String(e.seq), 6))  \(pad(e.kind.rawValue, 16))  \(detail)"
    }

    static func claim(_ c: ClaimBody) -> String {
        let polarity = c.polarity == .denied ? "NOT " : ""
        let event = c.qualifiers.event.map { " @\($0)" } ?? ""
        let origin = c.origin.map { ", origin \($0)" } ?? ""
        return "\(c.subject) \(c.predicate)\(event) = \(polarity)\"\(clip(c.value.original, 40))\"  — \(c.speaker), \(c.outlet) [\(c.lang)]\(origin)"
    }

    static func clip(_ text: String, _ n: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= n ? flat : String(flat.prefix(n - 1)) + "…"
    }

    static func pad(_ text: String, _ n: Int) -> String { text.count >= n ? text : text + String(repeating: " ", count: n - text.count) }
}
