import LedgerCore
import LedgerCrypto
import LedgerPublish
import Testing

/// Tile paths, tilings and bundles against c2sp.org/tlog-tiles' own examples.
@Suite struct TileTests {
    @Test func indexEncodingFromTheSpec() {
        #expect(TileCoordinate.encode(index: 1_234_067) == "x001/x234/067")
        #expect(TileCoordinate.encode(index: 0) == "000")
        #expect(TileCoordinate.encode(index: 999) == "999")
        #expect(TileCoordinate.encode(index: 1000) == "x001/000")
        #expect(TileCoordinate.encode(index: 1_000_000) == "x001/x000/000")
    }

    @Test func paths() {
        #expect(TileCoordinate(.hashes(level: 0), index: 1_234_067).path == "tile/0/x001/x234/067")
        #expect(TileCoordinate(.hashes(level: 3), index: 1_234_067, width: 8).path == "tile/3/x001/x234/067.p/8")
        #expect(TileCoordinate(.entries, index: 0).path == "tile/entries/000")
        #expect(TileCoordinate(.entries, index: 5, width: 112).path == "tile/entries/005.p/112")
    }

    /// "A tree of size 70,000 will be represented by 273 full level 0 tiles, one partial level 0 tile of width 112,
    /// one full level 1 tile, one partial level 1 tile of width 17, and one partial level 2 tile of width 1."
    @Test func tilingOfTheSpecExamples() {
        let tiles = TileCoordinate.hashTiles(treeSize: 70_000)
        #expect(tiles.filter { $0.kind == .hashes(level: 0) && $0.isFull }.count == 273)
        #expect(tiles.filter { $0.kind == .hashes(level: 0) && !$0.isFull }.map(\.width) == [112])
        #expect(tiles.filter { $0.kind == .hashes(level: 1) && $0.isFull }.count == 1)
        #expect(tiles.filter { $0.kind == .hashes(level: 1) && !$0.isFull }.map(\.width) == [17])
        #expect(tiles.filter { $0.kind == .hashes(level: 2) }.map(\.width) == [1])
        #expect(tiles.count == 277)
        // "A tree of size 256 will be represented by a full level 0 tile and a partial level 1 tile of width 1."
        #expect(TileCoordinate.hashTiles(treeSize: 256).map(\.path) == ["tile/0/000", "tile/1/000.p/1"])
        #expect(TileCoordinate.hashTiles(treeSize: 0).isEmpty)
        #expect(TileCoordinate.bundleCount(treeSize: 70_000) == 274)
        #expect(TileCoordinate.bundle(holding: 69_999, treeSize: 70_000).path == "tile/entries/273.p/112")
    }

    @Test func bundleEncoding() throws {
        let bundle = try EntryBundle.encode([[1, 2, 3], [], Array(repeating: 0xAB, count: 300)])
        #expect(Array(bundle.prefix(7)) == [0x00, 0x03, 1, 2, 3, 0x00, 0x00])
        #expect(Array(bundle[7..<9]) == [0x01, 0x2C])
        #expect(bundle.count == 9 + 300)
        #expect(try EntryBundle.decode(bundle, count: 3, name: "b") == [[1, 2, 3], [], Array(repeating: 0xAB, count: 300)])
        #expect(throws: PublishError.self) { try EntryBundle.encode([Array(repeating: 0, count: 65_536)]) }
        #expect(try EntryBundle.encode([Array(repeating: 0, count: 65_535)]).prefix(2) == [0xFF, 0xFF])
        for (bytes, count) in [(Array(bundle.dropLast()), 3), (bundle, 4), (bundle + [0], 3), ([0x00], 1)] {
            #expect {
                try EntryBundle.decode(bytes, count: count, name: "b")
            } throws: { ($0 as? PublishError)?.isVerificationFailure == true }
        }
    }

    /// Each hash of a level-1 tile is the Merkle Tree Hash of 256 leaves; level 0 holds the leaf hashes; the
    /// builder's root is the RFC 6962 root.
    @Test func builderMatchesTheDefinition() throws {
        var builder = TileBuilder()
        var tiles: [Tile] = []
        var frontiers: [MerkleFrontier] = []
        let entries = (0..<(256 * 3 + 5)).map { Array("entry \($0)".utf8) }
        for (i, e) in entries.enumerated() {
            tiles += try builder.append(entry: e)
            if i % 256 == 0 { frontiers.append(MerkleFrontier()) }
            frontiers[frontiers.count - 1].append(leaf: MerkleHash.leaf(e))
        }
        tiles += builder.partialTiles
        var all = MerkleFrontier()
        for e in entries { all.append(leaf: MerkleHash.leaf(e)) }
        #expect(builder.root == all.root && builder.size == Int64(entries.count))
        let byPath = Dictionary(uniqueKeysWithValues: tiles.map { ($0.coordinate.path, $0.bytes) })
        #expect(Set(byPath.keys) == Set(TileCoordinate.hashTiles(treeSize: Int64(entries.count)).map(\.path)
            + ["tile/entries/000", "tile/entries/001", "tile/entries/002", "tile/entries/003.p/5"]))
        #expect(byPath["tile/1/000.p/3"] == frontiers.prefix(3).flatMap(\.root.bytes))
        #expect(byPath["tile/0/003.p/5"] == entries.suffix(5).flatMap { MerkleHash.leaf($0).bytes })
        #expect(byPath["tile/entries/003.p/5"] == (try EntryBundle.encode(Array(entries.suffix(5)))))
    }
}
