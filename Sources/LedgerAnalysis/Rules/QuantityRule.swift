import Foundation
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

    /// `written` is each value as its claim wrote it, for the explanation ("190 000", not its interval).
    public static func compare(_ a: Quantity, _ b: Quantity, context: RuleContext, written: (String, String)? = nil) -> RuleOutcome {
        guard a.unit == b.unit else {
            return .notComparable("different units: \(a.unit ?? "none") and \(b.unit ?? "none")")
        }
        if let sharp = sharpAgainstItsOwnBound(a, b, written: written) { return sharp }
        return IntervalComparison.compare(interval(a, tolerance: context.tolerance), interval(b, tolerance: context.tolerance),
                                          tolerance: context.tolerance, rule: "quantity", unit: a.unit, written: written)
    }

    /// "more than N" or "less than N": the side of a figure-against-its-own-bound tension that bounds.
    static func isStrictBound(_ q: Quantity) -> Bool { q.qualifier == .more_than || q.qualifier == .less_than }

    /// A figure stated exactly: the side of that tension that is bounded.
    static func isSharp(_ q: Quantity) -> Bool { q.qualifier == .exactly }

    /// A strict bound against the very figure it bounds ("less than 3 million" against "3 million"): the sharp
    /// figure's rounding halo overlaps the bound, but the two say different things, so it is a tension.
    static func sharpAgainstItsOwnBound(_ a: Quantity, _ b: Quantity, written: (String, String)?) -> RuleOutcome? {
        guard isStrictBound(a) != isStrictBound(b), a.amount == b.amount else { return nil }
        let (bound, sharp) = isStrictBound(a) ? (a, b) : (b, a)
        guard isSharp(sharp) else { return nil }
        let (wa, wb) = written ?? (IntervalComparison.words(interval(a, tolerance: 0), unit: a.unit), IntervalComparison.words(interval(b, tolerance: 0), unit: b.unit))
        let (wBound, wSharp) = isStrictBound(a) ? (wa, wb) : (wb, wa)
        return .conflict(.tension, rule: "quantity",
                         explanation: "“\(wSharp)” is the very figure that “\(wBound)” \(bound.qualifier == .less_than ? "stays below" : "exceeds"): one says the figure, the other says it is not",
                         numbers: ["figure": .string(sharp.amount.description), "bound": .string(bound.qualifier.rawValue)], width: 0)
    }
}

/// The shared interval test of the quantity and duration rules.
enum IntervalComparison {
    static func compare(_ x: Interval, _ y: Interval, tolerance: Double, rule: String, unit: String?,
                        format: (Double) -> String = Self.number, written: (String, String)? = nil) -> RuleOutcome {
        if x.overlaps(y) { return .agree }
        // Each figure as written, with how it was read, in words: “190 000” (read as 189,999.5 to 190,000.5 people).
        let readings = (words(x, unit: unit, format: format), words(y, unit: unit, format: format))
        let (a, b) = written.map { ("“\($0.0)” (read as \(readings.0))", "“\($0.1)” (read as \(readings.1))") } ?? readings
        let gap = x.relativeGap(to: y)
        let numbers: JSONValue = ["a": x.json, "b": y.json, "relative_gap": .decimal(gap), "tolerance": .decimal(tolerance)]
        if gap <= tolerance {
            let closeness = gap == 0 ? "meet only at their edge" : "are only \(percent(gap)) apart, within the \(percent(tolerance)) tolerance"
            return .conflict(.tension, rule: rule, explanation: "\(a) and \(b) do not overlap but \(closeness)", numbers: numbers, width: gap)
        }
        return .conflict(.contradiction, rule: rule, explanation: "\(a) and \(b) do not overlap: \(percent(gap)) apart, beyond the \(percent(tolerance)) tolerance",
                         numbers: numbers, width: gap)
    }

    /// An interval in words: "more than 200,000 people", "2 to 9 hours", "less than 3,000,000 USD".
    static func words(_ i: Interval, unit: String?, format: (Double) -> String = Self.number) -> String {
        let u = unit.map { " \($0)" } ?? ""
        if i.upper == .infinity { return (i.lowerOpen ? "more than \(format(i.lower))" : "\(format(i.lower)) or more") + u }
        if i.lower == 0 && i.upper > 0 { return (i.upperOpen ? "less than \(format(i.upper))" : "at most \(format(i.upper))") + u }
        if i.lower == i.upper { return format(i.lower) + u }
        return "\(format(i.lower)) to \(format(i.upper))" + u
    }

    /// A number as an English reader writes it: thousands separated by commas, at most two decimals.
    static func number(_ x: Double) -> String {
        let rounded = (x * 100).rounded() / 100
        let whole = Int64(rounded.magnitude.rounded(.down)), fraction = rounded.magnitude - Double(whole)
        var digits = String(whole), grouped = ""
        while digits.count > 3 { grouped = "," + digits.suffix(3) + grouped; digits.removeLast(3) }
        var out = (rounded < 0 ? "-" : "") + digits + grouped
        if fraction > 0.000_001 { out += String(String(format: "%.2f", fraction).dropFirst()).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression) }
        return out
    }

    static func percent(_ f: Double) -> String {
        let p = (f * 1000).rounded() / 10
        return (p.rounded() == p ? String(Int(p)) : String(p)) + "%"
    }
}
