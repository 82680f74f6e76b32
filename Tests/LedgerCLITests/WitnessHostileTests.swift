import Foundation
import LedgerCore
import Testing

/// `checkpoint --witness` and `publish --witness` against witnesses that misbehave or disagree: an answer of
/// hundreds of megabytes, one that trickles in forever, a fork's refusal whose reason must reach the user, and a
/// witness that was down at the first publish and must be asked at the next.
@Suite struct WitnessHostileTests {
    static func lines(_ s: String) -> [String] { s.split(separator: "\n").map(String.init) }

    static func witnessKey(_ name: String, in work: URL) throws -> String {
        try CLI.run(["witness", "generate-key", name, "--key-dir", work.path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A witness answering 200 with a 256 MiB body: the client reads 16 KiB of it, and its memory stays small.
    @Test func aHugeAnswerIsCutOffAtItsLimit() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path
        _ = try WitnessCommandTests.ledger(dir, work: work)
        let server = try HostileServer(["huge"])
        defer { server.stop() }
        let key = try Self.witnessKey("w.example", in: work)
        let (r, peak) = try PeakMemory.run(["checkpoint", "--witness", "\(server.url) \(key)", "--ledger", dir])
        #expect(r.code == 1 && r.stderr.contains("more than the 16384 bytes"), "\(r.stderr)")
        #expect(peak < 160 << 10, "checkpoint peaked at \(peak) KiB")
        #expect(FileManager.default.fileExists(atPath: dir + "/checkpoints/2.checkpoint"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/checkpoints/2.cosigned"))
    }

    /// A witness that sends a byte every half second never goes silent long enough for a per-read timeout: the
    /// client's overall deadline (15 seconds) ends the exchange.
    @Test func aTricklingWitnessMeetsTheOverallDeadline() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path
        _ = try WitnessCommandTests.ledger(dir, work: work)
        let server = try HostileServer(["trickle"])
        defer { server.stop() }
        let key = try Self.witnessKey("w.example", in: work)
        let r = try CLI.run(["checkpoint", "--witness", "\(server.url) \(key)", "--ledger", dir])
        #expect(r.code == 1 && r.stderr.contains("no complete answer within 15 seconds"), "\(r.stderr)")
    }

    /// `publish --witness` on a forked copy: exit 2, and the witness's own reason (HTTP 422, not consistent) is said.
    @Test func publishSaysWhyAWitnessRefusedAFork() throws {
        let work = CLI.temporaryDirectory()
        let a = work.appendingPathComponent("a").path, b = work.appendingPathComponent("b").path
        let vkey = try WitnessCommandTests.ledger(a, work: work)
        try FileManager.default.copyItem(atPath: a, toPath: b)
        try WitnessCommandTests.add("What we told readers.", to: a, work: work)
        try WitnessCommandTests.add("What we told the court.", to: b, work: work)
        let w = try WitnessCommandTests.WitnessProcess(name: "watchdog.example", in: work, logs: [vkey])
        defer { w.stop() }
        #expect(try CLI.run(["publish", work.appendingPathComponent("site-a").path, "--witness", w.option, "--ledger", a]).code == 0)
        let site = work.appendingPathComponent("site-b").path
        let r = try CLI.run(["publish", site, "--witness", w.option, "--ledger", b])
        #expect(r.code == 2, "\(r.stderr)")
        let error = Self.lines(r.stderr).last ?? ""
        #expect(error.contains("watchdog.example HTTP 422") && error.contains("is not consistent with the one of size"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site + "/checkpoint"))
    }

    /// A witness unreachable at the first publish is asked at the next, which publishes both cosignatures.
    @Test func publishingAgainCollectsTheMissingCosignature() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path, site = work.appendingPathComponent("site").path
        let vkey = try WitnessCommandTests.ledger(dir, work: work)
        let w1 = try WitnessCommandTests.WitnessProcess(name: "w1.example", in: work, logs: [vkey])
        defer { w1.stop() }
        let w2 = try WitnessCommandTests.WitnessProcess(name: "w2.example", in: work, logs: [vkey])
        defer { w2.stop() }
        try "\(w1.option)\n".write(toFile: dir + "/witnesses", atomically: true, encoding: .utf8)
        let first = try CLI.run(["publish", site, "--witness", "http://127.0.0.1:1 \(w2.vkey)", "--ledger", dir])
        #expect(first.code == 1 && first.stderr.contains("cannot reach") && first.stderr.contains("run `claimledger publish`"), "\(first.stderr)")
        let published = try String(contentsOfFile: site + "/checkpoint", encoding: .utf8)
        #expect(published.contains("\n— w1.example ") && !published.contains("— w2.example "))
        let second = try CLI.run(["publish", site, "--witness", w2.option, "--ledger", dir, "--json"])
        #expect(second.code == 0, "\(second.stderr)")
        let answers = try JSONParser.parse(second.stdout)["witnesses"]?.array ?? []
        #expect(answers.count == 1 && answers.first?["name"]?.string == "w2.example" && answers.first?["cosigned"] == true, "\(second.stdout)")
        let now = try String(contentsOfFile: site + "/checkpoint", encoding: .utf8)
        #expect(now.contains("\n— w1.example ") && now.contains("\n— w2.example "), "\(now)")
        let both = try CLI.run(["monitor", site, "--vkey", vkey, "--witness", w1.vkey, "--witness", w2.vkey, "--state", work.appendingPathComponent("state").path])
        #expect(both.code == 0, "\(both.stderr)")
        // Nothing is missing now: publishing again asks no witness.
        let third = try CLI.run(["publish", site, "--witness", w2.option, "--ledger", dir, "--json"])
        let asked = try JSONParser.parse(third.stdout)["witnesses"]?.array
        #expect(third.code == 0 && asked?.isEmpty == true, "\(third.stdout)")
    }
}
