import Foundation
import LedgerCapture
import LedgerCore
import LedgerCrypto

/// A third party's check of a published ClaimLedger log (c2sp.org/tlog-tiles), from its static files alone.
///
/// It fetches the checkpoint and checks its signature with the given verifier key; fetches every entry bundle and
/// rebuilds the tree from the entry bytes (`TileBuilder`), comparing every hash tile the log serves with the one
/// recomputed and the root with the checkpoint's; checks each entry as `verify` does (`EntryCheck`: canonical,
/// well-formed, seq and prev chain; the genesis entry names this key), each source snapshot against its recorded
/// hashes and each claim's excerpt against its source; and, given the checkpoint it verified last time, that the
/// new tree extends it (the root of its first `size` entries is the old root) and is not smaller.
/// Witness cosignatures may be on the checkpoint as extra signature lines: with a `WitnessQuorum` the checkpoint
/// must carry at least its quorum of valid cosignatures before anything else is read; without one they are ignored.
/// The note's raw bytes are kept in the result (`Report.note`).
public struct Monitor: Sendable {
    /// Where the log is published.
    public let source: any LogSource
    /// The log's verifier key.
    public let key: NoteKey.Verifier
    /// The witnesses that must have cosigned the checkpoint, if any.
    public let witnesses: WitnessQuorum?
    /// How many new claims the report keeps (the newest ones; nil keeps all): a first run over a large log would
    /// otherwise hold every claim of the log in memory.
    public let claimLimit: Int?

    /// The largest source snapshot fetched.
    public static let maxSourceBytes = 1 << 28

    public init(source: any LogSource, key: NoteKey.Verifier, witnesses: WitnessQuorum? = nil, claimLimit: Int? = nil) {
        self.source = source
        self.key = key
        self.witnesses = witnesses
        self.claimLimit = claimLimit
    }

    /// A claim the monitor saw appended since the checkpoint it remembered.
    public struct NewClaim: Sendable {
        public let seq: Int64
        /// The seq of the claim this one corrects, for a `claim.correction`.
        public let corrects: Int64?
        public let claim: ClaimBody
    }

    /// What a successful run verified.
    public struct Report: Sendable {
        /// The verified checkpoint.
        public let checkpoint: Checkpoint
        /// The checkpoint exactly as fetched: the log's signed note, with any witness cosignature lines.
        public let note: [UInt8]
        /// The names of the required witnesses whose cosignatures verified (empty without a `WitnessQuorum`).
        public let cosigners: [String]
        /// The checkpoint remembered from the last run, if any.
        public let previous: Checkpoint?
        /// Claims (and corrections) at seq ≥ the previous checkpoint's size, oldest first: the newest `claimLimit`
        /// of them.
        public let newClaims: [NewClaim]
        /// How many claims (and corrections) were appended since the previous checkpoint, kept or not.
        public let newClaimCount: Int
        /// How many hash tiles, entry bundles and source snapshots were fetched and checked.
        public let tilesChecked: Int, bundlesChecked: Int, sourcesChecked: Int
    }

    /// Evidence that the log contradicts a checkpoint it signed before (a fork or a rollback): both signed notes.
    public struct Inconsistency: Error, Sendable {
        /// The error to report (a verification failure).
        public let error: PublishError
        /// The checkpoint remembered from the last run, verbatim.
        public let remembered: [UInt8]
        /// The checkpoint the log serves now, verbatim.
        public let current: [UInt8]
    }

    /// Opens a signed checkpoint note with the monitor's key; `what` names it in errors.
    public func open(_ note: [UInt8], what: String) throws(PublishError) -> Checkpoint {
        do {
            let (text, _) = try SignedNote.open(note, verifiers: [key])
            return try Checkpoint(text: text)
        } catch {
            throw PublishError("\(what) does not verify with \(key.keyID): \(error)", verificationFailure: true)
        }
    }

    /// Verifies the log as published now, against `remembered` (the signed checkpoint verified last time) when given.
    /// Throws `Inconsistency` when the log contradicts it, `PublishError` for anything else.
    public func run(remembered: [UInt8]? = nil) async throws -> Report {
        guard let note = try await source.fetch("checkpoint", limit: SignedNote.maxBytes) else {
            throw PublishError("no checkpoint at \(source.location): is it a directory or URL that `claimledger publish` wrote?")
        }
        let checkpoint = try open(note, what: "\(source.location): checkpoint")
        guard checkpoint.size <= TileCoordinate.maxTreeSize else {
            throw PublishError("\(source.location): the checkpoint claims \(checkpoint.size) entries, more than the \(TileCoordinate.maxTreeSize) a tiled log can address: a log cannot hold them, so it is refused", verificationFailure: true)
        }
        var cosigners: [String] = []
        if let witnesses {
            do { cosigners = try witnesses.check(note).map(\.witness.name) } catch let e as PublishError {
                throw PublishError("\(source.location): checkpoint NOT witnessed: \(e.message)", verificationFailure: true)
            }
        }
        var previous: Checkpoint? = nil
        if let remembered {
            let old: Checkpoint
            do { old = try open(remembered, what: "the remembered checkpoint") } catch {
                throw PublishError("\(error.message) (a state file from another log? give another --state)")
            }
            func inconsistent(_ why: String) -> Inconsistency {
                Inconsistency(error: PublishError(why, verificationFailure: true), remembered: remembered, current: note)
            }
            guard old.origin == checkpoint.origin else {
                throw PublishError("the remembered checkpoint is for \(NoteKey.quoted(old.origin)), the log at \(source.location) for \(NoteKey.quoted(checkpoint.origin)): use another --state")
            }
            guard checkpoint.size >= old.size else {
                throw inconsistent("the log's checkpoint has \(checkpoint.size) entries, fewer than the \(old.size) of the checkpoint it signed before: it rolled back")
            }
            previous = old
        }
        var run = Run(monitor: self, checkpoint: checkpoint, previous: previous)
        try await run.verify()
        if let previous, let remembered, run.oldRootFound != true {
            throw Inconsistency(error: PublishError("the log's first \(previous.size) entries no longer hash to the root of the checkpoint it signed before: its history was rewritten (a fork)", verificationFailure: true),
                                remembered: remembered, current: note)
        }
        return Report(checkpoint: checkpoint, note: note, cosigners: cosigners, previous: previous, newClaims: run.keptClaims, newClaimCount: run.newClaimCount,
                      tilesChecked: run.tilesChecked, bundlesChecked: run.bundlesChecked, sourcesChecked: run.sourcesChecked)
    }

    /// One pass over the published log.
    private struct Run {
        let monitor: Monitor
        let checkpoint: Checkpoint
        let previous: Checkpoint?
        var builder = TileBuilder()
        var prev = Digest.zero
        var sources = Set<Digest>()
        var texts = SourceTextCache()
        /// The extractor each source was recorded with (HTML captures), to re-derive its text after eviction.
        var extractors: [Digest: Extractor] = [:]
        var newClaims: [NewClaim] = []
        var newClaimCount = 0
        var tilesChecked = 0, bundlesChecked = 0, sourcesChecked = 0
        /// Whether the rebuilt tree had the previous checkpoint's root at its size (nil before reaching it).
        var oldRootFound: Bool?

        /// Counts a new claim and keeps it among the newest `claimLimit` (dropping older ones in batches).
        mutating func keep(_ claim: NewClaim) {
            newClaimCount += 1
            newClaims.append(claim)
            if let limit = monitor.claimLimit, newClaims.count > 2 * limit + 64 { newClaims.removeFirst(newClaims.count - limit) }
        }

        /// The newest `claimLimit` new claims, oldest first.
        var keptClaims: [NewClaim] { monitor.claimLimit.map { Array(newClaims.suffix($0)) } ?? newClaims }

        init(monitor: Monitor, checkpoint: Checkpoint, previous: Checkpoint?) {
            self.monitor = monitor
            self.checkpoint = checkpoint
            self.previous = previous
            if let previous, previous.size == 0 { oldRootFound = previous.root == MerkleHash.emptyRoot }
        }

        var location: String { monitor.source.location }

        mutating func verify() async throws {
            let size = checkpoint.size
            for b in 0..<TileCoordinate.bundleCount(treeSize: size) {
                let coordinate = TileCoordinate.bundle(holding: b * Int64(TileCoordinate.fullWidth), treeSize: size)
                let bytes = try await monitor.source.require(coordinate.path, limit: coordinate.width * (2 + EntryBundle.maxEntryBytes))
                bundlesChecked += 1
                for entry in try EntryBundle.decode(bytes, count: coordinate.width, name: "\(location): \(coordinate.path)") {
                    try await check(entry, in: coordinate)
                    prev = MerkleHash.leaf(entry)
                    for tile in try builder.append(entry: entry) where tile.coordinate.kind != .entries { try await compare(tile) }
                    if let previous, builder.size == previous.size { oldRootFound = builder.root == previous.root }
                }
            }
            for tile in builder.partialTiles where tile.coordinate.kind != .entries { try await compare(tile) }
            guard builder.root == checkpoint.root else {
                throw PublishError("\(location): the \(size) published entries hash to \(builder.root.hex), not to the checkpoint's root \(checkpoint.root.hex)", verificationFailure: true)
            }
        }

        /// Fetches the published tile at `tile`'s path and requires exactly the bytes recomputed from the entries.
        mutating func compare(_ tile: Tile) async throws {
            let published = try await monitor.source.require(tile.coordinate.path, limit: TileCoordinate.fullWidth * Digest.byteCount)
            tilesChecked += 1
            guard published == tile.bytes else {
                let why = published.count == tile.bytes.count
                    ? "its hashes do not match the ones recomputed from the published entries"
                    : "it is \(published.count) bytes, the \(tile.bytes.count / Digest.byteCount) hashes recomputed from the published entries are \(tile.bytes.count)"
                throw PublishError("\(location): \(tile.coordinate.path) does not hold the hashes of the published entries: \(why)", verificationFailure: true)
            }
        }

        mutating func check(_ entry: [UInt8], in bundle: TileCoordinate) async throws {
            let seq = builder.size
            let prefix = "\(location): entry \(seq) (in \(bundle.path))"
            let fail = { (why: String) in PublishError("\(prefix): \(why)", verificationFailure: true) }
            let (checked, problems) = EntryCheck.check(entry, expectedSeq: seq, prev: prev)
            if let first = problems.first { throw fail(first) }
            guard let view = checked, let body = EntryBody(checked: view) else {
                throw fail("the entry cannot be read")
            }
            switch body {
            case .genesis(let genesis):
                guard genesis.origin == checkpoint.origin else {
                    throw fail("the genesis entry is for \(NoteKey.quoted(genesis.origin)), the checkpoint for \(NoteKey.quoted(checkpoint.origin))")
                }
                guard NoteKey.Verifier(text: genesis.publicKey) == monitor.key else { throw fail("the genesis entry names another ledger key than \(monitor.key.keyID)") }
            case .source(let s):
                guard !sources.contains(s.id) else { throw fail("source \(s.id.hex.prefix(16)) is recorded twice") }
                let text = try await sourceText(s.id, seq: seq, body: s)
                sources.insert(s.id)
                _ = texts.text(s.id.hex) { text }
            case .claim(let claim):
                try await checkExcerpt(claim, fail: fail)
                if seq >= previous?.size ?? 0 { keep(NewClaim(seq: seq, corrects: nil, claim: claim)) }
            case .claimCorrection(let correction):
                try await checkExcerpt(correction.claim, fail: fail)
                if seq >= previous?.size ?? 0 { keep(NewClaim(seq: seq, corrects: correction.target, claim: correction.claim)) }
            default:
                break
            }
        }

        mutating func checkExcerpt(_ claim: ClaimBody, fail: (String) -> PublishError) async throws {
            guard sources.contains(claim.source) else { throw fail("the claim cites a source not recorded before it") }
            var text = texts.text(claim.source.hex) { nil }
            if text == nil {
                let fetched = try await sourceText(claim.source, seq: nil, body: nil)
                text = texts.text(claim.source.hex) { fetched }
            }
            if let why = claim.excerpt.mismatch(in: text!) { throw fail(why) }
        }

        /// Fetches `source/<sha256>` and checks it against its id (and, for the source entry itself, its recorded
        /// length and text hash).
        mutating func sourceText(_ id: Digest, seq: Int64?, body: SourceBody?) async throws -> AnchoredText {
            let path = "source/\(id.hex)"
            let bytes = try await monitor.source.require(path, limit: Monitor.maxSourceBytes)
            sourcesChecked += 1
            let prefix = "\(location): \(path)\(seq.map { " (entry \($0))" } ?? "")"
            let fail = { (why: String) in PublishError("\(prefix): \(why)", verificationFailure: true) }
            guard SHA256.hash(bytes) == id else { throw fail("the published snapshot does not hash to its name") }
            if let extractor = body?.extractor { extractors[id] = extractor }
            let extractor = body?.extractor ?? extractors[id]
            guard let decoded = CapturedText.anchoring(bytes, extractor: extractor) else {
                throw fail(extractor.map { "the text cannot be extracted from the snapshot with \($0.name) \($0.version)" } ?? "the snapshot is not valid UTF-8")
            }
            if let body {
                guard bytes.count == body.byteLength else { throw fail("the snapshot is \(bytes.count) bytes, the entry records \(body.byteLength)") }
                guard SHA256.hash(Array(decoded.utf8)) == body.textSHA256 else { throw fail("the snapshot's anchoring text does not hash to the entry's text_sha256") }
            }
            return AnchoredText(decoded)
        }
    }
}
