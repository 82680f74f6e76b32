import LedgerCore

/// What a report says of a group too large to list pair by pair: how many distinct values it holds and how many
/// pairs of them disagree. Attached to the one finding listed for the group, its widest disagreement.
public struct GroupSummary: Sendable, Equatable {
    /// The kind of value the group holds: quantity, duration, date or category.
    public let kind: String
    /// Distinct positions (value, polarity, modality) compared in the group.
    public let positions: Int
    /// Claims holding them.
    public let claims: Int
    /// Pairs of positions that disagree: intervals that do not overlap (quantities, durations, dates), or
    /// different categories of a single-valued predicate.
    public let disjointPairs: Int
    /// Of those, pairs that are tensions by the value's rule: a gap within the predicate's tolerance (quantities,
    /// durations), or dates at most a day apart with a time zone unknown (categories: 0).
    public let withinTolerance: Int
    /// For a category group: how many claims hold each value (nil for intervals).
    public let valueCounts: [String: Int]?

    init(kind: String, positions: Int, claims: Int, disjointPairs: Int, withinTolerance: Int, valueCounts: [String: Int]? = nil) {
        self.kind = kind
        self.positions = positions
        self.claims = claims
        self.disjointPairs = disjointPairs
        self.withinTolerance = withinTolerance
        self.valueCounts = valueCounts
    }

    /// As JSON (`kind`, `positions`, `claims`, `disjoint_pairs`, `within_tolerance`, and `values` for categories).
    public var json: JSONValue {
        var o: [String: JSONValue] = ["kind": .string(kind), "positions": .number(Double(positions)), "claims": .number(Double(claims)),
                                      "disjoint_pairs": .number(Double(disjointPairs)), "within_tolerance": .number(Double(withinTolerance))]
        if let valueCounts { o["values"] = .object(valueCounts.mapValues { .number(Double($0)) }) }
        return .object(o)
    }

    /// One sentence for a reader.
    public var sentence: String {
        switch kind {
        case "category":
            let counts = (valueCounts ?? [:]).sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            let shown = counts.prefix(10).map { "\($0.key) \($0.value)" }.joined(separator: ", ") + (counts.count > 10 ? ", …" : "")
            return "This group holds \(counts.count) distinct values in \(positions) positions from \(claims) claims (claims per value: \(shown)); "
                + "\(disjointPairs) pairs of them differ. Only its widest disagreement is listed."
        case "date":
            return "This group holds \(positions) distinct dates from \(claims) claims; \(disjointPairs) pairs of them do not overlap "
                + "(\(withinTolerance) a day or less apart with a time zone unknown). Only its widest disagreement is listed."
        case "duration":
            return "This group holds \(positions) distinct durations from \(claims) claims; \(disjointPairs) pairs of them do not overlap "
                + "(\(withinTolerance) within the tolerance). Only its widest disagreement is listed."
        default:
            return "This group holds \(positions) distinct figures from \(claims) claims; \(disjointPairs) pairs of them do not overlap "
                + "(\(withinTolerance) within the tolerance). Only its widest disagreement is listed."
        }
    }
}
