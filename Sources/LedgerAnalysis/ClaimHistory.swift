import LedgerCore

/// The latest state of every claim: retracted claims leave analysis, corrected ones are replaced by their newest
/// correction (which keeps its own seq and leaf hash). Nothing is forgotten: `revisions` keeps the history.
public struct ClaimHistory: Sendable {
    /// A retraction or correction, with the claim it revises.
    public struct Revision: Sendable {
        public enum Kind: String, Sendable { case retraction, correction }
        public let kind: Kind
        public let seq: Int64
        public let target: Int64
        public let reason: String
        /// For a correction, the new claim.
        public let claim: ClaimRecord?
    }

    public private(set) var originals: [ClaimRecord] = []
    public internal(set) var revisions: [Revision] = []

    public init() {}

    public mutating func add(claim: ClaimRecord) { originals.append(claim) }

    /// Adds a `claim.retraction` entry, from its place and body.
    public mutating func add(retraction body: ClaimRetractionBody, seq: Int64) {
        revisions.append(Revision(kind: .retraction, seq: seq, target: body.target, reason: body.reason, claim: nil))
    }

    /// Adds a `claim.correction` entry, from its place and body.
    public mutating func add(correction body: ClaimCorrectionBody, seq: Int64, leafHash: String, pool: inout StringPool) {
        let claim = ClaimRecord(seq: seq, leafHash: leafHash, claim: body.claim, pool: &pool)
        revisions.append(Revision(kind: .correction, seq: seq, target: body.target, reason: body.reason, claim: claim))
    }

    /// The claims as they stand now, in ledger order of their current version.
    public var current: [ClaimRecord] {
        var retracted = Set<Int64>(), newest: [Int64: ClaimRecord] = [:]
        for r in revisions {
            switch r.kind {
            case .retraction: retracted.insert(r.target)
            case .correction: newest[r.target] = r.claim
            }
        }
        return originals.filter { !retracted.contains($0.seq) }.map { newest[$0.seq] ?? $0 }.sorted { $0.seq < $1.seq }
    }
}
