import LedgerStore
import Synchronization

/// The newest `LedgerSnapshot`, kept between requests: a request whose ledger still has the same size and root
/// reuses it, one whose ledger grew from it (the old root is the root of the new tree's prefix) extends it with
/// only the new entries, and anything else — a tree that does not extend the cached one — reads the ledger
/// again from the start. So a page costs the entries appended since the last one, not the whole ledger.
final class SnapshotCache: Sendable {
    private let last = Mutex<LedgerSnapshot?>(nil)

    /// The snapshot of the ledger `open()` gives, as of now.
    func snapshot(_ open: () throws -> Ledger) throws -> LedgerSnapshot {
        let ledger = try open()
        return try last.withLock { cached in
            var next: LedgerSnapshot
            if var s = cached.take() {  // taken out, so extending it does not copy what the cache still held
                let (size, prefixRoot) = try ledger.store.snapshot { () throws -> (Int64, String) in
                    let size = try ledger.store.size()
                    return (size, size >= s.size ? try ledger.store.root(size: s.size).hex : "")
                }
                if prefixRoot != s.root {
                    next = try LedgerSnapshot(ledger: ledger)
                } else if size > s.size {
                    try s.extend(ledger, from: s.size)
                    next = s
                } else {
                    s.refreshCheckpoint(ledger)
                    next = s
                }
            } else {
                next = try LedgerSnapshot(ledger: ledger)
            }
            cached = next
            return next
        }
    }
}
