import Foundation
import LedgerCore
import Testing

/// Sources larger than verify keeps whole (4 MiB) are stored in 1 MiB chunks and checked through windows of
/// their anchoring text: claims anywhere in them verify, and a changed, missing or reordered chunk is found.
@Suite struct LargeSourceTests {
    /// A 6.5 MiB article (7 chunks) with CRLF line ends and decomposed accents, and one sentence to quote in its last MiB.
    static func ledger() throws -> (dir: String, work: URL, source: String) {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("ledger").path
        #expect(try CLI.run(["init", dir]).code == 0)
        var text = String(repeating: "Le cafe\u{301} a ouvert ses portes.\r\nLa foule e\u{301}tait dense.\r\n", count: 120_000)
        text += "Selon la police, pre\u{300}s de 200.000 personnes e\u{301}taient la\u{300}.\r\n"
        text += String(repeating: "Fin du reportage.\n", count: 100)
        #expect(text.utf8.count > 6 << 20)
        let r = try CLI.run(["source", "add", CLI.write(Array(text.utf8), "big.txt", in: work), "--outlet", "Tribune", "--lang", "fr", "--ledger", dir])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(try CLI.run(["predicate", "add", "attendance", "--type", "quantity", "--ledger", dir]).code == 0)
        let source = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let claim = try CLI.run(["claim", "add", "--source", source, "--excerpt", "près de 200.000 personnes", "--speaker", "la police",
                                 "--text", "Attendance", "--subject", "event:call", "--predicate", "attendance", "--value", "près de 200.000", "--ledger", dir])
        #expect(claim.code == 0, "\(claim.stderr)")
        return (dir, work, source)
    }

    @Test func aClaimNearTheEndOfALargeSourceVerifiesAndSurvivesExportAndImport() throws {
        let (dir, work, _) = try Self.ledger()
        let verify = try CLI.run(["verify", "--ledger", dir])
        #expect(verify.code == 0 && verify.stdout.hasPrefix("ok: 4 entries verified"), "\(verify.stdout)\(verify.stderr)")
        let bundle = work.appendingPathComponent("bundle").path
        #expect(try CLI.run(["export", "-o", bundle + "/journal.jsonl", "--ledger", dir]).code == 0)
        let copy = work.appendingPathComponent("copy").path
        let imported = try CLI.run(["import", bundle, copy])
        #expect(imported.code == 0, "\(imported.stderr)")
        #expect(try CLI.run(["verify", "--ledger", copy]).code == 0)
    }

    @Test(arguments: [
        ("UPDATE blob_chunks SET bytes = CAST(replace(CAST(bytes AS TEXT), 'dense', 'Dense') AS BLOB) WHERE n = 3", "no longer hash to its id"),
        ("DELETE FROM blob_chunks WHERE n = 2", "no longer hash to its id"),
        ("UPDATE blob_chunks SET n = 100 WHERE n = 1; UPDATE blob_chunks SET n = 1 WHERE n = 2; UPDATE blob_chunks SET n = 2 WHERE n = 100", "no longer hash to its id"),
        ("UPDATE blob_chunks SET bytes = CAST(replace(CAST(bytes AS TEXT), '200.000', '300.000') AS BLOB) WHERE n = 6", "excerpt"),
    ])
    func aChangedMissingOrReorderedChunkIsFound(sql: String, finding: String) throws {
        let (dir, _, _) = try Self.ledger()
        try CLI.sql(dir, "DROP TRIGGER blob_chunks_no_update; DROP TRIGGER blob_chunks_no_delete; \(sql); "
                    + "CREATE TRIGGER blob_chunks_no_update BEFORE UPDATE ON blob_chunks BEGIN SELECT RAISE(ABORT, 'blob_chunks are append-only'); END; "
                    + "CREATE TRIGGER blob_chunks_no_delete BEFORE DELETE ON blob_chunks BEGIN SELECT RAISE(ABORT, 'blob_chunks are append-only'); END")
        let verify = try CLI.run(["verify", "--ledger", dir])
        #expect(verify.code == 2 && verify.stdout.contains(finding), "\(verify.stdout)\(verify.stderr)")
    }

    /// audit reads a large source through windows too: exact when intact, then `moved` (with where the quote is
    /// now) or `missing` after a chunk was altered.
    @Test(arguments: [
        ("'Selon la police'", "'Selon la police nationale'", "moved"),
        ("'200.000'", "'300.000'", "missing"),
    ])
    func auditOfALargeSourceFindsAMovedOrMissingQuote(from: String, to: String, status: String) throws {
        let (dir, _, _) = try Self.ledger()
        let clean = try CLI.run(["audit", "--json", "--ledger", dir])
        #expect(clean.code == 0, "\(clean.stdout)\(clean.stderr)")
        let excerpt = try #require(try JSONParser.parse(clean.stdout)["sources"]?.array?.first?["excerpts"]?.array?.first)
        #expect(excerpt["status"] == "exact")
        let start = try #require(excerpt["start"]?.integer)
        try CLI.sql(dir, "DROP TRIGGER blob_chunks_no_update; UPDATE blob_chunks SET bytes = CAST(replace(CAST(bytes AS TEXT), \(from), \(to)) AS BLOB) WHERE n = 6")
        let altered = try CLI.run(["audit", "--json", "--ledger", dir])
        #expect(altered.code == 2, "\(altered.stderr)")
        let after = try #require(try JSONParser.parse(altered.stdout)["sources"]?.array?.first)
        #expect(after["bytes_ok"] == false)
        let now = try #require(after["excerpts"]?.array?.first)
        #expect(now["status"]?.string == status)
        #expect(now["found_at"]?.integer == (status == "moved" ? start + " nationale".count : nil))
    }
}
