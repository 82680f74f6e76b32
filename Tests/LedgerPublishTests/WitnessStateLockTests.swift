import Foundation
import LedgerCore
import Testing
@testable import LedgerPublish

/// Only one witness process may use a state file, whatever is deleted beside it: the lock is on the state file
/// itself and follows each new version of it.
@Suite struct WitnessStateLockTests {
    let dir = temporaryDirectory()
    var path: String { dir.appendingPathComponent("witness.state").path }

    @Test func aSecondOpenerIsRefusedEvenWithoutALockFile() throws {
        let first = try WitnessState(path: path)
        // What the old design relied on: deleting it let a second process in.
        try? FileManager.default.removeItem(atPath: path + ".lock")
        #expect { try WitnessState(path: path) } throws: { ($0 as? PublishError)?.message.contains("in use by another witness process") == true }
        // Each cosignature writes a new version of the file; it is locked before it replaces the old one.
        var log = TestLog()
        log.grow(to: 3)
        try first.record(WitnessState.Head(size: 3, root: log.frontier.root), for: log.signer.name)
        try? FileManager.default.removeItem(atPath: path + ".lock")
        #expect { try WitnessState(path: path) } throws: { ($0 as? PublishError)?.message.contains("in use by another witness process") == true }
        log.grow(to: 5)
        try first.record(WitnessState.Head(size: 5, root: log.frontier.root), for: log.signer.name)
        #expect(throws: PublishError.self) { try WitnessState(path: path) }
        #expect(first.head(log.signer.name).size == 5)
    }

    @Test func aReplacedStateFileStopsTheWitness() throws {
        let state = try WitnessState(path: path)
        var log = TestLog()
        log.grow(to: 2)
        try state.record(WitnessState.Head(size: 2, root: log.frontier.root), for: log.signer.name)
        // Someone swaps the file (e.g. restores an old copy) while the witness runs: it refuses to write on.
        try FileManager.default.removeItem(atPath: path)
        try "".write(toFile: path, atomically: true, encoding: .utf8)
        log.grow(to: 4)
        #expect { try state.record(WitnessState.Head(size: 4, root: log.frontier.root), for: log.signer.name) } throws: {
            ($0 as? PublishError)?.message.contains("was replaced or removed") == true
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "")
    }

    @Test func theStateIsReadBackAfterTheLockIsReleased() throws {
        var log = TestLog()
        log.grow(to: 9)
        do {
            let state = try WitnessState(path: path)
            try state.record(WitnessState.Head(size: 9, root: log.frontier.root), for: log.signer.name)
        }
        let again = try WitnessState(path: path)
        #expect(again.head(log.signer.name) == WitnessState.Head(size: 9, root: log.frontier.root))
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
    }
}
