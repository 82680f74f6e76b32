import LedgerCore

/// Categories of a single-valued predicate (Wikidata's single-value constraint): two different values
/// affirmed for the same subject contradict. Multi-valued predicates never conflict on different values.
public enum CategoryRule {
    public static func compare(_ a: String, _ b: String, context: RuleContext) -> RuleOutcome {
        guard a != b, context.isSingleValued else { return .agree }
        // Labels first (English: the explanation is one sentence for every reader), the id second.
        let p = context.predicate
        let label = p.map { p in p.labels["en"].map { "“\($0)” (\(p.id))" } ?? p.id } ?? "the predicate"
        func value(_ id: String) -> String { p?.values.first { $0.id == id }?.labels["en"].map { $0 == id ? id : "“\($0)” (\(id))" } ?? id }
        return .conflict(.contradiction, rule: "category",
                         explanation: "\(label) is single-valued, but one claim says \(value(a)) and the other \(value(b))",
                         numbers: ["a": .string(a), "b": .string(b)], width: 1)
    }
}
