import Foundation
import LedgerCore
import LedgerCrypto
import Testing

/// The anchoring text computed piece by piece (for sources of any size) is exactly the anchoring text of the whole.
@Suite struct SourceIndexTests {
    /// Deterministic pseudo-random text mixing ASCII, decomposed accents, CRLF and lone CR, CJK and emoji.
    static func text(seed: UInt64, scalars: Int) -> [UInt8] {
        var state = seed
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        let pieces = ["a", "b", " ", "e\u{301}", "\u{301}", "\r\n", "\r", "\n", "é", "漢字", "한", "\u{1100}\u{1161}\u{11A8}", "😀", "’", "Å"]
        var out = ""
        for _ in 0..<scalars { out += pieces[Int(next() % UInt64(pieces.count))] }
        return Array(out.utf8)
    }

    /// The anchoring text computed the straightforward way, in one pass over the whole text (the reference).
    static func wholeAnchoringText(_ bytes: [UInt8]) -> String? {
        guard let decoded = String(validating: bytes, as: UTF8.self) else { return nil }
        var out = String.UnicodeScalarView(), previousWasCR = false
        for scalar in decoded.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar == "\r" { out.append("\n") } else if !(scalar == "\n" && previousWasCR) { out.append(scalar) }
            previousWasCR = scalar == "\r"
        }
        return String(out)
    }

    static func index(_ bytes: [UInt8], chunk: Int) throws -> SourceIndex {
        try SourceIndex.build { feed in
            for start in stride(from: 0, to: bytes.count, by: chunk) { try feed(bytes[start..<min(bytes.count, start + chunk)]) }
        }
    }

    @Test(arguments: [7, 4096, 1 << 20])
    func piecewiseAnchoringEqualsTheWholeText(chunk: Int) throws {
        let bytes = Self.text(seed: UInt64(chunk), scalars: 100_000)  // several pieces of 64 KiB
        let whole = try #require(Self.wholeAnchoringText(bytes))
        #expect(Normalization.anchoringText(bytes) == whole)
        let index = try Self.index(bytes, chunk: chunk)
        #expect(index.rawDigest == SHA256.hash(bytes) && index.byteLength == bytes.count)
        #expect(index.textDigest == SHA256.hash(Array(whole.utf8)))
        #expect(index.scalarCount == whole.unicodeScalars.count && index.marks.count > 2)
        let anchored = AnchoredText(whole)
        for range in [0..<10, 65_000..<65_100, index.scalarCount - 50..<index.scalarCount + 40, 100_000..<100_001] {
            let window = try index.window(range) { offset, body in
                var at = offset
                while at < bytes.count, try body(bytes[at..<min(bytes.count, at + 3000)]) { at += 3000 }
            }
            #expect(window.bytes(range) == anchored.bytes(range), "\(range)")
        }
    }

    @Test func aCRAtTheEndOfAPieceJoinsTheLFStartingTheNext() throws {
        var bytes = [UInt8](repeating: 0x61, count: AnchoringStream.pieceSize)
        bytes += [0x0D, 0x0A, 0x62]
        let index = try Self.index(bytes, chunk: AnchoringStream.pieceSize + 1)  // the cut falls between CR and LF
        #expect(index.textDigest == SHA256.hash(Array(try #require(Self.wholeAnchoringText(bytes)).utf8)))
        #expect(index.scalarCount == AnchoringStream.pieceSize + 2)
    }

    @Test func invalidUTF8HasNoAnchoringText() throws {
        var bytes = Array(String(repeating: "ok ", count: 40_000).utf8)
        bytes.insert(0xFF, at: 70_000)
        let index = try Self.index(bytes, chunk: 5000)
        #expect(index.textDigest == nil && index.byteLength == bytes.count)
    }

    @Test func aLongRunWithoutASCIIIsCutBeforeAnIdeograph() throws {
        let bytes = Array(String(repeating: "漢字ひらがな", count: 120_000).utf8)  // 2 MiB, not one ASCII byte
        let index = try Self.index(bytes, chunk: 1 << 16)
        #expect(index.marks.count > 1)
        #expect(index.textDigest == SHA256.hash(Array(try #require(Self.wholeAnchoringText(bytes)).utf8)))
    }
}
