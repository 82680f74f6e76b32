import Foundation
import LedgerCore
import LedgerCrypto
import LedgerPublish

/// A log for witness tests: a tree of `leaf-i` entries in memory, signed with a fixed ledger key.
struct TestLog: MerkleHashReader {
    let signer: NoteKey.Signer
    var stored: [Digest] = []
    var frontier = MerkleFrontier()
    var prefix: String

    init(origin: String = "test.example/log", seed: UInt8 = 1, prefix: String = "leaf") {
        signer = NoteKey.Signer(name: origin, privateKey: try! Ed25519.PrivateKey(seed: [UInt8](repeating: seed, count: 32)))
        self.prefix = prefix
    }

    mutating func grow(to size: Int64) {
        while frontier.size < size { stored += frontier.append(leaf: MerkleHash.leaf(Array("\(prefix)-\(frontier.size)".utf8))) }
    }

    func readHashes(_ indexes: [Int64]) throws -> [Digest] { indexes.map { stored[Int($0)] } }

    var checkpoint: Checkpoint { Checkpoint(origin: signer.name, size: frontier.size, root: frontier.root) }
    var note: String { try! SignedNote.sign(checkpoint.text, with: signer) }

    /// An add-checkpoint body for the current tree, from `old`.
    func request(from old: Int64) -> [UInt8] {
        let proof = old == 0 ? [] : try! MerkleProofs.consistency(oldSize: old, newSize: frontier.size, reader: self)
        return AddCheckpointRequest(oldSize: old, proof: proof, note: Array(note.utf8)).body
    }
}

/// A fresh temporary directory.
func temporaryDirectory() -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("claimledger-witness-test-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

let witnessSigner = NoteKey.Signer(name: "witness.test.example", privateKey: try! Ed25519.PrivateKey(seed: [UInt8](repeating: 9, count: 32)), algorithm: .cosignatureV1)
