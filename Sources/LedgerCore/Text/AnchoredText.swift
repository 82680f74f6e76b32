/// A source's anchoring text as UTF-8 bytes with the byte offset of every Unicode scalar, so that a
/// stored excerpt (positions in scalars) can be checked by comparing and hashing bytes, with no copying.
public struct AnchoredText: Sendable {
    /// The text's UTF-8 bytes.
    public let utf8: [UInt8]
    /// `offsets[i]` is where scalar i starts; `offsets[scalarCount]` is `utf8.count`.
    private let offsets: [Int32]

    public init(_ text: String) {
        utf8 = Array(text.utf8)
        var offsets: [Int32] = []
        offsets.reserveCapacity(utf8.count + 1)
        for (i, b) in utf8.enumerated() where b & 0xC0 != 0x80 { offsets.append(Int32(i)) }
        offsets.append(Int32(utf8.count))
        self.offsets = offsets
    }

    /// The number of scalars.
    public var scalarCount: Int { offsets.count - 1 }

    /// The index of the scalar that starts at UTF-8 offset `byte` (or `scalarCount` at the end).
    public func scalarIndex(ofByte byte: Int) -> Int {
        var lo = 0, hi = offsets.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(offsets[mid]) < byte { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The bytes of scalars `range` (clamped to the text).
    public func bytes(_ range: Range<Int>) -> ArraySlice<UInt8> {
        let lo = max(0, min(range.lowerBound, scalarCount)), hi = max(lo, min(range.upperBound, scalarCount))
        return utf8[Int(offsets[lo])..<Int(offsets[hi])]
    }
}
