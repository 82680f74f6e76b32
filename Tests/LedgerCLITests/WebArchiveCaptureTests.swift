import Foundation
import LedgerCore
import LedgerCrypto
import Testing

/// `source add capture.warc[.gz]|capture.wacz --url URL` (issue 15 item 2): the WARC response record for the URL is
/// the snapshot, excerpts anchor in its page's text, `verify` extracts it again, and warcio reads the stored record.
@Suite struct WebArchiveCaptureTests {
    static let fixtures = CLI.repo.appendingPathComponent("Tests/LedgerCaptureTests/Fixtures")
    static let story = "https://news.example/2024/07/story"

    static func archive(_ name: String) -> String { fixtures.appendingPathComponent("warc/\(name)").path }

    /// A fresh ledger with an attendance predicate.
    static func ledger() throws -> (dir: String, work: URL) {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("ledger").path
        #expect(try CLI.run(["init", dir]).code == 0)
        #expect(try CLI.run(["predicate", "add", "attendance", "--type", "quantity", "--ledger", dir]).code == 0)
        return (dir, work)
    }

    /// What warcio (tools/check_warc_snapshot.py) reads from the snapshot `source` of the export bundle `bundle`.
    static func warcio(_ bundle: String, _ source: String) throws -> JSONValue {
        let process = Process(), out = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CLI.repo.appendingPathComponent("tools/check_warc_snapshot.py").path, bundle + "/sources/" + source]
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try JSONParser.parse(Array(data))
    }

    @Test(arguments: ["capture.wacz", "story.warc.gz"])
    func anExcerptFromAWebArchiveCaptureSurvivesVerifyAuditExportAndImport(file: String) throws {
        let (dir, work) = try Self.ledger()
        let added = try CLI.run(["source", "add", Self.archive(file), "--url", Self.story, "--outlet", "Portland Press Herald", "--lang", "en", "--ledger", dir])
        #expect(added.code == 0 && added.stderr.isEmpty, "\(added.stderr)")
        let source = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let claim = try CLI.run(["claim", "add", "--source", source, "--excerpt", "drew more than 200,000 people", "--speaker", "Portland Press Herald",
                                 "--text", "Attendance", "--subject", "event:fundraiser", "--predicate", "attendance", "--value", "more than 200,000", "--ledger", dir])
        #expect(claim.code == 0, "\(claim.stderr)")
        let verify = try CLI.run(["verify", "--ledger", dir])
        #expect(verify.code == 0 && verify.stdout.hasPrefix("ok: 4 entries verified"), "\(verify.stdout)\(verify.stderr)")

        // The entry names the record; the page's text is the one the HTML capture of the same page gives.
        let body = try #require(try JSONParser.parse(try CLI.run(["show", "2", "--json", "--ledger", dir]).stdout)["entry"]?["body"])
        let expectedText = Array(try Data(contentsOf: Self.fixtures.appendingPathComponent("article-en.expected.txt")))
        #expect(body["media_type"] == "application/warc" && body["extractor"] == "claimledger-warc" && body["extractor_version"] == "1")
        #expect(body["text_sha256"]?.string == SHA256.hash(expectedText).hex)
        #expect(body["warc_record_id"] == "<urn:uuid:00000000-0000-4000-8000-000000000006>")
        #expect(body["warc_target_uri"]?.string == Self.story && body["url"]?.string == Self.story)
        #expect(body["warc_date"] == "2024-08-01T10:00:00Z")

        let audit = try CLI.run(["audit", "--ledger", dir])
        #expect(audit.code == 0 && audit.stdout.contains("Web-archive payload digests\n  all 1 match"), "\(audit.stdout)")
        let bundle = work.appendingPathComponent("bundle").path
        #expect(try CLI.run(["export", "-o", bundle + "/journal.jsonl", "--ledger", dir]).code == 0)
        let schema = Process()
        schema.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        schema.arguments = ["python3", CLI.repo.appendingPathComponent("tools/validate_schemas.py").path, bundle + "/journal.jsonl"]
        try schema.run()
        schema.waitUntilExit()
        #expect(schema.terminationStatus == 0)

        // warcio reads the stored snapshot as one response record, with the fields the entry recorded and digests that check.
        let read = try Self.warcio(bundle, source)
        #expect(read["records"]?.integer == 1 && read["type"] == "response" && read["digests_ok"] == true, "\(read)")
        #expect(read["record_id"] == body["warc_record_id"] && read["target_uri"] == body["warc_target_uri"] && read["date"] == body["warc_date"])
        let page = Array(try Data(contentsOf: Self.fixtures.appendingPathComponent("article-en.html")))
        #expect(read["payload_sha256"]?.string == SHA256.hash(page).hex)

        let copy = work.appendingPathComponent("copy").path
        #expect(try CLI.run(["import", bundle, copy]).code == 0)
        let again = try CLI.run(["verify", "--ledger", copy])
        #expect(again.code == 0, "\(again.stdout)\(again.stderr)")
    }

    @Test func warcioDecodesAChunkedGzipSnapshotToThePageExtracted() throws {
        let (dir, work) = try Self.ledger()
        let added = try CLI.run(["source", "add", Self.archive("encoded.warc.gz"), "--url", "https://news.example/fr", "--outlet", "La Tribune", "--lang", "fr", "--ledger", dir])
        #expect(added.code == 0, "\(added.stderr)")
        let source = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let body = try #require(try JSONParser.parse(try CLI.run(["show", "2", "--json", "--ledger", dir]).stdout)["entry"]?["body"])
        let expectedText = Array(try Data(contentsOf: Self.fixtures.appendingPathComponent("article-fr.expected.txt")))
        #expect(body["text_sha256"]?.string == SHA256.hash(expectedText).hex)
        let bundle = work.appendingPathComponent("bundle").path
        #expect(try CLI.run(["export", "-o", bundle + "/journal.jsonl", "--ledger", dir]).code == 0)
        let read = try Self.warcio(bundle, source)
        let page = Array(try Data(contentsOf: Self.fixtures.appendingPathComponent("article-fr.html")))
        #expect(read["digests_ok"] == true && read["payload_sha256"]?.string == SHA256.hash(page).hex, "\(read)")
    }

    @Test func aWrongPayloadDigestIsAWarningAndAnAuditFinding() throws {
        let (dir, work) = try Self.ledger()
        // Without --url: the archive's only HTML response is taken, and its target URI becomes the source's URL.
        let added = try CLI.run(["source", "add", Self.archive("wrong-digest.warc"), "--outlet", "Portland Press Herald", "--lang", "en", "--ledger", dir])
        #expect(added.code == 0)
        let warning = added.stderr.split(separator: "\n")
        #expect(warning.count == 1 && warning[0].hasPrefix("warning: the WARC record <urn:uuid:00000000-0000-4000-8000-000000000201>"), "\(added.stderr)")
        #expect(warning.first?.contains("its WARC-Payload-Digest is sha1:K3ASELXS2X4YKAOOMVX2YOHX7RFHDBYL but the payload's digest is sha1:") == true)
        let source = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let body = try #require(try JSONParser.parse(try CLI.run(["show", "2", "--json", "--ledger", dir]).stdout)["entry"]?["body"])
        #expect(body["url"]?.string == Self.story)

        // warcio finds the same fault in the stored record, and the same right digest.
        let bundle = work.appendingPathComponent("bundle").path
        #expect(try CLI.run(["export", "-o", bundle + "/journal.jsonl", "--ledger", dir]).code == 0)
        #expect(try Self.warcio(bundle, source)["digests_ok"] == false)

        let audit = try CLI.run(["audit", "--format", "json", "--ledger", dir])
        #expect(audit.code == 0, "a wrong archive label is reported, not a failed audit")
        let findings = try #require(try JSONParser.parse(audit.stdout)["payload_digest_mismatches"]?.array)
        #expect(findings.count == 1 && findings.first?["source"]?.string == source && findings.first?["seq"]?.integer == 2)
        #expect(findings.first?["problem"]?.string == String(warning[0].split(separator: ": ", maxSplits: 2)[2].split(separator: ";")[0]))
        for format in ["text", "md", "html"] {
            let out = try CLI.run(["audit", "--format", format, "--ledger", dir]).stdout
            #expect(out.contains("Web-archive payload digests") && out.contains("sha1:K3ASELXS2X4YKAOOMVX2YOHX7RFHDBYL"), "\(format)")
        }
    }

    @Test(arguments: [
        ("story.warc.gz", nil, "the archive holds 2 HTML responses; choose one with --url"),
        ("story.warc.gz", "https://news.example/missing", "holds no response record for https://news.example/missing"),
        ("bomb.warc.gz", story, "refused as a possible decompression bomb"),
        ("zip-bomb.wacz", story, "refused as a possible decompression bomb"),
        ("encoding-bomb.warc", story, "refused as a possible decompression bomb"),
        ("encrypted.wacz", story, "is encrypted"),
        ("story.warc.gz", "https://news.example/logo.png", "is image/png; only HTML and plain-text responses can be recorded"),
    ] as [(String, String?, String)])
    func aHostileOrAmbiguousArchiveIsOneLineAndRecordsNothing(file: String, url: String?, message: String) throws {
        let (dir, _) = try Self.ledger()
        let before = try CLI.state(dir)
        let r = try CLI.run(["source", "add", Self.archive(file), "--outlet", "Site", "--lang", "en", "--ledger", dir] + (url.map { ["--url", $0] } ?? []))
        #expect(r.code == 1)
        #expect(r.stderr.contains(message) && r.stderr.hasSuffix("nothing was recorded\n") && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(try CLI.state(dir) == before)
    }

    @Test func aTruncatedArchiveIsOneLineAndRecordsNothing() throws {
        let (dir, work) = try Self.ledger()
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.archive("story.warc.gz"))))
        let before = try CLI.state(dir)
        let r = try CLI.run(["source", "add", CLI.write(Array(bytes.dropLast(300)), "cut.warc.gz", in: work), "--url", Self.story,
                             "--outlet", "Site", "--lang", "en", "--ledger", dir])
        #expect(r.code == 1 && r.stderr.contains("truncated") && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(try CLI.state(dir) == before)
    }

    @Test(arguments: [
        ("\"extractor_version\":\"1\"", "\"extractor_version\":\"9\"", "could not be extracted again with claimledger-warc 9"),
        (",\"warc_date\":\"2024-08-01T10:00:00Z\"", "", "warc_record_id, warc_target_uri and warc_date must be present together"),
        ("\"warc_date\":\"2024-08-01T10:00:00Z\"", "\"warc_date\":\"yesterday\"", "body.warc_date must be a WARC-Date"),
    ])
    func aStoredWebArchiveEntryThatWasAlteredIsCaught(find: String, replace: String, finding: String) throws {
        let (dir, _) = try Self.ledger()
        #expect(try CLI.run(["source", "add", Self.archive("capture.wacz"), "--url", Self.story, "--outlet", "Site", "--lang", "en", "--ledger", dir]).code == 0)
        try CLI.sql(dir, "DROP TRIGGER entries_no_update; UPDATE entries SET bytes = CAST(replace(CAST(bytes AS TEXT), '\(find)', '\(replace)') AS BLOB) WHERE seq = 2")
        let verify = try CLI.run(["verify", "--ledger", dir])
        #expect(verify.code == 2)
        #expect((verify.stdout + verify.stderr).contains(finding), "\(verify.stdout)\(verify.stderr)")
    }

    @Test func reAddingASourceWithDifferentMetadataSaysWhatDiffersAndAppendsNothing() throws {
        let (dir, work) = try Self.ledger()
        let file = CLI.write(Array("An article.\n".utf8), "a.txt", in: work)
        #expect(try CLI.run(["source", "add", file, "--outlet", "Le Monde", "--lang", "fr", "--title", "Titre", "--captured-at", "2024-08-01T10:00:00Z", "--ledger", dir]).code == 0)
        let before = try CLI.state(dir)
        let differs = try CLI.run(["source", "add", file, "--outlet", "Le Figaro", "--lang", "fr", "--url", "https://lefigaro.example/a", "--ledger", dir])
        #expect(differs.code == 1)
        let line = differs.stderr
        #expect(line.split(separator: "\n").count == 1 && line.contains("is already recorded at seq 2 with different metadata"), "\(line)")
        #expect(line.contains("--outlet “Le Monde” → “Le Figaro”") && line.contains("--url (none) → “https://lefigaro.example/a”")
            && !line.contains("--title") && !line.contains("--lang") && !line.contains("--captured-at"), "\(line)")
        // An option left out is no difference (re-running `source add` with fewer options only finds the source);
        // one given differently is.
        let fewer = try CLI.run(["source", "add", file, "--outlet", "Le Monde", "--lang", "fr", "--ledger", dir])
        #expect(fewer.code == 0 && fewer.stdout.count >= 64, "\(fewer.stderr)")
        let retitled = try CLI.run(["source", "add", file, "--outlet", "Le Monde", "--lang", "fr", "--title", "Autre titre", "--ledger", dir])
        #expect(retitled.code == 1 && retitled.stderr.contains("--title “Titre” → “Autre titre”"), "\(retitled.stderr)")
        let time = try CLI.run(["source", "add", file, "--outlet", "Le Monde", "--lang", "fr", "--title", "Titre", "--captured-at", "2024-08-02T10:00:00Z", "--ledger", dir])
        #expect(time.code == 1 && time.stderr.contains("--captured-at “2024-08-01T10:00:00Z” → “2024-08-02T10:00:00Z”"), "\(time.stderr)")
        #expect(try CLI.state(dir) == before)
        // The same metadata, with or without the capture time (which defaults to now), is the no-op it always was.
        let same = try CLI.run(["source", "add", file, "--outlet", "Le Monde", "--lang", "FR", "--title", "Titre", "--ledger", dir])
        #expect(same.code == 0 && same.stderr.contains("nothing appended"), "\(same.stderr)")
        #expect(try CLI.state(dir) == before)
    }
}
