import Foundation
import LedgerCrypto
import Testing
@testable import LedgerCore

/// RFC 6962 Merkle trees: every size 1…64, every leaf and every pair of sizes, against vectors made by
/// tools/gen_vectors.py (Python hashlib, written from the RFC independently of this code).
@Suite struct MerkleTests {
    struct Vectors: Decodable {
        struct Tree: Decodable { let size: Int64; let root: String; let inclusion: [String]; let consistency: [String] }
        let empty_root: String
        let trees: [Tree]
    }

    static let vectors: Vectors = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors/merkle.json")
        return try! JSONDecoder().decode(Vectors.self, from: Data(contentsOf: url))
    }()

    /// The stored-hash table of a tree, built by appending through a frontier, as the store does.
    struct MemoryTree: MerkleHashReader {
        var stored: [Digest] = []
        var frontier = MerkleFrontier()
        init(size: Int64) {
            for i in 0..<size { stored += frontier.append(leaf: MerkleHash.leaf(Array("leaf-\(i)".utf8))) }
        }
        func readHashes(_ indexes: [Int64]) throws -> [Digest] { indexes.map { stored[Int($0)] } }
    }

    static func hashes(_ hex: String) -> [Digest] {
        let bytes = Hex.decode(hex)!
        return stride(from: 0, to: bytes.count, by: 32).map { Digest(bytes: bytes[$0..<$0 + 32])! }
    }

    @Test func emptyTree() {
        #expect(MerkleHash.emptyRoot.hex == Self.vectors.empty_root)
        #expect(MerkleFrontier().root == MerkleHash.emptyRoot)
    }

    @Test func storedHashLayoutMatchesGoTlog() {
        // Values from Go's sumdb/tlog StoredHashIndex documentation: level 0 leaves at 0,1,3,4,7,8,10,11…
        #expect((0..<8).map { StoredHashIndex.index(level: 0, Int64($0)) } == [0, 1, 3, 4, 7, 8, 10, 11])
        #expect(StoredHashIndex.index(level: 1, 0) == 2)
        #expect(StoredHashIndex.index(level: 2, 0) == 6)
        #expect(StoredHashIndex.index(level: 3, 0) == 14)
        for size in Int64(1)...200 { #expect(StoredHashIndex.count(size: size) == Int64(MemoryTree(size: size).stored.count)) }
    }

    @Test func rootsOfEverySize() throws {
        for tree in Self.vectors.trees {
            let memory = MemoryTree(size: tree.size)
            #expect(memory.frontier.root.hex == tree.root, "size \(tree.size)")
            #expect(try MerkleProofs.treeHash(size: tree.size, reader: memory).hex == tree.root)
            let resumed = try MerkleFrontier(size: tree.size,
                                             subtreeHashes: memory.readHashes(MerkleFrontier.storedIndexes(size: tree.size)))
            #expect(resumed == memory.frontier)
        }
    }

    @Test func inclusionProofsForEveryLeafOfEverySize() throws {
        for tree in Self.vectors.trees {
            let memory = MemoryTree(size: tree.size)
            let root = Digest(hex: tree.root)!
            for index in 0..<tree.size {
                let proof = try MerkleProofs.inclusion(index: index, size: tree.size, reader: memory)
                #expect(proof == Self.hashes(tree.inclusion[Int(index)]), "size \(tree.size) leaf \(index)")
                let leaf = MerkleHash.leaf(Array("leaf-\(index)".utf8))
                try MerkleVerify.inclusion(leaf: leaf, index: index, size: tree.size, proof: proof, root: root)
                for byte in 0..<proof.count * 32 {
                    var bad = proof
                    var b = bad[byte / 32].bytes
                    b[byte % 32] ^= 0x01
                    bad[byte / 32] = Digest(bytes: b)!
                    #expect(throws: MerkleError.invalidProof) {
                        try MerkleVerify.inclusion(leaf: leaf, index: index, size: tree.size, proof: bad, root: root)
                    }
                }
                #expect(throws: MerkleError.invalidProof) {
                    try MerkleVerify.inclusion(leaf: leaf, index: index, size: tree.size, proof: proof + [root], root: root)
                }
                if !proof.isEmpty {
                    #expect(throws: MerkleError.invalidProof) {
                        try MerkleVerify.inclusion(leaf: leaf, index: index, size: tree.size, proof: proof.dropLast(), root: root)
                    }
                }
                // (A wrong size is not detectable from a path alone — RFC 9162 binds size and root through the
                // signed checkpoint — but a wrong position always changes the hashing order.)
                for other in 0..<tree.size where other != index {
                    #expect(throws: MerkleError.invalidProof, "size \(tree.size) leaf \(index) as \(other)") {
                        try MerkleVerify.inclusion(leaf: leaf, index: other, size: tree.size, proof: proof, root: root)
                    }
                }
            }
        }
    }

    @Test func consistencyProofsForEveryPairOfSizes() throws {
        for tree in Self.vectors.trees {
            let memory = MemoryTree(size: tree.size)
            let newRoot = Digest(hex: tree.root)!
            for old in 1..<tree.size {
                let oldRoot = Digest(hex: Self.vectors.trees[Int(old) - 1].root)!
                let proof = try MerkleProofs.consistency(oldSize: old, newSize: tree.size, reader: memory)
                #expect(proof == Self.hashes(tree.consistency[Int(old) - 1]), "\(old) → \(tree.size)")
                try MerkleVerify.consistency(oldSize: old, newSize: tree.size, oldRoot: oldRoot, newRoot: newRoot, proof: proof)
                for byte in 0..<proof.count * 32 {
                    var bad = proof
                    var b = bad[byte / 32].bytes
                    b[byte % 32] ^= 0x80
                    bad[byte / 32] = Digest(bytes: b)!
                    #expect(throws: MerkleError.invalidProof) {
                        try MerkleVerify.consistency(oldSize: old, newSize: tree.size, oldRoot: oldRoot, newRoot: newRoot, proof: bad)
                    }
                }
                #expect(throws: MerkleError.invalidProof) {
                    try MerkleVerify.consistency(oldSize: old, newSize: tree.size, oldRoot: newRoot, newRoot: newRoot, proof: proof)
                }
                #expect(throws: MerkleError.invalidProof) {
                    try MerkleVerify.consistency(oldSize: old, newSize: tree.size, oldRoot: oldRoot, newRoot: newRoot, proof: [])
                }
            }
            try MerkleVerify.consistency(oldSize: tree.size, newSize: tree.size, oldRoot: newRoot, newRoot: newRoot, proof: [])
            try MerkleVerify.consistency(oldSize: 0, newSize: tree.size, oldRoot: MerkleHash.emptyRoot, newRoot: newRoot, proof: [])
            #expect(try MerkleProofs.consistency(oldSize: 0, newSize: tree.size, reader: memory).isEmpty)
        }
    }

    @Test func outOfRangeInputsAreErrors() {
        let memory = MemoryTree(size: 5)
        #expect(throws: MerkleError.self) { try MerkleProofs.inclusion(index: 5, size: 5, reader: memory) }
        #expect(throws: MerkleError.self) { try MerkleProofs.consistency(oldSize: 6, newSize: 5, reader: memory) }
        #expect(throws: MerkleError.invalidProof) {
            try MerkleVerify.inclusion(leaf: .zero, index: -1, size: 5, proof: [], root: .zero)
        }
    }
}
