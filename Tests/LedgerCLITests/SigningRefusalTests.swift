import Foundation
import Testing

/// Nothing is signed that does not verify, and `verify` checks the ledger's own signed checkpoints.
@Suite struct SigningRefusalTests {
    @Test func checkpointAndExportRefuseToSignALedgerThatDoesNotVerify() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path
        #expect(try CLI.run(["init", dir]).code == 0)
        let source = CLI.write(Array("A report of the event.".utf8), "one.txt", in: work)
        #expect(try CLI.run(["source", "add", source, "--outlet", "O", "--lang", "en", "--ledger", dir]).code == 0)
        try CLI.sql(dir, "DROP TRIGGER entries_no_update; UPDATE entries SET bytes = CAST(replace(CAST(bytes AS TEXT), '\"O\"', '\"P\"') AS BLOB) WHERE seq = 1; "
                    + "CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries BEGIN SELECT RAISE(ABORT, 'entries are append-only'); END")
        let checkpoint = try CLI.run(["checkpoint", "--ledger", dir])
        #expect(checkpoint.code == 2 && checkpoint.stderr.contains("refusing to sign") && checkpoint.stdout.isEmpty, "\(checkpoint.stderr)")
        let bundle = work.appendingPathComponent("bundle").path
        let export = try CLI.run(["export", "-o", bundle + "/journal.jsonl", "--ledger", dir])
        #expect(export.code == 2 && export.stderr.contains("refusing to sign"), "\(export.stderr)")
        #expect(!FileManager.default.fileExists(atPath: bundle + "/manifest.checkpoint"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/checkpoints") == ["1.checkpoint"])  // the genesis one only
    }

    @Test func aBundleIsNeverWrittenIntoALedgerDirectory() throws {
        let work = CLI.temporaryDirectory()
        let a = work.appendingPathComponent("a").path, b = work.appendingPathComponent("b").path
        #expect(try CLI.run(["init", a]).code == 0 && CLI.run(["init", b]).code == 0)
        let r = try CLI.run(["export", "-o", b + "/a.jsonl", "--ledger", a])
        #expect(r.code == 1 && r.stderr.contains("is a ledger directory"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: b + "/a.jsonl") && !FileManager.default.fileExists(atPath: b + "/manifest.checkpoint"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: b + "/checkpoints") == ["1.checkpoint"])
    }

    @Test func verifyChecksTheCheckpointsTheLedgerSigned() throws {
        let work = CLI.temporaryDirectory()
        let a = work.appendingPathComponent("a").path, b = work.appendingPathComponent("b").path
        #expect(try CLI.run(["init", a]).code == 0)
        try FileManager.default.copyItem(atPath: a, toPath: b)  // two copies with one key, which then fork
        let one = CLI.write(Array("A report.".utf8), "one.txt", in: work), two = CLI.write(Array("Another report.".utf8), "two.txt", in: work)
        #expect(try CLI.run(["source", "add", one, "--outlet", "O", "--lang", "en", "--ledger", a]).code == 0)
        #expect(try CLI.run(["source", "add", two, "--outlet", "O", "--lang", "en", "--ledger", b]).code == 0)
        #expect(try CLI.run(["checkpoint", "--ledger", a]).code == 0)
        #expect(try CLI.run(["verify", "--ledger", b]).code == 0)
        // b holding a's signed checkpoint of the same size is a ledger whose signed history was rewritten
        try FileManager.default.createDirectory(atPath: b + "/checkpoints", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: a + "/checkpoints/2.checkpoint", toPath: b + "/checkpoints/2.checkpoint")
        let verify = try CLI.run(["verify", "--ledger", b])
        #expect(verify.code == 2 && verify.stdout.contains("checkpoint"), "\(verify.stdout) \(verify.stderr)")
    }
}
