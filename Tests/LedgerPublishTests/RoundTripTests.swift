import Foundation
import LedgerCore
import LedgerCrypto
import LedgerPublish
import Testing

/// publish → monitor over directories: tree sizes around tile edges, incremental publishing, forks, rollbacks and
/// damaged or forged logs.
@Suite struct RoundTripTests {
    @Test(arguments: [0, 1, 255, 256, 257, 65_536, 70_000])
    func roundTrip(size: Int) async throws {
        let dir = SyntheticLog.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SyntheticLog.large.publish(size: size, to: dir)
        let report = try await SyntheticLog.monitor(dir).run()
        #expect(report.checkpoint.size == Int64(size))
        #expect(report.tilesChecked == TileCoordinate.hashTiles(treeSize: Int64(size)).count)
        #expect(report.bundlesChecked == Int(TileCoordinate.bundleCount(treeSize: Int64(size))))
        for tile in TileCoordinate.hashTiles(treeSize: Int64(size)) {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(tile.path).path), "\(tile.path)")
        }
    }

    @Test func incrementalPublishNeverRewritesAFullTile() async throws {
        let dir = SyntheticLog.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = SyntheticLog.large
        try log.publish(size: 65_540, to: dir)
        let full = TileCoordinate.hashTiles(treeSize: 65_540).filter(\.isFull).map(\.path)
            + (0..<256).map { TileCoordinate(.entries, index: $0).path }
        func identity(_ path: String) throws -> (Data, UInt64, Date) {
            let p = dir.appendingPathComponent(path).path
            let a = try FileManager.default.attributesOfItem(atPath: p)
            return (try Data(contentsOf: URL(fileURLWithPath: p)), (a[.systemFileNumber] as! NSNumber).uint64Value, a[.modificationDate] as! Date)
        }
        let before = try full.map(identity)
        let state = try await SyntheticLog.monitor(dir).run().note
        let again = try log.publish(size: 70_000, to: dir)
        #expect(again.previousSize == 65_540)
        for (path, old) in zip(full, before) {
            let now = try identity(path)
            #expect(now.0 == old.0 && now.1 == old.1 && now.2 == old.2, "\(path) was rewritten")
        }
        let report = try await SyntheticLog.monitor(dir).run(remembered: state)
        #expect(report.previous?.size == 65_540 && report.checkpoint.size == 70_000)
        // Publishing the same checkpoint again writes nothing.
        #expect(try log.publish(size: 70_000, to: dir).written == 0)
    }

    @Test func aRewrittenOldEntryIsAForkWithBothCheckpointsAsEvidence() async throws {
        let dir = SyntheticLog.temporaryDirectory(), forkDir = SyntheticLog.temporaryDirectory()
        defer { for d in [dir, forkDir] { try? FileManager.default.removeItem(at: d) } }
        try SyntheticLog.large.publish(size: 600, to: dir)
        let remembered = try await SyntheticLog.monitor(dir).run().note
        let forked = SyntheticLog(count: 700, changing: 5)
        // Publishing the rewritten history over the published one is refused...
        #expect { try forked.publish(size: 700, to: dir) } throws: { ($0 as? PublishError)?.isVerificationFailure == true }
        // ...and a monitor that saw the old one catches it wherever it is published.
        try forked.publish(size: 700, to: forkDir)
        do {
            _ = try await SyntheticLog.monitor(forkDir).run(remembered: remembered)
            Issue.record("the fork was not detected")
        } catch let evidence as Monitor.Inconsistency {
            #expect(evidence.error.isVerificationFailure && evidence.error.message.contains("fork"))
            #expect(evidence.remembered == remembered)
            #expect(evidence.current == forked.note(size: 700))
        }
        // A fresh monitor (no state) finds the forked log self-consistent: only memory catches a fork.
        #expect(try await SyntheticLog.monitor(forkDir).run().checkpoint.size == 700)
    }

    @Test func aSmallerCheckpointIsARollback() async throws {
        let dir = SyntheticLog.temporaryDirectory(), old = SyntheticLog.temporaryDirectory()
        defer { for d in [dir, old] { try? FileManager.default.removeItem(at: d) } }
        try SyntheticLog.large.publish(size: 300, to: dir)
        let remembered = try await SyntheticLog.monitor(dir).run().note
        try SyntheticLog.large.publish(size: 200, to: old)
        await #expect { try await SyntheticLog.monitor(old).run(remembered: remembered) } throws: {
            ($0 as? Monitor.Inconsistency)?.error.message.contains("rolled back") == true
        }
    }

    /// Each damage is one clear error; those that are evidence against the log are verification failures.
    @Test func damagedAndForgedLogsFail() async throws {
        func failure(_ damage: (URL) throws -> Void, key: NoteKey.Verifier = SyntheticLog.signer.verifier) async throws -> PublishError {
            let dir = SyntheticLog.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            try SyntheticLog.large.publish(size: 300, to: dir)
            try damage(dir)
            do {
                _ = try await SyntheticLog.monitor(dir, key: key).run()
            } catch let e as PublishError {
                #expect(!e.message.contains("\n"))
                return e
            }
            Issue.record("the damaged log verified")
            return PublishError("")
        }
        let forged = try await failure { dir in
            let note = SyntheticLog.large.note(size: 300, signer: SyntheticLog.stranger)
            try Data(note).write(to: dir.appendingPathComponent("checkpoint"))
        }
        #expect(forged.isVerificationFailure && forged.message.contains("does not verify"))
        let wrongKey = try await failure({ _ in }, key: SyntheticLog.stranger.verifier)
        #expect(wrongKey.isVerificationFailure)
        let missing = try await failure { try FileManager.default.removeItem(at: $0.appendingPathComponent("tile/0/000")) }
        #expect(!missing.isVerificationFailure && missing.message.contains("tile/0/000 is missing"))
        let truncated = try await failure { dir in
            let p = dir.appendingPathComponent("tile/entries/000")
            try Data(try Data(contentsOf: p).dropLast(10)).write(to: p)
        }
        #expect(truncated.isVerificationFailure && truncated.message.contains("truncated"))
        let flipped = try await failure { dir in
            let p = dir.appendingPathComponent("tile/0/001.p/44")
            var bytes = try Data(contentsOf: p)
            bytes[3] ^= 1
            try bytes.write(to: p)
        }
        #expect(flipped.isVerificationFailure && flipped.message.contains("tile/0/001.p/44"))
        let noCheckpoint = try await failure { try FileManager.default.removeItem(at: $0.appendingPathComponent("checkpoint")) }
        #expect(noCheckpoint.message.contains("no checkpoint at") && !noCheckpoint.isVerificationFailure)
    }
}
