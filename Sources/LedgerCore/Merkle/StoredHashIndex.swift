import LedgerCrypto

/// The dense "stored hash index" of Go's sumdb/tlog: every node of an append-only Merkle tree gets a
/// fixed position in one append-only table, so that appending leaf n writes only new rows and any
/// proof needs O(log n) reads.
///
/// A node is named by (level, n): the n-th complete subtree of 2^level leaves. When leaf n is
/// appended, its leaf hash and every subtree it completes are written, in that order, at consecutive
/// positions starting at `index(level: 0, n)`.
public enum StoredHashIndex {
    /// The table position of the n-th node at `level`.
    public static func index(level: Int, _ n: Int64) -> Int64 {
        var n = n
        for _ in 0..<level { n = 2 * n + 1 }  // level L's n-th hash follows level L+1's (2n+1)-th
        var i: Int64 = 0
        while n > 0 { i += n; n >>= 1 }  // level 0's n-th hash sits at n + n/2 + n/4 + …
        return i + Int64(level)
    }

    /// How many hashes a tree of `size` leaves stores.
    public static func count(size: Int64) -> Int64 {
        guard size > 0 else { return 0 }
        var count = index(level: 0, size - 1) + 1
        var i = UInt64(size - 1)
        while i & 1 != 0 { count += 1; i >>= 1 }
        return count
    }

    /// The largest power of two strictly less than n (n ≥ 2), and its log2: RFC 6962's split point k.
    static func split(_ n: Int64) -> (k: Int64, level: Int) {
        var level = 0
        while Int64(1) << (level + 1) < n { level += 1 }
        return (Int64(1) << level, level)
    }

    /// The positions of the complete subtrees that make up leaves lo..<hi, left to right.
    static func subtrees(_ lo: Int64, _ hi: Int64, into need: inout [Int64]) {
        var lo = lo
        while lo < hi {
            let (k, level) = split(hi - lo + 1)  // the largest power of two ≤ hi - lo
            precondition(lo & (k - 1) == 0, "subtree not aligned")
            need.append(index(level: level, lo >> Int64(level)))
            lo += k
        }
    }

    /// Folds the hashes of the complete subtrees of lo..<hi (consumed from the front of `hashes`) into one.
    static func subtreeHash(_ lo: Int64, _ hi: Int64, _ hashes: inout ArraySlice<Digest>) -> Digest {
        var count = 0, lo = lo
        while lo < hi {
            lo += split(hi - lo + 1).k
            count += 1
        }
        let parts = hashes.prefix(count)
        hashes = hashes.dropFirst(count)
        var h = parts.last!
        for p in parts.dropLast().reversed() { h = MerkleHash.node(p, h) }
        return h
    }
}
