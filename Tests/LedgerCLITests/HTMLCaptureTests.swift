import Foundation
import LedgerCrypto
import Testing

/// `source add page.html`: the raw page is the snapshot, excerpts anchor in the extracted article text, and
/// `verify` extracts the text again from the stored bytes.
@Suite struct HTMLCaptureTests {
    static let fixtures = CLI.repo.appendingPathComponent("Tests/LedgerCaptureTests/Fixtures")

    /// A ledger holding the EN fixture page and one claim quoted from its article text.
    static func ledger() throws -> (dir: String, work: URL, source: String) {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("ledger").path
        #expect(try CLI.run(["init", dir]).code == 0)
        let page = fixtures.appendingPathComponent("article-en.html").path
        let r = try CLI.run(["source", "add", page, "--outlet", "Portland Press Herald", "--lang", "en", "--ledger", dir])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(try CLI.run(["predicate", "add", "attendance", "--type", "quantity", "--ledger", dir]).code == 0)
        let source = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let claim = try CLI.run(["claim", "add", "--source", source, "--excerpt", "drew more than 200,000 people", "--speaker", "Portland Press Herald",
                                 "--text", "Attendance", "--subject", "event:fundraiser", "--predicate", "attendance",
                                 "--value", "more than 200,000", "--ledger", dir])
        #expect(claim.code == 0, "\(claim.stderr)")
        return (dir, work, source)
    }

    @Test func theSourceEntryNamesTheExtractorAndTheExtractedTextHash() throws {
        let (dir, _, source) = try Self.ledger()
        let show = try CLI.run(["show", "1", "--raw", "--ledger", dir])
        let expected = try Data(contentsOf: Self.fixtures.appendingPathComponent("article-en.expected.txt"))
        let page = try Data(contentsOf: Self.fixtures.appendingPathComponent("article-en.html"))
        #expect(show.stdout.contains("\"extractor\":\"claimledger-html\",\"extractor_version\":\"1\""), "\(show.stdout)")
        #expect(show.stdout.contains("\"media_type\":\"text/html\""))
        #expect(show.stdout.contains("\"byte_length\":\(page.count)"))
        #expect(show.stdout.contains("\"text_sha256\":\"\(sha256(expected))\""))
        #expect(source == sha256(page))
    }

    @Test func anExcerptFromAnHTMLCaptureSurvivesVerifyAuditExportAndImport() throws {
        let (dir, work, _) = try Self.ledger()
        let verify = try CLI.run(["verify", "--ledger", dir])
        #expect(verify.code == 0 && verify.stdout.hasPrefix("ok: 4 entries verified"), "\(verify.stdout)\(verify.stderr)")
        let audit = try CLI.run(["audit", "--ledger", dir])
        #expect(audit.code == 0, "\(audit.stdout)\(audit.stderr)")
        let bundle = work.appendingPathComponent("bundle").path
        #expect(try CLI.run(["export", "-o", bundle + "/journal.jsonl", "--ledger", dir]).code == 0)
        // The source entry with its extractor fields matches schemas/body.source.schema.json (needs Python's jsonschema, as tools/test does).
        let schema = Process()
        schema.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        schema.arguments = ["python3", CLI.repo.appendingPathComponent("tools/validate_schemas.py").path, bundle + "/journal.jsonl"]
        try schema.run()
        schema.waitUntilExit()
        #expect(schema.terminationStatus == 0)
        let copy = work.appendingPathComponent("copy").path
        let imported = try CLI.run(["import", bundle, copy])
        #expect(imported.code == 0, "\(imported.stderr)")
        let again = try CLI.run(["verify", "--ledger", copy])
        #expect(again.code == 0, "\(again.stdout)\(again.stderr)")
    }

    @Test func aPublishedLedgerWithAnHTMLCaptureIsMonitored() throws {
        let (dir, work, _) = try Self.ledger()
        let site = work.appendingPathComponent("site").path
        #expect(try CLI.run(["publish", site, "--ledger", dir]).code == 0)
        let r = try CLI.run(["monitor", site, "--vkey", site + "/vkey", "--state", work.appendingPathComponent("state").path])
        #expect(r.code == 0 && r.stdout.contains("1 new claim"), "\(r.stderr)")
    }

    @Test func aQuoteFromThePageFurnitureIsNotInTheSource() throws {
        let (dir, _, source) = try Self.ledger()
        let before = try CLI.state(dir)
        let claim = try CLI.run(["claim", "add", "--source", source, "--excerpt", "We use cookies", "--speaker", "Site",
                                 "--text", "Cookies", "--subject", "site:cookies", "--predicate", "attendance", "--value", "1", "--ledger", dir])
        #expect(claim.code == 1)
        #expect(try CLI.state(dir) == before)
    }

    /// The source entry's bytes rewritten by an SQL expression over `$t`, its text.
    @Test(arguments: [
        // another well-formed text hash: 64 zeros
        ("replace($t, substr($t, instr($t, '\"text_sha256\":\"') + 15, 64), '\(String(repeating: "0", count: 64))')", "does not hash to text_sha256"),
        ("replace($t, '\"extractor_version\":\"1\"', '\"extractor_version\":\"9\"')", "could not be extracted again with claimledger-html 9"),
        ("replace($t, ',\"extractor_version\":\"1\"', '')", "extractor and extractor_version must be present together"),
    ])
    func aStoredEntryClaimingADifferentExtractionIsCaught(rewrite: String, finding: String) throws {
        let (dir, _, _) = try Self.ledger()
        let rewritten = rewrite.replacingOccurrences(of: "$t", with: "CAST(bytes AS TEXT)")
        try CLI.sql(dir, "DROP TRIGGER entries_no_update; UPDATE entries SET bytes = CAST(\(rewritten) AS BLOB) WHERE seq = 1")
        let verify = try CLI.run(["verify", "--ledger", dir])
        #expect(verify.code == 2)
        #expect((verify.stdout + verify.stderr).contains(finding), "\(verify.stdout)\(verify.stderr)")
    }

    @Test(arguments: [
        (Array("<html><head><meta charset=\"utf-8\"></head><body><p>caf".utf8) + [0xE9, 0xFF] + Array("</p></body></html>".utf8),
         "is not valid utf-8"),
        (Array("<html><head><meta charset=\"koi8-r\"></head><body><p>text</p></body></html>".utf8), "which is not supported"),
        (Array("<html><body><nav><p>Menu</p></nav><script>x()</script></body></html>".utf8), "holds no article text"),
        ([0xFE, 0xFF, 0xD8, 0x00], "byte-order mark"),
    ])
    func aBadHTMLPageIsAOneLineErrorAndLeavesTheLedgerUnchanged(bytes: [UInt8], message: String) throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("ledger").path
        #expect(try CLI.run(["init", dir]).code == 0)
        let before = try CLI.state(dir)
        let r = try CLI.run(["source", "add", CLI.write(bytes, "bad.html", in: work), "--outlet", "Site", "--lang", "en", "--ledger", dir])
        #expect(r.code == 1)
        #expect(r.stderr.contains(message) && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(try CLI.state(dir) == before)
    }

    private func sha256(_ data: Data) -> String { SHA256.hash(Array(data)).hex }
}
