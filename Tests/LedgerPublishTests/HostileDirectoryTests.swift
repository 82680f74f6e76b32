import Foundation
import LedgerCore
import LedgerCrypto
import LedgerPublish
import Testing

/// What publish and monitor do with directories and checkpoints someone else prepared: absurd sizes, symbolic
/// links, leftovers of a killed publish, edited tiles, locations that are not logs.
@Suite struct HostileDirectoryTests {
    /// The monitor's error for the log in `dir`, which must fail.
    func failure(_ dir: URL) async -> PublishError? {
        do { _ = try await SyntheticLog.monitor(dir).run() } catch let e as PublishError {
            #expect(!e.message.contains("\n"))
            return e
        } catch {
            Issue.record("not a PublishError: \(error)")
            return nil
        }
        Issue.record("the log verified")
        return nil
    }

    @Test func tileCountsNeverOverflow() {
        #expect(TileCoordinate.bundleCount(treeSize: Int64.max) == Int64.max / 256 + 1)
        #expect(TileCoordinate.bundleCount(treeSize: Int64.max - 254) == Int64.max / 256 + 1)
        #expect(TileCoordinate.bundleCount(treeSize: 0) == 0 && TileCoordinate.bundleCount(treeSize: 256) == 1 && TileCoordinate.bundleCount(treeSize: 257) == 2)
        let last = TileCoordinate.bundle(holding: Int64.max - 1, treeSize: Int64.max)
        #expect(last.index == Int64.max / 256 && last.width == Int(Int64.max % 256))
    }

    /// A validly signed checkpoint claiming 2^63 − 1 entries (or anything past what a tiling can address) is one
    /// line, a verification failure, before anything else is fetched.
    @Test(arguments: [Int64.max, Int64.max - 254, TileCoordinate.maxTreeSize + 1])
    func aHugeSignedSizeIsRefused(size: Int64) async throws {
        let dir = SyntheticLog.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SyntheticLog.large.publish(size: 34, to: dir)
        let cp = Checkpoint(origin: SyntheticLog.origin, size: size, root: MerkleHash.emptyRoot)
        try Data(try SignedNote.sign(cp.text, with: SyntheticLog.signer).utf8).write(to: dir.appendingPathComponent("checkpoint"))
        let e = await failure(dir)
        #expect(e?.isVerificationFailure == true && e?.message.contains("claims \(size) entries") == true, "\(e?.message ?? "")")
    }

    @Test func anEditedTileSaysItsHashesDoNotMatch() async throws {
        let dir = SyntheticLog.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SyntheticLog.large.publish(size: 10, to: dir)
        let p = dir.appendingPathComponent("tile/0/000.p/10")
        var bytes = try Data(contentsOf: p)
        bytes[40] ^= 1
        try bytes.write(to: p)
        let e = await failure(dir)
        #expect(e?.isVerificationFailure == true && e?.message.contains("tile/0/000.p/10") == true
                && e?.message.contains("its hashes do not match") == true && e?.message.contains("bytes") == false, "\(e?.message ?? "")")
    }

    @Test func aLocationThatIsNoLogSaysSo() async throws {
        let dir = SyntheticLog.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = await failure(dir)
        #expect(empty?.message == "no checkpoint at \(dir.path): is it a directory or URL that `claimledger publish` wrote?")
        let file = dir.appendingPathComponent("notes.txt")
        try Data("hello\n".utf8).write(to: file)
        let onFile = await failure(file)
        #expect(onFile?.message.contains("is a file, not a directory") == true, "\(onFile?.message ?? "")")
    }

    /// Publishing into a directory whose `tile` (or `source`, or `tile/entries`) is a link to elsewhere writes
    /// nothing there; a `vkey` linked to a private file is refused without quoting it.
    @Test func symbolicLinksUnderTheDirectoryAreRefused() throws {
        let work = SyntheticLog.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let victim = work.appendingPathComponent("victim")
        try FileManager.default.createDirectory(at: victim, withIntermediateDirectories: true)
        for link in ["tile", "tile/entries", "source"] {
            let dir = work.appendingPathComponent("site-\(link.replacingOccurrences(of: "/", with: "-"))")
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(link).deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent(link).path, withDestinationPath: victim.path)
            let log = SyntheticLog.large
            let sources: ((([UInt8]) throws -> Void) throws -> Void) = { each in try each(Array("a source\n".utf8)) }
            #expect {
                try Publisher.write(to: dir.path, note: log.note(size: 300), key: SyntheticLog.signer.verifier,
                                    entries: { each in for e in log.entries.prefix(300) { try each(e) } }, sources: sources)
            } throws: { e in
                let m = (e as? PublishError)?.message ?? ""
                return m.contains("\(link) is a symbolic link") && !m.contains("\n")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: victim.path).isEmpty, "\(link): publish wrote through the link")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("checkpoint").path))
        }
        let secret = work.appendingPathComponent("id_secret")
        try Data("SECRET-KEY-MATERIAL-0123456789\n".utf8).write(to: secret)
        for name in ["vkey", "checkpoint"] {
            let dir = work.appendingPathComponent("site-\(name)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent(name).path, withDestinationPath: secret.path)
            #expect { try SyntheticLog.large.publish(size: 3, to: dir) } throws: { e in
                let m = (e as? PublishError)?.message ?? ""
                return m.contains("\(name) is a symbolic link") && !m.contains("SECRET")
            }
            #expect(try String(contentsOf: secret, encoding: .utf8) == "SECRET-KEY-MATERIAL-0123456789\n")
        }
        // A vkey that is a plain file of someone else's is not quoted either.
        let other = work.appendingPathComponent("site-other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("SECRET-NOT-A-KEY\n".utf8).write(to: other.appendingPathComponent("vkey"))
        #expect { try SyntheticLog.large.publish(size: 3, to: other) } throws: { e in
            let m = (e as? PublishError)?.message ?? ""
            return m.contains("is not the verifier key of") && !m.contains("SECRET")
        }
    }

    /// A publish killed with SIGKILL leaves `.NAME.PID.N.tmp` files; the next publish removes those of processes
    /// that are gone, and nothing else.
    @Test func staleTemporaryFilesOfAKilledPublishAreRemoved() throws {
        let dir = SyntheticLog.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SyntheticLog.large.publish(size: 300, to: dir)
        let gone = "2147483646"  // above any pid_max: no such process
        let stale = ["tile/entries/.000.\(gone).1.tmp", "tile/0/.001.p.\(gone).7.tmp", ".checkpoint.\(gone).3.tmp", ".vkey.\(gone).2.tmp"]
        let kept = ["tile/entries/.000.tmp", "tile/0/notes.tmp", ".000.\(getpid()).1.tmp", "tile/.x.12ab.1.tmp", "other/.000.\(gone).1.tmp"]
        for p in stale + kept {
            let url = dir.appendingPathComponent(p)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("partial".utf8).write(to: url)
        }
        try SyntheticLog.large.publish(size: 600, to: dir)
        for p in stale { #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(p).path), "\(p) is left") }
        for p in kept { #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(p).path), "\(p) was removed") }
    }

    /// An existing file of the wrong size is a fork found without reading it; one of the right size but other
    /// bytes is found by streaming.
    @Test func existingFilesAreComparedBySizeThenStreamed() throws {
        let dir = SyntheticLog.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SyntheticLog.large.publish(size: 256, to: dir)
        let p = dir.appendingPathComponent("tile/entries/000")
        let original = try Data(contentsOf: p)
        var same = original
        same[same.count - 2] ^= 1
        try same.write(to: p)
        #expect { try SyntheticLog.large.publish(size: 300, to: dir) } throws: { ($0 as? PublishError)?.message.contains("tile/entries/000 is already published with other bytes") == true }
        try (original + Data(count: 1 << 20)).write(to: p)
        #expect { try SyntheticLog.large.publish(size: 300, to: dir) } throws: { ($0 as? PublishError)?.isVerificationFailure == true }
        try original.write(to: p)
        #expect(try SyntheticLog.large.publish(size: 300, to: dir).previousSize == 256)
    }
}
