import Foundation
import LedgerCore
import Testing

/// Issue 10 review findings: history read from the entries' bytes, private keys never echoed, bounded journal
/// lines, output that cannot be written, and `-o` over something that is not a regular file.
@Suite struct TrustBoundaryMendTests {
    /// Runs the sqlite3 shell and returns what it prints.
    static func query(_ ledger: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [ledger + "/ledger.sqlite", sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// A ledger with one claim, retracted: (ledger, work directory, claim seq, retraction seq).
    static func retracted() throws -> (String, URL, Int, Int) {
        let (dir, work, source) = try BadInputTests.ledger()
        let added = try CLI.run(SQLiteAttackTests.claim(source, dir) + ["--json"])
        let seq = try #require(try JSONParser.parse(added.stdout)["seq"]?.integer)
        let r = try CLI.run(["claim", "retract", String(seq), "--reason", "wrong", "--json", "--ledger", dir])
        let retraction = try #require(try JSONParser.parse(r.stdout)["seq"]?.integer, "\(r.stdout) \(r.stderr)")
        return (dir, work, seq, retraction)
    }

    @Test func aRetractionWhoseKeyWasNulledStillCountsAndNothingInvalidIsAppended() throws {
        let (dir, _, seq, retraction) = try Self.retracted()
        // Drop the entries table's triggers, set the retraction's key to NULL, and put the triggers back as they were.
        let triggers = try Self.query(dir, "SELECT group_concat(sql, ';' || char(10)) || ';' FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'entries'")
        let names = try Self.query(dir, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'entries'").split(separator: "\n")
        #expect(!names.isEmpty)
        try CLI.sql(dir, names.map { "DROP TRIGGER \($0);" }.joined() + "UPDATE entries SET key = NULL WHERE seq = \(retraction);" + triggers)
        #expect(try Self.query(dir, "SELECT count(*) FROM entries WHERE seq = \(retraction) AND key IS NULL").hasPrefix("1"))
        let before = try SQLiteAttackTests.size(dir)
        let again = try CLI.run(["claim", "retract", String(seq), "--reason", "again", "--ledger", dir])
        #expect(again.code == 2 && again.stdout.isEmpty, "exit \(again.code): \(again.stdout) \(again.stderr)")
        #expect(again.stderr.split(separator: "\n").count == 1 && again.stderr.contains("lookup columns disagree"), "\(again.stderr)")
        let correct = try CLI.run(["claim", "correct", String(seq), "--value", "près de 100.000", "--reason", "again", "--ledger", dir])
        #expect(correct.code == 2 && correct.stdout.isEmpty, "exit \(correct.code): \(correct.stderr)")
        #expect(try SQLiteAttackTests.size(dir) == before)
        // show keeps the history (read from the entry's bytes) and says the columns disagree
        let show = try CLI.run(["show", String(seq), "--ledger", dir])
        #expect(show.code == 2, "exit \(show.code)")
        #expect(show.stdout.contains("retracted at seq \(retraction)"), "\(show.stdout)")
        #expect(show.stderr.contains("lookup columns disagree"), "\(show.stderr)")
    }

    @Test func showReadsHistoryFromTheEntriesWhenTheIndexOmitsARow() throws {
        let (dir, _, seq, retraction) = try Self.retracted()
        let original = "CREATE INDEX entries_by_key ON entries(kind, key) WHERE key IS NOT NULL"
        try CLI.sql(dir, "PRAGMA writable_schema=ON; UPDATE sqlite_master SET sql = '\(original) AND kind <> ''claim.retraction''' WHERE name = 'entries_by_key';")
        try CLI.sql(dir, "REINDEX entries_by_key;")
        try CLI.sql(dir, "PRAGMA writable_schema=ON; UPDATE sqlite_master SET sql = '\(original)' WHERE name = 'entries_by_key';")
        let show = try CLI.run(["show", String(seq), "--ledger", dir])
        #expect(show.code == 2, "exit \(show.code): \(show.stderr)")
        #expect(show.stdout.contains("History: claim \(seq) → retracted at seq \(retraction) (wrong)"), "\(show.stdout)")
        #expect(show.stderr.contains("lookup columns disagree") && show.stderr.contains("claimledger verify"), "\(show.stderr)")
        let json = try CLI.run(["show", String(retraction), "--json", "--ledger", dir])
        let historyCount = try JSONParser.parse(json.stdout)["history"]?.array?.count
        #expect(json.code == 2 && historyCount == 2, "\(json.stdout)")
        // an untouched ledger: exit 0, the same history
        let (clean, _, s2, r2) = try Self.retracted()
        let ok = try CLI.run(["show", String(s2), "--ledger", clean])
        #expect(ok.code == 0 && ok.stderr.isEmpty && ok.stdout.contains("retracted at seq \(r2)"), "\(ok.stderr)")
    }

    @Test func aPrivateKeyIsNeverEchoedInAnErrorLine() throws {
        let (dir, _, _) = try BadInputTests.ledger()
        let secret = "PRIVATE+KEY+newsroom.example+0a1b2c3d+AUzZ9xQ0bW1vZ2VuZXJhdGVkc2VjcmV0c2VlZGJ5dGVz"
        let tail = "AUzZ9xQ0bW1vZ2VuZXJhdGVkc2VjcmV0"
        for args in [["verify", secret, "--ledger", dir], ["show", secret, "--ledger", dir], ["log", "--ledger", secret],
                     ["source", "add", secret, "--outlet", "X", "--lang", "en", "--ledger", dir],
                     ["verify", "--json", secret, "--ledger", dir]] {
            let r = try CLI.run(args)
            #expect(r.code != 0, "\(args[0]): exit 0")
            #expect(!r.stderr.contains(tail) && !r.stdout.contains(tail), "\(args[0]) echoed the key: \(r.stderr)")
            #expect(r.stderr.contains("(a private key, not shown)"), "\(args[0]): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        }
        let missing = try CLI.run(["log", "--ledger", secret])
        #expect(missing.stderr.contains("no ledger at (a private key, not shown): "), "\(missing.stderr)")
    }

    @Test func aJournalLineOverTheCapIsRefusedWhileReading() throws {
        let (dir, work, _) = try BadInputTests.ledger()
        let bundle = work.appendingPathComponent("bundle")
        let e = try CLI.run(["export", "-o", bundle.appendingPathComponent("journal.jsonl").path, "--ledger", dir])
        #expect(e.code == 0, "\(e.stderr)")
        // A first line of 9 MiB with no newline in it.
        let journal = bundle.appendingPathComponent("journal.jsonl").path
        let line = Array("{\"entry\":\"".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 9 << 20)
        _ = FileManager.default.createFile(atPath: journal, contents: Data(line + Array("\"}\n".utf8)))
        let target = work.appendingPathComponent("copy").path
        let r = try CLI.run(["import", bundle.path, target])
        #expect(r.code != 0, "\(r.stdout)")
        #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains("line 1") && r.stderr.contains("8 MiB"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    /// A character device that behaves as /dev/full (major 1, minor 7), made in a temporary directory.
    static func fullDevice(in dir: URL) -> String? {
        let path = dir.appendingPathComponent("full").path
        return mknod(path, S_IFCHR | 0o666, dev_t(1 << 8 | 7)) == 0 ? path : nil
    }

    /// Runs the CLI with stdout going to `path`.
    static func run(_ arguments: [String], stdoutTo path: String) throws -> (code: Int32, stderr: String) {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.standardOutput = FileHandle(forWritingAtPath: path)
        let err = Pipe()
        process.standardError = err
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: getuid() == 0, "mknod needs root"))
    func aFullStdoutIsOneLineAndExitOne() throws {
        let (dir, work, _) = try SQLiteAttackTests.ledgerWithClaims()
        let full = try #require(Self.fullDevice(in: work))
        for args in [["export", "--format", "csv"], ["contradictions", "--format", "html"], ["contradictions", "--format", "json"],
                     ["log"], ["verify"], ["export"], ["show", "1"]] {
            let r = try Self.run(args + ["--ledger", dir], stdoutTo: full)
            #expect(r.code == 1, "\(args): exit \(r.code)")
            #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains("cannot write"), "\(args): \(r.stderr.prefix(300))")
        }
    }

    @Test func outputRefusesToReplaceWhatIsNotARegularFile() throws {
        let (dir, work, _) = try SQLiteAttackTests.ledgerWithClaims()
        let fifo = work.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let target = CLI.write(Array("keep me\n".utf8), "target.html", in: work)
        let link = work.appendingPathComponent("link.html").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        var nodes = [(fifo, S_IFIFO, "FIFO"), (link, S_IFLNK, "symbolic link")]
        if getuid() == 0, let device = Self.fullDevice(in: work) { nodes.append((device, S_IFCHR, "device")) }
        for (path, type, word) in nodes {
            for args in [["contradictions", "--format", "html", "-o", path], ["contradictions", "--format", "json", "-o", path],
                         ["export", "--format", "csv", "-o", path], ["audit", "-o", path]] {
                let r = try CLI.run(args + ["--ledger", dir])
                #expect(r.code == 1, "\(args): exit \(r.code)")
                #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains(word), "\(args): \(r.stderr)")
                var st = stat()
                #expect(lstat(path, &st) == 0 && st.st_mode & S_IFMT == type, "\(path) was replaced")
            }
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me\n")
        // a regular file is still replaced whole
        let r = try CLI.run(["contradictions", "--format", "html", "-o", target, "--ledger", dir])
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(r.code == 0 && written.hasPrefix("<!DOCTYPE html>"), "\(r.stderr)")
    }

    @Test func auditAgainstRefusesAQuoteOverItsDocumentedLimit() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("ledger").path
        #expect(try CLI.run(["init", dir]).code == 0)
        let words = (0..<700).map { "mot\($0)" }.joined(separator: " ")  // about 4,800 scalars
        let quote = "La réunion a réuni près de 200.000 personnes. " + words
        let text = "Début. " + quote + " Fin.\n"
        let source = try CLI.run(["source", "add", CLI.write(Array(text.utf8), "s.txt", in: work), "--ledger", dir, "--outlet", "Tribune", "--lang", "fr"])
        #expect(try CLI.run(["predicate", "add", "attendance", "--type", "quantity", "--ledger", dir]).code == 0)
        let id = source.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let added = try CLI.run(["claim", "add", "--source", id, "--excerpt", quote, "--speaker", "Tribune", "--text", "Attendance",
                                 "--subject", "event:call", "--predicate", "attendance", "--value", "près de 200.000", "--ledger", dir])
        #expect(added.code == 0, "\(added.stderr)")
        let capture = CLI.write(Array(text.utf8), "newer.txt", in: work)
        let r = try CLI.run(["audit", "--against", capture, "--source", id, "--ledger", dir])
        #expect(r.code == 1 && r.stdout.isEmpty, "exit \(r.code)")
        #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains("at most 4096 scalars"), "\(r.stderr)")
        #expect(try CLI.run(["audit", "--help"]).stdout.contains("4,096 scalars"))
    }
}

extension SQLiteAttackTests {
    /// A ledger with two contradicting claims: (ledger, work directory, source id).
    static func ledgerWithClaims() throws -> (String, URL, String) {
        let (dir, work, source) = try BadInputTests.ledger()
        #expect(try CLI.run(claim(source, dir)).code == 0)
        var other = claim(source, dir)
        other[other.firstIndex(of: "--value")! + 1] = "500"
        other[other.firstIndex(of: "--speaker")! + 1] = "Other"
        #expect(try CLI.run(other).code == 0)
        return (dir, work, source)
    }
}
