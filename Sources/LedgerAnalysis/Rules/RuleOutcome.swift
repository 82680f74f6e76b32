import LedgerCore

/// How serious a disagreement is.
public enum Verdict: String, Sendable, Comparable {
    /// The values cannot both hold.
    case contradiction
    /// A softer conflict: values that meet only at the edge of their tolerance, or a hedged or reported claim
    /// against an asserted one, or dates a day apart when time zones are unknown.
    case tension

    public static func < (a: Verdict, b: Verdict) -> Bool { a == .tension && b == .contradiction }
}

/// What a rule concluded about two claims' values.
public enum RuleOutcome: Sendable {
    /// The values are compatible.
    case agree
    /// The values conflict: verdict, the rule's name, a sentence a reader can check, the numbers behind it,
    /// and how wide the disagreement is (for ordering; 0…∞, relative).
    case conflict(Verdict, rule: String, explanation: String, numbers: JSONValue, width: Double)
    /// The values cannot be compared (different units, free text); shown only in verbose output.
    case notComparable(String)
}

/// What every rule needs besides the two values: the predicate's declaration (nil when undeclared).
public struct RuleContext: Sendable {
    public let predicate: ClaimPredicate?

    /// The declared tolerance, or 5% when none was declared.
    public var tolerance: Double { predicate?.tolerance?.doubleValue ?? 0.05 }
    public var isSingleValued: Bool { (predicate?.cardinality ?? .single) == .single }

    public init(predicate: ClaimPredicate?) { self.predicate = predicate }
}
