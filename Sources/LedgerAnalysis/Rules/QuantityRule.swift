import LedgerCore

/// Quantities (DESIGN §5): each value becomes an interval from its qualifier and written precision;
/// disjoint intervals contradict, unless the gap between them is within the predicate's tolerance (relative to
/// the nearer bound), which is a tension; different units or currencies are not compared.
///
/// exactly n → n ± half its last written digit; about n → n ± max(tolerance·n, half step);
/// nearly n → [n − tolerance·n, n]; more than n → (n, ∞); at least n → [n, ∞); less than n → [0, n);
/// at most n → [0, n]; between a and b → [a, b].
public enum QuantityRule {
    public static func interval(_ q: Quantity, tolerance: Double) -> Interval {
        let n = q.amount.doubleValue, half = q.step.doubleValue / 2
        switch q.qualifier {
        case .exactly: return Interval(n - half, n + half)
        case .about: let d = max(n * tolerance, half); return Interval(n - d, n + d)
        case .nearly: return Interval(n - n * tolerance, n)
        case .more_than: return Interval(n, .infinity, lowerOpen: true)
        case .at_least: return Interval(n, .infinity)
        case .less_than: return Interval(0, n, upperOpen: true)
        case .at_most: return Interval(0, n)
        case .between: return Interval(n, q.upper?.doubleValue ?? n)
        }
    }

    public static func compare(_ a: Quantity, _ b: Quantity, context: RuleContext) -> RuleOutcome {
        guard a.unit == b.unit else {
            return .notComparable("different units: \(a.unit ?? "none") and \(b.unit ?? "none")")
        }
        return IntervalComparison.compare(interval(a, tolerance: context.tolerance), interval(b, tolerance: context.tolerance),
                                          tolerance: context.tolerance, rule: "quantity", unit: a.unit)
    }
}

/// The shared interval test of the quantity and duration rules.
enum IntervalComparison {
    static func compare(_ x: Interval, _ y: Interval, tolerance: Double, rule: String, unit: String?,
                        format: (Double) -> String = Interval.format) -> RuleOutcome {
        if x.overlaps(y) { return .agree }
        let u = unit.map { " \($0)" } ?? ""
        let (a, b) = (x.described(by: format) + u, y.described(by: format) + u)
        let gap = x.relativeGap(to: y)
        let numbers: JSONValue = ["a": x.json, "b": y.json, "relative_gap": .number(gap), "tolerance": .number(tolerance)]
        if gap <= tolerance {
            let closeness = gap == 0 ? "meet only at their edge" : "are only \(percent(gap)) apart, within the \(percent(tolerance)) tolerance"
            return .conflict(.tension, rule: rule, explanation: "\(a) and \(b) do not overlap but \(closeness)", numbers: numbers, width: gap)
        }
        return .conflict(.contradiction, rule: rule, explanation: "\(a) and \(b) do not overlap: \(percent(gap)) apart, beyond the \(percent(tolerance)) tolerance",
                         numbers: numbers, width: gap)
    }

    static func percent(_ f: Double) -> String {
        let p = (f * 1000).rounded() / 10
        return (p.rounded() == p ? String(Int(p)) : String(p)) + "%"
    }
}
