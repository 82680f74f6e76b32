import LedgerCore

/// What a report says of a group too large to list pair by pair: how many distinct figures it holds and how
/// many pairs of them are disjoint. Attached to the one finding listed for the group, its widest disagreement.
public struct GroupSummary: Sendable, Equatable {
    /// Distinct positions (value, polarity, modality) compared in the group.
    public let positions: Int
    /// Claims holding them.
    public let claims: Int
    /// Pairs of positions whose intervals do not overlap.
    public let disjointPairs: Int
    /// Of those, pairs whose gap is within the predicate's tolerance (tensions by the quantity rule).
    public let withinTolerance: Int

    /// As JSON (`positions`, `claims`, `disjoint_pairs`, `within_tolerance`).
    public var json: JSONValue {
        ["positions": .number(Double(positions)), "claims": .number(Double(claims)),
         "disjoint_pairs": .number(Double(disjointPairs)), "within_tolerance": .number(Double(withinTolerance))]
    }

    /// One sentence for a reader.
    public var sentence: String {
        "This group holds \(positions) distinct figures from \(claims) claims; \(disjointPairs) pairs of them do not overlap "
            + "(\(withinTolerance) within the tolerance). Only its widest disagreement is listed."
    }
}

/// A sweep over sorted intervals for a group of quantities with more positions than `GroupSweep.limit`: it counts
/// the disjoint pairs in O(p log p) instead of comparing every pair (a group of thousands of distinct figures would
/// otherwise make millions of findings), and finds the widest pair — the lowest upper bound against the highest
/// lower bound — which the ordinary rules then compare.
enum GroupSweep {
    /// Groups with more distinct positions than this are summarized.
    static let limit = 64

    /// The summary and the widest pair (indexes into `positions`), or nil when the group is not one the sweep
    /// handles exactly (not all quantities of one unit, a denied claim, or an `as_of` date), which is then
    /// compared pair by pair as usual.
    static func sweep(_ positions: [[ClaimRecord]], tolerance: Double) -> (summary: GroupSummary, widest: (Int, Int))? {
        guard positions.count > limit else { return nil }
        var intervals: [Interval] = []
        intervals.reserveCapacity(positions.count)
        var unit: String?? = nil
        for p in positions {
            let c = p[0]
            guard c.polarity == .affirmed, c.asOf == nil, case .quantity(let q) = c.value.value else { return nil }
            if let u = unit, u != q.unit { return nil }
            unit = .some(q.unit)
            intervals.append(QuantityRule.interval(q, tolerance: tolerance))
        }
        // Two intervals are disjoint when one's upper end lies below the other's lower end, or they touch at an
        // open end. Counted for each interval as the lower interval of the pair: the intervals whose lower end is
        // above its upper end (binary search over the sorted lower ends), and those that touch it at an open end.
        let byLower = intervals.indices.sorted { intervals[$0].lower < intervals[$1].lower }
        let lowers = byLower.map { intervals[$0].lower }
        func firstIndex(where pred: (Double) -> Bool) -> Int {
            var lo = 0, hi = lowers.count
            while lo < hi { let mid = (lo + hi) / 2; if pred(lowers[mid]) { hi = mid } else { lo = mid + 1 } }
            return lo
        }
        var disjoint = 0, within = 0
        for x in intervals where x.upper.isFinite {
            let above = firstIndex { $0 > x.upper }
            disjoint += lowers.count - above
            // touching at x.upper: disjoint when either end is open
            for k in firstIndex(where: { $0 >= x.upper })..<above where x.upperOpen || intervals[byLower[k]].lowerOpen { disjoint += 1; within += 1 }
            let reach = x.upper + tolerance * max(abs(x.upper), 1)
            within += firstIndex { $0 > reach } - above
        }
        let low = intervals.indices.min { intervals[$0].upper < intervals[$1].upper }!
        let high = byLower.last!
        let claims = positions.reduce(0) { $0 + $1.count }
        return (GroupSummary(positions: positions.count, claims: claims, disjointPairs: disjoint, withinTolerance: within),
                (min(low, high), max(low, high)))
    }
}
