import Foundation
import LedgerCore
import Testing

/// Attacks from the second review of issue 10: lookup columns edited or an index rebuilt without a row must not
/// let a claim be retracted twice or a declaration be recorded twice.
@Suite struct TrustBoundaryReviewTests {
    static let noUpdate = "CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries BEGIN SELECT RAISE(ABORT, 'entries are append-only'); END"

    @Test func aRetractionWhoseKindColumnWasChangedStillCounts() throws {
        let (dir, _, source) = try BadInputTests.ledger()
        let added = try CLI.run(SQLiteAttackTests.claim(source, dir) + ["--json"])
        let seq = try #require(try JSONParser.parse(added.stdout)["seq"]?.integer)
        let retracted = try CLI.run(["claim", "retract", String(seq), "--reason", "wrong", "--json", "--ledger", dir])
        let retraction = try #require(try JSONParser.parse(retracted.stdout)["seq"]?.integer)
        // The retraction's row is filed as a claim with no key: the index and the kind column no longer find it.
        try CLI.sql(dir, "DROP TRIGGER entries_no_update; UPDATE entries SET kind = 'claim', key = NULL WHERE seq = \(retraction); \(Self.noUpdate);")
        let before = try SQLiteAttackTests.size(dir)
        let again = try CLI.run(["claim", "retract", String(seq), "--reason", "again", "--ledger", dir])
        #expect(again.code == 2 && again.stderr.contains("lookup columns disagree"), "\(again.stdout)\(again.stderr)")
        let correct = try CLI.run(["claim", "correct", String(seq), "--value", "1", "--reason", "x", "--ledger", dir])
        #expect(correct.code == 2, "\(correct.stdout)\(correct.stderr)")
        #expect(try SQLiteAttackTests.size(dir) == before)
        let show = try CLI.run(["show", String(seq), "--ledger", dir])
        #expect(show.code == 2 && show.stdout.contains("wrong"), "\(show.stdout)\(show.stderr)")
    }

    @Test func anIndexWithoutARowDoesNotLetADeclarationInTwice() throws {
        let (dir, work, _) = try BadInputTests.ledger()
        let original = "CREATE INDEX entries_by_key ON entries(kind, key) WHERE key IS NOT NULL"
        // Rebuilt without the source and the predicate, then its SQL text put back so the schema looks intact.
        try CLI.sql(dir, "PRAGMA writable_schema=ON; UPDATE sqlite_master SET sql = '\(original) AND kind NOT IN (''source'', ''predicate'')' WHERE name = 'entries_by_key';")
        try CLI.sql(dir, "REINDEX entries_by_key;")
        try CLI.sql(dir, "PRAGMA writable_schema=ON; UPDATE sqlite_master SET sql = '\(original)' WHERE name = 'entries_by_key';")
        let before = try SQLiteAttackTests.size(dir)
        let text = "La réunion a réuni près de 200.000 personnes. X a dit non. X a dit non.\n"
        let source = try CLI.run(["source", "add", CLI.write(Array(text.utf8), "again.txt", in: work), "--ledger", dir, "--outlet", "Tribune", "--lang", "fr"])
        #expect(try source.code == 0 && SQLiteAttackTests.size(dir) == before, "\(source.stdout)\(source.stderr)")  // found: nothing appended
        let predicate = try CLI.run(["predicate", "add", "attendance", "--type", "quantity", "--ledger", dir])
        #expect(predicate.code != 0 && predicate.stderr.contains("already declared"), "\(predicate.stderr)")
        #expect(try SQLiteAttackTests.size(dir) == before)
    }

    @Test func anEntryEditedBelowASignedCheckpointIsNotExported() throws {
        let (dir, work, source) = try BadInputTests.ledger()
        #expect(try CLI.run(SQLiteAttackTests.claim(source, dir)).code == 0)
        #expect(try CLI.run(["checkpoint", "--ledger", dir]).code == 0)
        // The bytes change, the stored leaf and tree hashes do not: only re-hashing the entries sees it.
        try CLI.sql(dir, "DROP TRIGGER entries_no_update; UPDATE entries SET bytes = CAST(replace(CAST(bytes AS TEXT), 'Tribune', 'Tribvne') AS BLOB) WHERE seq = 1; \(Self.noUpdate);")
        let bundle = work.appendingPathComponent("bundle").path
        let export = try CLI.run(["export", "-o", bundle + "/journal.jsonl", "--ledger", dir])
        #expect(export.code == 2 && export.stderr.contains("does not verify"), "\(export.stdout)\(export.stderr)")
        #expect(!FileManager.default.fileExists(atPath: bundle + "/journal.jsonl") && !FileManager.default.fileExists(atPath: bundle + "/manifest.checkpoint"))
        let published = work.appendingPathComponent("published").path
        let publish = try CLI.run(["publish", published, "--ledger", dir])
        #expect(publish.code == 2, "\(publish.stdout)\(publish.stderr)")
    }

    @Test func aPrivateKeyPastedIntoAFieldIsRefusedAndNotEchoed() throws {
        let (dir, work, source) = try BadInputTests.ledger()
        let key = "PRIVATE+KEY+claimledger.example/x+1a2b3c4d+AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE="
        let before = try SQLiteAttackTests.size(dir)
        let titled = try CLI.run(["source", "add", CLI.write(Array("Another text.\n".utf8), "t.txt", in: work), "--outlet", "O", "--lang", "en",
                                  "--title", "notes " + key, "--ledger", dir])
        #expect(titled.code != 0 && titled.stderr.contains("--title holds a private signer key"), "\(titled.stderr)")
        let claim = try CLI.run(SQLiteAttackTests.claim(source, dir).map { $0 == "Attendance" ? "Attendance " + key : $0 })
        #expect(claim.code != 0 && claim.stderr.contains("holds a private signer key"), "\(claim.stderr)")
        for r in [titled, claim] { #expect(!(r.stdout + r.stderr).contains("AQEBAQEB"), "echoed: \(r.stderr)") }
        #expect(try SQLiteAttackTests.size(dir) == before)
    }

    @Test func categoryValuesAndUnitsFollowTheRulesOfIdsAndNames() throws {
        let (dir, _, _) = try BadInputTests.ledger()
        let before = try SQLiteAttackTests.size(dir)
        let bidi = try CLI.run(["predicate", "add", "hx.cat", "--type", "category", "--values", "ok,ev\u{202E}il", "--ledger", dir])
        #expect(bidi.code != 0 && bidi.stderr.contains("category value contains") && bidi.stderr.contains("position 3"), "\(bidi.stderr)")
        let spaced = try CLI.run(["predicate", "add", "hx.cat", "--type", "category", "--values", "<img src=x onerror=alert(1)>,b", "--ledger", dir])
        #expect(spaced.code != 0 && spaced.stderr.contains("no spaces"), "\(spaced.stderr)")
        let unit = try CLI.run(["predicate", "add", "hx.q", "--type", "quantity", "--unit", "peo\u{200B}ple", "--ledger", dir])
        #expect(unit.code != 0 && unit.stderr.contains("--unit contains"), "\(unit.stderr)")
        #expect(try SQLiteAttackTests.size(dir) == before)
    }

    @Test func exportsForOtherToolsSayWhenTheLedgerDoesNotVerify() throws {
        let (dir, _, source) = try BadInputTests.ledger()
        #expect(try CLI.run(SQLiteAttackTests.claim(source, dir)).code == 0)
        for format in ["csv", "claimreview", "annotation", "prov"] {
            #expect(try CLI.run(["export", "--format", format, "--ledger", dir]).code == 0, "\(format)")
        }
        try CLI.sql(dir, "DROP TRIGGER entries_no_update; UPDATE entries SET bytes = CAST(replace(CAST(bytes AS TEXT), 'Tribune', 'Tribvne') AS BLOB) WHERE seq = 1; \(Self.noUpdate);")
        for format in ["csv", "claimreview", "annotation", "prov"] {
            let r = try CLI.run(["export", "--format", format, "--ledger", dir])
            #expect(r.code == 2 && !r.stdout.isEmpty && r.stderr.contains("the ledger does NOT verify"), "\(format): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(format): one line")
        }
        #expect(try CLI.run(["export", "--format", "csv", "--no-verify", "--ledger", dir]).code == 0)
    }
}
