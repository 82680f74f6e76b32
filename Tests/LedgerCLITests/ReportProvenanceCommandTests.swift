import Foundation
import LedgerCore
import Testing

/// Every report command states what it was computed from, verifies the ledger first (unless --no-verify), and
/// still reports on a ledger that does not verify, marked at the top, exiting 2.
@Suite struct ReportProvenanceCommandTests {
    static let reports = [["contradictions"], ["corroborations"], ["audit"]]

    @Test func headerNamesTheLedgerItsCheckpointAndTheVerification() throws {
        let dir = try ReportCommandTests.demo()
        let verified = try JSONParser.parse(try CLI.run(["verify", "--json", "--ledger", dir]).stdout)
        #expect(try CLI.run(["checkpoint", "--ledger", dir]).code == 0)
        for report in Self.reports {
            let r = try CLI.run(report + ["--format", "json", "--ledger", dir])
            #expect(r.code == 0, "\(report): \(r.stderr)")
            let p = try #require(try JSONParser.parse(r.stdout)["provenance"])
            #expect(p["origin"] == "claimledger.example/demo" && p["verification"] == "verified")
            #expect(p["size"] == verified["size"] && p["root"] == verified["root"])
            #expect(p["checkpoint"]?["size"] == verified["size"] && p["checkpoint"]?["root"] == verified["root"])
            #expect(p["generated_at"]?.string?.hasSuffix("Z") == true)
            for format in ["text", "md", "html"] {
                let out = try CLI.run(report + ["--format", format, "--ledger", dir]).stdout
                #expect(out.contains(verified["root"]!.string!) && out.contains("verified"), "\(report) \(format)")
            }
            let unverified = try CLI.run(report + ["--no-verify", "--ledger", dir])
            #expect(unverified.code == 0 && unverified.stdout.contains("not verified"), "\(report) --no-verify")
        }
    }

    @Test func anEditedStoredCheckpointMakesTheReportNotVerified() throws {
        let dir = try ReportCommandTests.demo()
        #expect(try CLI.run(["checkpoint", "--ledger", dir]).code == 0)
        let checkpoints = URL(fileURLWithPath: dir).appendingPathComponent("checkpoints")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: checkpoints.path).first { $0.hasSuffix(".checkpoint") })
        let path = checkpoints.appendingPathComponent(file).path
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        lines[2] = String(lines[2].reversed())  // the root line
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLI.run(["contradictions", "--ledger", dir])
        #expect(r.code == 2 && r.stdout.hasPrefix("THIS LEDGER DID NOT VERIFY: the newest stored checkpoint does not check"), "\(r.stdout.prefix(300))")
        // Every source and quote still checks out, but the audit's headline must not say OK under that header.
        for format in ["text", "md", "html"] {
            let audit = try CLI.run(["audit", "--format", format, "--ledger", dir]).stdout
            #expect(audit.contains("NOT TRUSTWORTHY — the ledger did not verify") && !audit.contains("OK — "), "\(format): \(audit.prefix(600))")
        }
    }

    @Test func aLedgerThatDoesNotVerifyIsReportedAsSuchAndExits2() throws {
        let dir = try ReportCommandTests.demo()
        try CLI.sql(dir, "DROP TRIGGER blob_chunks_no_update; UPDATE blob_chunks SET bytes = CAST(replace(CAST(bytes AS TEXT), 'the', 'THE') AS BLOB)")
        for report in Self.reports {
            let text = try CLI.run(report + ["--ledger", dir])
            #expect(text.code == 2, "\(report)")
            #expect(text.stdout.hasPrefix("THIS LEDGER DID NOT VERIFY: "), "\(report): \(text.stdout.prefix(200))")
            let json = try CLI.run(report + ["--format", "json", "--ledger", dir])
            let header = try JSONParser.parse(json.stdout)["provenance"]
            #expect(json.code == 2 && header?["verification"] == "failed" && header?["problem"]?.string?.isEmpty == false, "\(report)")
            for format in ["md", "html"] {
                #expect(try CLI.run(report + ["--format", format, "--ledger", dir]).stdout.contains("THIS LEDGER DID NOT VERIFY"), "\(report) \(format)")
            }
            let skipped = try CLI.run(report + ["--no-verify", "--ledger", dir])
            #expect(skipped.stdout.contains("not verified") && !skipped.stdout.contains("DID NOT VERIFY"), "\(report)")
        }
    }
}
