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
        #expect(try FileManager.default.contentsOfDirectory(atPath: b + "/checkpoints").isEmpty)
        let same = try CLI.run(["checkpoint", "--trust", published, "--ledger", a])
        #expect(same.code == 0, "\(same.stderr)")
    }
}
