import Foundation
import LedgerCore
import LedgerCrypto
import Testing
@testable import LedgerStore

/// Migration 0004 (`entries.anchor`): a ledger written before it verifies as it is, is filled in from its
/// entries' bytes when next opened for writing, and its claims are still found by the duplicate check.
@Suite struct AnchorMigrationTests {
    /// A ledger with a claim, a corrected claim and a retracted one, rewritten into a file of migration 0003
    /// (no anchor column), as an older claimledger left it. Returns its directory and the source.
    static func ledgerBeforeAnchors() throws -> (String, Digest) {
        let (dir, source) = try { () throws -> (String, Digest) in
            let (ledger, source) = try LedgerStoreTests.makeLedger()
            _ = try ledger.addClaims([LedgerStoreTests.claim(source)])
            let second = try ledger.addClaims([LedgerStoreTests.claim(source, excerpt: "X said it was spam", value: "1").with(occurrence: 1)])[0]
            var changes = ClaimChanges()
            changes.value = "2"
            _ = try ledger.correct(second.seq, changes: changes, reason: "misread")
            let third = try ledger.addClaims([LedgerStoreTests.claim(source, excerpt: "X said it was spam", value: "3").with(occurrence: 2)])[0]
            _ = try ledger.retract(third.seq, reason: "entered by mistake")
            return (ledger.directory.path, source)
        }()
        let file = dir + "/" + LedgerStore.fileName, old = dir + "/old.sqlite"
        do {
            let db = try Database(path: old, create: true)
            try db.execute("PRAGMA journal_mode=WAL")
            try db.execute("PRAGMA application_id=\(Schema.applicationID)")
            try db.execute(Schema.migrationsTable)
            try Schema.migrate(db, now: Bodies.now(), upTo: Schema.anchorsMigration - 1)
            try db.execute("""
                ATTACH '\(file)' AS current;
                INSERT INTO entries (seq, kind, key, source, subject, predicate, outlet, bytes, leaf_hash, signature)
                    SELECT seq, kind, key, source, subject, predicate, outlet, bytes, leaf_hash, signature FROM current.entries;
                INSERT INTO tree_hashes SELECT * FROM current.tree_hashes;
                INSERT INTO blob_chunks SELECT * FROM current.blob_chunks;
                DETACH current;
                """)
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: old + suffix) {
            try FileManager.default.moveItem(atPath: old + suffix, toPath: file + suffix)
        }
        return (dir, source)
    }

    @Test func aLedgerWrittenBeforeAnchorsVerifiesIsMigratedAndFindsDuplicates() throws {
        let (dir, source) = try Self.ledgerBeforeAnchors()
        let before = try Verifier.verify(directory: dir)
        #expect(before.ok, "\(before.findings)")
        #expect(try !LedgerStore(openExisting: dir + "/" + LedgerStore.fileName, readOnly: true).hasAnchorColumn())

        let ledger = try Ledger(opening: dir)
        #expect(try ledger.store.hasAnchorColumn())
        #expect(try ledger.store.schemaProblems().isEmpty)
        // Every claim and correction was given its excerpt position from its bytes.
        #expect(try ledger.store.db.integer("SELECT count(*) FROM entries WHERE anchor IS NOT NULL") == 4)
        let after = try Verifier.verify(directory: dir)
        #expect(after.ok, "\(after.findings)")

        // The current claim and the correction are duplicates; the corrected original and the retracted claim are not.
        #expect { try ledger.addClaims([LedgerStoreTests.claim(source)]) } throws: { "\($0)".contains("identical to the claim at seq") }
        #expect { try ledger.addClaims([LedgerStoreTests.claim(source, excerpt: "X said it was spam", value: "2").with(occurrence: 1)]) } throws: {
            "\($0)".contains("identical to the claim at seq")
        }
        _ = try ledger.addClaims([LedgerStoreTests.claim(source, excerpt: "X said it was spam", value: "1").with(occurrence: 1)])
        _ = try ledger.addClaims([LedgerStoreTests.claim(source, excerpt: "X said it was spam", value: "3").with(occurrence: 2)])
        #expect(try Verifier.verify(directory: dir).ok)
    }

    /// `seqs(kind:)` finds keyed kinds through the key index: every entry of such a kind must have a key.
    @Test func theKindsSaidToHaveAKeyAreExactlyThoseThatDo() throws {
        let (dir, _) = try Self.ledgerBeforeAnchors()
        let ledger = try Ledger(opening: dir)
        _ = try ledger.addEntity(id: "org:test", labels: ["en": "Test"], aliases: ["Tester"])
        _ = try ledger.addAlias(entity: "org:test", alias: "The Tester")
        var kinds = Set<EntryKind>()
        try ledger.store.forEachStoredEntry { row in
            let body = try #require(EntryBody(row.bytes))
            kinds.insert(body.kind)
            #expect((DerivedColumns(body).key != nil) == DerivedColumns.hasKey(body.kind), "\(body.kind)")
        }
        #expect(kinds.count >= 8)
        #expect(try ledger.store.seqs(kind: .entity).count == 1 && ledger.store.seqs(kind: .claim).count == 3)
    }

    /// The migration reads which rows are claims from their bytes, not from the `kind` column: a claim whose
    /// column was changed before the migration still gets its position (and verify still reports the column).
    @Test func theMigrationFillsAnchorsFromTheBytesNotTheKindColumn() throws {
        let (dir, _) = try Self.ledgerBeforeAnchors()
        do {
            let db = try Database(path: dir + "/" + LedgerStore.fileName, create: false)
            try db.execute("DROP TRIGGER entries_no_update; UPDATE entries SET kind = 'entity' WHERE seq = (SELECT min(seq) FROM entries WHERE kind = 'claim'); \(Schema.triggers.first { $0.name == "entries_no_update" }!.sql)")
        }
        let ledger = try Ledger(opening: dir)
        #expect(try ledger.store.db.integer("SELECT count(*) FROM entries WHERE anchor IS NOT NULL") == 4)
        #expect(try ledger.store.db.integer("SELECT count(*) FROM entries WHERE kind = 'entity' AND anchor IS NOT NULL") == 1)
        let report = try Verifier.verify(directory: dir)
        #expect(report.findings.contains { $0.check == "index" }, "\(report.findings)")
    }

    @Test func aTamperedAnchorIsFoundByVerify() throws {
        let (ledger, source) = try LedgerStoreTests.makeLedger()
        _ = try ledger.addClaims([LedgerStoreTests.claim(source)])
        try ledger.store.db.execute("DROP TRIGGER entries_no_update; UPDATE entries SET anchor = '0:1' WHERE kind = 'claim'; \(Schema.triggers.first { $0.name == "entries_no_update" }!.sql)")
        let report = try Verifier.verify(directory: ledger.directory.path)
        #expect(report.findings.contains { $0.check == "index" && $0.kind == "claim" }, "\(report.findings)")
    }
}

extension ClaimInput {
    func with(occurrence: Int) -> ClaimInput {
        var c = self
        c.occurrence = occurrence
        return c
    }
}
