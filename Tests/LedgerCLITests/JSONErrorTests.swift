import Foundation
import LedgerCore
import Testing

/// With `--json` (or `--format json`), an error is one JSON object on stderr: {"error": "…", "exit": N}.
@Suite struct JSONErrorTests {
    static func error(_ args: [String]) throws -> (code: Int32, object: JSONValue) {
        let r = try CLI.run(args)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1 && r.stdout.isEmpty, "\(args): \(r.stderr)")
        return (r.code, try JSONParser.parse(String(lines.first ?? "")))
    }

    @Test func errorsAreJSONWhenJSONIsAskedFor() throws {
        let missing = CLI.temporaryDirectory().appendingPathComponent("none").path
        let a = try Self.error(["verify", "--json", "--ledger", missing])
        #expect(a.code == 1 && a.object["exit"]?.integer == 1 && a.object["error"]?.string?.isEmpty == false, "\(a.object)")
        // A usage error found by the parser, and a report asked for as --format json.
        let b = try Self.error(["log", "--json", "--no-such-option"])
        #expect(b.code == 64 && b.object["exit"]?.integer == 64 && b.object["error"]?.string?.contains("--no-such-option") == true, "\(b.object)")
        let c = try Self.error(["contradictions", "--format", "json", "--ledger", missing])
        #expect(c.code == 1 && c.object["error"] != nil)
        // A verification failure keeps its exit 2.
        let dir = CLI.temporaryDirectory().appendingPathComponent("l").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        try CLI.sql(dir, "DROP TRIGGER blob_chunks_no_update; UPDATE blob_chunks SET bytes = CAST(replace(CAST(bytes AS TEXT), 'the', 'THE') AS BLOB)")
        let r = try CLI.run(["checkpoint", "--json", "--ledger", dir])
        let object = try JSONParser.parse(String(r.stderr.split(separator: "\n").last ?? ""))
        #expect(r.code == 2 && object["exit"]?.integer == 2, "\(r.stderr)")
        // Without --json, the plain line; an argument after -- is not an option.
        let plain = try CLI.run(["verify", "--ledger", missing])
        #expect(plain.stderr.hasPrefix("claimledger: error: "))
    }
}

/// `NO_COLOR` (no-color.org) turns off colour even on a terminal (run under a pseudo-terminal with script(1)).
@Suite struct NoColorTests {
    @Test func sourceShowHonoursNoColor() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let dir = CLI.temporaryDirectory().appendingPathComponent("l").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        let list = try JSONParser.parse(try CLI.run(["source", "list", "--json", "--ledger", dir]).stdout)
        let id = try #require(list["sources"]?.array?.first?["id"]?.string)
        func show(noColor: Bool) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            p.arguments = ["-qec", "'\(CLI.binary.path)' source show \(id) --ledger '\(dir)'", "/dev/null"]
            var env = ProcessInfo.processInfo.environment
            env["NO_COLOR"] = noColor ? "1" : nil
            p.environment = env
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        #expect(try show(noColor: false).contains("\u{1B}[30;43m"))
        let plain = try show(noColor: true)
        #expect(!plain.contains("\u{1B}[") && plain.contains("]]{seq "))
    }
}

/// verify, claim import and export -o draw a progress line only on a terminal, and erase it.
@Suite struct ProgressLineTests {
    /// What `arguments` print on a pseudo-terminal (script(1)), stdout and stderr together.
    static func onTerminal(_ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", ([CLI.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " "), "/dev/null"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let terminal = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return terminal
    }

    @Test func verifyShowsProgressOnlyOnATerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let dir = CLI.temporaryDirectory().appendingPathComponent("l").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        let piped = try CLI.run(["verify", "--ledger", dir])
        #expect(piped.code == 0 && !piped.stderr.contains("verifying:") && !piped.stdout.contains("verifying:"))
        let terminal = try Self.onTerminal(["verify", "--ledger", dir])
        #expect(terminal.contains("verifying: 0 of") && terminal.contains("\r\u{1B}[2Kok: "), "\(terminal.debugDescription)")
    }

    @Test func importAndExportShowProgressOnATerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        let source = try #require(try CLI.run(["source", "list", "--ledger", dir]).stdout.split(separator: " ").first.map(String.init))
        let line = #"{"source":"\#(source)","excerpt":"record Zoom call","speaker":"s","text":"t","subject":"x:y","predicate":"call.attendance","value":"3"}"#
        let file = CLI.write(Array((line + "\n").utf8), "c.jsonl", in: work)
        let piped = try CLI.run(["claim", "import", file, "--dry-run", "--new-subject", "--ledger", dir])
        #expect(piped.code == 0 && !piped.stderr.contains("checking:"), "\(piped.stderr)")
        let imported = try Self.onTerminal(["claim", "import", file, "--dry-run", "--new-subject", "--ledger", dir])
        #expect(imported.contains("checking: 0 of \(line.utf8.count + 1) bytes (0%)") && imported.contains("\r\u{1B}[2K"), "\(imported.debugDescription)")
        // The line is cleared before the result is written, not after it.
        #expect(imported.contains("\r\u{1B}[2Kok: 1 claim would be recorded"), "\(imported.debugDescription)")
        let bad = CLI.write(Array((line.replacingOccurrences(of: "record Zoom call", with: "not in the article") + "\n").utf8), "bad.jsonl", in: work)
        let refused = try Self.onTerminal(["claim", "import", bad, "--dry-run", "--new-subject", "--ledger", dir])
        #expect(refused.contains("\r\u{1B}[2Kclaimledger: error: "), "\(refused.debugDescription)")
        let exported = try Self.onTerminal(["export", "-o", work.appendingPathComponent("b/journal.jsonl").path, "--ledger", dir])
        #expect(exported.contains("exporting: 0 of"), "\(exported.debugDescription)")
    }
}
