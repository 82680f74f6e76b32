import LedgerCore

/// What a report says of a group too large to list pair by pair: how many distinct values it holds and how many
/// pairs of them disagree. Attached to the one finding listed for the group, its widest disagreement — or, in a
/// group of several kinds of value, denied claims or as-of dates (`WideGroup`), to the one finding listed for each
/// class of pairs counted: affirmed values of one kind, or affirmed against denied values of one kind (`denial`).
public struct GroupSummary: Sendable, Equatable {
    /// The kind of value the group holds: quantity, duration, date, category or boolean.
    public let kind: String
    /// For quantities of a group split by kind (`WideGroup`): their unit (nil otherwise, and for no unit).
    public let unit: String?
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
    /// Set when the pairs counted are affirmed against denied values of this kind (the polarity rule) rather than
    /// affirmed values against each other; `disjointPairs` and `withinTolerance` are then 0.
    public let denial: Denial?
    /// For quantities, when there are any: pairs of a strict bound and the very figure it bounds ("less than 3
    /// million" against "3 million"), which overlap, so are not among `disjointPairs`, but are tensions.
    public let boundPairs: Int?
    /// Set when the group's positions hold several as-of spans (claims without one counted as one more): how many.
    /// Pairs whose spans do not overlap are never compared, so none of them is counted.
    public let asOfSpans: Int?

    /// The pairs of a wide group in which one claim denies a value and the other affirms one of the same kind.
    public struct Denial: Sendable, Equatable {
        /// Of `positions`, those denied.
        public let deniedPositions: Int
        /// Pairs in which the value denied is the very value affirmed: contradictions.
        public let sameValuePairs: Int
        /// Pairs in which the value denied is another that overlaps the value affirmed (quantities, durations):
        /// tensions.
        public let overlappingPairs: Int

        var json: JSONValue {
            ["denied_positions": .number(Double(deniedPositions)), "same_value_pairs": .number(Double(sameValuePairs)),
             "overlapping_pairs": .number(Double(overlappingPairs))]
        }
    }

    init(kind: String, unit: String? = nil, positions: Int, claims: Int, disjointPairs: Int, withinTolerance: Int,
         valueCounts: [String: Int]? = nil, denial: Denial? = nil, boundPairs: Int? = nil, asOfSpans: Int? = nil) {
        self.kind = kind
        self.boundPairs = boundPairs
        self.asOfSpans = asOfSpans
        self.unit = unit
        self.denial = denial
        self.positions = positions
        self.claims = claims
        self.disjointPairs = disjointPairs
        self.withinTolerance = withinTolerance
        self.valueCounts = valueCounts
    }

    /// As JSON (`kind`, `positions`, `claims`, `disjoint_pairs`, `within_tolerance`, `values` for categories, `unit`
    /// `denial`, `bound_pairs` and `as_of_spans` when set).
    public var json: JSONValue {
        var o: [String: JSONValue] = ["kind": .string(kind), "positions": .number(Double(positions)), "claims": .number(Double(claims)),
                                      "disjoint_pairs": .number(Double(disjointPairs)), "within_tolerance": .number(Double(withinTolerance))]
        if let valueCounts { o["values"] = .object(valueCounts.mapValues { .number(Double($0)) }) }
        if let unit { o["unit"] = .string(unit) }
        if let denial { o["denial"] = denial.json }
        if let asOfSpans { o["as_of_spans"] = .number(Double(asOfSpans)) }
        if let boundPairs { o["bound_pairs"] = .number(Double(boundPairs)) }
        return .object(o)
    }

    /// One sentence for a reader (two when as-of dates kept pairs apart).
    public var sentence: String {
        counted + (boundPairs.map { " In \(Self.pairs($0)) more a strict bound is set against the very figure it bounds (tensions)." } ?? "")
            + (asOfSpans.map { " Its claims hold \($0) different as-of dates (no date counted as one): pairs whose dates do not overlap are never compared, nor counted." } ?? "")
    }

    /// "1 pair", "2 pairs".
    static func pairs(_ n: Int) -> String { n == 1 ? "1 pair" : "\(n) pairs" }

    private var counted: String {
        let figures = kind == "quantity" ? "figures" + (unit.map { " in \($0)" } ?? "") : kind == "category" ? "values" : kind + "s"
        if let d = denial {
            return "This group holds \(positions) distinct \(figures) from \(claims) claims, \(d.deniedPositions) of them denied; in "
                + "\(Self.pairs(d.sameValuePairs)) one claim denies the very value the other affirms, and in \(d.overlappingPairs) it denies one that "
                + "overlaps the value affirmed. Only one such pair is listed."
        }
        switch kind {
        case "boolean":
            return "This group holds \(positions) distinct positions on a boolean from \(claims) claims; \(Self.pairs(disjointPairs)) of them hold "
                + "it differently. Only one such pair is listed."
        case "category":
            let counts = (valueCounts ?? [:]).sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            let shown = counts.prefix(10).map { "\($0.key) \($0.value)" }.joined(separator: ", ") + (counts.count > 10 ? ", …" : "")
            return "This group holds \(counts.count) distinct values in \(positions) positions from \(claims) claims (claims per value: \(shown)); "
                + "\(Self.pairs(disjointPairs)) of them differ. Only its widest disagreement is listed."
        case "date":
            return "This group holds \(positions) distinct dates from \(claims) claims; \(Self.pairs(disjointPairs)) of them do not overlap "
                + "(\(withinTolerance) a day or less apart with a time zone unknown). Only its widest disagreement is listed."
        case "duration":
            return "This group holds \(positions) distinct durations from \(claims) claims; \(Self.pairs(disjointPairs)) of them do not overlap "
                + "(\(withinTolerance) within the tolerance). Only its widest disagreement is listed."
        default:
            return "This group holds \(positions) distinct \(figures) from \(claims) claims; \(Self.pairs(disjointPairs)) of them do not overlap "
                + "(\(withinTolerance) within the tolerance). Only its widest disagreement is listed."
        }
    }
}
