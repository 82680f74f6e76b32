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
    /// `Contradictions.find(_:…details:)`, which asks `claims(_:in:)` for the few it reports).
    init(ledger: Ledger, details: Bool = true) throws {
        var pool = StringPool()
        try ledger.store.snapshot {
            try ledger.store.forEachStoredEntry { row in
                guard let kind = row.derived.kind.flatMap(EntryKind.init(rawValue:)),
                      [.claim, .claimRetraction, .claimCorrection, .predicate, .entity, .entityAlias, .source, .genesis].contains(kind) else { return }
                let leafHash = details ? MerkleHash.leaf(row.bytes).hex : ""
                // Stored entries are canonical, so they are read through a view (no JSON tree); bytes that are not
                // (a damaged ledger, which `verify` reports) are still read through the parser.
                if let view = CanonicalJSONView(row.bytes), let body = view.member(view.root, "body") {
                    add(kind, seq: row.seq, leafHash: leafHash, body: CanonicalJSONView.Ref(view, body), pool: &pool, details: details)
                } else {
                    add(kind, seq: row.seq, leafHash: leafHash, body: try Entry(seq: row.seq, bytes: row.bytes).body, pool: &pool, details: details)
                }
            }
        }
        claims = history.current
        hiddenNames = pool.hiddenNames
    }

    /// The full records of the claims stored at `seqs` (claim entries, or corrections holding a claim).
    static func claims(_ seqs: [Int64], in ledger: Ledger) throws -> [ClaimRecord] {
        var pool = StringPool()
        return try ledger.store.snapshot {
            try seqs.compactMap { seq -> ClaimRecord? in
                guard let bytes = try ledger.store.entryBytes(seq) else { return nil }
                let leafHash = MerkleHash.leaf(bytes).hex
                if let view = CanonicalJSONView(bytes), let body = view.member(view.root, "body") {
                    let claim = view.member(body, "claim") ?? body  // a correction's new claim
                    return ClaimRecord(seq: seq, leafHash: leafHash, body: CanonicalJSONView.Ref(view, claim), pool: &pool)
                }
                let body = try Entry(seq: seq, bytes: bytes).body
                return ClaimRecord(seq: seq, leafHash: leafHash, body: body["claim"] ?? body, pool: &pool)
            }
        }
    }

    private mutating func add(_ kind: EntryKind, seq: Int64, leafHash: String, body: some JSONLookup, pool: inout StringPool, details: Bool) {
        switch kind {
        case .claim:
            if let c = ClaimRecord(seq: seq, leafHash: leafHash, body: body, pool: &pool, details: details) { history.add(claim: c) }
        case .claimRetraction, .claimCorrection:
            history.add(revision: kind, seq: seq, leafHash: leafHash, body: body)
        case .source:
            if let s = body.json().flatMap({ SourceRecord(seq: seq, body: $0) }) { sources[s.id] = s }
        case .genesis:
            origin = body.string("origin") ?? ""
        case .predicate:
            if let p = body.json().flatMap(ClaimPredicate.init(json:)), predicates[p.id] == nil { predicates[p.id] = p }
        default:
            if let b = body.json() { names.add(b) }
        }
    }
}
