import Foundation
import LedgerCore
import Testing

/// Export bundles that cannot be fooled: a signed manifest and every signed checkpoint come along, a re-chained,
/// truncated, reordered or unfinished bundle is refused, and a failed export or import leaves nothing behind.
@Suite struct BundleTests {
    /// A demo ledger, its bundle (export -o signs the manifest checkpoint), and the work directory.
    static func bundle() throws -> (work: URL, ledger: String, bundle: URL) {
        let (work, dir) = try ImportTests.bundle()
        return (work, dir, work.appendingPathComponent("bundle"))
    }

    static func lines(_ journal: URL) throws -> [String] {
        try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// Edits the claim at `line` and recomputes every later prev and leaf_hash (signatures dropped): a journal
    /// that is internally consistent, as a forger without the private key can make it.
    static func rechain(_ journal: URL, editing line: Int) throws {
        var out = [String](), prev: String? = nil
        for (n, text) in try lines(journal).enumerated() {
            guard case .object(var record) = try JSONParser.parse(text), case .object(var entry)? = record["entry"] else { throw CLIError() }
            if let prev { entry["prev"] = .string(prev) }
            if n == line, case .object(var body)? = entry["body"] {
                body["speaker"] = .string("Someone Else")
                entry["body"] = .object(body)
            }
            let bytes = try CanonicalJSON.encode(.object(entry))
            let leaf = MerkleHash.leaf(bytes).hex
            if n >= line { record["signature"] = nil }
            record["entry"] = .object(entry)
            record["leaf_hash"] = .string(leaf)
            out.append(String(decoding: try CanonicalJSON.encode(.object(record)), as: UTF8.self))
            prev = n >= line ? leaf : nil
        }
        try (out.joined(separator: "\n") + "\n").write(to: journal, atomically: true, encoding: .utf8)
    }

    struct CLIError: Error {}

    static func expectRefused(_ r: CLI.Result, _ mention: String, target: String, work: URL) {
        #expect(r.code == 2 && r.stderr.contains(mention) && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: work.path))?.allSatisfy { !$0.contains("importing") } == true)
    }

    @Test func aRechainedForgeryIsRefusedSoTheRealKeyNeverSignsItsTree() throws {
        let (work, _, bundle) = try Self.bundle()
        let journal = bundle.appendingPathComponent("journal.jsonl")
        let claim = try #require(try Self.lines(journal).firstIndex { $0.contains("\"kind\":\"claim\"") && $0.contains("\"speaker\"") })
        try Self.rechain(journal, editing: claim)
        let target = work.appendingPathComponent("forged").path
        Self.expectRefused(try CLI.run(["import", bundle.path, target]), "history was rewritten", target: target, work: work)
    }

    @Test func aTruncatedReorderedOrUnfinishedBundleIsRefused() throws {
        for damage in ["drop-last", "drop-manifest", "swap"] {
            let (work, _, bundle) = try Self.bundle()
            let journal = bundle.appendingPathComponent("journal.jsonl")
            var lines = try Self.lines(journal)
            switch damage {
            case "drop-last": lines.removeLast()
            case "swap": lines.swapAt(3, 4)
            default: try FileManager.default.removeItem(at: bundle.appendingPathComponent("manifest.checkpoint"))
            }
            try (lines.joined(separator: "\n") + "\n").write(to: journal, atomically: true, encoding: .utf8)
            let target = work.appendingPathComponent("t").path
            let mention = ["drop-last": "entries were removed", "drop-manifest": "no manifest.checkpoint", "swap": "where"][damage]!
            Self.expectRefused(try CLI.run(["import", bundle.path, target]), mention, target: target, work: work)
        }
    }

    @Test func aBundleForAnotherKeyIsRefusedGivenTheExpectedKeyOrAPublishedCheckpoint() throws {
        let (work, dir, _) = try Self.bundle()
        let published = try #require(try FileManager.default.contentsOfDirectory(atPath: dir + "/checkpoints").first)
        // A forger builds a whole new ledger with the same origin and their own key.
        let origin = try #require(try JSONParser.parse(try CLI.run(["key", "show", "--json", "--ledger", dir]).stdout)["origin"]?.string)
        let other = work.appendingPathComponent("other").path
        #expect(try CLI.run(["init", other, "--origin", origin]).code == 0)
        let forged = work.appendingPathComponent("forged/journal.jsonl").path
        #expect(try CLI.run(["export", "-o", forged, "--ledger", other]).code == 0)
        let plain = try CLI.run(["import", work.appendingPathComponent("forged").path, work.appendingPathComponent("a").path])
        let forgerKey = try CLI.run(["key", "show", "--ledger", other]).stdout.trimmingCharacters(in: .newlines)
        #expect(plain.code == 0 && plain.stdout.contains(forgerKey), "import prints the key it accepted")
        let vkey = try CLI.run(["key", "show", "--ledger", dir]).stdout.trimmingCharacters(in: .newlines)
        let b = work.appendingPathComponent("b").path, c = work.appendingPathComponent("c").path
        Self.expectRefused(try CLI.run(["import", work.appendingPathComponent("forged").path, b, "--vkey", vkey]), "not by the expected key", target: b, work: work)
        Self.expectRefused(try CLI.run(["import", work.appendingPathComponent("forged").path, c, "--checkpoint", dir + "/checkpoints/" + published]),
                           "is not a checkpoint of", target: c, work: work)
        // The genuine bundle passes both.
        let ok = try CLI.run(["import", work.appendingPathComponent("bundle").path, work.appendingPathComponent("d").path, "--vkey", vkey,
                              "--checkpoint", dir + "/checkpoints/" + published])
        #expect(ok.code == 0, "\(ok.stderr)")
    }

    @Test func anImportedLedgerKeepsTheCheckpointsAsItsHistory() throws {
        let (work, dir, bundle) = try Self.bundle()
        let copy = work.appendingPathComponent("copy").path
        #expect(try CLI.run(["import", bundle.path, copy]).code == 0)
        let signed = try FileManager.default.contentsOfDirectory(atPath: dir + "/checkpoints").sorted()
        let kept = try FileManager.default.contentsOfDirectory(atPath: copy + "/checkpoints").sorted()
        #expect(!signed.isEmpty && kept == signed)
        // With the key restored, the next checkpoint is the same one, not a second one of that size.
        let key = try #require(try FileManager.default.contentsOfDirectory(atPath: dir + "/keys").first { $0.hasSuffix(".key") })
        try FileManager.default.copyItem(atPath: dir + "/keys/" + key, toPath: copy + "/keys/" + key)
        #expect(try CLI.run(["checkpoint", "--ledger", copy]).stdout == (try String(contentsOfFile: dir + "/checkpoints/" + signed.last!, encoding: .utf8)))
    }

    @Test func importNeverTouchesANonEmptyTarget() throws {
        let (work, _, bundle) = try Self.bundle()
        let target = work.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try "mine".write(to: target.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["import", bundle.path, target.path])
        let notes = try String(contentsOf: target.appendingPathComponent("notes.txt"), encoding: .utf8)
        #expect(r.code != 0 && notes == "mine")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).allSatisfy { !$0.contains("importing") })
        // A symbolic link as NEWDIR (to an empty directory or to nothing) is refused up front, saying why.
        let empty = work.appendingPathComponent("empty"), link = work.appendingPathComponent("link")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: empty)
        let linked = try CLI.run(["import", bundle.path, link.path])
        #expect(linked.code == 1 && linked.stderr.contains("is a symbolic link") && linked.stderr.split(separator: "\n").count == 1, "\(linked.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty.path).isEmpty)
    }

    @Test func aFullDiskIsOneLineAndLeavesNoPartialBundle() throws {
        let (work, dir, _) = try Self.bundle()
        // stdout on /dev/full: one line, no crash.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "'\(CLI.binary.path)' export --ledger '\(dir)' > /dev/full 2> '\(work.path)/err'"]
        try shell.run()
        shell.waitUntilExit()
        let err = try String(contentsOfFile: work.path + "/err", encoding: .utf8)
        #expect(shell.terminationStatus == 1 && err.contains("No space left on device") && err.split(separator: "\n").count == 1, "\(err)")
        // A bundle on a tiny tmpfs (when this runs as root and may mount one).
        let small = work.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=24k", "tmpfs", small.path]
        mount.standardError = FileHandle.nullDevice
        guard (try? mount.run()) != nil else { return }
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { return }
        defer {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [small.path]
            try? umount.run()
            umount.waitUntilExit()
        }
        let r = try CLI.run(["export", "-o", small.path + "/bundle/journal.jsonl", "--ledger", dir])
        #expect(r.code == 1 && r.stderr.contains("No space left on device") && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: small.path + "/bundle")
        #expect(!left.contains("journal.jsonl") && !left.contains("manifest.checkpoint") && left.allSatisfy { !$0.hasPrefix(".") }, "\(left)")
        #expect(try CLI.run(["import", small.path + "/bundle", work.appendingPathComponent("x").path]).code == 2)
    }
}
