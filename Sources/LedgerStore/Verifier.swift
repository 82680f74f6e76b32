import Foundation
import LedgerCapture
import LedgerCore
import LedgerCrypto

/// One thing `verify` found wrong, with enough to locate it: the entry (seq and kind) or source, which
/// check failed, and what was expected against what is there.
public struct VerificationFinding: Sendable {
    public let seq: Int64?
    public let kind: String?
    public let source: String?
    /// The check that failed: schema, entry, chain, merkle, source, excerpt, index, checkpoint, signature.
    public let check: String
    public let what: String
    public let expected: String?
    public let actual: String?

    public var json: JSONValue {
        var o: [String: JSONValue] = ["check": .string(check), "what": .string(what)]
        if let seq { o["seq"] = .number(Double(seq)) }
        if let kind { o["kind"] = .string(kind) }
        if let source { o["source"] = .string(source) }
        if let expected { o["expected"] = .string(expected) }
        if let actual { o["actual"] = .string(actual) }
        return .object(o)
    }
}

/// The outcome of verifying a whole ledger: clean when there are no findings.
public struct VerificationReport: Sendable {
    public let size: Int64
    /// The RFC 6962 root recomputed from the stored entry bytes.
    public let root: Digest
    public let findings: [VerificationFinding]
    /// Findings beyond the first `Verifier.maxFindings`, counted but not listed.
    public let omitted: Int
    public var ok: Bool { findings.isEmpty }

    public var json: JSONValue {
        ["ok": .bool(ok), "size": .number(Double(size)), "root": .string(root.hex),
         "findings": .array(findings.map(\.json)), "omitted_findings": .int(omitted)]
    }
}

/// Verifies a ledger from its stored bytes alone (DESIGN §3): every entry re-hashed and checked canonical
/// and well-formed, seq continuity, the `prev` chain, every stored Merkle hash recomputed from the leaves,
/// every source blob against its id, every excerpt against its source, the derived lookup columns, the
/// whole schema (a foreign trigger, index or view is named) and SQLite's integrity check. It streams: memory stays flat as the ledger grows (only the tree's
/// frontier, the set of source ids and a small cache of source texts are held).
public enum Verifier {
    public static let maxFindings = 1000

    /// Verifies the store in `directory`, and that each given (already signature-checked) checkpoint's tree is a
    /// prefix of the ledger: the root of its first `size` entries, recomputed from their bytes, is its root.
    /// Throws only when the file cannot be read at all.
    /// Every stored signature is checked against the keys registered before its entry (the ledger key from the
    /// genesis entry, contributors' from `key` entries); `requireSignatures` also reports every unsigned entry.
    /// `progress(done, total)` is called every few thousand entries (for a progress line).
    public static func verify(directory: String, checkpoints: [Checkpoint] = [], requireSignatures: Bool = false,
                              progress: ((Int64, Int64) -> Void)? = nil) throws -> VerificationReport {
        let dir = URL(fileURLWithPath: directory).standardizedFileURL
        let file = dir.appendingPathComponent(LedgerStore.fileName).path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StoreError("no ledger at \(directory): the directory does not exist")
        }
        guard FileManager.default.fileExists(atPath: file) else { throw StoreError("\(directory) is not a ledger: it has no \(LedgerStore.fileName)") }
        let store = try LedgerStore(openExisting: file, readOnly: true, checkSchema: false)
        return try store.snapshot { try Run(store: store, checkpoints: checkpoints, requireSignatures: requireSignatures, progress: progress).run() }
    }

    /// Verifies `store` in the caller's read snapshot: a report computed inside the same `store.snapshot` is
    /// computed from exactly the entries verified.
    public static func verify(store: LedgerStore, checkpoints: [Checkpoint] = [], requireSignatures: Bool = false) throws -> VerificationReport {
        try store.snapshot { try Run(store: store, checkpoints: checkpoints, requireSignatures: requireSignatures).run() }
    }

    private final class Run {
        let store: LedgerStore
        var findings: [VerificationFinding] = []
        var omitted = 0
        var frontier = MerkleFrontier()
        var prev = Digest.zero
        var sources: [String: Int64] = [:]
        var declared: [String: Int64] = [:]
        /// What one streaming pass over each cited source found (a few bytes per 64 KiB of source).
        var indexes: [String: SourceIndex] = [:]
        /// Whole texts of sources up to `SourceIndex.wholeTextLimit` bytes, by byte budget; larger ones are checked through windows.
        var texts = SourceTextCache()
        /// The extractor of each source recorded as a capture (HTML): its excerpts anchor in the extracted text.
        var extractors: [String: Extractor] = [:]

        let checkpoints: [Checkpoint]
        let requireSignatures: Bool
        let progress: ((Int64, Int64) -> Void)?
        var keys: [String: NoteKey.Verifier] = [:]
        /// Retracted claims (few); whether a revision's target is a claim is looked up when one appears, so
        /// memory does not grow with the number of claims.
        var retracted = Set<Int64>()
        /// Whether the store has the `anchor` column: a ledger last written before migration 0004 has none yet.
        var anchored = true

        init(store: LedgerStore, checkpoints: [Checkpoint], requireSignatures: Bool, progress: ((Int64, Int64) -> Void)? = nil) {
            self.store = store
            self.checkpoints = checkpoints
            self.requireSignatures = requireSignatures
            self.progress = progress
        }

        func checkSignature(_ row: StoredEntry, author: String, kind: String) {
            guard let signature = row.signature else {
                if requireSignatures { add("signature", "the entry is not signed", seq: row.seq, kind: kind) }
                return
            }
            guard let key = keys[author] else {
                add("signature", "signed by \(author.prefix(80)), a key not registered before this entry", seq: row.seq, kind: kind)
                return
            }
            if !key.publicKey.isValidSignature(signature, for: row.bytes) {
                add("signature", "the signature by \(key.keyID) does not verify over the entry bytes", seq: row.seq, kind: kind)
            }
        }

        func checkCheckpoints(atSize size: Int64) {
            for cp in checkpoints where cp.size == size && frontier.root != cp.root {
                add("checkpoint", "the first \(size) entries do not hash to the signed checkpoint's root: the ledger's history was rewritten",
                    expected: cp.root.hex, actual: frontier.root.hex)
            }
        }

        func add(_ check: String, _ what: String, seq: Int64? = nil, kind: String? = nil, source: String? = nil,
                 expected: String? = nil, actual: String? = nil) {
            guard findings.count < maxFindings else { omitted += 1; return }
            findings.append(VerificationFinding(seq: seq, kind: kind, source: source, check: check, what: what, expected: expected, actual: actual))
        }

        func run() throws -> VerificationReport {
            let integrity = store.integrityProblemsInBackground()
            for p in try store.schemaProblems() { add("schema", p) }
            defer { _ = try? integrity() }  // never leave the thread running past an error
            let hashes = try store.treeHashes()
            anchored = try store.hasAnchorColumn()
            var nextHashIndex: Int64 = 0
            var expectedSeq: Int64 = 0
            checkCheckpoints(atSize: 0)
            let total = progress == nil ? 0 : try store.size()
            try store.forEachStoredEntry { row in
                if let progress, row.seq % 4096 == 0 { progress(row.seq, total) }
                while expectedSeq < row.seq {
                    add("chain", "entry \(expectedSeq) is missing", seq: expectedSeq)
                    expectedSeq += 1
                }
                let leaf = MerkleHash.leaf(row.bytes)
                if row.storedLeafHash != leaf.bytes {
                    add("entry", "stored leaf hash does not match the entry bytes", seq: row.seq, kind: row.derived.kind,
                        expected: leaf.hex, actual: Hex.encode(row.storedLeafHash))
                }
                checkEntry(row, leaf: leaf)
                for h in frontier.append(leaf: leaf) {
                    let stored = try hashes.next()
                    if stored?.0 != nextHashIndex || stored?.1 != h.bytes {
                        add("merkle", "stored Merkle hash \(nextHashIndex) does not match the hash recomputed from the entries",
                            seq: row.seq, expected: h.hex, actual: stored.map { Hex.encode($0.1) } ?? "missing")
                    }
                    nextHashIndex += 1
                }
                prev = leaf
                expectedSeq = row.seq + 1
                checkCheckpoints(atSize: frontier.size)
            }
            for cp in checkpoints where cp.size > frontier.size {
                add("checkpoint", "a signed checkpoint covers \(cp.size) entries but the ledger has \(frontier.size): entries were removed")
            }
            var extra = 0
            while try hashes.next() != nil { extra += 1 }
            if extra > 0 { add("merkle", "\(extra) stored Merkle hashes belong to no entry") }
            if expectedSeq == 0 { add("chain", "the ledger has no entries (not even ledger.genesis)") }
            try checkBlobs()
            for p in try integrity() { add("schema", p) }
            return VerificationReport(size: frontier.size, root: frontier.root, findings: findings, omitted: omitted)
        }

        func checkEntry(_ row: StoredEntry, leaf: Digest) {
            let (checked, problems) = EntryCheck.check(row.bytes, expectedSeq: row.seq, prev: prev)
            guard let view = checked, let envelope = Entry.Envelope(view) else {
                for p in problems.isEmpty ? ["entry \(row.seq) has no body"] : problems { add("entry", p, seq: row.seq, kind: row.derived.kind) }
                return
            }
            let kind = envelope.kind
            for p in problems {
                add(p.hasPrefix("prev") || p.hasPrefix("seq") ? "chain" : "entry", p, seq: row.seq, kind: kind.rawValue)
            }
            // Claims and corrections, nearly every entry, are read only as far as verify needs: where they are
            // anchored and what they are about (`ClaimBody.Placement`), not their values and texts.
            if problems.isEmpty, kind == .claim || kind == .claimCorrection {
                let ref = CanonicalJSONView.Ref(view, envelope.body)
                let placed = kind == .claim ? ClaimBody.Placement(ref).map { (claim: $0, target: Int64?.none) }
                    : ClaimCorrectionBody.placement(ref).map { (claim: $0.claim, target: Optional($0.target)) }
                checkSignature(row, author: envelope.author ?? "", kind: kind.rawValue)
                guard let placed else { return }
                checkColumns(DerivedColumns(claim: placed.claim, correcting: placed.target), row, kind)
                if let target = placed.target { checkRevision(of: target, kind, seq: row.seq) }
                checkExcerpt(placed.claim, seq: row.seq, kind: kind.rawValue)
                return
            }
            // A body `EntryCheck` found wrong is reported above and read no further.
            let body = problems.isEmpty ? EntryBody(checked: view, kind: kind, body: envelope.body) : EntryBody(kind: kind, view: view, body: envelope.body)
            if case .genesis(let g)? = body, let key = NoteKey.Verifier(text: g.publicKey) {
                keys[key.keyID] = key  // the genesis entry defines the ledger key, so it is registered before its own signature is checked
            }
            checkSignature(row, author: envelope.author ?? "", kind: kind.rawValue)
            guard let body else { return }
            checkColumns(DerivedColumns(body), row, kind)
            switch body {
            case .genesis(let g):
                if NoteKey.Verifier(text: g.publicKey) == nil {
                    add("entry", "the genesis public_key is not a valid C2SP verifier key", seq: row.seq, kind: kind.rawValue)
                }
            case .key(let k):
                if let key = NoteKey.Verifier(text: k.vkey) { keys[key.keyID] = key }
            case .source(let source):
                let id = source.id.hex
                if sources[id] != nil { add("entry", "source recorded twice", seq: row.seq, kind: "source", source: id) }
                sources[id] = row.seq
                checkSourceBytes(source, seq: row.seq)
            case .predicate(let p): declare(p.id, kind, seq: row.seq)
            case .entity(let e): declare(e.id, kind, seq: row.seq)
            case .claimRetraction(let r): checkRevision(of: r.target, kind, seq: row.seq)
            case .claimCorrection(let c):
                checkRevision(of: c.target, kind, seq: row.seq)
                checkExcerpt(c.claim.placement, seq: row.seq, kind: kind.rawValue)
            case .claim(let c):
                checkExcerpt(c.placement, seq: row.seq, kind: kind.rawValue)
            case .entityAlias, .link: break
            }
        }

        /// The lookup columns stored beside an entry must be those its body gives.
        func checkColumns(_ expected: DerivedColumns, _ row: StoredEntry, _ kind: EntryKind) {
            var expected = expected
            if !anchored { expected.anchor = nil }
            if expected != row.derived {
                add("index", "the lookup columns stored beside the entry do not match its body", seq: row.seq, kind: kind.rawValue)
            }
        }

        /// A predicate or entity id is declared once.
        func declare(_ id: String, _ kind: EntryKind, seq: Int64) {
            let key = "\(kind.rawValue) \(id)"
            if let first = declared[key] {
                add("entry", "\(kind.rawValue) \(id) is declared again (first at seq \(first))", seq: seq, kind: kind.rawValue)
            }
            declared[key] = seq
        }

        /// A retraction or correction targets an earlier claim, not one already retracted.
        func checkRevision(of target: Int64, _ kind: EntryKind, seq: Int64) {
            if target >= seq || (try? store.entry(target))?.kind != .claim {
                add("entry", "\(kind.rawValue) targets seq \(target), which is not an earlier claim", seq: seq, kind: kind.rawValue)
            } else if retracted.contains(target) {
                add("entry", "\(kind.rawValue) targets claim \(target), already retracted", seq: seq, kind: kind.rawValue)
            }
            if kind == .claimRetraction { retracted.insert(target) }
        }

        /// A claim's (or a correction's new claim's) excerpt must anchor in a source recorded before it.
        func checkExcerpt(_ claim: ClaimBody.Placement, seq: Int64, kind: String) {
            let id = claim.source.hex, excerpt = claim.excerpt
            guard sources[id] != nil else {
                add("excerpt", "the claim cites a source not recorded before it", seq: seq, kind: kind, source: id)
                return
            }
            guard let index = indexes[id] else { return }  // bytes missing or not UTF-8: reported with the source
            let digest = claim.source
            let extractor = extractors[id]
            // A capture's text is re-extracted whole, however large (the extractor reads the whole page).
            if index.byteLength <= SourceIndex.wholeTextLimit || extractor != nil {
                guard let text = texts.text(id, load: {
                    guard let bytes = try? store.blob(digest), let text = CapturedText.anchoring(bytes, extractor: extractor) else { return nil }
                    return AnchoredText(text)
                }) else { return }
                if let why = excerpt.mismatch(in: text) { add("excerpt", why, seq: seq, kind: kind, source: id) }
                return
            }
            // A large source: re-derive only the stretch of its anchoring text around the excerpt.
            do {
                let reader = WindowedSourceText(index: index) { [store] offset, body in _ = try store.readBlob(digest, from: offset, body) }
                if let why = try reader.mismatch(excerpt) { add("excerpt", why, seq: seq, kind: kind, source: id) }
            } catch {
                add("excerpt", "the source's bytes could not be read: \(error)", seq: seq, kind: kind, source: id)
            }
        }

        func checkSourceBytes(_ body: SourceBody, seq: Int64) {
            let id = body.id.hex, digest = body.id
            var found = false
            guard let index = try? SourceIndex.build({ feed in found = try store.readBlob(digest) { try feed($0); return true } }), found else {
                add("source", "the source's bytes are missing", seq: seq, kind: "source", source: id)
                return
            }
            if body.byteLength != index.byteLength {
                add("source", "the source's stored bytes have a different length", seq: seq, kind: "source", source: id,
                    expected: String(body.byteLength), actual: String(index.byteLength))
            }
            if let extractor = body.extractor {
                let text: String
                do {
                    guard let bytes = try store.blob(digest) else { throw CaptureError("the bytes are missing") }
                    text = try CapturedText.extract(bytes, with: extractor)
                } catch {
                    add("source", "the source's text could not be extracted again with \(extractor.name) \(extractor.version): \(error)",
                        seq: seq, kind: "source", source: id)
                    return
                }
                var hasher = SHA256()  // over the text's own UTF-8: a large capture's text is not copied
                hasher.update(text.utf8)
                let textHash = hasher.finalize()
                if body.textSHA256 != textHash {
                    add("source", "the text extracted again from the source's bytes with \(extractor.name) \(extractor.version) does not hash to text_sha256",
                        seq: seq, kind: "source", source: id, expected: body.textSHA256.hex, actual: textHash.hex)
                }
                extractors[id] = extractor
                indexes[id] = index
                return
            }
            guard let textHash = index.textDigest else {
                add("source", "the source's stored bytes are not valid UTF-8", seq: seq, kind: "source", source: id)
                return
            }
            if body.textSHA256 != textHash {
                add("source", "the source's anchoring text does not hash to text_sha256", seq: seq, kind: "source", source: id,
                    expected: body.textSHA256.hex, actual: textHash.hex)
            }
            indexes[id] = index
        }

        func checkBlobs() throws {
            try store.forEachBlob { key, actual in
                let id = Hex.encode(key)
                if actual.bytes != key {
                    add("source", "the stored bytes of source \(id.prefix(16)) no longer hash to its id (they were altered)",
                        seq: sources[id], kind: "source", source: id, expected: id, actual: actual.hex)
                }
                if sources[id] == nil && actual.bytes == key {
                    add("source", "stored source bytes belong to no source entry", source: id)
                }
            }
        }
    }
}
