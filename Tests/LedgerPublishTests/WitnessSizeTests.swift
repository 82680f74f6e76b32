import Foundation
import LedgerCore
import LedgerCrypto
import Testing
@testable import LedgerPublish

/// Sizes at the top of the signed 64-bit range, in checkpoints and `old` lines a witness receives: each is an
/// answer with a status, never an arithmetic overflow.
@Suite struct WitnessSizeTests {
    let dir = temporaryDirectory()

    @Test func hugeSizesGetStatusesNotCrashes() throws {
        let log = TestLog()
        let witness = Witness(signer: witnessSigner, logKeys: [log.signer.verifier], state: try WitnessState(path: dir.appendingPathComponent("w.state").path),
                              clock: { 1_700_000_000 })
        func request(old: Int64, size: Int64, proof: [Digest]) -> WitnessResponse {
            let cp = Checkpoint(origin: log.signer.name, size: size, root: MerkleHash.leaf([1]))
            let note = try! SignedNote.sign(cp.text, with: log.signer)
            return witness.addCheckpoint(AddCheckpointRequest(oldSize: old, proof: proof, note: Array(note.utf8)).body)
        }
        let filler = MerkleHash.leaf([2])
        // The witness has cosigned nothing: any old size but 0 is a 409 with its size, however large.
        #expect(request(old: Int64.max - 1, size: Int64.max, proof: [filler]).status == 409)
        #expect(request(old: Int64.max, size: Int64.max, proof: []).status == 409)
        // An old size above the checkpoint's is a 400.
        #expect(request(old: Int64.max, size: Int64.max - 1, proof: []).status == 400)
        // From 0 the proof must be empty.
        #expect(request(old: 0, size: Int64.max, proof: [filler]).status == 422)
        // Cosigned from 0 (trust on first use), then a bad proof from the top of the range is a 422.
        #expect(request(old: 0, size: Int64.max - 1, proof: []).status == 200)
        #expect(request(old: Int64.max - 1, size: Int64.max, proof: Array(repeating: filler, count: 63)).status == 422)
        #expect(request(old: Int64.max - 1, size: Int64.max, proof: [filler]).status == 422)
    }
}
