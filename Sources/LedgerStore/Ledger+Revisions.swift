import LedgerCore

/// The retractions and corrections of one claim as the entries' own bytes tell it, and whether the store's lookup
/// columns agree (DESIGN §9: they only find candidates, and are never trusted to say a claim has no history).
public struct RevisionHistory: Sendable {
    /// Each entry that retracts or corrects the claim (its bytes name it as the target), oldest first, with its reason.
    public let revisions: [(entry: Entry, reason: String)]
    /// Seqs of revision entries where the lookup columns and the bytes disagree: a `key` column that does not name
    /// the target its bytes name, or a revision the indexed lookup does not find (or finds wrongly).
    public let disagreements: [Int64]

    /// The first retraction, if the claim is retracted.
    public var retraction: Entry? { revisions.first { $0.entry.kind == .claimRetraction }?.entry }

    /// The one-line integrity error for `disagreements` (nil when there are none).
    public func disagreementError(_ seq: Int64, then: String) -> StoreError? {
        guard !disagreements.isEmpty else { return nil }
        let list = disagreements.prefix(5).map(String.init).joined(separator: ", ") + (disagreements.count > 5 ? ", …" : "")
        return StoreError("the ledger's lookup columns disagree with the bytes of entry \(list) about the history of claim \(seq) "
                          + "(the database was modified outside claimledger); \(then); run `claimledger verify`", integrity: true)
    }
}

extension Ledger {
    /// Claim `seq`'s history read from the bytes of every retraction and correction entry (one scan of the table,
    /// not of its index), checked against what the lookup columns and the index say.
    public func revisionHistory(of seq: Int64) throws -> RevisionHistory {
        var revisions: [(entry: Entry, reason: String)] = [], disagreements = Set<Int64>()
        try store.forEachRevisionRow { row, key, bytes in
            let target: Int64, reason: String
            switch EntryBody(bytes) {
            case .claimRetraction(let r)?: (target, reason) = (r.target, r.reason)
            case .claimCorrection(let c)?: (target, reason) = (c.target, c.reason)
            default:
                if key == String(seq) { disagreements.insert(row) }  // unreadable bytes filed under this claim
                return
            }
            if target == seq {
                guard let entry = try? Entry(seq: row, bytes: bytes) else { disagreements.insert(row); return }
                revisions.append((entry, reason))
            }
            if (target == seq) != (key == String(seq)) { disagreements.insert(row) }
        }
        // What the indexed lookup finds must be what the bytes say.
        let indexed = Set(try store.seqs(kind: .claimCorrection, key: String(seq)) + store.seqs(kind: .claimRetraction, key: String(seq)))
        disagreements.formUnion(indexed.symmetricDifference(revisions.map(\.entry.seq)))
        return RevisionHistory(revisions: revisions, disagreements: disagreements.sorted())
    }
}
