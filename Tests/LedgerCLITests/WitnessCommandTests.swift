import Foundation
import Testing

/// `witness serve` as a subprocess on loopback, `checkpoint --witness`, `verify-proof --witness --quorum`, a forked
/// ledger refused with the witness named, and `verify-proof --consistency` offline.
@Suite struct WitnessCommandTests {
    /// A `claimledger witness serve` process on 127.0.0.1 with a port the system picked; stopped by `stop()`.
    final class WitnessProcess {
        let process = Process()
        let url: String
        let vkey: String

        init(name: String, in dir: URL, logs: [String]) throws {
            let made = try CLI.run(["witness", "generate-key", name, "--key-dir", dir.path])
            #expect(made.code == 0, "\(made.stderr)")
            vkey = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let log = dir.appendingPathComponent("\(name).log").path
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            process.executableURL = CLI.binary
            process.arguments = ["witness", "serve", "--key", dir.appendingPathComponent("\(name).key").path,
                                 "--state", dir.appendingPathComponent("\(name).state").path, "--listen", "127.0.0.1:0"] + logs.flatMap { ["--log", $0] }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle(forWritingAtPath: log)
            try process.run()
            var found: String?
            for _ in 0..<600 where found == nil && process.isRunning {
                let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                if let r = text.range(of: #"listening on http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                    found = String(text[r].dropFirst("listening on ".count))
                } else { usleep(50_000) }
            }
            url = found ?? "http://127.0.0.1:1"
            #expect(found != nil, "the witness did not start: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        }

        /// `--witness` value: "URL VKEY".
        var option: String { "\(url) \(vkey)" }

        func stop() {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
    }

    static func ledger(_ dir: String, work: URL, text: String = "A report.", origin: String = "news.example/claims") throws -> String {
        #expect(try CLI.run(["init", dir, "--origin", origin]).code == 0)
        try add(text, to: dir, work: work)
        return try CLI.run(["key", "show", "--ledger", dir]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func add(_ text: String, to dir: String, work: URL) throws {
        let file = CLI.write(Array(text.utf8), "\(UUID().uuidString).txt", in: work)
        let r = try CLI.run(["source", "add", file, "--outlet", "O", "--lang", "en", "--ledger", dir])
        #expect(r.code == 0, "\(r.stderr)")
    }

    @Test func twoWitnessesCosignAndAQuorumIsChecked() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path
        let vkey = try Self.ledger(dir, work: work)
        let w1 = try WitnessProcess(name: "w1.example", in: work, logs: [vkey])
        defer { w1.stop() }
        let w2 = try WitnessProcess(name: "w2.example", in: work, logs: [vkey])
        defer { w2.stop() }
        // One witness on the command line, the other from DIR/witnesses.
        try "# witnesses of this ledger\n\(w2.option)\n".write(toFile: dir + "/witnesses", atomically: true, encoding: .utf8)
        let first = try CLI.run(["checkpoint", "--witness", w1.option, "--ledger", dir])
        #expect(first.code == 0, "\(first.stderr)")
        #expect(first.stderr.contains("cosigned by witness w1.example") && first.stderr.contains("cosigned by witness w2.example"))
        #expect(first.stdout.contains("\n— w1.example ") && first.stdout.contains("\n— w2.example "))
        let plain = try String(contentsOfFile: dir + "/checkpoints/2.checkpoint", encoding: .utf8)
        let cosigned = try String(contentsOfFile: dir + "/checkpoints/2.cosigned", encoding: .utf8)
        #expect(cosigned.hasPrefix(plain) && !plain.contains("w1.example"))
        // The ledger grows; the witnesses get a consistency proof from 2 and cosign again.
        try Self.add("Another report.", to: dir, work: work)
        try Self.add("A third report.", to: dir, work: work)
        let second = try CLI.run(["checkpoint", "--witness", w1.option, "--ledger", dir, "--json"])
        #expect(second.code == 0 && second.stdout.contains("\"cosigned_file\":"), "\(second.stderr)")
        #expect(try CLI.run(["verify", "--ledger", dir]).code == 0)
        // A proof carries the witnessed checkpoint; the reader requires 2 of 2, or 2 of 3 with a stranger.
        let proof = work.appendingPathComponent("p").path, entry = work.appendingPathComponent("e").path
        #expect(try CLI.run(["prove", "inclusion", "1", "-o", proof, "--ledger", dir]).code == 0)
        #expect(try CLI.run(["show", "1", "--raw", "-o", entry, "--ledger", dir]).code == 0)
        let both = try CLI.run(["verify-proof", proof, "--entry", entry, "--vkey", vkey, "--witness", w1.vkey, "--witness", w2.vkey])
        #expect(both.code == 0 && both.stdout.contains("cosigned by 2 witnesses"), "\(both.stderr)")
        let stranger = try CLI.run(["witness", "generate-key", "w3.example", "--key-dir", work.path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let quorum2 = try CLI.run(["verify-proof", proof, "--entry", entry, "--vkey", vkey, "--witness", w1.vkey, "--witness", w2.vkey, "--witness", stranger, "--quorum", "2"])
        #expect(quorum2.code == 0, "\(quorum2.stderr)")
        let quorum3 = try CLI.run(["verify-proof", proof, "--entry", entry, "--vkey", vkey, "--witness", w1.vkey, "--witness", w2.vkey, "--witness", stranger, "--quorum", "3"])
        #expect(quorum3.code == 2 && quorum3.stderr.contains("NOT witnessed") && quorum3.stderr.contains("fewer than the quorum of 3"), "\(quorum3.stderr)")
        // A ledger key is not a witness key.
        #expect(try CLI.run(["verify-proof", proof, "--entry", entry, "--vkey", vkey, "--witness", vkey]).code == 1)
        // A cosigned checkpoint whose witness line was altered does not verify.
        let tampered = try String(contentsOfFile: proof, encoding: .utf8).replacingOccurrences(of: "— w1.example A", with: "— w1.example B")
        if tampered != (try String(contentsOfFile: proof, encoding: .utf8)) {
            try tampered.write(toFile: proof, atomically: true, encoding: .utf8)
            #expect(try CLI.run(["verify-proof", proof, "--entry", entry, "--vkey", vkey, "--witness", w1.vkey]).code == 2)
        }
    }

    @Test func aForkedLedgerIsRefusedAndTheWitnessNamed() throws {
        let work = CLI.temporaryDirectory()
        let a = work.appendingPathComponent("a").path, b = work.appendingPathComponent("b").path
        let vkey = try Self.ledger(a, work: work)
        try FileManager.default.copyItem(atPath: a, toPath: b)  // the same key, two histories from here on
        try Self.add("What we told readers.", to: a, work: work)
        try Self.add("What we told the court.", to: b, work: work)
        let w = try WitnessProcess(name: "watchdog.example", in: work, logs: [vkey])
        defer { w.stop() }
        let honest = try CLI.run(["checkpoint", "--witness", w.option, "--ledger", a])
        #expect(honest.code == 0, "\(honest.stderr)")
        let forked = try CLI.run(["checkpoint", "--witness", w.option, "--ledger", b])
        #expect(forked.code == 2, "\(forked.stderr)")
        #expect(forked.stderr.contains("watchdog.example") && forked.stderr.contains("HTTP 422") && forked.stderr.contains("fork"), "\(forked.stderr)")
        // The log-signed checkpoint is kept; no witnessed copy exists for the fork.
        #expect(FileManager.default.fileExists(atPath: b + "/checkpoints/3.checkpoint"))
        #expect(!FileManager.default.fileExists(atPath: b + "/checkpoints/3.cosigned"))
        // A witness that does not serve this log answers 404, and the log says which one refused.
        let other = work.appendingPathComponent("o").path
        _ = try Self.ledger(other, work: work, origin: "other.example/claims")
        let unknown = try CLI.run(["checkpoint", "--witness", w.option, "--ledger", other])
        #expect(unknown.code == 1 && unknown.stderr.contains("watchdog.example") && unknown.stderr.contains("HTTP 404"), "\(unknown.stderr)")
        // A log with the served origin but another key (an impostor) is refused with 403.
        let impostor = work.appendingPathComponent("i").path
        _ = try Self.ledger(impostor, work: work)
        let forged = try CLI.run(["checkpoint", "--witness", w.option, "--ledger", impostor])
        #expect(forged.code == 1 && forged.stderr.contains("HTTP 403"), "\(forged.stderr)")
        // An unreachable witness is reported, and the checkpoint is still signed.
        let down = try CLI.run(["checkpoint", "--witness", "http://127.0.0.1:1 \(w.vkey)", "--ledger", a])
        #expect(down.code == 1 && down.stderr.contains("cannot reach"), "\(down.stderr)")
    }

    @Test func publishServesTheWitnessedCheckpointAndMonitorRequiresItsQuorum() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path, site = work.appendingPathComponent("site").path
        let state = work.appendingPathComponent("state").path
        let vkey = try Self.ledger(dir, work: work)
        let w = try WitnessProcess(name: "w.example", in: work, logs: [vkey])
        defer { w.stop() }
        try Self.add("A second report.", to: dir, work: work)
        let published = try CLI.run(["publish", site, "--witness", w.option, "--ledger", dir, "--json"])
        #expect(published.code == 0 && published.stdout.contains("\"cosigned\":true"), "\(published.stderr)")
        #expect(try String(contentsOfFile: site + "/checkpoint", encoding: .utf8).contains("\n— w.example "))
        let seen = try CLI.run(["monitor", site, "--vkey", vkey, "--witness", w.vkey, "--state", state])
        #expect(seen.code == 0 && seen.stdout.contains("cosigned by w.example"), "\(seen.stderr)")
        // A witness this log never asked: the monitor refuses to trust the checkpoint and keeps its state.
        let stranger = try CLI.run(["witness", "generate-key", "w2.example", "--key-dir", work.path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let remembered = try String(contentsOfFile: state, encoding: .utf8)
        let refused = try CLI.run(["monitor", site, "--vkey", vkey, "--witness", w.vkey, "--witness", stranger, "--state", state])
        #expect(refused.code == 2 && refused.stderr.contains("NOT witnessed") && refused.stderr.contains("fewer than the quorum of 2"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: state, encoding: .utf8) == remembered)
        let one = try CLI.run(["monitor", site, "--vkey", vkey, "--witness", w.vkey, "--witness", stranger, "--quorum", "1", "--state", state])
        #expect(one.code == 0, "\(one.stderr)")
        let usage = try CLI.run(["monitor", site, "--vkey", vkey, "--quorum", "1", "--state", state])
        #expect(usage.code != 0 && usage.stderr.contains("--quorum needs"), "\(usage.stderr)")
    }

    @Test func exportAndImportKeepTheWitnessedCopies() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path, bundle = work.appendingPathComponent("b").path
        let w = try WitnessProcess(name: "w.example", in: work, logs: [try Self.ledger(dir, work: work)])
        defer { w.stop() }
        #expect(try CLI.run(["checkpoint", "--witness", w.option, "--ledger", dir]).code == 0)
        #expect(try CLI.run(["export", "-o", bundle + "/journal.jsonl", "--ledger", dir]).code == 0)
        let cosigned = try String(contentsOfFile: bundle + "/checkpoints/2.cosigned", encoding: .utf8)
        let copy = work.appendingPathComponent("copy").path
        let imported = try CLI.run(["import", bundle, copy])
        #expect(imported.code == 0, "\(imported.stderr)")
        #expect(try String(contentsOfFile: copy + "/checkpoints/2.cosigned", encoding: .utf8) == cosigned)
        // A witnessed copy whose checkpoint is not the bundle's (here: a genuine one of another size) is refused.
        try FileManager.default.copyItem(atPath: bundle + "/checkpoints/1.checkpoint", toPath: bundle + "/checkpoints/3.cosigned")
        let refused = try CLI.run(["import", bundle, work.appendingPathComponent("copy2").path])
        #expect(refused.code == 2 && refused.stderr.contains("3.cosigned is not a witnessed copy"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("copy2").path))
    }

    @Test func consistencyIsCheckedOffline() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path
        let vkey = try Self.ledger(dir, work: work)
        #expect(try CLI.run(["checkpoint", "--ledger", dir]).code == 0)
        let old = work.appendingPathComponent("old.checkpoint").path
        try FileManager.default.copyItem(atPath: dir + "/checkpoints/2.checkpoint", toPath: old)
        for text in ["B", "C", "D"] { try Self.add("Report \(text).", to: dir, work: work) }
        let proof = work.appendingPathComponent("2-5.consistency").path
        let made = try CLI.run(["prove", "consistency", "--from", old, "-o", proof, "--ledger", dir])
        #expect(made.code == 0, "\(made.stderr)")
        let new = dir + "/checkpoints/5.checkpoint"
        try FileManager.default.removeItem(atPath: dir + "/ledger.sqlite")  // no ledger present from here on
        let ok = try CLI.run(["verify-proof", "--consistency", proof, "--old", old, "--new", new, "--vkey", vkey])
        #expect(ok.code == 0 && ok.stdout.contains("only grew from 2 to 5 entries"), "\(ok.stderr)")
        // Swapped checkpoints, a flipped proof line, a wrong key: exit 2.
        #expect(try CLI.run(["verify-proof", "--consistency", proof, "--old", new, "--new", old, "--vkey", vkey]).code == 2)
        var lines = try String(contentsOfFile: proof, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(!lines.isEmpty)
        lines[0] = (lines[0].hasPrefix("A") ? "B" : "A") + lines[0].dropFirst()  // another valid hash: the top 6 bits changed
        let bad = work.appendingPathComponent("bad.consistency").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: bad, atomically: true, encoding: .utf8)
        let flipped = try CLI.run(["verify-proof", "--consistency", bad, "--old", old, "--new", new, "--vkey", vkey])
        #expect(flipped.code == 2 && flipped.stderr.contains("does NOT verify"), "\(flipped.stderr)")
        let otherDir = work.appendingPathComponent("other").path
        let otherKey = try Self.ledger(otherDir, work: work)
        let wrongKey = try CLI.run(["verify-proof", "--consistency", proof, "--old", old, "--new", new, "--vkey", otherKey])
        #expect(wrongKey.code == 2 && wrongKey.stderr.contains("does NOT verify"), "\(wrongKey.stderr)")
        // Usage: --consistency needs --old and --new.
        #expect(try CLI.run(["verify-proof", "--consistency", proof, "--vkey", vkey]).code == 64)
    }
}
