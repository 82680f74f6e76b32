import LedgerCore

/// Durations compare as intervals of seconds: [min, max] (max open-ended when unbounded); "about" and "nearly"
/// widen a single figure by the tolerance. Disjoint → contradiction; a gap within the tolerance → tension.
public enum DurationRule {
    public static func interval(_ d: DurationValue, tolerance: Double) -> Interval {
        let lo = d.min.doubleValue, hi = d.max?.doubleValue ?? .infinity
        switch d.qualifier {
        case "about": return Interval(lo * (1 - tolerance), hi * (1 + tolerance))
        case "nearly": return Interval(lo * (1 - tolerance), hi)
        case "more_than": return Interval(lo, hi, lowerOpen: true)
        case "less_than": return Interval(lo, hi, upperOpen: true)
        default: return Interval(lo, hi)
        }
    }

    /// `written` is each value as its claim wrote it, for the explanation.
    public static func compare(_ a: DurationValue, _ b: DurationValue, context: RuleContext, written: (String, String)? = nil) -> RuleOutcome {
        IntervalComparison.compare(interval(a, tolerance: context.tolerance), interval(b, tolerance: context.tolerance),
                                   tolerance: context.tolerance, rule: "duration", unit: "hours", format: hours, written: written)
    }

    /// Seconds as hours, the one unit every report uses for durations: "2", "0.5", "48" (with `unit: "hours"`).
    public static func hours(_ seconds: Double) -> String { IntervalComparison.number(seconds / 3_600) }
}
