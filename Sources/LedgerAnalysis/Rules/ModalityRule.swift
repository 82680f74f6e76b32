/// Modality: a conflict in which either claim is hedged ("allegedly", French conditionnel) or reported
/// (relayed from someone else) is a tension, never a contradiction — the outlet did not assert it.
public enum ModalityRule {
    public static func adjust(_ outcome: RuleOutcome, _ a: ClaimRecord, _ b: ClaimRecord) -> RuleOutcome {
        guard case .conflict(.contradiction, let rule, let explanation, let numbers, let width) = outcome,
              a.modality != .asserted || b.modality != .asserted else { return outcome }
        let which = [a, b].filter { $0.modality != .asserted }.map { "seq \($0.seq) is \($0.modality.rawValue)" }.joined(separator: ", ")
        return .conflict(.tension, rule: "modality", explanation: "\(explanation) (\(rule)); but \(which), not asserted",
                         numbers: numbers, width: width)
    }
}
