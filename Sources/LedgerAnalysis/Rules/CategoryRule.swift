import LedgerCore

/// Categories of a single-valued predicate (Wikidata's single-value constraint): two different values
/// affirmed for the same subject contradict. Multi-valued predicates never conflict on different values.
public enum CategoryRule {
    public static func compare(_ a: String, _ b: String, context: RuleContext) -> RuleOutcome {
        guard a != b, context.isSingleValued else { return .agree }
        let label = context.predicate?.id ?? "the predicate"
        return .conflict(.contradiction, rule: "category",
                         explanation: "\(label) is single-valued, but one claim says \(a) and the other \(b)",
                         numbers: ["a": .string(a), "b": .string(b)], width: 1)
    }
}
