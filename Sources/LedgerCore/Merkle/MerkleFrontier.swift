import LedgerCrypto

/// The right edge of an append-only Merkle tree: the roots of its complete subtrees, largest first
/// (one per set bit of the size). It is all that is needed to append leaves and to compute the root,
/// in O(log n) memory — used by the store when appending and by `verify` when streaming every entry.
public struct MerkleFrontier: Equatable, Sendable {
    /// (level, hash) of each complete subtree, left to right; levels strictly decrease.
    public private(set) var subtrees: [(level: Int, hash: Digest)]
    /// The number of leaves.
    public private(set) var size: Int64

    /// The frontier of the empty tree.
    public init() {
        subtrees = []
        size = 0
    }

    /// The frontier of a tree of `size` leaves, from the hashes of its complete subtrees (left to right).
    public init(size: Int64, subtreeHashes: [Digest]) throws(MerkleError) {
        let levels = MerkleFrontier.levels(size: size)
        guard levels.count == subtreeHashes.count else { throw MerkleError.badInput("frontier needs \(levels.count) hashes") }
        self.size = size
        subtrees = zip(levels, subtreeHashes).map { ($0, $1) }
    }

    /// The stored-hash positions whose hashes `init(size:subtreeHashes:)` needs, left to right.
    public static func storedIndexes(size: Int64) -> [Int64] {
        var need: [Int64] = []
        StoredHashIndex.subtrees(0, size, into: &need)
        return need
    }

    private static func levels(size: Int64) -> [Int] {
        (0..<63).reversed().filter { size & (Int64(1) << $0) != 0 }
    }

    /// Appends a leaf and returns the hashes to store for it, in stored-hash-index order:
    /// the leaf hash, then each interior node it completes, lowest first.
    @discardableResult
    public mutating func append(leaf: Digest) -> [Digest] {
        var hash = leaf
        var level = 0
        var stored = [leaf]
        while let last = subtrees.last, last.level == level {
            subtrees.removeLast()
            hash = MerkleHash.node(last.hash, hash)
            stored.append(hash)
            level += 1
        }
        subtrees.append((level, hash))
        size += 1
        return stored
    }

    /// The RFC 6962 root of the tree (MTH of all leaves); `MerkleHash.emptyRoot` for no leaves.
    public var root: Digest {
        guard var h = subtrees.last?.hash else { return MerkleHash.emptyRoot }
        for s in subtrees.dropLast().reversed() { h = MerkleHash.node(s.hash, h) }
        return h
    }

    public static func == (a: MerkleFrontier, b: MerkleFrontier) -> Bool {
        a.size == b.size && a.subtrees.elementsEqual(b.subtrees) { $0.level == $1.level && $0.hash == $1.hash }
    }
}
