import LedgerCore
import LedgerCrypto

/// One tile's coordinate and exact bytes: 32-byte hashes concatenated, or an entry bundle.
public struct Tile: Sendable {
    public let coordinate: TileCoordinate
    public let bytes: [UInt8]
}

/// Builds a C2SP tlog-tiles log from its entries, streaming: the publisher writes what it produces and the monitor
/// compares it with what it fetched, so both derive every tile the same way, from the entry bytes alone.
///
/// It holds at most one pending tile per level and one pending bundle (memory flat in the tree size), and the
/// tree's frontier for the RFC 6962 root. Hash tiles at level L > 0 hold the Merkle Tree Hash of each full tile of
/// level L−1, as the spec defines them (a partial tile is never hashed into the level above).
public struct TileBuilder {
    /// The number of entries appended.
    public var size: Int64 { frontier.size }
    /// The RFC 6962 root of the entries appended.
    public var root: Digest { frontier.root }

    private var frontier = MerkleFrontier()
    private var pending: [[Digest]] = [[]]
    private var bundle: [UInt8] = []
    private var bundleCount = 0

    public init() {}

    /// Appends one entry (its exact bytes) and returns the full tiles it completes: its entry bundle and hash tiles,
    /// lowest level first. Throws when the entry is over the bundle limit of 65,535 bytes.
    public mutating func append(entry: [UInt8]) throws(PublishError) -> [Tile] {
        try EntryBundle.append(entry, to: &bundle)
        bundleCount += 1
        let leaf = MerkleHash.leaf(entry)
        frontier.append(leaf: leaf)
        var done: [Tile] = []
        if bundleCount == TileCoordinate.fullWidth {
            done.append(Tile(coordinate: TileCoordinate(.entries, index: (size - 1) / Int64(TileCoordinate.fullWidth)), bytes: bundle))
            bundle.removeAll(keepingCapacity: true)
            bundleCount = 0
        }
        var hash = leaf
        var level = 0
        var index = size - 1  // the index of `hash` at tile level `level`
        while true {
            if pending.count == level { pending.append([]) }
            pending[level].append(hash)
            guard pending[level].count == TileCoordinate.fullWidth else { break }
            let hashes = pending[level]
            done.append(Tile(coordinate: TileCoordinate(.hashes(level: level), index: index / Int64(TileCoordinate.fullWidth)),
                             bytes: hashes.flatMap(\.bytes)))
            hash = TileBuilder.subtreeHash(hashes)
            pending[level].removeAll(keepingCapacity: true)
            index /= Int64(TileCoordinate.fullWidth)
            level += 1
        }
        return done
    }

    /// The partial tiles of the tree as it is now: the partial entry bundle and each level's partial hash tile,
    /// lowest first (none when every level is full, as for the empty tree).
    public var partialTiles: [Tile] {
        var out: [Tile] = []
        if bundleCount > 0 {
            out.append(Tile(coordinate: TileCoordinate(.entries, index: size / Int64(TileCoordinate.fullWidth), width: bundleCount), bytes: bundle))
        }
        var count = size
        for (level, hashes) in pending.enumerated() {
            if !hashes.isEmpty {
                out.append(Tile(coordinate: TileCoordinate(.hashes(level: level), index: count / Int64(TileCoordinate.fullWidth), width: hashes.count),
                                bytes: hashes.flatMap(\.bytes)))
            }
            count /= Int64(TileCoordinate.fullWidth)
        }
        return out
    }

    /// The Merkle Tree Hash of a complete subtree whose 256 lowest hashes are `hashes`.
    static func subtreeHash(_ hashes: [Digest]) -> Digest {
        var level = hashes
        while level.count > 1 {
            level = stride(from: 0, to: level.count, by: 2).map { MerkleHash.node(level[$0], level[$0 + 1]) }
        }
        return level[0]
    }
}
