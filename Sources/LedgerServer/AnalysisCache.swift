import Foundation
import LedgerAnalysis

/// The contradictions found in a snapshot, shared by every reader of that ledger state, and computed on a thread
/// of their own so that a page need not wait for them when writers keep the ledger growing.
///
/// A request for snapshot S gets the report of S when it is ready within a moment (`wait`: on a small ledger,
/// always: it takes milliseconds); otherwise the newest report computed so far, from an earlier snapshot, while S's is
/// computed — the page then says so, and its provenance names the snapshot the report was computed from. One
/// computation runs at a time per kind (with or without tensions); readers arriving meanwhile share it. Only a
/// request with nothing computed yet, or one with `untilReady` patience, waits for its own snapshot's report.
final class AnalysisCache: @unchecked Sendable {
    /// A report and the snapshot it was computed from.
    struct Computed: Sendable {
        let snapshot: LedgerSnapshot
        let report: ContradictionReport
    }

    /// The longest a page waits for its own snapshot's report before it is given the previous one: twice the last
    /// computation's duration, at most this (a computation that takes longer is not waited for at all).
    static let wait: TimeInterval = 0.25

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var done: [Bool: Computed] = [:]
    private var running: Set<Bool> = []
    private var lastDuration: [Bool: TimeInterval] = [:]

    /// How long a request waits for its own snapshot's report when an earlier one exists.
    enum Patience: Sendable {
        /// A moment: see `wait`.
        case aMoment
        /// Not at all (for tests).
        case none
        /// However long it takes.
        case untilReady
    }

    /// The report for `s` when it is ready in time (`patience`), else the newest one computed before. `fresh` is
    /// false when the report is older than `s`.
    func contradictions(_ s: LedgerSnapshot, tension: Bool, patience: Patience = .aMoment) -> (Computed, fresh: Bool) {
        condition.lock()
        defer { condition.unlock() }
        let moment = 2 * (lastDuration[tension] ?? 0)
        let deadline: Date? = switch patience {
        case .aMoment: Date(timeIntervalSinceNow: moment <= Self.wait ? moment : 0)
        case .none: Date()
        case .untilReady: nil
        }
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
            let started = Date()
            let report = Contradictions.find(s.claims, predicates: s.predicates, names: s.names, includeTension: tension)
            condition.lock()
            lastDuration[tension] = Date().timeIntervalSince(started)
            if (done[tension]?.snapshot.size ?? -1) <= s.size { done[tension] = Computed(snapshot: s, report: report) }
            running.remove(tension)
            condition.broadcast()
            condition.unlock()
        }
    }
}
