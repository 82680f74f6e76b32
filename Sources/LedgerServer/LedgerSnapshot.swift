import LedgerAnalysis
import LedgerCore
import LedgerStore

/// What the pages and the API show, read from the ledger in one read transaction, so every figure on a page
/// comes from the same ledger state (a writer appending meanwhile is seen by the next request). Each entry's
/// kind and body are decoded from its hashed bytes, never from the store's lookup columns.
struct LedgerSnapshot {
    var origin = ""
    var size: Int64 = 0
    var root = ""
    var history = ClaimHistory()
    var claims: [ClaimRecord] = []
    var sources: [SourceRecord] = []
    var predicates: [String: ClaimPredicate] = [:]
    var names = EntityNames()
    /// The recorded entities in ledger order, each with the aliases added to it later.
    var entities: [(id: String, labels: [String: String], aliases: [String])] = []
    var recent: [(seq: Int64, kind: String, author: String, time: String)] = []
    var checkpoint: Ledger.SignedCheckpoint?

    init(ledger: Ledger, recentCount: Int = 10) throws {
        var pool = StringPool()
        var recent: [(seq: Int64, kind: String, author: String, time: String)] = []
        try ledger.store.snapshot {
            try ledger.store.forEachStoredEntry { row in
                guard let body = EntryBody(row.bytes) else { return }  // a malformed entry, which `verify` reports
                let leaf = MerkleHash.leaf(row.bytes).hex
                switch body {
                case .claim(let c): history.add(claim: ClaimRecord(seq: row.seq, leafHash: leaf, claim: c, pool: &pool))
                case .claimRetraction(let r): history.add(retraction: r, seq: row.seq)
                case .claimCorrection(let c): history.add(correction: c, seq: row.seq, leafHash: leaf, pool: &pool)
                case .source(let s): sources.append(SourceRecord(seq: row.seq, body: s))
                case .genesis(let g): origin = g.origin
                case .predicate(let p): if predicates[p.id] == nil { predicates[p.id] = p }
                case .entity(let e):
                    names.add(body)
                    entities.append((e.id, e.labels, e.aliases))
                case .entityAlias(let a):
                    names.add(body)
                    if let i = entities.firstIndex(where: { $0.id == a.entity }) { entities[i].aliases.append(a.alias) }
                case .key, .link: break
                }
                if let entry = try? JSONParser.parse(row.bytes) {
                    recent.append((row.seq, entry["kind"]?.string ?? "?", entry["author"]?.string ?? "?", entry["time"]?.string ?? "?"))
                    if recent.count > recentCount { recent.removeFirst() }
                }
            }
            size = try ledger.store.size()
            root = try ledger.store.root(size: size).hex
        }
        self.recent = recent.reversed()
        claims = history.current
        checkpoint = (try? ledger.latestCheckpoint()).flatMap { $0 }.flatMap { $0.checkpoint.size <= size ? $0 : nil }
    }

    /// Every version of the claim first recorded at `seq` (the original, its corrections) and its retractions.
    func record(_ seq: Int64) -> (original: ClaimRecord, revisions: [ClaimHistory.Revision], current: ClaimRecord?)? {
        guard let original = history.originals.first(where: { $0.seq == seq }) else { return nil }
        let revisions = history.revisions.filter { $0.target == seq }
        let current = claims.first { c in c.seq == seq || revisions.contains { $0.kind == .correction && $0.seq == c.seq } }
        return (original, revisions, current)
    }

    func source(_ id: String) -> SourceRecord? { sources.first { $0.id == id } }
}
