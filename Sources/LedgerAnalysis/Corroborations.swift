import LedgerCore

/// Independent outlets agreeing on a compatible value for the same subject and predicate.
public struct CorroborationFinding: Sendable {
    public let subject: String
    public let predicate: String
    public let event: String?
    public let scope: String?
    /// The agreeing claims, in seq order.
    public let claims: [ClaimRecord]
    /// Every outlet that published one of them.
    public let outlets: [String]
    /// Where each claim traces to (`ClaimOrigins`), in the order of `claims`.
    public let traces: [ClaimOrigins.Trace]
    public let languages: [String]
    /// What they agree on, for a machine: the span every claim's reading shares, `{"interval": {lower, upper,
    /// lower_open, upper_open}, "unit"?}` with decimal strings (durations in seconds, "unit": "s"), for dates
    /// `{"from": YYYY-MM-DD, "to": YYYY-MM-DD}`, or the value they share, `{"value": category id, text or boolean}`.
    public let agreement: JSONValue
    /// What they agree on, in words: the span every claim's reading shares ("3,800,000 to 4,200,000 USD",
    /// "22.8 to 25.2 hours"), or the value.
    public let agreementInWords: String

    /// The distinct origins, by label, in first-seen order: claims that trace to one origin count once.
    public var origins: [String] {
        var seen = Set<String>()
        return traces.filter { seen.insert($0.origin.key).inserted }.map(\.origin.label)
    }

    public var independentOutlets: Int { Set(traces.map(\.origin.key)).count }

    /// The claims whose relay names no known outlet or entity (and that name no origin): each counts for its own outlet.
    public var unresolvedRelays: [(seq: Int64, relay: String)] { traces.compactMap { t in t.unresolvedRelay.map { (t.seq, $0) } } }

    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "subject": .string(subject), "predicate": .string(predicate), "agreement": agreement,
            "claims": .array(claims.map(\.json)), "outlets": .array(outlets.map { .string($0) }),
            "origins": .array(origins.map { .string($0) }), "independent_outlets": .int(independentOutlets),
            "claim_origins": .array(traces.map { ["seq": .number(Double($0.seq)), "origin": .string($0.origin.label), "basis": .string($0.basis.rawValue)] }),
            "unresolved_relays": .array(unresolvedRelays.map { ["seq": .number(Double($0.seq)), "relay": .string($0.relay)] }),
            "languages": .array(languages.map { .string($0) }),
        ]
        if let event { o["event"] = .string(event) }
        if let scope { o["scope"] = .string(scope) }
        return .object(o)
    }
}

/// Finds corroboration (DESIGN §5): within each comparison group, affirmed claims whose values are
/// compatible — overlapping intervals for quantities, durations and dates; the same value otherwise — and that
/// come from at least two outlets. Independence counts origins (`ClaimOrigins`): the origin a claim names, else
/// the outlet or entity its relay names, else its own outlet. `sources` gives the outlets of named source origins.
public enum Corroborations {
    public static func find(_ claims: [ClaimRecord], predicates: [String: ClaimPredicate], names: EntityNames,
                            sources: [SourceRecord]) -> [CorroborationFinding] {
        let origins = ClaimOrigins(claims: claims, sources: sources, names: names)
        var out: [CorroborationFinding] = []
        for group in ClaimGroups(claims, names: names).groups {
            let tolerance = RuleContext(predicate: predicates[group.key.predicate]).tolerance
            for (agreement, words, members) in clusters(group.positions.flatMap { $0 }, tolerance: tolerance) {
                let outlets = ordered(members.map(\.outlet))
                guard outlets.count >= 2 else { continue }
                let sorted = members.sorted { $0.seq < $1.seq }
                let finding = CorroborationFinding(subject: group.key.subject, predicate: group.key.predicate, event: group.key.event,
                                                   scope: group.key.scope, claims: sorted, outlets: outlets,
                                                   traces: sorted.map(origins.trace), languages: ordered(members.map(\.lang)).sorted(), agreement: agreement,
                                                   agreementInWords: words)
                // Outlets repeating one origin (the organisers' screenshot, one agency's wire) corroborate nothing.
                guard finding.independentOutlets >= 2 else { continue }
                out.append(finding)
            }
        }
        return out.sorted { ($1.independentOutlets, $1.claims.count, $0.subject) < ($0.independentOutlets, $0.claims.count, $1.subject) }
    }

    /// Compatible claims: connected runs of overlapping intervals, or equal discrete values; each with what they
    /// agree on for a machine and in words.
    static func clusters(_ claims: [ClaimRecord], tolerance: Double) -> [(JSONValue, String, [ClaimRecord])] {
        var discrete: [String: (value: JSONValue, claims: [ClaimRecord])] = [:]
        func add(_ key: String, _ value: JSONValue, _ c: ClaimRecord) { discrete[key, default: (value, [])].claims.append(c) }
        var ranged: [(Interval, String?, ClaimRecord)] = []
        for c in claims where c.polarity == .affirmed || c.value.value.type == .boolean {
            switch c.value.value {
            case .quantity(let q): ranged.append((QuantityRule.interval(q, tolerance: tolerance), q.unit, c))
            case .duration(let d): ranged.append((DurationRule.interval(d, tolerance: tolerance), "s", c))
            case .date(let d): if let i = DateRule.interval(d) { ranged.append((i, "date", c)) }
            case .boolean(let b): add("\(BooleanRule.effective(b, c.polarity))", .bool(BooleanRule.effective(b, c.polarity)), c)
            case .category(let id): add(id, .string(id), c)
            case .text(let t): add(t, .string(t), c)
            }
        }
        var out = discrete.map { (["value": $0.value.value] as JSONValue, $0.key, $0.value.claims) }.sorted { $0.2[0].seq < $1.2[0].seq }
        func words(_ s: Interval, _ unit: String) -> String {
            switch unit {
            case "s": IntervalComparison.words(s, unit: "hours", format: DurationRule.hours)
            case "date":
                // Date spans end before their upper bound: [29 July, 30 July) is the one day 29 July.
                [DateRule.day(s.lower), DateRule.day(s.upperOpen ? s.upper - 1 : s.upper)].reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
                    .joined(separator: " to ")
            case "": IntervalComparison.words(s, unit: nil)
            case let u: IntervalComparison.words(s, unit: u)
            }
        }
        func machine(_ s: Interval, _ unit: String) -> JSONValue {
            switch unit {
            case "date": ["from": .string(DateRule.day(s.lower)), "to": .string(DateRule.day(s.upperOpen ? s.upper - 1 : s.upper))]
            case "": ["interval": s.json]
            case let u: ["interval": s.json, "unit": .string(u)]
            }
        }
        for unit in Set(ranged.map { $0.1 ?? "" }).sorted() {
            let items = ranged.filter { ($0.1 ?? "") == unit }.sorted { $0.0.lower < $1.0.lower }
            var current: [ClaimRecord] = []
            var span: Interval? = nil
            // The figures stated exactly and the strict bounds in the current run: a bound against the very figure it
            // bounds ("less than 4 million" and "4 million") is a tension (`QuantityRule.sharpAgainstItsOwnBound`),
            // never an agreement, although the figure's rounding halo overlaps the bound — so it ends the run.
            var sharp = Set<String>(), bounds = Set<String>()
            func quantity(_ c: ClaimRecord) -> Quantity? { if case .quantity(let q) = c.value.value { q } else { nil } }
            func boundsItsOwnFigure(_ c: ClaimRecord) -> Bool {
                guard let q = quantity(c) else { return false }
                return QuantityRule.isSharp(q) ? bounds.contains(q.amount.description)
                    : QuantityRule.isStrictBound(q) && sharp.contains(q.amount.description)
            }
            func remember(_ c: ClaimRecord) {
                guard let q = quantity(c) else { return }
                if QuantityRule.isSharp(q) { sharp.insert(q.amount.description) }
                if QuantityRule.isStrictBound(q) { bounds.insert(q.amount.description) }
            }
            for (interval, _, claim) in items {
                if let s = span, s.overlaps(interval), !boundsItsOwnFigure(claim) {
                    current.append(claim)
                    span = s.intersection(interval)
                } else {
                    if current.count > 1, let s = span { out.append((machine(s, unit), words(s, unit), current)) }
                    current = [claim]
                    span = interval
                    sharp = []
                    bounds = []
                }
                remember(claim)
            }
            if current.count > 1, let s = span { out.append((machine(s, unit), words(s, unit), current)) }
        }
        return out
    }

    static func key(_ s: String) -> String { String(String.UnicodeScalarView(MatchKey.ofQuote(s))) }

    /// Distinct values in first-seen order (compared by match key).
    static func ordered(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert(key($0)).inserted }
    }
}
