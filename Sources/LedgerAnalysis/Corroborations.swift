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
    /// The distinct origins after collapsing relays: a claim relayed "according to CNN" counts as CNN's.
    public let origins: [String]
    public let languages: [String]
    /// What they agree on, for a reader (the interval, or the value).
    public let agreement: String

    public var independentOutlets: Int { origins.count }

    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "subject": .string(subject), "predicate": .string(predicate), "agreement": .string(agreement),
            "claims": .array(claims.map(\.json)), "outlets": .array(outlets.map { .string($0) }),
            "origins": .array(origins.map { .string($0) }), "independent_outlets": .int(independentOutlets),
            "languages": .array(languages.map { .string($0) }),
        ]
        if let event { o["event"] = .string(event) }
        if let scope { o["scope"] = .string(scope) }
        return .object(o)
    }
}

/// Finds corroboration (DESIGN §5): within each comparison group, affirmed claims whose values are
/// compatible — overlapping intervals for quantities, durations and dates; the same value otherwise — and that
/// come from at least two outlets. Independence counts origins: a claim with a relay counts for whom it relays.
public enum Corroborations {
    public static func find(_ claims: [ClaimRecord], predicates: [String: ClaimPredicate], names: EntityNames) -> [CorroborationFinding] {
        let knownOutlets = Dictionary(claims.map { (key($0.outlet), $0.outlet) }, uniquingKeysWith: { first, _ in first })
        var out: [CorroborationFinding] = []
        for group in ClaimGroups(claims, names: names).groups {
            let tolerance = RuleContext(predicate: predicates[group.key.predicate]).tolerance
            for (agreement, members) in clusters(group.positions.flatMap { $0 }, tolerance: tolerance) {
                let outlets = ordered(members.map(\.outlet))
                guard outlets.count >= 2 else { continue }
                let origins = ordered(members.map { origin($0, knownOutlets) })
                out.append(CorroborationFinding(subject: group.key.subject, predicate: group.key.predicate, event: group.key.event,
                                                scope: group.key.scope, claims: members.sorted { $0.seq < $1.seq }, outlets: outlets,
                                                origins: origins, languages: ordered(members.map(\.lang)).sorted(), agreement: agreement))
            }
        }
        return out.sorted { ($1.independentOutlets, $1.claims.count, $0.subject) < ($0.independentOutlets, $0.claims.count, $1.subject) }
    }

    /// Compatible claims: connected runs of overlapping intervals, or equal discrete values.
    static func clusters(_ claims: [ClaimRecord], tolerance: Double) -> [(String, [ClaimRecord])] {
        var discrete: [String: [ClaimRecord]] = [:]
        var ranged: [(Interval, String?, ClaimRecord)] = []
        for c in claims where c.polarity == .affirmed || c.value.value.type == .boolean {
            switch c.value.value {
            case .quantity(let q): ranged.append((QuantityRule.interval(q, tolerance: tolerance), q.unit, c))
            case .duration(let d): ranged.append((DurationRule.interval(d, tolerance: tolerance), "s", c))
            case .date(let d): if let i = DateRule.interval(d) { ranged.append((i, "date", c)) }
            case .boolean(let b): discrete["\(BooleanRule.effective(b, c.polarity))", default: []].append(c)
            case .category(let id): discrete[id, default: []].append(c)
            case .text(let t): discrete[t, default: []].append(c)
            }
        }
        var out = discrete.map { ($0.key, $0.value) }.sorted { $0.1[0].seq < $1.1[0].seq }
        for unit in Set(ranged.map { $0.1 ?? "" }).sorted() {
            let items = ranged.filter { ($0.1 ?? "") == unit }.sorted { $0.0.lower < $1.0.lower }
            var current: [ClaimRecord] = []
            var span: Interval? = nil
            for (interval, _, claim) in items {
                if let s = span, s.overlaps(interval) {
                    current.append(claim)
                    span = Interval(max(s.lower, interval.lower), min(s.upper, interval.upper))
                } else {
                    if current.count > 1, let s = span { out.append(("\(s)\(unit.isEmpty || unit == "date" ? "" : " \(unit)")", current)) }
                    current = [claim]
                    span = interval
                }
            }
            if current.count > 1, let s = span { out.append(("\(s)\(unit.isEmpty || unit == "date" ? "" : " \(unit)")", current)) }
        }
        return out
    }

    /// Whose reporting a claim rests on: the outlet it relays (matched to known outlets when possible), else its own.
    static func origin(_ c: ClaimRecord, _ known: [String: String]) -> String {
        guard var relay = c.relay else { return c.outlet }
        for lead in ["according to ", "selon ", "d'après ", "d’après ", "via ", "per ", "citing ", "as reported by "]
        where relay.lowercased().hasPrefix(lead) {
            relay = String(relay.dropFirst(lead.count))
        }
        return known[key(relay)] ?? relay
    }

    static func key(_ s: String) -> String { String(String.UnicodeScalarView(MatchKey.ofQuote(s))) }

    /// Distinct values in first-seen order (compared by match key).
    static func ordered(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert(key($0)).inserted }
    }
}
