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
/// The keys of a source's current claims are loaded the first time a batch anchors a claim in that source (one
/// indexed query per distinct source), and the retraction and correction targets once per batch, so a
/// 200,000-line import does one lookup in memory per claim.
final class ClaimKeys {
    /// Where an identical claim is: recorded at a seq, or earlier in this batch at the caller's position.
    enum Holder: Sendable, Equatable {
        case recorded(Int64)
        case batch(Int)
    }

    private let store: LedgerStore
    private let names: EntityNames
    private var keys: [Digest: Holder] = [:]
    private var loadedSources = Set<Digest>()
    private var revisions: (retracted: Set<Int64>, newest: [Int64: Int64])?
    private var foldedNames: [String: String] = [:]
    private var subjects: [String: String] = [:]

    init(store: LedgerStore, names: EntityNames) {
        self.store = store
        self.names = names
    }

    /// The claim identical to `body`, if there is one.
    func holder(of body: ClaimBody) throws -> Holder? {
        try load(body.source)
        return keys[key(body)]
    }

    /// Remembers `body`, the claim at `position` of this batch, so a later identical one is found.
    func insert(_ body: ClaimBody, position: Int) {
        let k = key(body)
        if keys[k] == nil { keys[k] = .batch(position) }
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

    /// Loads the keys of the current claims anchored in `source`, once.
    private func load(_ source: Digest) throws {
        guard !loadedSources.contains(source) else { return }
        loadedSources.insert(source)
        if revisions == nil {
            var retracted = Set<Int64>(), newest: [Int64: Int64] = [:]
            for (_, target) in try store.revisionTargets(.claimRetraction) { retracted.insert(target) }
            for (seq, target) in try store.revisionTargets(.claimCorrection) { newest[target] = max(seq, newest[target] ?? seq) }
            revisions = (retracted, newest)
        }
        let (retracted, newest) = revisions!
        try store.forEachClaimEntry(source: source.hex) { seq, bytes in
            let claim: ClaimBody
            switch EntryBody(bytes) {
            case .claim(let c)? where !retracted.contains(seq) && newest[seq] == nil:
                claim = c
            case .claimCorrection(let c)? where !retracted.contains(c.target) && newest[c.target] == seq:
                claim = c.claim
            default:
                return
            }
            let k = key(claim)
            if keys[k] == nil { keys[k] = .recorded(seq) }
        }
    }
}

extension LedgerStore {
    /// The seq and target of every entry of `kind` (a retraction or correction), in seq order.
    func revisionTargets(_ kind: EntryKind) throws -> [(seq: Int64, target: Int64)] {
        let s = try db.prepare("SELECT seq, key FROM entries WHERE kind = ? AND key IS NOT NULL ORDER BY seq")
        try s.bind(1, kind.rawValue)
        var out: [(Int64, Int64)] = []
        while try s.step() {
            if let target = s.text(1).flatMap({ Int64($0) }) { out.append((s.int64(0), target)) }
        }
        return out
    }

    /// Calls `body` with the seq and bytes of every claim and correction anchored in the source `hex`, in seq
    /// order, one row at a time.
    func forEachClaimEntry(source hex: String, _ body: (Int64, [UInt8]) throws -> Void) throws {
        let s = try db.prepare("SELECT seq, kind, bytes FROM entries WHERE source = ? ORDER BY seq")
        try s.bind(1, hex)
        let kinds = [EntryKind.claim.rawValue, EntryKind.claimCorrection.rawValue]
        while try s.step() {
            if kinds.contains(s.text(1) ?? "") { try body(s.int64(0), s.blob(2)) }
        }
    }
}
