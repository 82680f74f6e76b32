import Foundation
import LedgerCore
import LedgerCrypto
import Testing
@testable import LedgerPublish

/// The witness's checks, in the spec's order, with its durable state: it cosigns a consistent checkpoint, refuses
/// a fork, a rollback and a bad signature with the spec's status codes, and remembers across a restart.
@Suite struct WitnessTests {
    let dir = temporaryDirectory()
    var statePath: String { dir.appendingPathComponent("witness.state").path }

    func witness(_ logs: [NoteKey.Verifier] = [TestLog().signer.verifier], time: UInt64 = 1_700_000_000) throws -> Witness {
        Witness(signer: witnessSigner, logKeys: logs, state: try WitnessState(path: statePath), clock: { time })
    }

    func cosignature(_ r: WitnessResponse, for log: TestLog) throws -> Cosignature {
        #expect(r.status == 200, "\(String(decoding: r.body, as: UTF8.self))")
        guard case .success(let sigs) = r.outcome(), let c = sigs.first.flatMap(Cosignature.init) else { throw PublishError("no cosignature") }
        #expect(c.verifies(text: log.checkpoint.text, key: witnessSigner.verifier))
        return c
    }

    @Test func cosignsAConsistentHistory() throws {
        let w = try witness(time: 1_700_000_123)
        var log = TestLog()
        log.grow(to: 3)
        let c = try cosignature(w.addCheckpoint(log.request(from: 0)), for: log)
        #expect(c.timestamp == 1_700_000_123)
        for size: Int64 in [4, 8, 9, 100] {
            let old = log.frontier.size
            log.grow(to: size)
            _ = try cosignature(w.addCheckpoint(log.request(from: old)), for: log)
        }
        // The same checkpoint again (old = size, equal roots) is cosigned again.
        _ = try cosignature(w.addCheckpoint(log.request(from: 100)), for: log)
    }

    @Test func anEmptyTreeNeedsTheEmptyRoot() throws {
        let w = try witness()
        let log = TestLog()
        _ = try cosignature(w.addCheckpoint(log.request(from: 0)), for: log)
        let wrong = try SignedNote.sign(Checkpoint(origin: log.signer.name, size: 0, root: MerkleHash.leaf([])).text, with: log.signer)
        #expect(w.addCheckpoint(AddCheckpointRequest(oldSize: 0, proof: [], note: Array(wrong.utf8)).body).status == 422)
    }

    @Test func refusesAFork() throws {
        let w = try witness()
        var log = TestLog()
        log.grow(to: 5)
        _ = try cosignature(w.addCheckpoint(log.request(from: 0)), for: log)
        // Another history under the same key: same size, other root → 422; a larger forked tree → 422.
        var fork = TestLog(prefix: "other")
        fork.grow(to: 5)
        #expect(w.addCheckpoint(fork.request(from: 5)).status == 422)
        fork.grow(to: 9)
        let forged = AddCheckpointRequest(oldSize: 5, proof: try MerkleProofs.consistency(oldSize: 5, newSize: 9, reader: fork), note: Array(fork.note.utf8))
        let r = w.addCheckpoint(forged.body)
        #expect(r.status == 422)
        #expect(String(decoding: r.body, as: UTF8.self).contains("not consistent"))
        // A proof with one flipped byte fails too, and a non-empty proof from 0 is refused.
        log.grow(to: 9)
        var proof = try MerkleProofs.consistency(oldSize: 5, newSize: 9, reader: log)
        var bytes = proof[0].bytes
        bytes[0] ^= 1
        proof[0] = Digest(bytes: bytes)!
        #expect(w.addCheckpoint(AddCheckpointRequest(oldSize: 5, proof: proof, note: Array(log.note.utf8)).body).status == 422)
        // The witness still holds the honest tree of 5, and extends it.
        _ = try cosignature(w.addCheckpoint(log.request(from: 5)), for: log)
    }

    @Test func refusesARollbackWithItsSize() throws {
        let w = try witness()
        var log = TestLog()
        log.grow(to: 10)
        _ = try cosignature(w.addCheckpoint(log.request(from: 0)), for: log)
        var older = TestLog()
        older.grow(to: 6)
        // The old size is not the witness's: 409 with its size as text/x.tlog.size.
        let r = w.addCheckpoint(older.request(from: 0))
        #expect(r.status == 409)
        #expect(r.contentType == WitnessResponse.sizeContentType)
        #expect(r.body == Array("10\n".utf8))
        // Claiming old 10 for a tree of 6 is a bad request (old > size).
        #expect(w.addCheckpoint(AddCheckpointRequest(oldSize: 10, proof: [], note: Array(older.note.utf8)).body).status == 400)
        // Unknown origin 404; a wrong key for a known origin 403.
        let stranger = TestLog(origin: "stranger.example/log")
        #expect(w.addCheckpoint(stranger.request(from: 0)).status == 404)
        var impostor = TestLog(seed: 2)
        impostor.grow(to: 12)
        #expect(w.addCheckpoint(impostor.request(from: 10)).status == 403)
        // A trusted key's signature that fails (the note altered after signing) is 403 too.
        log.grow(to: 12)
        let altered = log.note.replacingOccurrences(of: "\n12\n", with: "\n13\n")
        #expect(w.addCheckpoint(AddCheckpointRequest(oldSize: 10, proof: [], note: Array(altered.utf8)).body).status == 403)
    }

    @Test func stateSurvivesARestartAndIsExclusive() throws {
        var log = TestLog()
        log.grow(to: 7)
        do {
            let w = try witness()
            _ = try cosignature(w.addCheckpoint(log.request(from: 0)), for: log)
            // A second witness process on the same state file is refused while the first holds it.
            #expect(throws: PublishError.self) { try WitnessState(path: statePath) }
        }
        let again = try witness()
        let r = again.addCheckpoint(log.request(from: 0))
        #expect(r.status == 409 && r.body == Array("7\n".utf8))
        log.grow(to: 8)
        _ = try cosignature(again.addCheckpoint(log.request(from: 7)), for: log)
        let text = try String(contentsOfFile: statePath, encoding: .utf8)
        #expect(text == "8 \(Data(log.frontier.root.bytes).base64EncodedString()) test.example/log\n")
    }

    @Test func damagedStateIsRefused() throws {
        try "7 notbase64 test.example/log\n".write(toFile: statePath, atomically: true, encoding: .utf8)
        #expect(throws: PublishError.self) { try WitnessState(path: statePath) }
    }

    @Test func concurrentRequestsCannotRollBack() async throws {
        let w = try witness()
        var log = TestLog()
        log.grow(to: 1)
        _ = try cosignature(w.addCheckpoint(log.request(from: 0)), for: log)
        // Many requests from old size 1 to different sizes at once: exactly one wins, the rest get 409 with the
        // winner's size; the state never goes back.
        var bodies: [(Int64, [UInt8])] = []
        for size: Int64 in 2...17 {
            var l = TestLog()
            l.grow(to: size)
            bodies.append((size, l.request(from: 1)))
        }
        let statuses = await withTaskGroup(of: Int.self) { group in
            for (_, body) in bodies { group.addTask { w.addCheckpoint(body).status } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 200 }.count == 1)
        #expect(statuses.filter { $0 == 409 }.count == bodies.count - 1)
    }
}
