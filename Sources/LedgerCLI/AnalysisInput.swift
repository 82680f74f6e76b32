import LedgerAnalysis
import LedgerCore
import LedgerStore

/// Everything analysis needs, read from the ledger in one snapshot: the claims as they stand now (retractions and
/// corrections applied, history kept), the declared predicates, the names of entities, and the sources.
struct AnalysisInput {
    var history = ClaimHistory()
    /// The current claims (`history.current`, computed once).
    private(set) var claims: [ClaimRecord] = []
    var predicates: [String: ClaimPredicate] = [:]
    var names = EntityNames()
    var sources: [String: SourceRecord] = [:]
    /// Names as recorded that held invisible characters (analysis folds them away).
    var hiddenNames = Set<String>()
    var origin = ""

    /// Reads the ledger. With `details: false` claims are read without excerpt, text and leaf hash (for
    /// `Contradictions.find(_:…details:)`, which asks `claims(_:in:)` for the few it reports). Every entry's kind and
    /// body come from its hashed bytes, never from the store's lookup columns.
    init(ledger: Ledger, details: Bool = true) throws {
        var pool = StringPool()
        try ledger.store.snapshot {
            try ledger.store.forEachStoredEntry { row in
                guard let body = EntryBody(row.bytes) else { return }  // a malformed entry, which `verify` reports
                add(body, seq: row.seq, leafHash: details ? MerkleHash.leaf(row.bytes).hex : "", pool: &pool, details: details)
            }
        }
        claims = history.current
        hiddenNames = pool.hiddenNames
    }

    /// Replaces the history (and the current claims) with `filtered`, a part of it (`restrict(to:)`).
    mutating func restrict(_ filtered: ClaimHistory) {
        history = filtered
        claims = filtered.current
    }

    /// The full records of the claims stored at `seqs` (claim entries, or corrections holding a claim).
    static func claims(_ seqs: [Int64], in ledger: Ledger) throws -> [ClaimRecord] {
        var pool = StringPool()
        return try ledger.store.snapshot {
            try seqs.compactMap { seq -> ClaimRecord? in
                guard let bytes = try ledger.store.entryBytes(seq) else { return nil }
                let claim: ClaimBody
                switch EntryBody(bytes) {
                case .claim(let c)?: claim = c
                case .claimCorrection(let c)?: claim = c.claim  // a correction's new claim
                default: return nil
                }
                return ClaimRecord(seq: seq, leafHash: MerkleHash.leaf(bytes).hex, claim: claim, pool: &pool)
            }
        }
    }

    private mutating func add(_ body: EntryBody, seq: Int64, leafHash: String, pool: inout StringPool, details: Bool) {
        switch body {
        case .claim(let claim): history.add(claim: ClaimRecord(seq: seq, leafHash: leafHash, claim: claim, pool: &pool, details: details))
        case .claimRetraction(let r): history.add(retraction: r, seq: seq)
        case .claimCorrection(let c): history.add(correction: c, seq: seq, leafHash: leafHash, pool: &pool)
        case .source(let s): sources[s.id.hex] = SourceRecord(seq: seq, body: s)
        case .genesis(let g): origin = g.origin
        case .predicate(let p): if predicates[p.id] == nil { predicates[p.id] = p }
        case .entity, .entityAlias: names.add(body)
        case .key, .link: break
        }
    }
}
