import LedgerCore

/// The near-linear path for a group with more positions than `GroupSweep.limit`: instead of comparing every pair
/// (a group of thousands of distinct values would otherwise make millions of findings), it counts the pairs that
/// disagree and finds the widest one, which the ordinary rules then compare.
///
/// Quantities (of one unit), durations and dates are intervals: a sweep over the sorted lower ends counts the
/// disjoint pairs in O(p log p), and the widest pair is the lowest upper bound against the highest lower bound.
/// Categories of a single-valued predicate: every pair of different values disagrees, so per-value counts say it
/// all; the widest pair is the two values most claims hold. Categories of a multi-valued predicate never disagree.
/// A wide group the sweep cannot take whole (several kinds or units, a denied claim, as-of dates that do not all
/// overlap) is split into classes it can (`WideGroup`).
enum GroupSweep {
    /// Groups with more distinct positions than this are summarized.
    static let limit = 64

    /// What to do with a group.
    enum Plan {
        /// Compare every pair, as for any small group.
        case pairwise
        /// No pair of this group can disagree.
        case nothing
        /// No pair of this group is compared, for this reason (free text): one "not compared" line for the group.
        case uncompared(String)
        /// List only the widest pair (indexes into the positions), with the group's summary.
        case summarized(GroupSummary, widest: (Int, Int))
        /// A wide group of several classes: one pair listed per class of disagreeing pairs, one line per class of
        /// pairs not compared.
        case wide(WideGroup.Plan)
    }

    static func plan(_ positions: [[ClaimRecord]], context: RuleContext) -> Plan {
        guard positions.count > limit else { return .pairwise }
        return oneClass(positions, context: context) ?? .wide(WideGroup.plan(positions, context: context))
    }

    /// The plan of a wide group whose pairs are all compared by one value rule (affirmed values of one kind and
    /// unit, as-of dates that all overlap), or nil.
    static func oneClass(_ positions: [[ClaimRecord]], context: RuleContext) -> Plan? {
        guard let first = positions.first?[0], comparedByValueAlone(positions) else { return nil }
        let claims = positions.reduce(0) { $0 + $1.count }
        let tolerance = context.tolerance
        func relative(_ upper: Double) -> Double { upper + tolerance * max(abs(upper), 1) }
        switch first.value.value {
        case .quantity:
            guard let (summary, widest) = sweep(positions, tolerance: tolerance) else { return nil }
            return .summarized(summary, widest: widest)
        case .duration:
            var intervals: [Interval] = []
            for p in positions {
                guard case .duration(let d) = p[0].value.value else { return nil }
                intervals.append(DurationRule.interval(d, tolerance: tolerance))
            }
            return summarize(intervals, kind: "duration", claims: claims, within: count(intervals, reach: relative).within)
        case .date:
            // A pair is a tension when it is at most a day apart and either date has no time zone: the pairs a day
            // apart, less those where both dates carry a zone.
            var intervals: [Interval] = [], zoned: [Interval] = []
            for p in positions {
                guard case .date(let d) = p[0].value.value, let span = DateRule.interval(d) else { return nil }
                intervals.append(span)
                if !DateRule.zoneUnknown(d) { zoned.append(span) }
            }
            let aDay: (Double) -> Double = { $0 + 86_400 }
            let within = count(intervals, reach: aDay).within - count(zoned, reach: aDay).within
            return summarize(intervals, kind: "date", claims: claims, within: within)
        case .category:
            var values: [String] = []
            for p in positions {
                guard case .category(let c) = p[0].value.value else { return nil }
                values.append(c)
            }
            guard context.isSingleValued else { return .nothing }
            var positionsPer: [String: Int] = [:], claimsPer: [String: Int] = [:], firstPosition: [String: Int] = [:]
            for (i, v) in values.enumerated() {
                positionsPer[v, default: 0] += 1
                claimsPer[v, default: 0] += positions[i].count
                if firstPosition[v] == nil { firstPosition[v] = i }
            }
            guard claimsPer.count > 1 else { return .nothing }
            let same = positionsPer.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
            let top = claimsPer.sorted { ($1.value, firstPosition[$0.key]!) < ($0.value, firstPosition[$1.key]!) }
            let (a, b) = (firstPosition[top[0].key]!, firstPosition[top[1].key]!)
            let summary = GroupSummary(kind: "category", positions: positions.count, claims: claims,
                                       disjointPairs: positions.count * (positions.count - 1) / 2 - same, withinTolerance: 0,
                                       valueCounts: claimsPer)
            return .summarized(summary, widest: (min(a, b), max(a, b)))
        case .text:
            // Different free texts are never compared, whatever their number: one line says so for the group.
            guard positions.allSatisfy({ if case .text = $0[0].value.value { true } else { false } }) else { return nil }
            return .uncompared("free-text values are not compared (\(positions.count) distinct texts from \(claims) claims)")
        case .boolean:
            return nil
        }
    }

    /// Whether every pair of the group is decided by the value rule alone: affirmed claims whose as-of dates all
    /// overlap (claims without one hold at any time), so the as-of and polarity rules filter nothing.
    static func comparedByValueAlone(_ positions: [[ClaimRecord]]) -> Bool {
        var asOfLower = -Double.infinity, asOfUpper = Double.infinity
        for p in positions {
            guard p[0].polarity == .affirmed else { return false }
            if let d = p[0].asOf, let span = DateRule.interval(d) {
                asOfLower = max(asOfLower, span.lower)
                asOfUpper = min(asOfUpper, span.upper)
            }
        }
        return asOfLower < asOfUpper
    }

    /// The sweep of a group of quantities of one unit: its summary and widest pair, or nil when the group is not
    /// one the sweep handles exactly (not all quantities of one unit, a denied claim, as-of dates that do not all
    /// overlap), which is then split into classes (`WideGroup`).
    static func sweep(_ positions: [[ClaimRecord]], tolerance: Double) -> (summary: GroupSummary, widest: (Int, Int))? {
        guard positions.count > limit, comparedByValueAlone(positions), case .quantity(let q0) = positions[0][0].value.value else { return nil }
        var intervals: [Interval] = [], quantities: [Quantity] = []
        intervals.reserveCapacity(positions.count)
        for p in positions {
            guard case .quantity(let q) = p[0].value.value, q.unit == q0.unit else { return nil }
            intervals.append(QuantityRule.interval(q, tolerance: tolerance))
            quantities.append(q)
        }
        let within = count(intervals) { $0 + tolerance * max(abs($0), 1) }.within
        guard case .summarized(let summary, let widest) = summarize(intervals, kind: "quantity", claims: positions.reduce(0) { $0 + $1.count },
                                                                   within: within, boundPairs: boundPairs(quantities, intervals))
        else { return nil }
        return (summary, widest)
    }

    /// Pairs of a strict bound and the very figure it bounds ("less than 3 million" against "3 million", of one
    /// unit): their intervals overlap, but the quantity rule makes them a tension
    /// (`QuantityRule.sharpAgainstItsOwnBound`), so the interval counts leave them out; counted apart, by amount.
    /// Positions holding the same amount are counted by their distinct intervals (a figure's interval depends only on
    /// its qualifier and how precisely it is written, so an amount has a handful), never pair by pair: a group of
    /// thousands of "more than 100" and "100" on different as-of days stays linear.
    static func boundPairs(_ quantities: [Quantity], _ intervals: [Interval]) -> Int {
        var bounds: [DecimalNumber: [Interval: Int]] = [:], sharp: [DecimalNumber: [Interval: Int]] = [:]
        for (i, q) in quantities.enumerated() {
            if q.qualifier == .more_than || q.qualifier == .less_than { bounds[q.amount, default: [:]][intervals[i], default: 0] += 1 }
            if q.qualifier == .exactly { sharp[q.amount, default: [:]][intervals[i], default: 0] += 1 }
        }
        var n = 0
        for (amount, b) in bounds {
            guard let s = sharp[amount] else { continue }
            for (x, bs) in b { for (y, ss) in s where x.overlaps(y) { n += bs * ss } }
        }
        return n
    }

    /// The summary of an interval group and its widest pair: the lowest upper bound against the highest lower bound.
    private static func summarize(_ intervals: [Interval], kind: String, claims: Int, within: Int, boundPairs: Int = 0) -> Plan {
        let disjoint = count(intervals, reach: { $0 }).disjoint
        let low = intervals.indices.min { intervals[$0].upper < intervals[$1].upper }!
        let highest = intervals.map(\.lower).max()!
        let high = intervals.indices.last { intervals[$0].lower == highest }!
        guard low != high else { return .nothing }
        return .summarized(GroupSummary(kind: kind, positions: intervals.count, claims: claims, disjointPairs: disjoint, withinTolerance: within,
                                        boundPairs: boundPairs > 0 ? boundPairs : nil),
                           widest: (min(low, high), max(low, high)))
    }

    /// Pairs of disjoint intervals, and of those the pairs whose gap is within `reach` (the higher interval's lower
    /// end at most `reach(lower interval's upper end)`), in O(p log p). Two intervals are disjoint when one's upper
    /// end lies below the other's lower end, or they touch at an open end. Counted for each interval as the lower
    /// interval of the pair: the intervals whose lower end is above its upper end (binary search over the sorted
    /// lower ends), and those that touch it at an open end (counted from the open lower ends before each index,
    /// so many intervals touching at one point cost no more than others).
    static func count(_ intervals: [Interval], reach: (Double) -> Double) -> (disjoint: Int, within: Int) {
        let byLower = intervals.indices.sorted { intervals[$0].lower < intervals[$1].lower }
        let lowers = byLower.map { intervals[$0].lower }
        func firstIndex(where pred: (Double) -> Bool) -> Int {
            var lo = 0, hi = lowers.count
            while lo < hi { let mid = (lo + hi) / 2; if pred(lowers[mid]) { hi = mid } else { lo = mid + 1 } }
            return lo
        }
        // openBefore[k]: how many of the first k intervals by lower end have that end open
        var openBefore = [0]
        openBefore.reserveCapacity(byLower.count + 1)
        for i in byLower { openBefore.append(openBefore.last! + (intervals[i].lowerOpen ? 1 : 0)) }
        var disjoint = 0, within = 0
        for x in intervals where x.upper.isFinite {
            let above = firstIndex { $0 > x.upper }
            disjoint += lowers.count - above
            // touching at x.upper: disjoint when either end is open
            let touching = firstIndex(where: { $0 >= x.upper })
            let open = x.upperOpen ? above - touching : openBefore[above] - openBefore[touching]
            disjoint += open
            within += open
            let limit = reach(x.upper)
            within += firstIndex { $0 > limit } - above
        }
        return (disjoint, within)
    }
}
