import LedgerCore

/// A numeric interval with open or closed ends (upper may be +∞), for quantities, durations and dates.
public struct Interval: Hashable, Sendable, CustomStringConvertible {
    public var lower: Double
    public var upper: Double
    public var lowerOpen: Bool
    public var upperOpen: Bool

    public init(_ lower: Double, _ upper: Double, lowerOpen: Bool = false, upperOpen: Bool = false) {
        self.lower = lower
        self.upper = upper
        self.lowerOpen = lowerOpen
        self.upperOpen = upperOpen || upper == .infinity
    }

    /// True when some number lies in both.
    /// (The intersection runs from the higher lower end to the lower upper end; an end shared by both is open when
    /// either is, so the test is the same in either order — `(5, ∞)` and `[5, 5]` do not overlap.)
    public func overlaps(_ o: Interval) -> Bool {
        let lo = Swift.max(lower, o.lower), hi = Swift.min(upper, o.upper)
        if lo < hi { return true }
        guard lo == hi else { return false }
        let loOpen = (lower == lo && lowerOpen) || (o.lower == lo && o.lowerOpen)
        let hiOpen = (upper == hi && upperOpen) || (o.upper == hi && o.upperOpen)
        return !loOpen && !hiOpen
    }

    /// The numbers in both, when they overlap: from the higher lower end to the lower upper end, each end open when
    /// it is an open end of either interval (so the one day [29 July, 30 July) stays one day).
    public func intersection(_ o: Interval) -> Interval {
        let lo = Swift.max(lower, o.lower), hi = Swift.min(upper, o.upper)
        return Interval(lo, hi, lowerOpen: (lower == lo && lowerOpen) || (o.lower == lo && o.lowerOpen),
                        upperOpen: (upper == hi && upperOpen) || (o.upper == hi && o.upperOpen))
    }

    /// How far apart two disjoint intervals are: the gap divided by the lower interval's upper end, so that
    /// 160,000 against more than 200,000 is about 0.2 and 5,000 against 500,000 is about 99 (0 when they overlap).
    public func relativeGap(to o: Interval) -> Double {
        guard !overlaps(o) else { return 0 }
        let (low, high) = upper <= o.lower ? (self, o) : (o, self)
        return (high.lower - low.upper) / max(abs(low.upper), 1)
    }

    public var description: String { described(by: Self.format) }

    /// The interval with its bounds written by `format` (for example as hours and days).
    public func described(by format: (Double) -> String) -> String {
        "\(lowerOpen ? "(" : "[")\(format(lower)), \(upper == .infinity ? "∞" : format(upper))\(upperOpen ? ")" : "]")"
    }

    /// The interval as JSON: bounds as decimal strings (upper null when unbounded, +∞) and whether each end is open.
    public var json: JSONValue {
        ["lower": .decimal(lower), "upper": .decimal(upper),
         "lower_open": .bool(lowerOpen), "upper_open": .bool(upperOpen)]
    }

    static func format(_ x: Double) -> String {
        if x.rounded() == x && abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }
}
