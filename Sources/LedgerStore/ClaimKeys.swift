import LedgerCore
import LedgerCrypto

/// The duplicate check of claim entry (issue 11 item 2): which current claims — not retracted, not replaced by
/// a correction — and which claims earlier in the same batch are identical to a new one.
///
/// Two claims are identical when they rest on the same source and excerpt position and have the same speaker,
/// subject (after entity names and aliases; otherwise compared by match key, so case and spacing do not
/// matter), predicate, typed value (not its wording: "200,000" and "200 000" are one value), polarity and
/// qualifiers. The text, relay, outlet, language and modality do not make a claim different.
///
/// A recorded claim can only be identical if it sits at the same place in the same source, so each new claim
/// reads the few entries at its source and excerpt position (the `anchor` column's index) and, for each, the
/// revisions of its target (the key index): a few indexed reads per claim, whatever the ledger's size, and none
/// for a claim in a source that held no claim before the batch (one read per source). Claims earlier in the same
/// batch are kept in memory (one digest each).
final class ClaimKeys {
    /// Where an identical claim is: recorded at a seq, or earlier in this batch at the caller's position.
    enum Holder: Sendable, Equatable {
        case recorded(Int64)
        case batch(Int)
    }

    private let store: LedgerStore
    private let names: EntityNames
    /// The ledger's size before this batch: what the batch appends is found in `batch`, not read back.
    private let recordedSize: Int64
    private let anchored: Bool
    private var batch: [Digest: Int] = [:]
    /// Whether each source seen held a claim before this batch: a batch into new sources reads nothing per claim.
    private var sourceHasClaims: [Digest: Bool] = [:]
    private var foldedNames: [String: String] = [:]
    private var subjects: [String: String] = [:]

    init(store: LedgerStore, names: EntityNames, recordedSize: Int64) throws {
        self.store = store
        self.names = names
        self.recordedSize = recordedSize
        self.anchored = try store.hasAnchorColumn()
    }

    /// The claim identical to `body`, if there is one, other than the claim at `skipping` and its corrections
    /// (a correction is compared with every current claim but the one it replaces).
    func holder(of body: ClaimBody, skipping: Int64? = nil) throws -> Holder? {
        let k = key(body)
        if let position = batch[k] { return .batch(position) }
        if sourceHasClaims[body.source] == nil { sourceHasClaims[body.source] = try store.hasClaimEntry(source: body.source.hex, before: recordedSize) }
        guard sourceHasClaims[body.source]! else { return nil }
        let anchor = anchored ? DerivedColumns.anchor(body.excerpt.start, body.excerpt.end) : nil
        var found: Int64?
        try store.forEachClaimEntry(source: body.source.hex, anchor: anchor, before: recordedSize) { seq, bytes in
            // Identity first (in memory), then whether that claim is current (indexed reads): a place holding
            // thousands of claims costs one decode each, not thousands of queries.
            guard let (claim, target) = Self.claim(bytes), skipping == nil || (seq != skipping && target != skipping),
                  key(claim) == k, try isCurrent(seq, target: target) else { return true }
            found = seq
            return false
        }
        return found.map(Holder.recorded)
    }

    /// Remembers `body`, the claim at `position` of this batch, so a later identical one is found.
    func insert(_ body: ClaimBody, position: Int) {
        let k = key(body)
        if batch[k] == nil { batch[k] = position }
    }

    /// The claim an entry states: a claim's (target nil), or a correction's new claim and the claim it corrects.
    private static func claim(_ bytes: [UInt8]) -> (ClaimBody, target: Int64?)? {
        switch EntryBody(bytes) {
        case .claim(let c)?: (c, nil)
        case .claimCorrection(let c)?: (c.claim, c.target)
        default: nil
        }
    }

    /// Whether the claim at `seq` stands: a claim neither retracted nor corrected, or the newest correction (of
    /// `target`) of a claim not retracted.
    private func isCurrent(_ seq: Int64, target: Int64?) throws -> Bool {
        guard let target else { return try store.revisions(of: seq, before: recordedSize).isEmpty }
        return !(try store.revisions(of: target, before: recordedSize).contains { $0.kind == .claimRetraction || $0.seq > seq })
    }

    /// The identity of a claim for this check: SHA-256 over the compared fields, each length-prefixed (only
    /// compared within one process, so the layout is free; a digest keeps the set at 32 bytes a claim).
    func key(_ body: ClaimBody) -> Digest {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        func put(_ s: String) {
            let n = s.utf8.count
            bytes.append(contentsOf: [UInt8(truncatingIfNeeded: n >> 24), UInt8(truncatingIfNeeded: n >> 16), UInt8(truncatingIfNeeded: n >> 8), UInt8(truncatingIfNeeded: n)])
            bytes.append(contentsOf: s.utf8)
        }
        func put(_ s: String?) {
            bytes.append(s == nil ? 0 : 1)
            if let s { put(s) }
        }
        bytes.append(contentsOf: body.source.bytes)
        put(String(body.excerpt.start))
        put(String(body.excerpt.end))
        put(folded(body.speaker))
        put(canonicalSubject(body.subject))
        put(body.predicate)
        switch body.value.value {
        case .quantity(let q):
            put("quantity"); put(q.amount.description); put(q.qualifier.rawValue); put(q.upper?.description); put(q.unit); put(q.step.description)
        case .category(let id): put("category"); put(id)
        case .boolean(let b): put("boolean"); put(b ? "true" : "false")
        case .date(let d): put("date"); put(d.value); put(d.precision.rawValue)
        case .duration(let d): put("duration"); put(d.min.description); put(d.max?.description); put(d.qualifier)
        case .text(let t): put("text"); put(t)
        }
        put(body.polarity.rawValue)
        put(body.qualifiers.event)
        put(body.qualifiers.scope)
        put(body.qualifiers.asOf?.value)
        put(body.qualifiers.asOf?.precision.rawValue)
        return SHA256.hash(bytes)
    }

    /// A name compared by its match key (case, quote style and spacing ignored); names repeat, so each is folded once.
    private func folded(_ name: String) -> String {
        if let known = foldedNames[name] { return known }
        let f = String(String.UnicodeScalarView(MatchKey.ofQuote(name)))
        if foldedNames.count < Self.maxCachedNames { foldedNames[name] = f }
        return f
    }

    /// The subject as compared: the entity id when it names one, else its match key.
    private func canonicalSubject(_ subject: String) -> String {
        if let known = subjects[subject] { return known }
        let c = names.resolve(subject).map { "entity:" + $0 } ?? "name:" + folded(subject)
        if subjects.count < Self.maxCachedNames { subjects[subject] = c }
        return c
    }

    /// How many distinct names are kept folded (speakers and subjects repeat; a file of all-distinct ones must not grow memory without bound).
    static let maxCachedNames = 100_000
}

extension LedgerStore {
    /// The retractions and corrections of the claim at `target` recorded before seq `before` (the key index).
    func revisions(of target: Int64, before: Int64) throws -> [(kind: EntryKind, seq: Int64)] {
        let s = try db.prepare("SELECT kind, seq FROM entries WHERE kind IN (?, ?) AND key = ? AND seq < ?")
        try s.bind(1, EntryKind.claimRetraction.rawValue)
        try s.bind(2, EntryKind.claimCorrection.rawValue)
        try s.bind(3, String(target))
        try s.bind(4, before)
        var out: [(EntryKind, Int64)] = []
        while try s.step() {
            if let kind = s.text(0).flatMap(EntryKind.init(rawValue:)) { out.append((kind, s.int64(1))) }
        }
        return out
    }

    /// Whether any claim or correction anchored in the source `hex` was recorded before seq `before`.
    func hasClaimEntry(source hex: String, before: Int64) throws -> Bool {
        let s = try db.prepare("SELECT 1 FROM entries WHERE source = ? AND kind IN (?, ?) AND seq < ? LIMIT 1")
        try s.bind(1, hex)
        try s.bind(2, EntryKind.claim.rawValue)
        try s.bind(3, EntryKind.claimCorrection.rawValue)
        try s.bind(4, before)
        return try s.step()
    }

    /// Calls `body` with the seq and bytes of the claims and corrections anchored in the source `hex` at
    /// `anchor` (every one in the source when nil: a ledger without the anchor column), recorded before seq
    /// `before`, in seq order, one row at a time, until `body` returns false.
    func forEachClaimEntry(source hex: String, anchor: String?, before: Int64, _ body: (Int64, [UInt8]) throws -> Bool) throws {
        let s = try db.prepare(anchor == nil
            ? "SELECT seq, bytes FROM entries WHERE source = ? AND kind IN (?, ?) AND seq < ? ORDER BY seq"
            : "SELECT seq, bytes FROM entries WHERE source = ? AND anchor = ? AND seq < ? ORDER BY seq")
        try s.bind(1, hex)
        if let anchor {
            try s.bind(2, anchor)
            try s.bind(3, before)
        } else {
            try s.bind(2, EntryKind.claim.rawValue)
            try s.bind(3, EntryKind.claimCorrection.rawValue)
            try s.bind(4, before)
        }
        while try s.step() {
            guard try body(s.int64(0), s.blob(1)) else { return }
        }
    }
}
