import LedgerCore

/// Which claims a report analyses (`--outlet`, `--subject`, `--predicate`, `--since` on contradictions,
/// corroborations and audit): every filter given must hold. The outlet and subject compare by match key (case,
/// accents of quote style, dashes and spacing ignored) and the subject also through entity names, so an entity's id,
/// label or alias selects all its claims; the predicate is an id; `since` is a day (YYYY-MM-DD) on or after which the
/// claim's source was published (its capture day when no publication date was recorded).
public struct ReportFilter: Sendable {
    public var outlet: String?
    public var subject: String?
    public var predicate: String?
    public var since: String?

    public init(outlet: String? = nil, subject: String? = nil, predicate: String? = nil, since: String? = nil) {
        self.outlet = outlet
        self.subject = subject
        self.predicate = predicate
        self.since = since
    }

    /// Whether no filter is given.
    public var isEmpty: Bool { outlet == nil && subject == nil && predicate == nil && since == nil }

    /// The filters given, as option and value, for the report's provenance header.
    public var described: [(option: String, value: String)] {
        [("--outlet", outlet), ("--subject", subject), ("--predicate", predicate), ("--since", since)].compactMap { o, v in v.map { (o, $0) } }
    }

    /// Whether `since` is a day written YYYY-MM-DD.
    public static func isDay(_ s: String) -> Bool {
        let u = Array(s.utf8)
        return u.count == 10 && u[4] == 0x2D && u[7] == 0x2D && u.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || (0x30...0x39).contains($0.element) }
            && (1...12).contains(Int(s.dropFirst(5).prefix(2)) ?? 0) && (1...31).contains(Int(s.suffix(2)) ?? 0)
    }

    /// The day a claim's source was published: its published date, else its capture day (nil for an unknown source).
    static func day(_ c: ClaimRecord, sources: [String: SourceRecord]) -> String? {
        sources[c.source].map { String(($0.published ?? $0.capturedAt).prefix(10)) }
    }

    static func key(_ s: String) -> String { String(String.UnicodeScalarView(MatchKey.ofQuote(s))) }

    /// Whether claim `c` passes every filter given.
    public func matches(_ c: ClaimRecord, names: EntityNames, sources: [String: SourceRecord]) -> Bool {
        if let outlet, Self.key(c.outlet) != Self.key(outlet) { return false }
        if let predicate, c.predicate != predicate { return false }
        if let subject, Self.key(c.subject) != Self.key(subject) {
            guard let entity = names.resolve(subject), names.resolve(c.subject) == entity else { return false }
        }
        if let since, (Self.day(c, sources: sources) ?? "") < since { return false }
        return true
    }

    /// Whether a source passes the filters that apply to sources themselves (outlet, since): the sources an audit
    /// restricted by them reports.
    public func matches(_ s: SourceRecord) -> Bool {
        if let outlet, Self.key(s.outlet) != Self.key(outlet) { return false }
        if let since, String((s.published ?? s.capturedAt).prefix(10)) < since { return false }
        return true
    }

    /// For each filter that on its own matches none of `claims`: one sentence naming it and the closest values that
    /// exist ("did you mean …"), or the values there are. Empty when each filter matches some claim.
    public func problems(_ claims: [ClaimRecord], names: EntityNames, sources: [String: SourceRecord]) -> [String] {
        var out: [String] = []
        func check(_ option: String, _ value: String?, one: ReportFilter, values: () -> [String]) {
            guard let value, !claims.contains(where: { one.matches($0, names: names, sources: sources) }) else { return }
            let existing = Array(Set(values())).sorted()
            let close = ClosestNames.find(value, among: existing)
            let hint = !close.isEmpty ? "; did you mean \(close.map { "“\($0)”" }.joined(separator: " or "))?"
                : existing.isEmpty ? "; the ledger holds no claims." : "; the claims have \(Self.list(existing))."
            out.append("\(option) “\(value)” matches no current claim\(hint)")
        }
        check("--outlet", outlet, one: ReportFilter(outlet: outlet)) { claims.map(\.outlet) }
        check("--subject", subject, one: ReportFilter(subject: subject)) {
            claims.flatMap { c in [c.subject] + (names.resolve(c.subject).map { [$0] + (names.label($0).map { [$0] } ?? []) } ?? []) }
        }
        check("--predicate", predicate, one: ReportFilter(predicate: predicate)) { claims.map(\.predicate) }
        if let since, !claims.contains(where: { ReportFilter(since: since).matches($0, names: names, sources: sources) }) {
            let newest = claims.compactMap { Self.day($0, sources: sources) }.max()
            out.append("--since \(since) matches no current claim: " + (newest.map { "the newest source was published \($0)." } ?? "the ledger holds no claims."))
        }
        return out
    }

    /// Up to 8 values, then how many more.
    static func list(_ values: [String]) -> String {
        values.prefix(8).map { "“\($0)”" }.joined(separator: ", ") + (values.count > 8 ? " and \(values.count - 8) more" : "")
    }
}

extension ClaimHistory {
    /// The history of only the claims `keep` accepts — judged by their current version, or their original when
    /// retracted — with their retractions and corrections.
    public func filtered(_ keep: (ClaimRecord) -> Bool) -> ClaimHistory {
        var latest: [Int64: ClaimRecord] = [:]
        for r in revisions where r.kind == .correction { latest[r.target] = r.claim }
        let kept = Set(originals.filter { keep(latest[$0.seq] ?? $0) }.map(\.seq))
        var out = ClaimHistory()
        for c in originals where kept.contains(c.seq) { out.add(claim: c) }
        out.revisions = revisions.filter { kept.contains($0.target) }
        return out
    }
}
