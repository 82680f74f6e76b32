import Foundation
import LedgerCore
import LedgerCrypto
import Testing
@testable import LedgerStore

/// The store: append-only triggers, transactions that roll back whole, stored Merkle hashes, and verify.
@Suite struct LedgerStoreTests {
    /// A new ledger in a fresh temporary directory, with one source and one declared predicate.
    static func makeLedger() throws -> (Ledger, Digest) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("store-test-\(UUID().uuidString)").path
        let ledger = try Ledger.create(at: dir, origin: "test.example/log").ledger
        let text = "Organizers said the call drew more than 200,000 people. X said it was spam. X said it was spam."
        let source = try ledger.addSource(bytes: Array(text.utf8), outlet: "Test Post", language: "en", url: nil,
                                          title: nil, published: nil, capturedAt: "2024-07-30T09:15:00Z")
        _ = try ledger.addPredicate(ClaimPredicate(id: "attendance", type: .quantity, unit: "people"))
        return (ledger, source.id)
    }

    static func claim(_ source: Digest, excerpt: String = "more than 200,000 people", value: String = "more than 200,000") -> ClaimInput {
        ClaimInput(source: String(source.hex.prefix(10)), excerpt: excerpt, speaker: "organizers", text: "Attendance",
                   subject: "event:call", predicate: "attendance", value: value)
    }

    @Test func triggersRefuseUpdateAndDelete() throws {
        let (ledger, _) = try Self.makeLedger()
        for sql in ["UPDATE entries SET kind = 'x' WHERE seq = 1", "DELETE FROM entries WHERE seq = 2",
                    "UPDATE blob_chunks SET bytes = x'00'", "DELETE FROM blob_chunks", "UPDATE tree_hashes SET hash = x'00'", "DELETE FROM tree_hashes"] {
            #expect(throws: StoreError.self, "\(sql)") { try ledger.store.db.execute(sql) }
        }
        #expect(try Verifier.verify(directory: ledger.directory.path).ok)
    }

    @Test func aFailedBatchRollsBackEverything() throws {
        let (ledger, source) = try Self.makeLedger()
        let size = try ledger.store.size(), root = try ledger.store.root(size: size)
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try ledger.store.append(time: Bodies.now(), author: ledger.author) { batch in
                try batch.append(.entity(EntityBody(id: "a", labels: ["en": "A"], aliases: [])))
                _ = try batch.storeBlob(Array("never stored".utf8))
                throw Boom()
            }
        }
        // The second claim's excerpt is not in the source: the first must not be recorded either.
        #expect(throws: Ledger.ClaimError.self) {
            try ledger.addClaims([Self.claim(source), Self.claim(source, excerpt: "not in the text")])
        }
        #expect(try ledger.store.size() == size)
        #expect(try ledger.store.root(size: size) == root)
        #expect(try ledger.store.blob(SHA256.hash(Array("never stored".utf8))) == nil)
        #expect(try Verifier.verify(directory: ledger.directory.path).ok)
    }

    @Test func ambiguousExcerptNamesTheFieldAndOccurrenceResolvesIt() throws {
        let (ledger, source) = try Self.makeLedger()
        #expect { try ledger.addClaims([Self.claim(source, excerpt: "X said it was spam", value: "1")]) } throws: { error in
            (error as? Ledger.ClaimError)?.field == "excerpt" && "\(error)".contains("--occurrence")
        }
        var second = Self.claim(source, excerpt: "X said it was spam", value: "1")
        second.occurrence = 2
        let appended = try ledger.addClaims([second])[0]
        let entry = try #require(try ledger.store.entry(appended.seq))
        #expect(entry.leafHash == appended.leafHash)
        #expect(entry.body["excerpt"]?["start"] == .int(76))  // str.rfind in Python: 76
    }

    @Test func storedHashesGiveVerifiableProofs() throws {
        let (ledger, source) = try Self.makeLedger()
        var roots: [Int64: Digest] = [:]
        for n in 0..<20 {
            _ = try ledger.addClaims([Self.claim(source, value: "more than \(200_000 + n)")])
            let size = try ledger.store.size()
            roots[size] = try ledger.store.root(size: size)
        }
        let size = try ledger.store.size()
        let root = roots[size]!
        for seq in 0..<size {
            let entry = try #require(try ledger.store.entry(seq))
            let proof = try MerkleProofs.inclusion(index: seq, size: size, reader: ledger.store)
            try MerkleVerify.inclusion(leaf: entry.leafHash, index: seq, size: size, proof: proof, root: root)
        }
        for (old, oldRoot) in roots {
            let proof = try MerkleProofs.consistency(oldSize: old, newSize: size, reader: ledger.store)
            try MerkleVerify.consistency(oldSize: old, newSize: size, oldRoot: oldRoot, newRoot: root, proof: proof)
        }
        let report = try Verifier.verify(directory: ledger.directory.path)
        #expect(report.ok && report.size == size && report.root == root)
    }

    @Test func declarationsAndSourcesAreRecordedOnce() throws {
        let (ledger, source) = try Self.makeLedger()
        #expect(throws: StoreError.self) { try ledger.addPredicate(ClaimPredicate(id: "attendance", type: .text)) }
        let size = try ledger.store.size()
        let bytes = try #require(try ledger.store.blob(source))
        guard case .source(let recorded)? = EntryBody(try #require(try ledger.store.entryBytes(1))) else { Issue.record("seq 1 is not a source"); return }
        let again = try ledger.addSource(bytes: bytes, outlet: recorded.outlet, language: recorded.lang,
                                         url: recorded.url, title: recorded.title, published: recorded.published, capturedAt: nil)
        #expect(again.existed && again.id == source)
        // The same bytes with other metadata: an error naming what differs, and nothing appended (issue 11 item 2).
        #expect {
            try ledger.addSource(bytes: bytes, outlet: "Other", language: "fr", url: recorded.url, title: recorded.title,
                                 published: recorded.published, capturedAt: nil)
        } throws: { error in
            let message = "\(error)"
            return message.contains("--outlet “\(recorded.outlet)” → “Other”") && message.contains("--lang “\(recorded.lang)” → “fr”") && !message.contains("--title")
        }
        #expect(try ledger.store.size() == size)
    }

    @Test func verifyFindsAnEditedEntryAndAnEditedBlob() throws {
        let (ledger, source) = try Self.makeLedger()
        _ = try ledger.addClaims([Self.claim(source)])
        try ledger.store.db.execute("DROP TRIGGER entries_no_update; DROP TRIGGER blob_chunks_no_update")
        try ledger.store.db.execute("UPDATE entries SET bytes = CAST(replace(CAST(bytes AS TEXT), 'organizers', 'organisers') AS BLOB) WHERE seq = 3")
        try ledger.store.db.execute("UPDATE blob_chunks SET bytes = CAST(replace(CAST(bytes AS TEXT), 'spam', 'Spam') AS BLOB)")
        let report = try Verifier.verify(directory: ledger.directory.path)
        #expect(!report.ok)
        #expect(report.findings.contains { $0.check == "schema" && $0.what.contains("entries_no_update") })
        #expect(report.findings.contains { $0.check == "schema" && $0.what.contains("blob_chunks_no_update") })
        #expect(report.findings.contains { $0.seq == 3 && $0.check == "entry" && $0.what.contains("leaf hash") })
        #expect(report.findings.contains { $0.source == source.hex && $0.what.contains("no longer hash") })
        #expect(throws: StoreError.self) { try Ledger(opening: ledger.directory.path) }
    }

    @Test func creatingOverAnExistingLedgerIsRefused() throws {
        let (ledger, _) = try Self.makeLedger()
        let size = try ledger.store.size()
        #expect(throws: StoreError.self) { try Ledger.create(at: ledger.directory.path, origin: nil) }
        #expect(try ledger.store.size() == size)
        let key = ledger.directory.appendingPathComponent("keys/test.example_log.key").path
        let mode = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func anInsertThatWritesNoRowIsNeverAcknowledged() throws {
        let (ledger, source) = try Self.makeLedger()
        let size = try ledger.store.size(), root = try ledger.store.root(size: size)
        // A trigger added behind an already-open store's back: the open-time schema check cannot see it.
        try ledger.store.db.execute("CREATE TRIGGER swallow BEFORE INSERT ON entries BEGIN SELECT RAISE(IGNORE); END")
        #expect { try ledger.addClaims([Self.claim(source)]) } throws: { ($0 as? StoreError)?.isIntegrityFailure == true }
        try ledger.store.db.execute("DROP TRIGGER swallow; CREATE TRIGGER swallow BEFORE INSERT ON tree_hashes BEGIN SELECT RAISE(IGNORE); END")
        #expect { try ledger.addClaims([Self.claim(source)]) } throws: { ($0 as? StoreError)?.isIntegrityFailure == true }
        try ledger.store.db.execute("DROP TRIGGER swallow")
        #expect(try ledger.store.size() == size)
        #expect(try ledger.store.root(size: size) == root)
        #expect(try Verifier.verify(directory: ledger.directory.path).ok)
    }

    @Test func theConnectionIsDefensive() throws {
        let (ledger, _) = try Self.makeLedger()
        #expect(throws: StoreError.self) {
            try ledger.store.db.execute("PRAGMA writable_schema=ON; UPDATE sqlite_master SET sql = sql || ' ' WHERE name = 'entries_no_update'")
        }
        #expect(try ledger.store.db.integer("PRAGMA trusted_schema") == 0)
        #expect(try ledger.store.schemaProblems().isEmpty && ledger.store.integrityProblems().isEmpty)
    }

    @Test func everySchemaObjectIsCompared() throws {
        let (ledger, _) = try Self.makeLedger()
        try ledger.store.db.execute("CREATE TABLE extra (x INTEGER) STRICT; DROP INDEX entries_by_outlet; CREATE INDEX entries_by_outlet ON entries(outlet)")
        let problems = try ledger.store.schemaProblems()
        #expect(problems.contains { $0.contains("foreign") && $0.contains("table extra") }, "\(problems)")
        #expect(problems.contains { $0.contains("index entries_by_outlet was altered") }, "\(problems)")
        #expect(throws: StoreError.self) { try Ledger(opening: ledger.directory.path) }
    }
}
