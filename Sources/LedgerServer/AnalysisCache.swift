import Foundation
import LedgerAnalysis

/// The contradictions found in a snapshot, shared by every reader of that ledger state, and computed on a thread
/// of their own so that a page need not wait for them when writers keep the ledger growing.
///
/// A request for snapshot S gets the report of S when it is ready within `wait` (on a small ledger, always: it
/// takes milliseconds); otherwise the newest report computed so far, from an earlier snapshot, while S's is
/// computed — the page then says so, and its provenance names the snapshot the report was computed from. One
/// computation runs at a time per kind (with or without tensions); readers arriving meanwhile share it. Only a
/// request with nothing computed yet, or one asking for `wait: nil`, waits for its own snapshot's report.
final class AnalysisCache: @unchecked Sendable {
    /// A report and the snapshot it was computed from.
    struct Computed: Sendable {
        let snapshot: LedgerSnapshot
        let report: ContradictionReport
    }

    /// How long a page waits for its own snapshot's report before it is given the previous one.
    static let wait: TimeInterval = 0.25

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var done: [Bool: Computed] = [:]
    private var running: Set<Bool> = []

    /// The report for `s` when it is ready within `wait` (nil: however long it takes), else the newest one computed
    /// before. `fresh` is false when the report is older than `s`.
    func contradictions(_ s: LedgerSnapshot, tension: Bool, wait: TimeInterval? = AnalysisCache.wait) -> (Computed, fresh: Bool) {
        condition.lock()
        defer { condition.unlock() }
        let deadline = wait.map { Date(timeIntervalSinceNow: $0) }
        while true {
            if let c = done[tension], c.snapshot.root == s.root || c.snapshot.size > s.size { return (c, true) }
            if !running.contains(tension) { start(s, tension: tension) }
            if let deadline, let c = done[tension] {
                if !condition.wait(until: deadline) { return (c, false) }
            } else {
                condition.wait()
            }
        }
    }

    /// Computes `s`'s report on a new thread and publishes it (unless a newer one was published meanwhile).
    /// Called with `condition` held.
    private func start(_ s: LedgerSnapshot, tension: Bool) {
        running.insert(tension)
        Thread.detachNewThread { [self] in
            let report = Contradictions.find(s.claims, predicates: s.predicates, names: s.names, includeTension: tension)
            condition.lock()
            if (done[tension]?.snapshot.size ?? -1) <= s.size { done[tension] = Computed(snapshot: s, report: report) }
            running.remove(tension)
            condition.broadcast()
            condition.unlock()
        }
    }
}
