/// The anchoring text of a source (`Normalization.anchoringText`) computed piece by piece from its raw bytes,
/// so that a source of any size is read in bounded memory.
///
/// Raw bytes are cut only just before a scalar that no normalization joins to what precedes it: an ASCII byte
/// (never the second of an NFC composition pair and of combining class 0, so nothing reorders across it), or,
/// in a long run without one, a CJK ideograph or a Hangul syllable (likewise). NFC of the pieces, concatenated,
/// is then NFC of the whole. A CR at the end of one piece is remembered, so that an LF starting the next is
/// dropped exactly as in the whole text.
public struct AnchoringStream {
    /// One piece of the anchoring text and where it came from.
    public struct Piece {
        /// The piece's anchoring text (NFC, line ends as LF).
        public let text: String
        /// The raw byte offset at which the piece starts.
        public let rawOffset: Int
        /// Whether the raw byte before the piece was a CR (an LF starting it belongs to that line end).
        public let afterCR: Bool
    }

    /// Raw bytes gathered before a piece is cut at the next safe place.
    public static let pieceSize = 64 << 10
    /// Beyond this many raw bytes without an ASCII byte, a piece is also cut before a CJK or Hangul starter.
    static let hardLimit = 1 << 20

    private var pending: [UInt8] = []
    private var pendingOffset: Int
    private var afterCR: Bool
    /// False once the bytes are found not to be valid UTF-8 (the whole source has no anchoring text).
    public private(set) var isValid = true

    /// A stream starting at raw offset `offset` (a place a piece started, with its `afterCR`).
    public init(offset: Int = 0, afterCR: Bool = false) {
        pendingOffset = offset
        self.afterCR = afterCR
    }

    /// Feeds raw bytes; calls `emit` for every piece that is complete.
    public mutating func feed(_ bytes: some Collection<UInt8>, _ emit: (Piece) throws -> Void) rethrows {
        pending.append(contentsOf: bytes)
        var start = 0
        while isValid, pending.count - start > Self.pieceSize, let cut = Self.cut(in: pending, from: start + Self.pieceSize) {
            try emitPiece(pending[start..<cut], emit)
            start = cut
        }
        if start > 0 { pending.removeFirst(start) }
    }

    /// Emits what is left: call once at the end of the bytes.
    public mutating func finish(_ emit: (Piece) throws -> Void) rethrows {
        if !pending.isEmpty { try emitPiece(pending[...], emit) }
        pending = []
    }

    private mutating func emitPiece(_ raw: ArraySlice<UInt8>, _ emit: (Piece) throws -> Void) rethrows {
        guard isValid else { return }
        guard let decoded = String(validating: raw, as: UTF8.self) else { isValid = false; return }
        var text = Normalization.nfc(decoded)
        if text.utf8.contains(0x0D) || (afterCR && text.utf8.first == 0x0A) {
            var out = String.UnicodeScalarView()
            var previousWasCR = afterCR
            for scalar in text.unicodeScalars {
                if scalar == "\r" { out.append("\n") } else if !(scalar == "\n" && previousWasCR) { out.append(scalar) }
                previousWasCR = scalar == "\r"
            }
            text = String(out)
        }
        let piece = Piece(text: text, rawOffset: pendingOffset, afterCR: afterCR)
        pendingOffset += raw.count
        afterCR = raw.last == 0x0D
        try emit(piece)
    }

    /// The first safe cut at or after `from`, or nil when none is in the bytes yet.
    static func cut(in bytes: [UInt8], from: Int) -> Int? {
        var i = from
        while i < bytes.count {
            if bytes[i] < 0x80 { return i }
            if i - from > hardLimit, bytes[i] & 0xC0 != 0x80, isUnjoinableStarter(bytes, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// A three-byte sequence at `i` encoding a CJK unified ideograph (U+4E00–9FFF) or a Hangul syllable (U+AC00–D7A3).
    static func isUnjoinableStarter(_ b: [UInt8], at i: Int) -> Bool {
        guard i + 2 < b.count, b[i] & 0xF0 == 0xE0 else { return false }
        let scalar = UInt32(b[i] & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
        return (0x4E00...0x9FFF).contains(scalar) || (0xAC00...0xD7A3).contains(scalar)
    }
}
