import Foundation
import LedgerCore
import LedgerCrypto

/// The SQLite store of one ledger (DESIGN §6): WAL, `synchronous=FULL`, `BEGIN IMMEDIATE` appends,
/// `busy_timeout` so concurrent writers queue, and the Merkle tree's stored hashes so that roots and
/// proofs need O(log n) reads. It appends and reads; it never updates or deletes.
public final class LedgerStore: MerkleHashReader {
    /// The database file's name inside a ledger directory.
    public static let fileName = "ledger.sqlite"

    /// Called once when a connection has waited a second for the lock another writer holds (the CLI prints
    /// "waiting for the ledger lock held by another writer…"). Set it before opening stores.
    nonisolated(unsafe) public static var lockWaitNotice: (@Sendable () -> Void)?

    let db: Database

    private init(db: Database) throws(StoreError) {
        self.db = db
        try Self.configure(db, readOnly: false)
    }

    /// Page cache of a connection that writes, in KiB: a bulk import touches five indexes across the whole
    /// file, and SQLite's default 2 MiB spills pages to the WAL and reads them back (measured at 100,000
    /// claims: half the system time and 11% of the CPU time of `claim import`). Allocated only as pages are used.
    static let writerCacheKiB = 32 * 1024

    private static func configure(_ db: Database, readOnly: Bool) throws(StoreError) {
        db.setBusyTimeout(milliseconds: 30_000, notice: LedgerStore.lockWaitNotice)
        try db.execute("PRAGMA synchronous=FULL")
        if !readOnly { try db.execute("PRAGMA cache_size=-\(writerCacheKiB)") }
    }

    /// Creates a new, empty store at `path` (which must not exist), schema and migrations applied.
    public static func createEmpty(at path: String, now: String) throws -> LedgerStore {
        let store = try LedgerStore(db: Database(path: path, create: true))
        try Schema.create(store.db, now: now)
        return store
    }

    /// Creates a new store at `path` (which must not exist) holding only the genesis entry, signed by `signer`.
    public static func create(at path: String, time: String, author: String, genesis: GenesisBody, signer: NoteKey.Signer? = nil) throws -> LedgerStore {
        let store = try createEmpty(at: path, now: time)
        try store.append(time: time, author: author, signer: signer) { batch in _ = try batch.append(.genesis(genesis)) }
        return store
    }

    /// Opens an existing store and checks its schema, migrations and append-only triggers are intact
    /// (`checkSchema: false` only for `verify`, which reports such problems as findings instead).
    public init(openExisting path: String, readOnly: Bool = false, checkSchema: Bool = true) throws {
        self.db = try Database(path: path, create: false, readOnly: readOnly)
        try Self.configure(db, readOnly: readOnly)
        if checkSchema, let problem = try Schema.problems(db).first {
            throw StoreError("\(problem): the ledger was modified outside claimledger; run `claimledger verify` for details", integrity: true)
        }
        if !readOnly && checkSchema { try Schema.migrate(db, now: Bodies.now()) }
    }

    /// What is wrong with the database's schema (for `verify`); empty when intact.
    public func schemaProblems() throws -> [String] { try Schema.problems(db) }

    /// What SQLite's integrity check finds wrong with the file, an index missing a row among them (for
    /// `verify`; it reads the whole file); empty when intact.
    public func integrityProblems() throws -> [String] { try Schema.integrityProblems(db) }

    /// Starts SQLite's integrity check on a second, read-only connection on another thread, so it runs on the
    /// other core while `verify` streams the entries; the returned function waits for it (once; later calls
    /// return at once) and gives its findings.
    public func integrityProblemsInBackground() -> () throws -> [String] {
        final class Outcome: @unchecked Sendable {  // written once by the thread, read after `done` is signalled
            var result: Result<[String], StoreError> = .success([])
            let done = DispatchSemaphore(value: 0)
            var waited = false  // read and written by the caller's thread only
        }
        let outcome = Outcome(), path = db.path
        let thread = Thread {
            outcome.result = Result { () throws(StoreError) in try Schema.integrityProblems(Database(path: path, create: false, readOnly: true)) }
            outcome.done.signal()
        }
        thread.start()
        return {
            if !outcome.waited { outcome.done.wait() }
            outcome.waited = true
            return try outcome.result.get()
        }
    }

    /// Whether `entries` has the `anchor` column (migration 0004): a ledger opened read-only is not migrated.
    public func hasAnchorColumn() throws -> Bool {
        try db.integer("SELECT count(*) FROM pragma_table_info('entries') WHERE name = 'anchor'") > 0
    }

    /// The number of entries.
    public func size() throws -> Int64 { try db.integer("SELECT coalesce(max(seq) + 1, 0) FROM entries") }

    /// The entry at `seq`, read from its stored bytes, or nil when there is none.
    public func entry(_ seq: Int64) throws -> Entry? {
        try entryBytes(seq).map { try Entry(seq: seq, bytes: $0) }
    }

    /// The stored bytes of entry `seq`, not parsed.
    public func entryBytes(_ seq: Int64) throws -> [UInt8]? {
        let s = try db.prepare("SELECT bytes FROM entries WHERE seq = ?")
        try s.bind(1, seq)
        guard try s.step() else { return nil }
        return s.blob(0)
    }

    /// The Ed25519 signature stored beside entry `seq`, when it was signed.
    public func signature(_ seq: Int64) throws -> [UInt8]? {
        let s = try db.prepare("SELECT signature FROM entries WHERE seq = ?")
        try s.bind(1, seq)
        guard try s.step(), !s.isNull(0) else { return nil }
        return s.blob(0)
    }

    /// The seq of every entry of `kind` whose key is `key` (a source id, predicate id or entity id), oldest first.
    /// `scanning` reads the table itself rather than the index, for checks an append relies on (an index
    /// rebuilt without a row would hide it; only `verify`'s integrity check reads every index whole).
    public func seqs(kind: EntryKind, key: String, scanning: Bool = false) throws -> [Int64] {
        let s = try db.prepare("SELECT seq FROM entries \(scanning ? "NOT INDEXED " : "")WHERE kind = ? AND key = ? ORDER BY seq")
        try s.bind(1, kind.rawValue)
        try s.bind(2, key)
        var out: [Int64] = []
        while try s.step() { out.append(s.int64(0)) }
        return out
    }

    /// The seq of every entry of `kind`, oldest first.
    /// Kinds whose entries have a key are found through the key index, the others by reading the table.
    public func seqs(kind: EntryKind) throws -> [Int64] {
        let s = try db.prepare("SELECT seq FROM entries WHERE kind = ?\(DerivedColumns.hasKey(kind) ? " AND key IS NOT NULL" : "") ORDER BY seq")
        try s.bind(1, kind.rawValue)
        var out: [Int64] = []
        while try s.step() { out.append(s.int64(0)) }
        return out
    }

    /// The keys of `kind` that start with `prefix` (for resolving abbreviated source ids), at most `limit`.
    public func keys(kind: EntryKind, prefix: String, limit: Int = 10) throws -> [String] {
        let s = try db.prepare("SELECT DISTINCT key FROM entries WHERE kind = ? AND key >= ? AND key < ? ORDER BY key LIMIT ?")
        try s.bind(1, kind.rawValue)
        try s.bind(2, prefix)
        try s.bind(3, prefix + "\u{10FFFF}")
        try s.bind(4, Int64(limit))
        var out: [String] = []
        while try s.step() { out.append(s.text(0) ?? "") }
        return out
    }

    /// The size of the chunks a source's bytes are stored in (`blob_chunks`): what a reader of a source holds at once.
    public static let blobChunkSize = 1 << 20

    /// Whether the file has `blob_chunks` (migration 0003; a ledger opened read-only may predate it).
    private lazy var hasBlobChunks: Bool = (try? db.integer("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'blob_chunks'")) == 1

    /// The stored bytes of a source, by their SHA-256, whole (not checked against it: `verify` does that).
    public func blob(_ id: Digest) throws -> [UInt8]? {
        var bytes: [UInt8] = []
        let found = try readBlob(id) { chunk in bytes.append(contentsOf: chunk); return true }
        return found ? bytes : nil
    }

    /// Hands the stored bytes of a source to `body` in order, chunk by chunk, from raw offset `offset` on, until
    /// `body` returns false; memory stays at one chunk whatever the source's size. Returns false when no bytes
    /// are stored under `id`.
    @discardableResult
    public func readBlob(_ id: Digest, from offset: Int = 0, _ body: (ArraySlice<UInt8>) throws -> Bool) throws -> Bool {
        if hasBlobChunks {
            let s = try db.prepare("SELECT n, bytes FROM blob_chunks WHERE sha256 = ? AND n >= ? ORDER BY n")
            try s.bind(1, id.bytes)
            try s.bind(2, Int64(offset / Self.blobChunkSize))
            var found = false
            while try s.step() {
                let chunk = s.blob(1)
                let skip = found ? 0 : min(chunk.count, offset - Int(s.int64(0)) * Self.blobChunkSize)
                found = true
                if try !body(chunk[max(0, skip)...]) { return true }
            }
            if found { return true }
            let stored = try db.prepare("SELECT count(*) FROM blob_chunks WHERE sha256 = ?")
            try stored.bind(1, id.bytes)
            if try stored.step(), stored.int64(0) > 0 { return true }  // `offset` is past its end
        }
        let s = try db.prepare("SELECT bytes FROM blobs WHERE sha256 = ?")
        try s.bind(1, id.bytes)
        guard try s.step() else { return false }
        let bytes = s.blob(0)
        _ = try body(bytes[min(offset, bytes.count)...])
        return true
    }

    /// Stored Merkle hashes by stored-hash-index position, in one query per call.
    public func readHashes(_ indexes: [Int64]) throws -> [Digest] {
        guard !indexes.isEmpty else { return [] }
        let s = try db.prepare("SELECT idx, hash FROM tree_hashes WHERE idx IN (\(indexes.map(String.init).joined(separator: ",")))")
        var found: [Int64: Digest] = [:]
        while try s.step() { found[s.int64(0)] = Digest(bytes: s.blob(1)) }
        return try indexes.map { i throws(StoreError) in
            guard let h = found[i] else { throw StoreError("the stored Merkle hash \(i) is missing or malformed; run `claimledger verify`", integrity: true) }
            return h
        }
    }

    /// The RFC 6962 root of the first `size` entries, from stored hashes.
    public func root(size: Int64) throws -> Digest { try MerkleProofs.treeHash(size: size, reader: self) }

    /// Appends entries in one `BEGIN IMMEDIATE` transaction: all of them are committed, or none.
    ///
    /// Before writing, the tip is checked in O(log n) — the last entry's bytes still hash to its stored
    /// leaf hash, and the stored tree matches the entry count — so an append never builds on a tampered tip.
    /// With a `signer`, each entry's `author` is the signer's key id and its Ed25519 signature over the entry
    /// bytes is stored beside them. Every insert must write exactly one row, and before committing the last
    /// appended entry is read back and compared, so nothing is acknowledged that is not stored.
    public func append<T>(time: String, author: String, signer: NoteKey.Signer? = nil, _ body: (AppendBatch) throws -> T) throws -> T {
        try db.immediateTransaction {
            let batch = try AppendBatch(store: self, time: time, author: signer?.verifier.keyID ?? author, signer: signer)
            let result = try body(batch)
            try batch.confirm()
            return result
        }
    }

    /// Calls `body` for every entry from seq `from` on, in seq order, streaming, with its stored leaf hash and derived columns.
    public func forEachStoredEntry(from: Int64 = 0, _ body: (StoredEntry) throws -> Void) throws {
        let anchor = try hasAnchorColumn() ? "anchor" : "NULL"
        let s = try db.prepare("SELECT seq, bytes, leaf_hash, kind, key, source, subject, predicate, outlet, signature, \(anchor) FROM entries WHERE seq >= ? ORDER BY seq")
        try s.bind(1, from)
        while try s.step() {
            try body(StoredEntry(seq: s.int64(0), bytes: s.blob(1), storedLeafHash: s.blob(2),
                                 derived: DerivedColumns(kind: s.text(3), key: s.text(4), source: s.text(5),
                                                         subject: s.text(6), predicate: s.text(7), outlet: s.text(8), anchor: s.text(10)),
                                 signature: s.isNull(9) ? nil : s.blob(9)))
        }
    }

    /// A cursor over the stored Merkle hashes in position order, for streaming beside the entries.
    public func treeHashes() throws -> TreeHashCursor { TreeHashCursor(try db.prepare("SELECT idx, hash FROM tree_hashes ORDER BY idx")) }

    /// Calls `body` for every stored source (the key it is stored under, and the SHA-256 of the bytes actually
    /// stored there), reading each in chunks.
    public func forEachBlob(_ body: (_ key: [UInt8], _ actual: Digest) throws -> Void) throws {
        let s = try db.prepare(hasBlobChunks ? "SELECT DISTINCT sha256 FROM blob_chunks UNION SELECT sha256 FROM blobs ORDER BY 1" : "SELECT sha256 FROM blobs ORDER BY 1")
        while try s.step() {
            let key = s.blob(0)
            var hasher = SHA256()
            if let id = Digest(bytes: key) { try readBlob(id) { hasher.update($0); return true } }  // else a foreign row: no id
            try body(key, hasher.finalize())
        }
    }

    /// Runs `body` on one consistent snapshot of the store (for `verify` and reports).
    public func snapshot<T>(_ body: () throws -> T) throws -> T { try db.readTransaction(body) }
}

/// Steps through `tree_hashes` in position order.
public final class TreeHashCursor {
    private let statement: Statement
    fileprivate init(_ statement: Statement) { self.statement = statement }

    /// The next (position, hash bytes), or nil at the end.
    public func next() throws -> (Int64, [UInt8])? {
        try statement.step() ? (statement.int64(0), statement.blob(1)) : nil
    }
}

/// An entry as stored: the raw row, before any check.
public struct StoredEntry {
    public let seq: Int64
    public let bytes: [UInt8]
    public let storedLeafHash: [UInt8]
    public let derived: DerivedColumns
    /// The author's Ed25519 signature over `bytes`, when the entry was signed.
    public let signature: [UInt8]?
}

/// The lookup columns derived from an entry's body. `verify` re-derives and compares them.
public struct DerivedColumns: Equatable, Sendable {
    public var kind: String?
    public var key: String?
    public var source: String?
    public var subject: String?
    public var predicate: String?
    public var outlet: String?
    /// A claim's excerpt position in its source, "start:end" (from migration 0004 on; nil before).
    public var anchor: String?

    /// The columns as stored.
    public init(kind: String?, key: String? = nil, source: String? = nil, subject: String? = nil, predicate: String? = nil,
                outlet: String? = nil, anchor: String? = nil) {
        self.kind = kind
        self.key = key
        self.source = source
        self.subject = subject
        self.predicate = predicate
        self.outlet = outlet
        self.anchor = anchor
    }

    /// The columns an entry with `body` must have.
    public init(_ body: EntryBody) {
        let kind = body.kind.rawValue
        switch body {
        case .source(let b): self.init(kind: kind, key: b.id.hex, outlet: b.outlet)
        case .entity(let b): self.init(kind: kind, key: b.id)
        case .predicate(let b): self.init(kind: kind, key: b.id)
        case .entityAlias(let b): self.init(kind: kind, key: b.entity)
        case .key(let b): self.init(kind: kind, key: NoteKey.Verifier(text: b.vkey)?.keyID)
        case .claimRetraction(let b): self.init(kind: kind, key: String(b.target))
        case .claimCorrection(let b): self.init(claim: b.claim.placement, correcting: b.target)
        case .claim(let b): self.init(claim: b.placement, correcting: nil)
        case .genesis, .link: self.init(kind: kind)
        }
    }

    /// The columns of a claim placed at `c`, or of a correction of the claim at `target` whose new claim it is.
    public init(claim c: ClaimBody.Placement, correcting target: Int64?) {
        self.init(kind: (target == nil ? EntryKind.claim : .claimCorrection).rawValue, key: target.map(String.init), source: c.source.hex,
                  subject: c.subject, predicate: c.predicate, outlet: c.outlet, anchor: Self.anchor(c.excerpt.start, c.excerpt.end))
    }

    /// Whether entries of `kind` have a `key` column (all but the genesis entry, claims and links).
    public static func hasKey(_ kind: EntryKind) -> Bool {
        switch kind {
        case .genesis, .link, .claim: false
        case .source, .entity, .entityAlias, .predicate, .key, .claimRetraction, .claimCorrection: true
        }
    }

    /// The `anchor` column of an excerpt at scalars `start..<end`.
    public static func anchor(_ start: Int, _ end: Int) -> String { "\(start):\(end)" }
}

/// One append transaction in progress: the next seq, the chain's tip and the tree's frontier are held in
/// memory, so each entry costs one canonical encoding, one leaf hash and a few inserts — no reads.
public final class AppendBatch {
    private let store: LedgerStore
    private let time: String
    private let author: String
    private let signer: NoteKey.Signer?
    private var frontier: MerkleFrontier
    private var prev: Digest
    private var last: Entry?
    private let insertEntry: Statement
    private let insertHash: Statement
    private let insertBlob: Statement

    /// The ledger's size including what this batch appended so far.
    public var size: Int64 { frontier.size }

    init(store: LedgerStore, time: String, author: String, signer: NoteKey.Signer?) throws {
        self.store = store
        self.time = time
        self.author = author
        self.signer = signer
        let db = store.db
        // O(log n) reads only (max of a rowid): a missing row in the middle is for `verify` to find.
        let size = try store.size()
        let hashes = try db.integer("SELECT coalesce(max(idx) + 1, 0) FROM tree_hashes")
        guard hashes == StoredHashIndex.count(size: size) else {
            throw StoreError("the ledger's \(size) entries and its stored Merkle tree (\(hashes) hashes) disagree; it was modified outside claimledger — run `claimledger verify`", integrity: true)
        }
        frontier = try MerkleFrontier(size: size, subtreeHashes: store.readHashes(MerkleFrontier.storedIndexes(size: size)))
        if size > 0 {
            let s = try db.prepare("SELECT bytes, leaf_hash FROM entries WHERE seq = ?")
            try s.bind(1, size - 1)
            _ = try s.step()
            let leaf = MerkleHash.leaf(s.blob(0))
            let storedLeaf = try store.readHashes([StoredHashIndex.index(level: 0, size - 1)])[0]
            guard leaf.bytes == s.blob(1), leaf == storedLeaf else {
                throw StoreError("the last entry (seq \(size - 1)) no longer matches its leaf hash; the ledger was modified outside claimledger — run `claimledger verify`", integrity: true)
            }
            prev = leaf
        } else {
            prev = .zero
        }
        insertEntry = try db.prepare("INSERT INTO entries (seq, kind, key, source, subject, predicate, outlet, bytes, leaf_hash, signature, anchor) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
        insertHash = try db.prepare("INSERT INTO tree_hashes (idx, hash) VALUES (?, ?)")
        insertBlob = try db.prepare("INSERT INTO blob_chunks (sha256, n, bytes) VALUES (?, ?, ?)")
    }

    /// Appends one entry and its Merkle hashes; returns it (with its seq and leaf hash).
    @discardableResult
    public func append(_ body: EntryBody) throws -> Entry {
        let entry = try Entry.make(seq: frontier.size, prev: prev, time: time, author: author, body: body)
        try insert(entry, DerivedColumns(body), signature: try signer.map { try $0.privateKey.signature(for: entry.bytes) })
        return entry
    }

    /// Appends an entry whose body is raw JSON, as a hand-made or hostile row would be (for tests of what
    /// readers do with such rows): its lookup columns are its decoded body's when it decodes, else its kind's.
    @_spi(Testing) @discardableResult
    public func append(kind: EntryKind, body: JSONValue) throws -> Entry {
        let entry = try Entry.make(seq: frontier.size, prev: prev, time: time, author: author, kind: kind, body: body)
        let derived = EntryBody(entry.bytes).map(DerivedColumns.init) ?? DerivedColumns(kind: kind.rawValue)
        try insert(entry, derived, signature: try signer.map { try $0.privateKey.signature(for: entry.bytes) })
        return entry
    }

    /// Appends an entry that already exists elsewhere (an import), exactly as it is: its seq must be the next
    /// one and its `prev` this ledger's last leaf hash; `body` is its body, decoded; its signature, if any, is
    /// stored beside it.
    public func appendExisting(_ entry: Entry, body: EntryBody, signature: [UInt8]?) throws {
        guard entry.seq == frontier.size, entry.prev == prev.hex else {
            throw StoreError("entry \(entry.seq) does not follow the ledger's last entry (seq or prev)", integrity: true)
        }
        guard body.kind == entry.kind else { throw StoreError("entry \(entry.seq)'s body is not of its kind \(entry.kind.rawValue)", integrity: true) }
        try insert(entry, DerivedColumns(body), signature: signature)
    }

    private func insert(_ entry: Entry, _ d: DerivedColumns, signature: [UInt8]?) throws {
        insertEntry.reset()
        try insertEntry.bind(1, entry.seq)
        try insertEntry.bind(2, d.kind)
        try insertEntry.bind(3, d.key)
        try insertEntry.bind(4, d.source)
        try insertEntry.bind(5, d.subject)
        try insertEntry.bind(6, d.predicate)
        try insertEntry.bind(7, d.outlet)
        try insertEntry.bind(8, entry.bytes)
        try insertEntry.bind(9, entry.leafHash.bytes)
        if let signature { try insertEntry.bind(10, signature) }
        try insertEntry.bind(11, d.anchor)
        try insertEntry.insert()
        var index = StoredHashIndex.index(level: 0, entry.seq)
        for h in frontier.append(leaf: entry.leafHash) {
            insertHash.reset()
            try insertHash.bind(1, index)
            try insertHash.bind(2, h.bytes)
            try insertHash.insert()
            index += 1
        }
        prev = entry.leafHash
        last = entry
    }

    /// Reads back what this batch wrote: the entry count and the last entry's bytes and leaf hash must be
    /// exactly what was appended.
    func confirm() throws {
        guard try store.size() == frontier.size else {
            throw StoreError("the ledger holds \(try store.size()) entries after appending up to \(frontier.size); the ledger database was modified outside claimledger — run `claimledger verify`", integrity: true)
        }
        guard let last else { return }
        let s = try store.db.prepare("SELECT bytes, leaf_hash FROM entries WHERE seq = ?")
        try s.bind(1, last.seq)
        guard try s.step(), s.blob(0) == last.bytes, s.blob(1) == last.leafHash.bytes else {
            throw StoreError("entry \(last.seq) does not read back as it was appended; the ledger database was modified outside claimledger — run `claimledger verify`", integrity: true)
        }
    }

    /// Stores a source's bytes under their SHA-256, in chunks of `LedgerStore.blobChunkSize` (once; storing the
    /// same bytes again does nothing). Each chunk insert must write exactly one row.
    public func storeBlob(_ bytes: [UInt8]) throws -> Digest {
        let id = SHA256.hash(bytes)
        guard !(try store.readBlob(id) { _ in false }) else { return id }
        var n: Int64 = 0
        for start in stride(from: 0, to: max(bytes.count, 1), by: LedgerStore.blobChunkSize) {
            insertBlob.reset()
            try insertBlob.bind(1, id.bytes)
            try insertBlob.bind(2, n)
            try insertBlob.bind(3, Array(bytes[start..<min(bytes.count, start + LedgerStore.blobChunkSize)]))
            try insertBlob.insert()
            n += 1
        }
        return id
    }
}
