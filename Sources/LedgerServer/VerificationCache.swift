import Foundation
import LedgerStore

/// The newest verification of the ledger and what it was of, so pages and reports do not re-verify an unchanged
/// ledger on every request. It is reused only while the database's files (`ledger.sqlite` and its `-wal`) have
/// the same sizes and modification times as when it ran: an append by anyone, or an edit of the file behind the
/// store's back, changes them and the next request verifies again. One verification runs at a time.
actor VerificationCache {
    private let database: String
    private var last: (stamp: [Int], report: VerificationReport)?

    init(ledgerDirectory: String) { database = ledgerDirectory + "/ledger.sqlite" }

    /// The verification of `ledger`, reused when its files are unchanged since it ran.
    func report(_ ledger: @Sendable () throws -> Ledger) throws -> VerificationReport {
        let before = stamp()
        if let last, last.stamp == before { return last.report }
        let report = try Verifier.verify(store: try ledger().store)
        // Kept only if nothing changed while it ran (else the next request verifies the newer state).
        if stamp() == before { last = (before, report) }
        return report
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
