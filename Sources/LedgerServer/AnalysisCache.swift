import LedgerAnalysis
import Synchronization

/// The contradictions found in the newest snapshot, kept until the ledger changes: a finding depends only on the
/// claims, so every reader of one ledger state shares one computation (at 100,000 claims it takes seconds).
final class AnalysisCache: Sendable {
    private let last = Mutex<(root: String, tension: Bool, report: ContradictionReport)?>(nil)

    /// Computed under the lock, so readers arriving while it runs wait for it instead of computing it again.
    func contradictions(_ s: LedgerSnapshot, tension: Bool) -> ContradictionReport {
        last.withLock { last in
            if let hit = last, hit.root == s.root, hit.tension == tension { return hit.report }
            let report = Contradictions.find(s.claims, predicates: s.predicates, names: s.names, includeTension: tension)
            last = (s.root, tension, report)
            return report
        }
    }
}
