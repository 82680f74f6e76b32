import Foundation
import LedgerCore
import Testing

/// `log --kind K --since TIME --limit N`.
@Suite struct LogFilterTests {
    @Test func kindSinceAndLimitFilter() throws {
        let dir = CLI.temporaryDirectory().appendingPathComponent("l").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        func kinds(_ args: [String]) throws -> [String] {
            try CLI.log(dir, args).map { $0["kind"]?.string ?? "" }
        }
        let all = try kinds([])
        #expect(try kinds(["--kind", "source"]) == all.filter { $0 == "source" })
        #expect(try kinds(["--kind", "source", "--kind", "claim"]) == all.filter { $0 == "source" || $0 == "claim" })
        #expect(try kinds(["--kind", "claim", "--limit", "2"]) == ["claim", "claim"])
        #expect(try kinds(["--since", "2000-01-01"]) == all)
        #expect(try kinds(["--since", "2999-01-01T00:00:00Z"]).isEmpty)
        for bad in [["--kind", "claims"], ["--since", "yesterday"], ["--limit", "-1"]] {
            let r = try CLI.run(["log", "--ledger", dir] + bad)
            #expect(r.code == 64 && r.stderr.split(separator: "\n").count == 1, "\(bad): \(r.stderr)")
        }
    }
}

/// Options that contradict each other are a usage error, not silently resolved.
@Suite struct ConflictingOptionTests {
    @Test func contradictoryOptionsAreRefused() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        for report in ["contradictions", "corroborations", "audit"] {
            let r = try CLI.run([report, "--format", "html", "--json", "--ledger", dir])
            #expect(r.code == 64 && r.stderr.contains("--json and --format html contradict each other"), "\(report): \(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(try CLI.run([report, "--format", "json", "--json", "--ledger", dir]).code == 0)
        }
        let source = try #require(try CLI.run(["source", "list", "--ledger", dir]).stdout.split(separator: " ").first.map(String.init))
        for (arguments, format) in [(["export", "--format", "csv"], "csv"), (["suggest", source, "--format", "jsonl"], "jsonl"), (["suggest", source, "--format", "text"], "text")] {
            let r = try CLI.run(arguments + ["--json", "--ledger", dir])
            #expect(r.code == 64 && r.stderr.contains("--json and --format \(format) contradict each other") && r.stdout.isEmpty, "\(arguments): \(r.stderr)")
        }
        #expect(try CLI.run(["export", "--format", "jsonl", "--json", "--ledger", dir]).code == 0)
        let a = work.appendingPathComponent("a").path, b = work.appendingPathComponent("b").path
        let r = try CLI.run(["init", a, "--ledger", b])
        #expect(r.code == 64 && r.stderr.contains("name two directories"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: a) && !FileManager.default.fileExists(atPath: b))
        #expect(try CLI.run(["init", a, "--ledger", a]).code == 0)
    }
}
