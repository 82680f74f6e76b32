/// Where one tile of a C2SP tlog-tiles log lives (c2sp.org/tlog-tiles): a hash tile `tile/<L>/<N>[.p/<W>]` or an
/// entry bundle `tile/entries/<N>[.p/<W>]`.
///
/// Tiles have height 8: a full tile holds 256 hashes (8,192 bytes) or 256 entries; a partial one, the rightmost of
/// its level, holds 1–255 (`floor(size / 256^L) mod 256`). `<N>` is written in 3-digit groups, all but the last
/// prefixed with `x` (1234067 → `x001/x234/067`), so a file system can hold any log without huge directories.
public struct TileCoordinate: Hashable, Sendable, CustomStringConvertible {
    /// Hashes (or entries) in a full tile: 2^8.
    public static let fullWidth = 256

    /// What the tile holds.
    public enum Kind: Hashable, Sendable {
        /// Merkle Tree Hashes at tile level `level` (tree level 8·level).
        case hashes(level: Int)
        /// The log entries themselves, each prefixed by its big-endian 16-bit length.
        case entries
    }

    public let kind: Kind
    /// The tile's index within its level.
    public let index: Int64
    /// How many hashes or entries it holds: 256 for a full tile, 1–255 for a partial one.
    public let width: Int

    public init(_ kind: Kind, index: Int64, width: Int = TileCoordinate.fullWidth) {
        precondition(index >= 0 && (1...TileCoordinate.fullWidth).contains(width), "tile outside the tiling")
        self.kind = kind
        self.index = index
        self.width = width
    }

    /// Whether this is a full (immutable) tile.
    public var isFull: Bool { width == TileCoordinate.fullWidth }

    /// The path under the log's prefix, e.g. `tile/0/x001/x234/067.p/8` or `tile/entries/000`.
    public var path: String {
        let level: String
        switch kind {
        case .hashes(let l): level = String(l)
        case .entries: level = "entries"
        }
        return "tile/\(level)/\(TileCoordinate.encode(index: index))" + (isFull ? "" : ".p/\(width)")
    }

    public var description: String { path }

    /// A tile index as zero-padded 3-digit path elements, all but the last prefixed with `x`.
    public static func encode(index: Int64) -> String {
        var groups: [String] = []
        var n = index
        repeat {
            let g = String(n % 1000)
            groups.append(String(repeating: "0", count: 3 - g.count) + g)
            n /= 1000
        } while n > 0
        return groups.reversed().enumerated().map { $0.offset == groups.count - 1 ? $0.element : "x" + $0.element }.joined(separator: "/")
    }

    /// Every hash tile a tree of `size` entries is served as, level by level, lowest first (full tiles, then the
    /// level's partial tile if any); none for the empty tree.
    public static func hashTiles(treeSize size: Int64) -> [TileCoordinate] {
        var out: [TileCoordinate] = []
        var level = 0
        var count = size  // hashes at this tile level: floor(size / 256^level)
        while count > 0 {
            let full = count / Int64(fullWidth)
            for n in 0..<full { out.append(TileCoordinate(.hashes(level: level), index: n)) }
            let rest = Int(count % Int64(fullWidth))
            if rest > 0 { out.append(TileCoordinate(.hashes(level: level), index: full, width: rest)) }
            count = full
            level += 1
        }
        return out
    }

    /// The entry bundle holding entry `seq` of a tree of `size` entries.
    public static func bundle(holding seq: Int64, treeSize size: Int64) -> TileCoordinate {
        let index = seq / Int64(fullWidth)
        return TileCoordinate(.entries, index: index, width: Int(min(Int64(fullWidth), size - index * Int64(fullWidth))))
    }

    /// The number of entry bundles of a tree of `size` entries (the last one partial unless `size` is a multiple of 256);
    /// rounded up without overflow for any size, since a size comes from a checkpoint someone else signed.
    public static func bundleCount(treeSize size: Int64) -> Int64 {
        precondition(size >= 0, "a tree size is never negative")
        return size / Int64(fullWidth) + (size % Int64(fullWidth) == 0 ? 0 : 1)
    }

    /// The largest tree size a reader accepts: 2^63 − 256, the largest whose tiling (every tile rounded up to 256
    /// hashes or entries, and each tile's first index) a reader can compute in signed 64-bit arithmetic, as Go's
    /// sumdb/tlog does. A checkpoint claiming more is refused before anything is fetched.
    public static let maxTreeSize: Int64 = Int64.max - Int64(fullWidth) + 1
}
