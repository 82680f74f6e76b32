import LedgerCore

/// How a typed value is read, in words, the way findings explain it: "more than 200,000 people", "21.6 to 26.4
/// hours", "2024-07-29 (day)", "spam". For a form that shows what a value typed will mean before it is recorded.
public enum ValueReading {
    public static func words(_ value: ClaimValue, predicate: ClaimPredicate?) -> String {
        let context = RuleContext(predicate: predicate)
        switch value.value {
        case .quantity(let q): return IntervalComparison.words(QuantityRule.interval(q, tolerance: context.tolerance), unit: q.unit)
        case .duration(let d):
            return IntervalComparison.words(DurationRule.interval(d, tolerance: context.tolerance), unit: "hours", format: DurationRule.hours)
        case .date(let d): return "\(d.value) (to the \(d.precision.rawValue))"
        case .category(let id):
            let label = predicate?.values.first { $0.id == id }?.labels["en"]
            return label.map { "\(id) (\($0))" } ?? id
        case .boolean(let b): return b ? "yes" : "no"
        case .text(let t): return "the text “\(t)”"
        }
    }
}
