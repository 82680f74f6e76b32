import Foundation
import LedgerCore
import Testing

/// `publish` and `monitor` as a newsroom and a reader use them: a static directory, a verifier key, a state file.
@Suite struct PublishCommandTests {
    /// A demo ledger, its published directory and the state file a monitor keeps.
    struct Setup {
        let work = CLI.temporaryDirectory()
        var ledger: String { work.appendingPathComponent("l").path }
        var site: String { work.appendingPathComponent("site").path }
        var state: String { work.appendingPathComponent("monitor-state").path }

        init() throws {
            #expect(try CLI.run(["demo", "--into", ledger]).code == 0)
        }
    }

    static func lines(_ s: String) -> [String] { s.split(separator: "\n").map(String.init) }

    @Test func publishThenMonitorThenGrow() throws {
        let s = try Setup()
        let published = try CLI.run(["publish", s.site, "--ledger", s.ledger])
        #expect(published.code == 0, "\(published.stderr)")
        let vkey = s.site + "/vkey"
        let key = try CLI.run(["key", "show", "--ledger", s.ledger]).stdout
        #expect(try String(contentsOfFile: vkey, encoding: .utf8) == key)
        #expect(published.stdout.contains("claimledger monitor \(s.site) --vkey \(key.trimmingCharacters(in: .newlines))"))

        let first = try CLI.run(["monitor", s.site, "--vkey", vkey, "--state", s.state, "--json"])
        #expect(first.code == 0, "\(first.stderr)")
        let report = try JSONParser.parse(first.stdout)
        let claims = try CLI.log(s.ledger).filter { $0["kind"]?.string == "claim" }.count
        #expect(claims > 0 && report["new_claims"]?.array?.count == claims)
        #expect(report["previous_size"] == .null)
        let firstClaim = try #require(report["new_claims"]?.array?.first)
        for field in ["seq", "speaker", "outlet", "subject", "predicate", "value", "excerpt"] { #expect(firstClaim[field] != nil, "\(field)") }
        // Its value and excerpt are the objects its entry stores, as in every JSON output.
        let stored = try #require(try CLI.log(s.ledger).first { $0["seq"] == firstClaim["seq"] }?["body"])
        #expect(firstClaim["value"] == stored["value"] && firstClaim["excerpt"] == stored["excerpt"] && firstClaim["value"]?["original"] != nil)
        let size = try #require(report["size"]?.integer)
        #expect(try String(contentsOfFile: s.state, encoding: .utf8) == report["checkpoint"]?.string)

        // The ledger grows; publishing again keeps what was there; the monitor sees the new claim only.
        let source = try #require(try JSONParser.parse(try CLI.run(["audit", "--format", "json", "--ledger", s.ledger]).stdout)["sources"]?.array?.first?["id"]?.string)
        let text = try String(contentsOfFile: CLI.repo.appendingPathComponent("ledger/sample/sources/harbor-gazette.txt").path, encoding: .utf8)
        let quote = String(text.split(separator: "\n").first { $0.count > 40 }!.prefix(30))
        let added = try CLI.run(["claim", "add", "--source", String(source.prefix(12)), "--excerpt", quote, "--speaker", "A Reader",
                                 "--text", "a new claim", "--subject", "test:subject", "--predicate", "call.attendance", "--value", "about 10",
                                 "--ledger", s.ledger])
        #expect(added.code == 0, "\(added.stderr)")
        let again = try CLI.run(["publish", s.site, "--ledger", s.ledger, "--json"])
        #expect(again.code == 0, "\(again.stderr)")
        #expect(try JSONParser.parse(again.stdout)["previous_size"]?.integer == size)
        let second = try CLI.run(["monitor", s.site, "--vkey", vkey, "--state", s.state])
        #expect(second.code == 0, "\(second.stderr)")
        #expect(second.stdout.contains("1 new claim since \(size) entries:"))
        #expect(second.stdout.contains("  #\(size) A Reader in The Harbor Gazette: test:subject call.attendance = about 10"))
        #expect(second.stdout.contains("\u{201C}\(quote)\u{201D}"))
        let third = try CLI.run(["monitor", "file://" + s.site, "--vkey", vkey, "--state", s.state])
        #expect(third.code == 0 && third.stdout.contains("0 new claims since \(size + 1) entries"), "\(third.stderr)")
    }

    /// Two copies of one ledger (same key) diverge: the second history is refused over the first's directory, and a
    /// monitor that saw the first fails on the second with both signed checkpoints.
    @Test func aForkedHistoryFailsWithBothCheckpoints() throws {
        let s = try Setup()
        let copy = s.work.appendingPathComponent("copy").path
        try FileManager.default.copyItem(atPath: s.ledger, toPath: copy)
        #expect(try CLI.run(["entity", "add", "x:original", "--label", "Original", "--ledger", s.ledger]).code == 0)
        #expect(try CLI.run(["publish", s.site, "--ledger", s.ledger]).code == 0)
        #expect(try CLI.run(["monitor", s.site, "--vkey", s.site + "/vkey", "--state", s.state]).code == 0)
        let remembered = try String(contentsOfFile: s.state, encoding: .utf8)

        for id in ["x:rewritten", "x:later"] {
            #expect(try CLI.run(["entity", "add", id, "--label", "R " + id, "--ledger", copy]).code == 0)
        }
        let over = try CLI.run(["publish", s.site, "--ledger", copy])
        #expect(over.code == 2 && Self.lines(over.stderr).count == 1 && over.stderr.contains("fork"), "\(over.stderr)")
        let forkSite = s.work.appendingPathComponent("fork-site").path
        #expect(try CLI.run(["publish", forkSite, "--ledger", copy]).code == 0)
        let forked = try String(contentsOfFile: forkSite + "/checkpoint", encoding: .utf8)

        let caught = try CLI.run(["monitor", forkSite, "--vkey", s.site + "/vkey", "--state", s.state])
        #expect(caught.code == 2)
        #expect(Self.lines(caught.stderr).count == 1 && caught.stderr.contains("history was rewritten"), "\(caught.stderr)")
        #expect(caught.stdout.contains(remembered) && caught.stdout.contains(forked))
        let json = try CLI.run(["monitor", forkSite, "--vkey", s.site + "/vkey", "--state", s.state, "--json"])
        let evidence = try JSONParser.parse(json.stdout)
        #expect(json.code == 2 && evidence["remembered_checkpoint"]?.string == remembered && evidence["checkpoint"]?.string == forked)
        // The evidence and the error line both follow their schemas.
        let out = CLI.write(Array(json.stdout.utf8), "fork.json", in: s.work), err = CLI.write(Array(json.stderr.utf8), "fork.err", in: s.work)
        #expect(try CarefulEntryTests.validate(["--schema", "monitor", out, "--stderr", err]) == 0)
        // The state still holds the checkpoint verified last.
        #expect(try String(contentsOfFile: s.state, encoding: .utf8) == remembered)
    }

    @Test func badLocationsKeysAndFilesAreOneLineErrors() throws {
        let s = try Setup()
        #expect(try CLI.run(["publish", s.site, "--ledger", s.ledger]).code == 0)
        let vkey = s.site + "/vkey"
        func expectError(_ args: [String], code: Int32, _ words: String) throws {
            let r = try CLI.run(["monitor"] + args + ["--state", s.state])
            #expect(r.code == code && Self.lines(r.stderr).count == 1 && r.stderr.contains(words), "\(args): \(r.code) \(r.stderr)")
        }
        try expectError([s.site, "--vkey", NoteKeyFixture.stranger], code: 2, "does not verify")
        try expectError([s.work.appendingPathComponent("nowhere").path, "--vkey", vkey], code: 1, "no such directory")
        try expectError(["ftp://example.org/log", "--vkey", vkey], code: 1, "only directories, file:// and http(s)://")
        try expectError([s.site, "--vkey", "not-a-key"], code: 1, "is not a verifier key")
        try FileManager.default.removeItem(atPath: s.site + "/tile/0/000.p/34")
        try expectError([s.site, "--vkey", vkey], code: 1, "tile/0/000.p/34 is missing")
        #expect(!FileManager.default.fileExists(atPath: s.state))
    }

    @Test func aDirectoryHoldingAnotherLogsCheckpointIsRefusedBeforeAnythingIsSigned() throws {
        let s = try Setup()
        try FileManager.default.createDirectory(atPath: s.site, withIntermediateDirectories: true)
        try "other.example/log\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n— other.example/log AAAAAAAAAAAA\n".write(toFile: s.site + "/checkpoint", atomically: true, encoding: .utf8)
        let before = try FileManager.default.contentsOfDirectory(atPath: s.ledger + "/checkpoints").sorted()
        let r = try CLI.run(["publish", s.site, "--ledger", s.ledger])
        #expect(r.code == 2 && Self.lines(r.stderr).count == 1 && r.stderr.contains("does not verify"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.ledger + "/checkpoints").sorted() == before)
    }

    @Test func monitorShowsTheNewestClaimsUpToItsLimitAndCountsAll() throws {
        let s = try Setup()
        #expect(try CLI.run(["publish", s.site, "--ledger", s.ledger]).code == 0)
        let json = try CLI.run(["monitor", s.site, "--vkey", s.site + "/vkey", "--state", s.state, "--limit", "2", "--json"])
        #expect(json.code == 0, "\(json.stderr)")
        let report = try JSONParser.parse(json.stdout)
        let kept = try #require(report["new_claims"]?.array), total = try #require(report["new_claims_total"]?.integer)
        #expect(kept.count == 2 && total > 2)
        let seqs = try CLI.log(s.ledger)
            .filter { ["claim", "claim.correction"].contains($0["kind"]?.string ?? "") }.compactMap { $0["seq"]?.integer }
        #expect(kept.compactMap { $0["seq"]?.integer } == Array(seqs.suffix(2)))  // the newest two, oldest first
        try FileManager.default.removeItem(atPath: s.state)
        let text = try CLI.run(["monitor", s.site, "--vkey", s.site + "/vkey", "--state", s.state, "--limit", "2"])
        #expect(text.stdout.contains("\(total) new claims in all (the newest 2 shown; --limit 0 shows all):"), "\(text.stdout)")
        #expect(try CLI.run(["monitor", s.site, "--vkey", s.site + "/vkey", "--state", s.state, "--limit", "-1"]).code != 0)
    }

    @Test func helpExplainsTheLayoutAndTheState() throws {
        let publish = try CLI.run(["publish", "--help"]).stdout
        for words in ["tile/entries/<N>", "source/<sha256>", "vkey", "checkpoint", "exit 2"] { #expect(publish.contains(words), "\(words)") }
        let monitor = try CLI.run(["monitor", "--help"]).stdout
        for words in ["http(s)://", "--vkey", "~/.claimledger/monitor", "rollback", "fork"] { #expect(monitor.contains(words), "\(words)") }
    }
}
