/// Finds the first exact occurrence of each of many quotes in a text handed over piece by piece, in one pass
/// whatever the number of quotes: each position's next 8 bytes (fewer for shorter quotes) are looked up among
/// the quotes' first bytes, through a 64 Ki-bit filter, and only a hit is compared in full. Only the last
/// stretch of text as long as the longest quote is kept, so memory does not grow with the text.
///
/// Quotes are matched as their NFC UTF-8 against the text's UTF-8; UTF-8 being self-synchronizing, a match
/// starts and ends on scalar boundaries. Positions are in scalars of the whole text.
public struct QuoteScan {
    private let quotes: [[UInt8]]
    /// Quote indexes by the key of their first `min(8, count)` bytes (`key(_:at:length:)`), per key length.
    private var byKey: [Int: [UInt64: [Int]]] = [:]
    private var filter = [UInt64](repeating: 0, count: 1024)
    private let longest: Int
    private var buffer: [UInt8] = []
    /// The next start position in `buffer` to try, and its scalar index in the whole text.
    private var next = 0, nextScalar = 0
    /// `first[q]`: the scalar range of quote `q`'s first occurrence, once found.
    public private(set) var first: [Range<Int>?]
    private var remaining: Int

    /// A scan for `quotes` (an empty or blank quote is never found).
    public init(_ quotes: [String]) {
        self.quotes = quotes.map { Array(Normalization.nfc($0).utf8) }
        first = Array(repeating: nil, count: quotes.count)
        remaining = 0
        longest = self.quotes.map(\.count).max() ?? 0
        for (q, bytes) in self.quotes.enumerated() where !bytes.isEmpty {
            let length = min(8, bytes.count), k = Self.key(bytes[...], at: 0, length: length)
            byKey[length, default: [:]][k, default: []].append(q)
            filter[Int(Self.slot(k)) >> 6] |= 1 << (Self.slot(k) & 63)
            remaining += 1
        }
    }

    /// True once every quote that can be found was.
    public var complete: Bool { remaining == 0 }

    /// Feeds the next stretch of the text's UTF-8.
    public mutating func feed(_ utf8: some Collection<UInt8>) {
        guard !complete else { return }
        buffer.append(contentsOf: utf8)
        scan(upTo: buffer.count - longest)
        if next > 1 << 16 {  // drop what no quote can still start in
            buffer.removeFirst(next)
            next = 0
        }
    }

    /// Ends the text: tries the positions that were waiting for more bytes.
    public mutating func finish() {
        guard !complete else { return }
        scan(upTo: buffer.count)
    }

    private mutating func scan(upTo end: Int) {
        guard next < end else { return }
        let lengths = byKey.keys.sorted()
        while next < end && !complete {
            let b = buffer[next]
            if b & 0xC0 != 0x80 {
                for length in lengths where next + length <= buffer.count {
                    let k = Self.key(buffer[...], at: next, length: length), s = Self.slot(k)
                    guard filter[Int(s) >> 6] & (1 << (s & 63)) != 0, let candidates = byKey[length]?[k] else { continue }
                    for q in candidates where first[q] == nil && next + quotes[q].count <= buffer.count
                        && buffer[next..<next + quotes[q].count].elementsEqual(quotes[q]) {
                        let scalars = quotes[q].lazy.filter { $0 & 0xC0 != 0x80 }.count
                        first[q] = nextScalar..<nextScalar + scalars
                        remaining -= 1
                    }
                }
                nextScalar += 1
            }
            next += 1
        }
    }

    /// The first `length` (1…8) bytes at `offset`, as one number (with the length, so keys of different lengths differ).
    private static func key(_ bytes: ArraySlice<UInt8>, at offset: Int, length: Int) -> UInt64 {
        var k: UInt64 = 0
        for i in 0..<length { k = k << 8 | UInt64(bytes[bytes.startIndex + offset + i]) }
        return k
    }

    private static func slot(_ k: UInt64) -> UInt64 { (k &* 0x9E37_79B9_7F4A_7C15) >> 48 }
}
