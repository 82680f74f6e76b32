import LedgerAnalysis
import LedgerCore
import LedgerStore

/// What the pages and the API show, read from the ledger in one read transaction, so every figure on a page
/// comes from the same ledger state (a writer appending meanwhile is seen by the next request). Each entry's
/// kind and body are decoded from its hashed bytes, never from the store's lookup columns. An append-only log
/// only grows, so a newer state is this one extended with the entries after it (`SnapshotCache`).
struct LedgerSnapshot: Sendable {
    var origin = ""
    var size: Int64 = 0
    var root = ""
    var history = ClaimHistory()
    var claims: [ClaimRecord] = []
    var sources: [SourceRecord] = []
    var predicates: [String: ClaimPredicate] = [:]
    var names = EntityNames()
    var directory = EntityDirectory()
    /// The recorded entities in ledger order, each with the aliases added to it later.
    var entities: [EntityDirectory.Entity] { directory.entities }
    /// The newest entries, newest first, with their signatures (the API gives them as `Entry.record`).
    var recent: [(entry: Entry, signature: [UInt8]?)] = []
    /// Where each original claim is in `history.originals`, by its seq (a claim page looks one up per request).
    private var originalIndex: [Int64: Int] = [:]
    var checkpoint: Ledger.SignedCheckpoint?

    static let recentCount = 10

    init(ledger: Ledger) throws {
        try extend(ledger, from: 0)
    }

    /// An empty snapshot of the ledger state `size`, `root` (for tests of what is computed from snapshots).
    init(size: Int64, root: String) {
        self.size = size
        self.root = root
    }

    /// Reads the entries from seq `from` on (the ones this snapshot does not hold yet), in the same read
    /// transaction as the tree's new size and root.
    mutating func extend(_ ledger: Ledger, from: Int64) throws {
        var pool = StringPool()
        let revisionsBefore = history.revisions.count, originalsBefore = history.originals.count
        try ledger.store.snapshot {
            try ledger.store.forEachStoredEntry(from: from) { row in
                guard let body = EntryBody(row.bytes) else { return }  // a malformed entry, which `verify` reports
                let leaf = MerkleHash.leaf(row.bytes).hex
                switch body {
                case .claim(let c): history.add(claim: ClaimRecord(seq: row.seq, leafHash: leaf, claim: c, pool: &pool))
                case .claimRetraction(let r): history.add(retraction: r, seq: row.seq)
                case .claimCorrection(let c): history.add(correction: c, seq: row.seq, leafHash: leaf, pool: &pool)
                case .source(let s): sources.append(SourceRecord(seq: row.seq, body: s))
                case .genesis(let g): origin = g.origin
                case .predicate(let p): if predicates[p.id] == nil { predicates[p.id] = p }
                case .entity, .entityAlias:
                    names.add(body)
                    directory.add(body)
                case .key, .link: break
                }
                if let entry = try? Entry(seq: row.seq, bytes: row.bytes) {
                    recent.insert((entry, row.signature), at: 0)
                    if recent.count > Self.recentCount { recent.removeLast() }
                }
            }
            size = try ledger.store.size()
            root = try ledger.store.root(size: size).hex
        }
        for i in originalsBefore..<history.originals.count { originalIndex[history.originals[i].seq] = i }
        // Only new claims: they are current and come after every current claim. A revision can change any of them.
        if history.revisions.count == revisionsBefore && from > 0 {
            claims.append(contentsOf: history.originals[originalsBefore...])
        } else {
            claims = history.current
        }
        refreshCheckpoint(ledger)
    }

    /// The newest signed checkpoint no larger than this snapshot (checkpoints are files beside the log: they can
    /// appear while the entries stay the same).
    mutating func refreshCheckpoint(_ ledger: Ledger) {
        checkpoint = (try? ledger.latestCheckpoint()).flatMap { $0 }.flatMap { $0.checkpoint.size <= size ? $0 : nil }
    }

    /// Every version of the claim first recorded at `seq` (the original, its corrections) and its retractions.
    func record(_ seq: Int64) -> (original: ClaimRecord, revisions: [ClaimHistory.Revision], current: ClaimRecord?)? {
        guard let i = originalIndex[seq] else { return nil }
        let revisions = history.revisions.filter { $0.target == seq }
        let current = revisions.contains { $0.kind == .retraction } ? nil : revisions.last { $0.kind == .correction }?.claim ?? history.originals[i]
        return (history.originals[i], revisions, current)
    }

    func source(_ id: String) -> SourceRecord? { sources.first { $0.id == id } }
}
