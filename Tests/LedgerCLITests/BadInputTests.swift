import Foundation
import LedgerCore
import Testing

/// Every bad input gets a clear one-line error on stderr, a non-zero exit, and leaves the ledger exactly as it
/// was (same size and root from `verify --json`).
@Suite struct BadInputTests {
    /// A ledger with one source ("Tribune", fr) and the quantity predicate `attendance`; returns (dir, work dir, source id).
    static func ledger() throws -> (String, URL, String) {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("ledger").path
        #expect(try CLI.run(["init", dir]).code == 0)
        let text = "La réunion a réuni près de 200.000 personnes. X a dit non. X a dit non.\n"
        let r = try CLI.run(["source", "add", CLI.write(Array(text.utf8), "s.txt", in: work), "--ledger", dir, "--outlet", "Tribune", "--lang", "fr"])
        #expect(try CLI.run(["predicate", "add", "attendance", "--type", "quantity", "--ledger", dir]).code == 0)
        return (dir, work, r.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Runs `arguments` and requires rejection with `code`, one error line mentioning `mention`, and no change.
    func expectRejected(_ arguments: [String], ledger dir: String, code: Int32 = 1, mention: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try CLI.state(dir)
        let r = try CLI.run(arguments + ["--ledger", dir])
        #expect(r.code == code, "exit \(r.code): \(r.stderr)", sourceLocation: sourceLocation)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("claimledger: error: "), "stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.localizedCaseInsensitiveContains(mention), "stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(try CLI.state(dir) == before, "the ledger changed", sourceLocation: sourceLocation)
    }

    func claim(_ source: String, excerpt: String = "près de 200.000 personnes", value: String = "près de 200.000", _ extra: [String] = []) -> [String] {
        ["claim", "add", "--source", source, "--excerpt", excerpt, "--speaker", "Tribune", "--text", "Attendance",
         "--subject", "event:call", "--predicate", "attendance", "--value", value] + extra
    }

    @Test func missingUnreadableInvalidAndEmptySourceFiles() throws {
        let (dir, work, _) = try Self.ledger()
        try expectRejected(["source", "add", work.appendingPathComponent("nope.txt").path, "--outlet", "O", "--lang", "en"], ledger: dir, mention: "no such file")
        try expectRejected(["source", "add", work.path, "--outlet", "O", "--lang", "en"], ledger: dir, mention: "is a directory")
        let latin1 = CLI.write([0x43, 0x61, 0x66, 0xE9, 0x0A], "latin1.txt", in: work)  // "Café" in ISO 8859-1
        try expectRejected(["source", "add", latin1, "--outlet", "O", "--lang", "fr"], ledger: dir, mention: "not valid UTF-8")
        try expectRejected(["source", "add", CLI.write([], "empty.txt", in: work), "--outlet", "O", "--lang", "en"], ledger: dir, mention: "empty")
        try expectRejected(["claim", "import", work.appendingPathComponent("nope.jsonl").path], ledger: dir, mention: "no such file")
    }

    @Test func badExcerpts() throws {
        let (dir, _, id) = try Self.ledger()
        try expectRejected(claim(String(id.prefix(8)), excerpt: "plus de 300.000"), ledger: dir, mention: "not in the source")
        try expectRejected(claim(String(id.prefix(8)), excerpt: "X a dit non"), ledger: dir, mention: "occurs 2 times")
        try expectRejected(claim(String(id.prefix(8)), excerpt: "X a dit non", ["--occurrence", "3"]), ledger: dir, mention: "out of range")
        let ok = try CLI.run(claim(String(id.prefix(8)), excerpt: "X a dit non", ["--occurrence", "2", "--json"]) + ["--ledger", dir])
        #expect(ok.code == 0)
        #expect(try JSONParser.parse(ok.stdout)["seq"]?.integer == 3)
    }

    @Test func unknownAndAmbiguousSourceIds() throws {
        let (dir, _, id) = try Self.ledger()
        try expectRejected(claim("deadbeefdeadbeef"), ledger: dir, mention: "no source has an id starting with deadbeef")
        try expectRejected(claim(String(id.prefix(6))), ledger: dir, mention: "at least 8")
        try expectRejected(claim("not-hex-at-all"), ledger: dir, mention: "must be hex")
        let fixtures = CLI.repo.appendingPathComponent("Tests/LedgerCLITests/Fixtures")
        for f in ["prefix-a.txt", "prefix-b.txt"] {
            #expect(try CLI.run(["source", "add", fixtures.appendingPathComponent(f).path, "--outlet", "O", "--lang", "en", "--ledger", dir]).code == 0)
        }
        try expectRejected(claim("0e57ab0c"), ledger: dir, mention: "ambiguous")
    }

    @Test func malformedImportLinesNameTheLineAndNothingIsRecorded() throws {
        let (dir, work, id) = try Self.ledger()
        let good = #"{"source":"\#(id)","excerpt":"près de 200.000 personnes","speaker":"Tribune","text":"t","subject":"event:call","predicate":"attendance","value":"près de 200.000"}"#
        // Claims that differ only by speaker (identical claims are refused as duplicates).
        func speaker(_ n: Int) -> String { good.replacingOccurrences(of: #""speaker":"Tribune""#, with: #""speaker":"Tribune \#(n)""#) }
        try expectRejected(["claim", "import", CLI.write(Array((good + "\n" + speaker(2) + "\n{\"source\": \n").utf8), "a.jsonl", in: work)],
                           ledger: dir, mention: "line 3")
        let wrongType = good.replacingOccurrences(of: #""speaker":"Tribune""#, with: #""speaker":42"#)
        try expectRejected(["claim", "import", CLI.write(Array((good + "\n" + wrongType + "\n").utf8), "b.jsonl", in: work)],
                           ledger: dir, mention: "line 2: speaker: must be a string")
        let badValue = good.replacingOccurrences(of: #""value":"près de 200.000""#, with: #""value":"beaucoup""#)
        try expectRejected(["claim", "import", CLI.write(Array((good + "\n\n" + badValue + "\n").utf8), "c.jsonl", in: work)],
                           ledger: dir, mention: "line 3: value: ")
        try expectRejected(["claim", "import", CLI.write(Array(good.utf8) + [0x0A, 0xFF, 0x0A], "d.jsonl", in: work)],
                           ledger: dir, mention: "line 2: the JSON is not valid UTF-8")
        let unknown = good.replacingOccurrences(of: #""text":"t""#, with: #""txt":"t""#)
        try expectRejected(["claim", "import", CLI.write(Array(unknown.utf8), "e.jsonl", in: work)], ledger: dir, mention: "unknown field \"txt\"")
        let ok = try CLI.run(["claim", "import", CLI.write(Array((good + "\n" + speaker(2) + "\n").utf8), "f.jsonl", in: work), "--ledger", dir])
        #expect(ok.code == 0 && ok.stdout.contains("imported 2 claims"))
        // Files are read a chunk (1 MiB) at a time and claims appended as read: a bad last line of a file past
        // the first chunk still rolls every earlier claim back, and a good one lands whole (CRLF endings too).
        let many = (3...6002).map(speaker).joined(separator: "\r\n")
        try expectRejected(["claim", "import", CLI.write(Array((many + "\n" + wrongType).utf8), "g.jsonl", in: work)],
                           ledger: dir, mention: "line 6001: speaker: must be a string")
        try expectRejected(["claim", "import", CLI.write(Array((speaker(0) + "\n").utf8) + Array(repeating: 0x20, count: 9 << 20), "huge.jsonl", in: work)],
                           ledger: dir, mention: "line 2: longer than 8 MiB")
        let big = try CLI.run(["claim", "import", CLI.write(Array(many.utf8), "h.jsonl", in: work), "--ledger", dir])
        #expect(big.code == 0 && big.stdout.contains("imported 6,000 claims"), "\(big.stderr)")
    }

    @Test func badTypesValuesLanguagesAndOversizedEntries() throws {
        let (dir, work, id) = try Self.ledger()
        try expectRejected(["predicate", "add", "p", "--type", "colour"], ledger: dir, code: 64, mention: "unknown predicate type")
        try expectRejected(claim(String(id.prefix(8)), value: "beaucoup"), ledger: dir, mention: "not a quantity")
        try expectRejected(claim(String(id.prefix(8)), ["--lang", "french!"]), ledger: dir, mention: "BCP 47")
        let s = CLI.write(Array("Du texte.\n".utf8), "t.txt", in: work)
        try expectRejected(["source", "add", s, "--outlet", "O", "--lang", "en_US"], ledger: dir, mention: "BCP 47")
        try expectRejected(claim(String(id.prefix(8)), ["--relay", String(repeating: "très long ", count: 7000)]), ledger: dir, mention: "65535")
        try expectRejected(["predicate", "add", "attendance", "--type", "text"], ledger: dir, mention: "already declared")
        try expectRejected(["predicate", "add", "Attendance", "--type", "quantity"], ledger: dir, mention: "differs only in case from the declared attendance")
    }

    @Test func missingLedgersAndTamperedDatabases() throws {
        let work = CLI.temporaryDirectory()
        let missing = work.appendingPathComponent("nowhere").path
        let r = try CLI.run(["log", "--ledger", missing])
        #expect(r.code == 1 && r.stderr.contains("directory does not exist") && r.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: missing))
        let empty = work.appendingPathComponent("empty").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(try CLI.run(["verify", "--ledger", empty]).stderr.contains("is not a ledger"))

        let (dir, _, id) = try Self.ledger()
        try CLI.sql(dir, "DROP TRIGGER entries_no_delete")
        try expectRejected(claim(String(id.prefix(8))), ledger: dir, code: 2, mention: "modified outside claimledger")

        let (garbage, _, _) = try Self.ledger()
        try? FileManager.default.removeItem(atPath: garbage + "/ledger.sqlite-wal")  // gone already if SQLite checkpointed on close
        _ = FileManager.default.createFile(atPath: garbage + "/ledger.sqlite", contents: Data(repeating: 0x5A, count: 8192))
        let g = try CLI.run(["verify", "--ledger", garbage])
        #expect(g.code == 2 && g.stderr.contains("not an SQLite file"))
        let refused = try CLI.run(["init", dir])
        #expect(refused.code == 1 && refused.stderr.contains("already holds a ledger"))
    }
}
