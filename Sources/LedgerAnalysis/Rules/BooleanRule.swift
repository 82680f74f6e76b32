import LedgerCore

/// Booleans: each claim's effective truth value is its value, negated when denied; different ones contradict.
public enum BooleanRule {
    public static func effective(_ value: Bool, _ polarity: ClaimInput.Polarity) -> Bool { polarity == .affirmed ? value : !value }

    public static func compare(_ a: Bool, _ b: Bool) -> RuleOutcome {
        guard a != b else { return .agree }
        return .conflict(.contradiction, rule: "boolean", explanation: "one claim holds it \(a), the other \(b)",
                         numbers: ["a": .bool(a), "b": .bool(b)], width: 1)
    }
}
