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

    public static func compare(_ a: DurationValue, _ b: DurationValue, context: RuleContext) -> RuleOutcome {
        IntervalComparison.compare(interval(a, tolerance: context.tolerance), interval(b, tolerance: context.tolerance),
                                   tolerance: context.tolerance, rule: "duration", unit: nil, format: human)
    }

    /// Seconds as a reader says them: "90 min", "9 h", "2 days" (numbers stay in seconds in `numbers`).
    public static func human(_ seconds: Double) -> String {
        func n(_ x: Double) -> String { x.rounded() == x ? String(Int(x)) : String((x * 10).rounded() / 10) }
        switch seconds {
        case 0: return "0"
        case ..<120: return "\(n(seconds)) s"
        case ..<7_200: return "\(n(seconds / 60)) min"
        case ..<172_800: return "\(n(seconds / 3_600)) h"
        default: return "\(n(seconds / 86_400)) days"
        }
    }
}
