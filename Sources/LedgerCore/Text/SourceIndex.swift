import LedgerCrypto

/// What one streaming pass over a source's raw bytes tells: their SHA-256 and length, whether they are UTF-8,
/// the SHA-256 and scalar count of the anchoring text, and marks (every `AnchoringStream.pieceSize` raw bytes
/// or so) from which any stretch of the anchoring text can be re-derived without reading what comes before.
/// It holds a few bytes per 64 KiB of source, so verify checks excerpts in sources of any size in bounded memory.
public struct SourceIndex: Sendable {
    /// Sources up to this many bytes are read whole to check their excerpts; larger ones through windows.
    public static let wholeTextLimit = 4 << 20

    /// Where a piece of the anchoring text starts: its first scalar, and the raw offset and CR state to resume from.
    public struct Mark: Sendable {
        public let scalar: Int
        public let rawOffset: Int
        public let afterCR: Bool
    }

    /// SHA-256 of the raw bytes (the source's id when they are intact).
    public let rawDigest: Digest
    /// The number of raw bytes.
    public let byteLength: Int
    /// SHA-256 of the anchoring text's UTF-8, or nil when the bytes are not valid UTF-8.
    public let textDigest: Digest?
    /// The anchoring text's length in scalars.
    public let scalarCount: Int
    /// Piece starts, in order; the first is at scalar 0.
    public let marks: [Mark]

    /// Builds the index by calling `read`, which must hand over the raw bytes in order, in chunks of any size.
    public static func build(_ read: ((ArraySlice<UInt8>) throws -> Void) throws -> Void) rethrows -> SourceIndex {
        let b = Builder()
        try read { chunk in
            b.raw!.update(chunk)
            b.length += chunk.count
            b.stream.feed(chunk, b.add)
        }
        b.stream.finish(b.add)
        if b.marks.isEmpty { b.marks.append(Mark(scalar: 0, rawOffset: 0, afterCR: false)) }
        let valid = b.stream.isValid
        return SourceIndex(rawDigest: b.raw.take()!.finalize(), byteLength: b.length, textDigest: valid ? b.text.take()!.finalize() : nil,
                           scalarCount: valid ? b.scalars : 0, marks: b.marks)
    }

    private final class Builder {
        var raw: SHA256? = SHA256(), text: SHA256? = SHA256()
        var stream = AnchoringStream()
        var length = 0, scalars = 0
        var marks: [Mark] = []

        func add(_ piece: AnchoringStream.Piece) {
            marks.append(Mark(scalar: scalars, rawOffset: piece.rawOffset, afterCR: piece.afterCR))
            text!.update(piece.text.utf8)
            scalars += piece.text.unicodeScalars.count
        }
    }

    /// The stretch of anchoring text covering scalars `range` (clamped), re-derived from the raw bytes that
    /// `read(offset, body)` hands over from raw offset `offset` on, until `body` returns false.
    public func window(_ range: Range<Int>, read: (Int, (ArraySlice<UInt8>) throws -> Bool) throws -> Void) rethrows -> TextWindow {
        let lo = max(0, min(range.lowerBound, scalarCount)), hi = max(lo, min(range.upperBound, scalarCount))
        var m = 0, top = marks.count - 1
        while m < top {  // the last mark at or before `lo`
            let mid = (m + top + 1) / 2
            if marks[mid].scalar <= lo { m = mid } else { top = mid - 1 }
        }
        let mark = marks[m]
        var stream = AnchoringStream(offset: mark.rawOffset, afterCR: mark.afterCR)
        var scalars = String.UnicodeScalarView(), at = mark.scalar
        let onPiece = { (piece: AnchoringStream.Piece) in
            guard at < hi else { return }
            scalars.append(contentsOf: piece.text.unicodeScalars)
            at += piece.text.unicodeScalars.count
        }
        try read(mark.rawOffset) { chunk in
            stream.feed(chunk, onPiece)
            return at < hi
        }
        if at < hi { stream.finish(onPiece) }
        let text = String(scalars)
        return TextWindow(text: AnchoredText(text), first: mark.scalar, scalarCount: scalarCount)
    }
}

/// Text addressed by scalar positions: a whole anchoring text, or a window of one (for `Excerpt.mismatch`).
public protocol ScalarText {
    /// The length of the whole text, in scalars.
    var scalarCount: Int { get }
    /// The UTF-8 of scalars `range`, clamped to the text.
    func bytes(_ range: Range<Int>) -> ArraySlice<UInt8>
}

extension AnchoredText: ScalarText {}

/// A stretch of a longer anchoring text: scalars `first ..< first + text.scalarCount` of a text of `scalarCount`.
public struct TextWindow: ScalarText {
    public let text: AnchoredText
    public let first: Int
    public let scalarCount: Int

    /// `text` as scalars `first…` of a text `scalarCount` long.
    public init(text: AnchoredText, first: Int, scalarCount: Int) {
        self.text = text
        self.first = first
        self.scalarCount = scalarCount
    }

    public func bytes(_ range: Range<Int>) -> ArraySlice<UInt8> {
        let lo = max(0, min(range.lowerBound, scalarCount)), hi = max(lo, min(range.upperBound, scalarCount))
        // Outside what the window holds: no bytes, which no stored excerpt text equals (an excerpt is never empty).
        guard lo >= first, hi <= first + text.scalarCount else { return [] }
        return text.bytes(lo - first..<hi - first)
    }
}
