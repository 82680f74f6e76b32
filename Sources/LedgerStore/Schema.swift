import LedgerCore

/// The ledger database's schema (DESIGN §6): STRICT tables, append-only triggers, named migrations.
///
/// `entries` holds each entry's exact bytes and leaf hash, plus columns derived from its body (kind, key,
/// source, subject, predicate, outlet, anchor) that only serve lookups and are re-derived and compared by `verify`.
/// `blob_chunks` holds source bytes by SHA-256, in chunks of `LedgerStore.blobChunkSize` (`blobs`, whole, before
/// migration 0003). `tree_hashes` is the Merkle tree in Go tlog's stored-hash-index
/// layout. Triggers abort any UPDATE or DELETE on each table; `verify` checks the triggers are intact.
enum Schema {
    /// `PRAGMA application_id`: "CLG1".
    static let applicationID: Int64 = 0x434C_4731

    /// One named step of the schema: `sql`, then `fill` (what SQL cannot derive from entry bytes by the rules
    /// of the typed bodies), then `finish`, all in one transaction.
    struct Migration: Sendable {
        let name: String
        let sql: String
        var fill: (@Sendable (Database) throws(StoreError) -> Void)? = nil
        var finish = ""
    }

    /// Named, ordered migrations; each runs once and is recorded in `migrations`.
    static let migrations: [Migration] = [
        Migration(name: "0001-entries-blobs-tree", sql: """
        CREATE TABLE entries (
            seq INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            key TEXT,
            source TEXT,
            subject TEXT,
            predicate TEXT,
            outlet TEXT,
            bytes BLOB NOT NULL,
            leaf_hash BLOB NOT NULL
        ) STRICT;
        CREATE TABLE blobs (sha256 BLOB PRIMARY KEY, bytes BLOB NOT NULL) STRICT, WITHOUT ROWID;
        CREATE TABLE tree_hashes (idx INTEGER PRIMARY KEY, hash BLOB NOT NULL) STRICT;
        CREATE INDEX entries_by_key ON entries(kind, key) WHERE key IS NOT NULL;
        CREATE INDEX entries_by_subject ON entries(subject, predicate) WHERE subject IS NOT NULL;
        CREATE INDEX entries_by_outlet ON entries(outlet) WHERE outlet IS NOT NULL;
        CREATE INDEX entries_by_source ON entries(source) WHERE source IS NOT NULL;
        """ + triggers.map(\.sql).joined(separator: ";\n") + ";"),
        Migration(name: "0002-entry-signatures", sql: "ALTER TABLE entries ADD COLUMN signature BLOB"),
        // Sources stored in 1 MiB chunks, so that no reader has to hold a whole source; `blobs` is still read
        // for sources stored before this migration.
        Migration(name: "0003-blob-chunks", sql: """
        CREATE TABLE blob_chunks (sha256 BLOB NOT NULL, n INTEGER NOT NULL, bytes BLOB NOT NULL, PRIMARY KEY (sha256, n)) STRICT, WITHOUT ROWID;
        """ + appendOnly("blob_chunks").map(\.sql).joined(separator: ";\n") + ";"),
        // Each claim's (and correction's) excerpt position, "start:end", beside its source, so the duplicate
        // check of a new claim reads the few claims at the same place instead of every claim of the source.
        // Entries recorded before are filled in from their bytes by the typed bodies (the `kind` column is not
        // trusted to say which rows are claims), with `entries`' update trigger lifted inside this migration's
        // transaction; `verify` re-derives every value.
        Migration(name: "0004-entry-anchors", sql: """
        ALTER TABLE entries ADD COLUMN anchor TEXT;
        DROP TRIGGER entries_no_update;
        """, fill: fillAnchors, finish: """
        \(triggers.first { $0.name == "entries_no_update" }!.sql);
        CREATE INDEX entries_by_anchor ON entries(source, anchor) WHERE anchor IS NOT NULL;
        """),
    ]

    /// Migration 0004's fill: every entry whose bytes decode to a claim or correction gets its `anchor`, read
    /// in seq order a chunk at a time (memory flat in the ledger's size). Bytes that do not decode are left
    /// NULL: `verify` reports them.
    @Sendable static func fillAnchors(_ db: Database) throws(StoreError) {
        let read = try db.prepare("SELECT seq, bytes FROM entries WHERE seq >= ? ORDER BY seq LIMIT ?")
        let write = try db.prepare("UPDATE entries SET anchor = ? WHERE seq = ?")
        var next: Int64 = 0, more = true
        while more {
            try read.reset().bind(1, next)
            try read.bind(2, Int64(fillChunk))
            var anchors: [(Int64, String)] = []
            var rows = 0
            while try read.step() {
                rows += 1
                let seq = read.int64(0)
                next = seq + 1
                if let body = EntryBody(read.blob(1)), let anchor = DerivedColumns(body).anchor { anchors.append((seq, anchor)) }
            }
            more = rows == fillChunk
            for (seq, anchor) in anchors {
                try write.reset().bind(1, anchor)
                try write.bind(2, seq)
                try write.insert()
            }
        }
    }

    /// Rows read at a time by a migration's fill.
    static let fillChunk = 10_000

    /// The first migration whose schema has `entries.anchor` (numbered from 1, as `migrations.id`).
    static let anchorsMigration = 4

    /// The append-only triggers of the first migration's tables, by name, with their exact SQL.
    static let triggers: [(name: String, sql: String)] = ["entries", "blobs", "tree_hashes"].flatMap(appendOnly)

    /// The triggers that abort any UPDATE or DELETE on `table`, with their SQL as SQLite keeps it in `sqlite_master`.
    static func appendOnly(_ table: String) -> [(name: String, sql: String)] {
        ["UPDATE", "DELETE"].map { op in
            let name = "\(table)_no_\(op.lowercased())"
            return (name, "CREATE TRIGGER \(name) BEFORE \(op) ON \(table) BEGIN SELECT RAISE(ABORT, '\(table) are append-only'); END")
        }
    }

    /// Creates the schema in an empty database.
    static func create(_ db: Database, now: String) throws(StoreError) {
        try db.execute("PRAGMA journal_mode=WAL")
        try db.execute("PRAGMA application_id=\(applicationID)")
        try db.execute(migrationsTable)
        try migrate(db, now: now)
    }

    static let migrationsTable = "CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, applied_at TEXT NOT NULL) STRICT"

    /// Applies the migrations not yet recorded (up to the first `count`), each in its own transaction.
    static func migrate(_ db: Database, now: String, upTo count: Int = migrations.count) throws(StoreError) {
        let applied = try db.integer("SELECT count(*) FROM migrations")
        for (n, m) in migrations.prefix(count).enumerated() where n >= applied {
            do {
                try db.immediateTransaction {
                    try db.execute(m.sql)
                    try m.fill?(db)
                    if !m.finish.isEmpty { try db.execute(m.finish) }
                    let record = try db.prepare("INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)")
                    try record.bind(1, Int64(n + 1))
                    try record.bind(2, m.name)
                    try record.bind(3, now)
                    try record.insert()
                    try db.execute("PRAGMA user_version=\(n + 1)")
                }
            } catch let e as StoreError {
                throw e
            } catch {
                throw StoreError("migration \(m.name) failed: \(error)")
            }
        }
    }

    /// One row of `sqlite_master`: every table, index, trigger and view, with the SQL text SQLite keeps.
    struct Object: Hashable, Comparable {
        let type: String, name: String, table: String, sql: String?
        static func < (a: Object, b: Object) -> Bool { (a.type, a.name) < (b.type, b.name) }
        var described: String { "\(type) \(name)" }
    }

    static func objects(_ db: Database) throws(StoreError) -> Set<Object> {
        let s = try db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master")
        var out: Set<Object> = []
        while try s.step() { out.insert(Object(type: s.text(0) ?? "", name: s.text(1) ?? "", table: s.text(2) ?? "", sql: s.text(3))) }
        return out
    }

    /// The exact `sqlite_master` this code creates for the first `count` migrations, built in memory once per
    /// process (every open compares against it; building it runs the migrations on an in-memory database).
    static func expectedObjects(migrations count: Int) throws(StoreError) -> Set<Object> {
        try expected[count].get()
    }

    private static let expected: [Result<Set<Object>, StoreError>] = (0...migrations.count).map { count in
        Result { () throws(StoreError) in
            let db = try Database(path: ":memory:", create: true)
            try db.execute(migrationsTable)
            try migrate(db, now: "", upTo: count)
            return try objects(db)
        }
    }

    /// What is wrong with the schema of an opened file: application id, migrations, and every schema object
    /// (an added trigger, index or view is named, as is one dropped or altered). Empty when it is exactly
    /// what this code creates for the recorded migrations. Reads only `sqlite_master`: cheap on every open.
    static func problems(_ db: Database) throws(StoreError) -> [String] {
        var out: [String] = []
        let appID = try db.integer("PRAGMA application_id")
        if appID != applicationID { return ["the file is not a claimledger database (application_id \(appID))"] }
        let found = try objects(db)
        guard found.contains(where: { $0.type == "table" && $0.name == "migrations" }) else { return ["the migrations table was dropped"] }
        let names = try db.prepare("SELECT name FROM migrations ORDER BY id")
        var recorded: [String] = []
        while try names.step() { recorded.append(names.text(0) ?? "") }
        if recorded.count > migrations.count {
            return ["the database was written by a newer claimledger (migration \(recorded.last ?? "?")); upgrade claimledger"]
        } else if recorded != migrations.prefix(recorded.count).map(\.name) {
            out.append("the recorded migrations are not claimledger's")
        }
        let expected = try expectedObjects(migrations: recorded.count)
        let expectedByName = Dictionary(expected.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let foundNames = Set(found.map(\.name))
        for o in found.subtracting(expected).sorted() {
            out.append(expectedByName[o.name] == nil ? "a foreign schema object was added: \(o.described)\(o.table == o.name ? "" : " on \(o.table)")" : "the \(o.described) was altered")
        }
        for o in expected.sorted() where !foundNames.contains(o.name) {
            out.append("the \(o.described) was dropped")
        }
        return out
    }

    /// SQLite's own `PRAGMA integrity_check`: pages, records, and every index against its table (an index
    /// missing a row hides that row from lookups). Reads the whole file: for `verify`, not for every open.
    static func integrityProblems(_ db: Database) throws(StoreError) -> [String] {
        let s = try db.prepare("PRAGMA integrity_check(\(Verifier.maxFindings))")
        var out: [String] = []
        while try s.step() {
            if let line = s.text(0), line != "ok" { out.append("SQLite integrity check: \(line)") }
        }
        return out
    }
}
