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
    var origin = ""

    init(ledger: Ledger) throws {
        try ledger.store.snapshot {
            try ledger.store.forEachStoredEntry { row in
                guard let kind = row.derived.kind.flatMap(EntryKind.init(rawValue:)),
                      [.claim, .claimRetraction, .claimCorrection, .predicate, .entity, .entityAlias, .source, .genesis].contains(kind) else { return }
                let entry = try Entry(seq: row.seq, bytes: row.bytes)
                switch kind {
                case .claim:
                    if let c = ClaimRecord(seq: row.seq, leafHash: entry.leafHash.hex, body: entry.body) { history.add(claim: c) }
                case .claimRetraction, .claimCorrection:
                    history.add(revision: entry)
                case .source:
                    if let s = SourceRecord(seq: row.seq, body: entry.body) { sources[s.id] = s }
                case .genesis:
                    origin = entry.body["origin"]?.string ?? ""
                case .predicate:
                    if let p = ClaimPredicate(json: entry.body), predicates[p.id] == nil { predicates[p.id] = p }
                default:
                    names.add(entry.body)
                }
            }
        }
        claims = history.current
    }
}
