import Foundation
import LedgerCore
import Testing

/// A `ledger.sqlite` handed over by someone else is untrusted input: extra schema objects and an index that
/// lies are refused for appends (exit 2, one line, nothing acknowledged) and named by `verify`.
@Suite struct SQLiteAttackTests {

    /// Runs `claimledger` and kills it after `seconds` (a hung append is a failure, not a hung test run).
    static func run(_ arguments: [String], seconds: Double = 30) throws -> CLI.Result {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return CLI.Result(code: process.terminationStatus,
                          stdout: String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                          stderr: String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    static func claim(_ source: String, _ dir: String) -> [String] {
        ["claim", "add", "--source", String(source.prefix(8)), "--excerpt", "près de 200.000 personnes", "--speaker", "Tribune",
         "--text", "Attendance", "--subject", "event:call", "--predicate", "attendance", "--value", "près de 200.000", "--ledger", dir]
    }

    static func size(_ dir: String) throws -> Int64? {
        try JSONParser.parse(CLI.run(["verify", "--json", "--ledger", dir]).stdout)["size"]?.integer.map(Int64.init)
    }

    /// An append to the doctored ledger is refused with exit 2 and one line naming `mention`; nothing is stored;
    /// `verify` exits 2 with a schema finding naming it.
    func expectRefused(_ dir: String, _ source: String, mention: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try Self.size(dir)
        let r = try Self.run(Self.claim(source, dir))
        #expect(r.code == 2, "exit \(r.code): \(r.stdout) \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, "acknowledged: \(r.stdout)", sourceLocation: sourceLocation)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1 && r.stderr.contains(mention), "stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(try Self.size(dir) == before, sourceLocation: sourceLocation)
        let v = try CLI.run(["verify", "--json", "--ledger", dir])
        #expect(v.code == 2, sourceLocation: sourceLocation)
        let findings = try JSONParser.parse(v.stdout)["findings"]?.array ?? []
        #expect(findings.contains { $0["check"]?.string == "schema" && ($0["what"]?.string ?? "").contains(mention) }, "\(v.stdout)",
                sourceLocation: sourceLocation)
    }

    @Test func aTriggerThatSwallowsInsertsIsRefused() throws {
        let (dir, _, source) = try BadInputTests.ledger()
        try CLI.sql(dir, "CREATE TRIGGER swallow BEFORE INSERT ON entries BEGIN SELECT RAISE(IGNORE); END;")
        try expectRefused(dir, source, mention: "trigger swallow")
        // Read-only commands still work, with a warning.
        let log = try CLI.run(["log", "--ledger", dir])
        #expect(log.code == 0 && log.stderr.contains("warning") && log.stderr.contains("swallow"), "\(log.stderr)")
    }

    @Test func aRecursiveTriggerDoesNotHangAppends() throws {
        let (dir, _, source) = try BadInputTests.ledger()
        try CLI.sql(dir, """
            CREATE TRIGGER spin BEFORE INSERT ON tree_hashes BEGIN
              SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c);
            END;
            """)
        try expectRefused(dir, source, mention: "trigger spin")
    }

    @Test func foreignViewsAndIndexesAreNamed() throws {
        let (dir, _, source) = try BadInputTests.ledger()
        try CLI.sql(dir, "CREATE VIEW peek AS SELECT seq FROM entries; CREATE INDEX sneaky ON blobs(bytes);")
        try expectRefused(dir, source, mention: "index sneaky")
        let v = try CLI.run(["verify", "--ledger", dir])
        #expect(v.code == 2 && v.stdout.contains("view peek"), "\(v.stdout)")
    }

    @Test func anIndexThatOmitsARowIsFoundByVerifyAndAppendsAreRefused() throws {
        let (dir, _, source) = try BadInputTests.ledger()
        let added = try CLI.run(Self.claim(source, dir) + ["--json"])
        let seq = try #require(try JSONParser.parse(added.stdout)["seq"]?.integer)
        #expect(try CLI.run(["claim", "retract", String(seq), "--reason", "wrong", "--ledger", dir]).code == 0)
        // Rebuild entries_by_key without the retraction, then put its SQL text back so the schema looks intact.
        let original = "CREATE INDEX entries_by_key ON entries(kind, key) WHERE key IS NOT NULL"
        try CLI.sql(dir, "PRAGMA writable_schema=ON; UPDATE sqlite_master SET sql = '\(original) AND kind <> ''claim.retraction''' WHERE name = 'entries_by_key';")
        try CLI.sql(dir, "REINDEX entries_by_key;")
        try CLI.sql(dir, "PRAGMA writable_schema=ON; UPDATE sqlite_master SET sql = '\(original)' WHERE name = 'entries_by_key';")
        let v = try CLI.run(["verify", "--json", "--ledger", dir])
        #expect(v.code == 2, "\(v.stdout)")
        let findings = try JSONParser.parse(v.stdout)["findings"]?.array ?? []
        #expect(findings.contains { $0["check"]?.string == "schema" && ($0["what"]?.string ?? "").contains("entries_by_key") }, "\(v.stdout)")
        let before = try Self.size(dir)
        let again = try Self.run(["claim", "retract", String(seq), "--reason", "again", "--ledger", dir])
        #expect(again.code != 0 && again.stdout.isEmpty, "retracted twice: \(again.stdout)")
        #expect(try Self.size(dir) == before)
    }
}
