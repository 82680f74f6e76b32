import LedgerCrypto

/// Reads stored Merkle hashes by stored-hash-index position, all at once (one batched read per proof).
public protocol MerkleHashReader {
    /// The hashes at `indexes`, in the same order. Throws when any is missing.
    func readHashes(_ indexes: [Int64]) throws -> [Digest]
}

/// RFC 9162 §2.1.3–2.1.4 proofs computed from stored hashes, as Go's sumdb/tlog does:
/// list the positions needed, read them in one batch, assemble the proof.
public enum MerkleProofs {
    /// The RFC 6962 root of the first `size` leaves.
    public static func treeHash(size: Int64, reader: some MerkleHashReader) throws -> Digest {
        guard size > 0 else { return MerkleHash.emptyRoot }
        var need: [Int64] = []
        StoredHashIndex.subtrees(0, size, into: &need)
        var hashes = try reader.readHashes(need)[...]
        return StoredHashIndex.subtreeHash(0, size, &hashes)
    }

    /// The inclusion proof (audit path) of leaf `index` in the tree of `size` leaves, bottom-up.
    public static func inclusion(index: Int64, size: Int64, reader: some MerkleHashReader) throws -> [Digest] {
        guard 0 <= index, index < size else { throw MerkleError.badInput("leaf \(index) is not in a tree of size \(size)") }
        var need: [Int64] = []
        inclusionIndexes(0, size, index, &need)
        var hashes = try reader.readHashes(need)[...]
        return inclusionPath(0, size, index, &hashes)
    }

    /// The consistency proof from the tree of `oldSize` leaves to the tree of `newSize` leaves.
    /// Sizes 0 → n and n → n have the empty proof (the empty tree is a prefix of every tree).
    public static func consistency(oldSize: Int64, newSize: Int64, reader: some MerkleHashReader) throws -> [Digest] {
        guard 0 <= oldSize, oldSize <= newSize else {
            throw MerkleError.badInput("cannot prove consistency from size \(oldSize) to \(newSize)")
        }
        guard oldSize > 0, oldSize < newSize else { return [] }
        var need: [Int64] = []
        consistencyIndexes(0, newSize, oldSize, &need)
        var hashes = try reader.readHashes(need)[...]
        return consistencyPath(0, newSize, oldSize, &hashes)
    }

    private static func inclusionIndexes(_ lo: Int64, _ hi: Int64, _ n: Int64, _ need: inout [Int64]) {
        guard lo + 1 < hi else { return }
        let k = StoredHashIndex.split(hi - lo).k
        if n < lo + k {
            inclusionIndexes(lo, lo + k, n, &need)
            StoredHashIndex.subtrees(lo + k, hi, into: &need)
        } else {
            StoredHashIndex.subtrees(lo, lo + k, into: &need)
            inclusionIndexes(lo + k, hi, n, &need)
        }
    }

    private static func inclusionPath(_ lo: Int64, _ hi: Int64, _ n: Int64, _ hashes: inout ArraySlice<Digest>) -> [Digest] {
        guard lo + 1 < hi else { return [] }
        let k = StoredHashIndex.split(hi - lo).k
        if n < lo + k {
            let path = inclusionPath(lo, lo + k, n, &hashes)
            return path + [StoredHashIndex.subtreeHash(lo + k, hi, &hashes)]
        } else {
            let sibling = StoredHashIndex.subtreeHash(lo, lo + k, &hashes)
            return inclusionPath(lo + k, hi, n, &hashes) + [sibling]
        }
    }

    private static func consistencyIndexes(_ lo: Int64, _ hi: Int64, _ n: Int64, _ need: inout [Int64]) {
        if n == hi {
            if lo != 0 { StoredHashIndex.subtrees(lo, hi, into: &need) }
            return
        }
        let k = StoredHashIndex.split(hi - lo).k
        if n <= lo + k {
            consistencyIndexes(lo, lo + k, n, &need)
            StoredHashIndex.subtrees(lo + k, hi, into: &need)
        } else {
            StoredHashIndex.subtrees(lo, lo + k, into: &need)
            consistencyIndexes(lo + k, hi, n, &need)
        }
    }

    private static func consistencyPath(_ lo: Int64, _ hi: Int64, _ n: Int64, _ hashes: inout ArraySlice<Digest>) -> [Digest] {
        if n == hi {
            return lo == 0 ? [] : [StoredHashIndex.subtreeHash(lo, hi, &hashes)]
        }
        let k = StoredHashIndex.split(hi - lo).k
        if n <= lo + k {
            let path = consistencyPath(lo, lo + k, n, &hashes)
            return path + [StoredHashIndex.subtreeHash(lo + k, hi, &hashes)]
        } else {
            let sibling = StoredHashIndex.subtreeHash(lo, lo + k, &hashes)
            return consistencyPath(lo + k, hi, n, &hashes) + [sibling]
        }
    }
}

/// Why a Merkle computation or proof check failed.
public enum MerkleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Arguments outside the tree (an index past the end, sizes out of order).
    case badInput(String)
    /// The proof does not prove what it claims (the single sentinel, as in Go's tlog).
    case invalidProof

    public var description: String {
        switch self {
        case .badInput(let why): why
        case .invalidProof: "the Merkle proof does not verify"
        }
    }
}
