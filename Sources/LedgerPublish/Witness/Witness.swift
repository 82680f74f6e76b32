import Foundation
import LedgerCore
import LedgerCrypto
import Synchronization

/// A C2SP tlog-witness (c2sp.org/tlog-witness) that cosigns checkpoints of the logs it is configured for.
///
/// For `add-checkpoint` it checks, in the spec's order: the body's form (400), the origin is known (404), a trusted
/// log key signed the checkpoint and no trusted key's signature fails (403), the old size is at most the new one
/// (400), an empty tree has the empty root (422), the old size is the size it last cosigned (409, with that size),
/// and the consistency proof from its last cosigned tree to the new one (422). Only then it cosigns (tlog-cosignature
/// v1), records the new size and root durably, and answers. Checking and recording happen under one lock, so two
/// requests for one origin cannot race each other into a rollback.
public final class Witness: Sendable {
    /// The witness's key (type 0x04).
    public let signer: NoteKey.Signer
    /// The log keys trusted for each origin.
    public let logs: [String: [NoteKey.Verifier]]
    private let state: Mutex<WitnessState>
    private let clock: @Sendable () -> UInt64

    /// A witness with its key, its logs' keys (a log's origin is its key's name), its state, and a clock giving
    /// seconds since the Epoch (the system clock by default).
    public init(signer: NoteKey.Signer, logKeys: [NoteKey.Verifier], state: sending WitnessState,
                clock: @escaping @Sendable () -> UInt64 = { UInt64(Date().timeIntervalSince1970) }) {
        self.signer = signer
        self.logs = Dictionary(grouping: logKeys, by: \.name)
        self.state = Mutex(state)
        self.clock = clock
    }

    /// Answers one `add-checkpoint` request body.
    public func addCheckpoint(_ body: [UInt8]) -> WitnessResponse {
        do { return .cosigned([try cosign(body)]) } catch { return .refused(error) }
    }

    /// Checks a request and cosigns its checkpoint, or throws the refusal.
    public func cosign(_ body: [UInt8]) throws(WitnessRefusal) -> Cosignature {
        let request = try AddCheckpointRequest(body: body)
        let text: String, checkpoint: Checkpoint
        do {
            text = try SignedNote.parse(request.note).text
            checkpoint = try Checkpoint(text: text)
        } catch {
            throw .badRequest("the checkpoint is malformed: \(error.message)")
        }
        guard let keys = logs[checkpoint.origin] else {
            throw .unknownLog("this witness is not configured for the log \(NoteKey.quoted(checkpoint.origin))")
        }
        do { _ = try SignedNote.open(request.note, verifiers: keys) } catch {
            throw .forbidden("the checkpoint's signature does not verify: \(error.message)")
        }
        guard request.oldSize <= checkpoint.size else {
            throw .badRequest("the old size \(request.oldSize) is larger than the checkpoint's size \(checkpoint.size)")
        }
        guard checkpoint.size > 0 || checkpoint.root == MerkleHash.emptyRoot else {
            throw .inconsistent("a checkpoint of size 0 must have the empty tree's root")
        }
        return try state.withLock { (state) throws(WitnessRefusal) -> Cosignature in
            let last = state.head(checkpoint.origin)
            guard request.oldSize == last.size else { throw .conflict(size: last.size) }
            if request.oldSize == 0 {
                guard request.proof.isEmpty else { throw .inconsistent("a consistency proof from size 0 must be empty") }
            } else {
                do {
                    try MerkleVerify.consistency(oldSize: last.size, newSize: checkpoint.size, oldRoot: last.root, newRoot: checkpoint.root, proof: request.proof)
                } catch {
                    throw .inconsistent("the checkpoint of size \(checkpoint.size) is not consistent with the one of size \(last.size) this witness cosigned: the consistency proof does not verify (a fork, or a rewritten history)")
                }
            }
            let cosignature: Cosignature
            do {
                cosignature = try Cosignature.sign(text: text, with: signer, timestamp: max(clock(), 1))
                try state.record(WitnessState.Head(size: checkpoint.size, root: checkpoint.root), for: checkpoint.origin)
            } catch {
                throw WitnessRefusal(status: 500, message: "the witness could not record its state: \(error)", witnessSize: nil)
            }
            return cosignature
        }
    }
}
