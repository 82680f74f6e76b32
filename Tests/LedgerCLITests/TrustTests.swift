import Foundation
import Testing

/// `checkpoint --trust FILE`: a published checkpoint joins the history, and a ledger that forked from it is refused.
@Suite struct TrustTests {
    @Test func aLedgerInconsistentWithATrustedCheckpointIsNeverSigned() throws {
        let work = CLI.temporaryDirectory()
        let a = work.appendingPathComponent("a").path, b = work.appendingPathComponent("b").path
        #expect(try CLI.run(["init", a]).code == 0)
        try FileManager.default.copyItem(atPath: a, toPath: b)  // a backup, restored later without a's checkpoints
        let source = CLI.write(Array("A report.".utf8), "one.txt", in: work), other = CLI.write(Array("Another report.".utf8), "two.txt", in: work)
        #expect(try CLI.run(["source", "add", source, "--outlet", "O", "--lang", "en", "--ledger", a]).code == 0)
        #expect(try CLI.run(["source", "add", other, "--outlet", "O", "--lang", "en", "--ledger", b]).code == 0)
        let published = work.appendingPathComponent("published.checkpoint").path
        #expect(FileManager.default.createFile(atPath: published, contents: Data(try CLI.run(["checkpoint", "--ledger", a]).stdout.utf8)))
        let forked = try CLI.run(["checkpoint", "--trust", published, "--ledger", b])
        #expect(forked.code == 2 && forked.stderr.contains("history was rewritten") && forked.stdout.isEmpty, "\(forked.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: b + "/checkpoints") == ["1.checkpoint"])
        let same = try CLI.run(["checkpoint", "--trust", published, "--ledger", a])
        #expect(same.code == 0, "\(same.stderr)")
    }

    @Test func aLedgerCopiedWithoutItsCheckpointsRefusesToSignUntilGivenOne() throws {
        let work = CLI.temporaryDirectory()
        let a = work.appendingPathComponent("a").path, b = work.appendingPathComponent("b").path
        #expect(try CLI.run(["init", a]).code == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: a + "/checkpoints") == ["1.checkpoint"])  // init signs the genesis
        let source = CLI.write(Array("A report.".utf8), "one.txt", in: work)
        #expect(try CLI.run(["source", "add", source, "--outlet", "O", "--lang", "en", "--ledger", a]).code == 0)
        let published = work.appendingPathComponent("2.checkpoint").path
        #expect(FileManager.default.createFile(atPath: published, contents: Data(try CLI.run(["checkpoint", "--ledger", a]).stdout.utf8)))
        try FileManager.default.copyItem(atPath: a, toPath: b)
        for name in try FileManager.default.contentsOfDirectory(atPath: b + "/checkpoints") { try FileManager.default.removeItem(atPath: b + "/checkpoints/" + name) }
        let refused = try CLI.run(["checkpoint", "--ledger", b])
        #expect(refused.code == 1 && refused.stderr.contains("holds no signed checkpoint") && refused.stderr.contains("--trust FILE") && refused.stdout.isEmpty, "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: b + "/checkpoints").isEmpty)
        let prove = try CLI.run(["prove", "inclusion", "1", "--ledger", b])  // 2 entries are covered by no stored checkpoint
        #expect(prove.code == 1 && prove.stderr.contains("holds no signed checkpoint"), "\(prove.stderr)")
        let trusted = try CLI.run(["checkpoint", "--trust", published, "--ledger", b])
        #expect(trusted.code == 0 && trusted.stdout.hasPrefix("claimledger/a\n2\n"), "\(trusted.stderr)")
        let c = work.appendingPathComponent("c").path
        try FileManager.default.copyItem(atPath: b, toPath: c)
        try FileManager.default.removeItem(atPath: c + "/checkpoints/2.checkpoint")
        #expect(try CLI.run(["checkpoint", "--without-history", "--ledger", c]).code == 0)
        #expect(try CLI.run(["verify", "--ledger", c]).stdout.contains("consistent with 1 signed checkpoint"))
    }
}
