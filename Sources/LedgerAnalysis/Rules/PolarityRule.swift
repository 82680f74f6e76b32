import LedgerCore

/// Polarity: the same value affirmed by one claim and denied by another contradicts, whatever its type.
/// (A boolean denied is its negation: "not a mistake" contradicts "a mistake".)
public enum PolarityRule {
    public static func compare(_ a: ClaimRecord, _ b: ClaimRecord) -> RuleOutcome? {
        guard a.polarity != b.polarity, a.value.value == b.value.value else { return nil }
        let (yes, no) = a.polarity == .affirmed ? (a, b) : (b, a)
        return .conflict(.contradiction, rule: "polarity",
                         explanation: "\"\(yes.value.original)\" is affirmed by one claim and denied by the other",
                         numbers: ["value": .string(yes.value.original), "affirmed_by": .number(Double(yes.seq)),
                                   "denied_by": .number(Double(no.seq))], width: 1)
    }
}
