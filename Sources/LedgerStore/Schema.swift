/// The ledger database's schema (DESIGN §6): STRICT tables, append-only triggers, named migrations.
///
/// `entries` holds each entry's exact bytes and leaf hash, plus columns derived from its body (kind, key,
/// source, subject, predicate, outlet) that only serve lookups and are re-derived and compared by `verify`.
/// `blobs` holds source bytes by SHA-256. `tree_hashes` is the Merkle tree in Go tlog's stored-hash-index
/// layout. Triggers abort any UPDATE or DELETE on the three; `verify` checks the triggers are intact.
enum Schema {
    /// `PRAGMA application_id`: "CLG1".
    static let applicationID: Int64 = 0x434C_4731

    /// Named, ordered migrations; each runs once and is recorded in `migrations`.
    static let migrations: [(name: String, sql: String)] = [
        ("0001-entries-blobs-tree", """
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
        ("0002-entry-signatures", "ALTER TABLE entries ADD COLUMN signature BLOB"),
    ]

    /// The append-only triggers, by name, with their exact SQL as SQLite keeps it in `sqlite_master`.
    static let triggers: [(name: String, sql: String)] = ["entries", "blobs", "tree_hashes"].flatMap { table in
        ["UPDATE", "DELETE"].map { op in
            let name = "\(table)_no_\(op.lowercased())"
            return (name, "CREATE TRIGGER \(name) BEFORE \(op) ON \(table) BEGIN SELECT RAISE(ABORT, '\(table) are append-only'); END")
        }
    }

    /// Creates the schema in an empty database.
    static func create(_ db: Database, now: String) throws(StoreError) {
        try db.execute("PRAGMA journal_mode=WAL")
        try db.execute("PRAGMA application_id=\(applicationID)")
        try db.execute("CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, applied_at TEXT NOT NULL) STRICT")
        try migrate(db, now: now)
    }

    /// Applies the migrations not yet recorded, each in its own transaction.
    static func migrate(_ db: Database, now: String) throws(StoreError) {
        let applied = try db.integer("SELECT count(*) FROM migrations")
        for (n, m) in migrations.enumerated() where n >= applied {
            do {
                try db.immediateTransaction {
                    try db.execute(m.sql)
                    let record = try db.prepare("INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)")
                    try record.bind(1, Int64(n + 1))
                    try record.bind(2, m.name)
                    try record.bind(3, now)
                    try record.run()
                    try db.execute("PRAGMA user_version=\(n + 1)")
                }
            } catch let e as StoreError {
                throw e
            } catch {
                throw StoreError("migration \(m.name) failed: \(error)")
            }
        }
    }

    /// What is wrong with the schema of an opened file: application id, migrations, triggers.
    /// Empty when it is exactly what this code creates.
    static func problems(_ db: Database) throws(StoreError) -> [String] {
        var out: [String] = []
        let appID = try db.integer("PRAGMA application_id")
        if appID != applicationID { return ["the file is not a claimledger database (application_id \(appID))"] }
        let names = try db.prepare("SELECT name FROM migrations ORDER BY id")
        var recorded: [String] = []
        while try names.step() { recorded.append(names.text(0) ?? "") }
        if recorded.count > migrations.count {
            out.append("the database was written by a newer claimledger (migration \(recorded.last ?? "?")); upgrade claimledger")
        } else if recorded != migrations.prefix(recorded.count).map(\.name) {
            out.append("the recorded migrations are not claimledger's")
        }
        for t in triggers {
            let s = try db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?")
            try s.bind(1, t.name)
            if try !s.step() {
                out.append("the append-only trigger \(t.name) was dropped")
            } else if s.text(0) != t.sql {
                out.append("the append-only trigger \(t.name) was altered")
            }
        }
        return out
    }
}
