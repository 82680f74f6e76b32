import Foundation
import LedgerStore

/// The newest verification of the ledger, run on a thread of its own, one at a time, so that pages need not wait
/// for a whole-ledger verification after every append while writers keep appending.
///
/// A verification is current while the database's files (`ledger.sqlite` and its `-wal`) keep the sizes and
/// modification times they had when it ran; an append by anyone, or an edit behind the store's back, makes the
/// next request start another and wait for it a moment (`wait`: on a small ledger it is done by then). Past that
/// a page gets the newest verification there is, and says how many entries it covers (a report page is then
/// "pending", never marked verified for entries that were not); the API waits for one covering its snapshot
/// (`mustCover`).
final class VerificationCache: @unchecked Sendable {
    /// The longest a request waits for a current verification: twice the last one's duration, at most this (a
    /// verification that takes longer is not waited for at all; the newest one is used meanwhile).
    static let wait: TimeInterval = 0.25

    private let database: String
    private let condition = NSCondition()
    // Guarded by `condition`. `stamp` is empty when the files changed while the verification ran.
    private var last: (stamp: [Int], result: Result<VerificationReport, any Error>)?
    private var running = false
    private var lastDuration: TimeInterval = 0

    init(ledgerDirectory: String) { database = ledgerDirectory + "/ledger.sqlite" }

    /// The newest verification of `ledger`, for a snapshot of `size` entries: waits a moment (see `wait`) for one that is
    /// current (the files unchanged since it ran), starting one when none is running; past that, the newest there
    /// is — or, when `mustCover`, the first that covers `size` entries or failed, however long it takes. An error
    /// verifying (the ledger cannot be opened) is thrown.
    func report(covering size: Int64, mustCover: Bool, _ ledger: @escaping @Sendable () throws -> Ledger) throws -> VerificationReport {
        condition.lock()
        defer { condition.unlock() }
        let wait = 2 * lastDuration <= Self.wait ? 2 * lastDuration : 0
        let deadline = Date(timeIntervalSinceNow: wait)
        while true {
            guard let last else {
                if !running { start(ledger) }
                condition.wait()
                continue
            }
            let report = try last.result.get()
            if last.stamp == stamp() { return report }
            if !running { start(ledger) }
            if Date() < deadline {
                _ = condition.wait(until: deadline)
            } else if !mustCover || report.size >= size || !report.ok {
                return report
            } else {
                condition.wait()
            }
        }
    }

    /// Verifies on a new thread and publishes the result. Called with `condition` held.
    private func start(_ ledger: @escaping @Sendable () throws -> Ledger) {
        running = true
        Thread.detachNewThread { [self] in
            let before = stamp(), started = Date()
            let result = Result<VerificationReport, any Error> { try Verifier.verify(store: try ledger().store) }
            let unchanged = stamp() == before
            condition.lock()
            lastDuration = Date().timeIntervalSince(started)
            last = (unchanged ? before : [], result)
            running = false
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Size and modification time (ns) of the database file and its write-ahead log.
    private func stamp() -> [Int] {
        [database, database + "-wal"].flatMap { path -> [Int] in
            var s = stat()
            guard stat(path, &s) == 0 else { return [-1, -1] }
            return [Int(s.st_size), Int(s.st_mtim.tv_sec) * 1_000_000_000 + Int(s.st_mtim.tv_nsec)]
        }
    }
}
