import LedgerCrypto

/// Proof verification exactly as RFC 9162 §2.1.3.2 and §2.1.4.2 specify it, written from the RFC's steps
/// and independent of the code that makes proofs. Each returns normally or throws `MerkleError.invalidProof`.
public enum MerkleVerify {
    /// Checks that `leaf` is at `index` in the tree of `size` leaves whose root is `root`.
    public static func inclusion(leaf: Digest, index: Int64, size: Int64, proof: [Digest], root: Digest) throws(MerkleError) {
        guard index >= 0, index < size else { throw MerkleError.invalidProof }
        var fn = index, sn = size - 1
        var r = leaf
        for p in proof {
            guard sn != 0 else { throw MerkleError.invalidProof }
            if fn & 1 == 1 || fn == sn {
                r = MerkleHash.node(p, r)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 { fn >>= 1; sn >>= 1 }
                }
            } else {
                r = MerkleHash.node(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0, r == root else { throw MerkleError.invalidProof }
    }

    /// Checks that the tree of `oldSize` leaves with root `oldRoot` is a prefix of the tree of `newSize`
    /// leaves with root `newRoot`. Equal sizes need an empty proof and equal roots; from size 0 the proof
    /// must be empty and `oldRoot` must be the empty-tree hash (the empty tree is a prefix of every tree).
    public static func consistency(oldSize: Int64, newSize: Int64, oldRoot: Digest, newRoot: Digest, proof: [Digest]) throws(MerkleError) {
        guard 0 <= oldSize, oldSize <= newSize else { throw MerkleError.invalidProof }
        if oldSize == 0 {
            guard proof.isEmpty, oldRoot == MerkleHash.emptyRoot else { throw MerkleError.invalidProof }
            return
        }
        if oldSize == newSize {
            guard proof.isEmpty, oldRoot == newRoot else { throw MerkleError.invalidProof }
            return
        }
        guard !proof.isEmpty else { throw MerkleError.invalidProof }
        var path = proof[...]
        if oldSize & (oldSize - 1) == 0 { path = [oldRoot] + proof }
        var fn = oldSize - 1, sn = newSize - 1
        while fn & 1 == 1 { fn >>= 1; sn >>= 1 }
        var fr = path.first!, sr = path.first!
        for c in path.dropFirst() {
            guard sn != 0 else { throw MerkleError.invalidProof }
            if fn & 1 == 1 || fn == sn {
                fr = MerkleHash.node(c, fr)
                sr = MerkleHash.node(c, sr)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 { fn >>= 1; sn >>= 1 }
                }
            } else {
                sr = MerkleHash.node(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        guard fr == oldRoot, sr == newRoot, sn == 0 else { throw MerkleError.invalidProof }
    }
}
