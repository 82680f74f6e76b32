import Foundation
import LedgerCore
import Testing

/// `publish`, `monitor` and `verify-proof` against inputs a reviewer tried: a huge size in a validly signed
/// checkpoint, a huge file where a source is published, a redirecting web server, quorums that cannot be met,
/// a checkpoint that was never witnessed, and the help text for witnesses.
@Suite struct PublishHostileTests {
    static func lines(_ s: String) -> [String] { s.split(separator: "\n").map(String.init) }

    /// A small ledger published into `site`.
    struct Setup {
        let work = CLI.temporaryDirectory()
        var ledger: String { work.appendingPathComponent("l").path }
        var site: String { work.appendingPathComponent("site").path }
        var state: String { work.appendingPathComponent("state").path }
        let vkey: String

        init() throws {
            vkey = try WitnessCommandTests.ledger(work.appendingPathComponent("l").path, work: work)
            let r = try CLI.run(["publish", work.appendingPathComponent("site").path, "--ledger", work.appendingPathComponent("l").path])
            #expect(r.code == 0, "\(r.stderr)")
        }
    }

    /// The reviewer's checkpoint: ORIGIN, 9223372036854775807, a root, signed with the ledger's own key.
    @Test func aHugeSizeInAValidlySignedCheckpointIsOneLineAndExit2() throws {
        let s = try Setup()
        let keys = try FileManager.default.contentsOfDirectory(atPath: s.ledger + "/keys").filter { $0.hasSuffix(".key") }
        let text = try NoteKey.readPrivateKeyFile(s.ledger + "/keys/" + keys[0])
        let signer = try #require(NoteKey.Signer(text: text))
        for size in [Int64.max, Int64.max - 254] {
            let cp = Checkpoint(origin: signer.name, size: size, root: MerkleHash.emptyRoot)
            try SignedNote.sign(cp.text, with: signer).write(toFile: s.site + "/checkpoint", atomically: true, encoding: .utf8)
            let r = try CLI.run(["monitor", s.site, "--vkey", s.vkey, "--state", s.state])
            #expect(r.code == 2 && Self.lines(r.stderr).count == 1 && r.stderr.contains("claims \(size) entries"), "\(r.code) \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: s.state))
        }
    }

    /// A 512 MiB (sparse) file where a source snapshot is published is a fork found by its size: publish never
    /// reads it whole.
    @Test func aHugeFileAtAPublishedSourceIsNotReadWhole() throws {
        let s = try Setup()
        let source = try #require(try FileManager.default.contentsOfDirectory(atPath: s.site + "/source").first)
        let path = s.site + "/source/" + source
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 512 << 20)
        try handle.close()
        let (r, peak) = try PeakMemory.run(["publish", s.site, "--ledger", s.ledger])
        #expect(r.code == 2 && Self.lines(r.stderr).count == 1 && r.stderr.contains("already published with other bytes"), "\(r.stderr)")
        #expect(peak < 160 << 10, "publish peaked at \(peak) KiB")
    }

    /// `monitor` does not follow a redirect to another host: one line, exit 1, and the state is not written.
    @Test func aRedirectToAnotherHostIsRefused() throws {
        let s = try Setup()
        let server = try HostileServer(["redirect", s.site])
        defer { server.stop() }
        let r = try CLI.run(["monitor", server.url + "/", "--vkey", s.vkey, "--state", s.state])
        #expect(r.code == 1 && Self.lines(r.stderr).count == 1 && r.stderr.contains("redirects to another host (http://localhost:\(server.port))"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: s.state))
    }

    @Test func aQuorumLargerThanTheWitnessesIsAUsageError() throws {
        let s = try Setup()
        let keys = try ["q1.example", "q2.example"].map {
            try CLI.run(["witness", "generate-key", $0, "--key-dir", s.work.path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let witnesses = keys.flatMap { ["--witness", $0] }
        for quorum in ["3", "0"] {
            let m = try CLI.run(["monitor", s.site, "--vkey", s.vkey, "--state", s.state, "--quorum", quorum] + witnesses)
            #expect(m.code == 64 && m.stderr.contains("--quorum \(quorum) must be between 1 and the number of --witness keys given (2)"), "\(m.code) \(m.stderr)")
            let v = try CLI.run(["verify-proof", "--consistency", "p", "--old", "o", "--new", "n", "--vkey", s.vkey, "--quorum", quorum] + witnesses)
            #expect(v.code == 64 && v.stderr.contains("--quorum \(quorum) must be between 1"), "\(v.code) \(v.stderr)")
        }
    }

    /// A log-signed checkpoints/N.checkpoint given where a witnessed one is needed: the hint names the .cosigned copy.
    @Test func anUnwitnessedCheckpointHintsAtItsCosignedCopy() throws {
        let s = try Setup()
        let old = s.work.appendingPathComponent("old.checkpoint").path
        try FileManager.default.copyItem(atPath: s.ledger + "/checkpoints/2.checkpoint", toPath: old)
        try WitnessCommandTests.add("Report B.", to: s.ledger, work: s.work)
        let proof = s.work.appendingPathComponent("proof").path
        #expect(try CLI.run(["prove", "consistency", "--from", old, "-o", proof, "--ledger", s.ledger]).code == 0)
        let w = try CLI.run(["witness", "generate-key", "h.example", "--key-dir", s.work.path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let r = try CLI.run(["verify-proof", "--consistency", proof, "--old", old, "--new", s.ledger + "/checkpoints/3.checkpoint", "--vkey", s.vkey, "--witness", w])
        #expect(r.code == 2 && Self.lines(r.stderr).count == 1 && r.stderr.contains("NOT witnessed") && r.stderr.contains("checkpoints/3.cosigned"), "\(r.stderr)")
    }

    /// The help says what the code does: --witness is for one run; the witnesses file is the ledger's, not DIR's.
    @Test func witnessHelpSaysWhatTheCodeDoes() throws {
        func help(_ command: String) throws -> String {  // the help as one line: it is wrapped at the terminal's width
            try CLI.run([command, "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let publish = try help("publish")
        #expect(!publish.contains("added to the ledger's") && !publish.contains("DIR/witnesses"), "\(publish)")
        #expect(publish.contains("for this run only") && publish.contains("--ledger directory"), "\(publish)")
        let checkpoint = try help("checkpoint")
        #expect(!checkpoint.contains("DIR/witnesses") && checkpoint.contains("for this run only") && checkpoint.contains("--ledger directory"), "\(checkpoint)")
    }
}
