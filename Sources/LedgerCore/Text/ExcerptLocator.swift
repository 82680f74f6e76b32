import Foundation

/// Finds where a quoted passage sits in a source's anchoring text.
///
/// The quote is first looked for exactly (after NFC); only if that fails, through the `MatchKey`, so a
/// quote typed with straight quotes, plain spaces or other case still anchors — to the exact snapshot text.
/// More than one place is an error unless the caller picks one with `occurrence` (1-based).
/// The text's match key is built the first time a quote is not found exactly, then kept.
public final class ExcerptLocator {
    /// The anchoring text, as scalars.
    public let text: [Unicode.Scalar]
    private let anchored: AnchoredText
    private lazy var key = MatchKey(text)
    private lazy var keyValues = key.scalars.map(\.value)

    /// A locator over one source's anchoring text.
    public init(text: String) {
        self.text = Array(text.unicodeScalars)
        anchored = AnchoredText(text)
    }

    /// One place a quote was found, with a little context for the user to choose from.
    public struct Occurrence: Equatable, Sendable {
        public let start: Int
        public let end: Int
        /// About 30 scalars either side, with the match in [brackets], on one line (filled in only when the
        /// places are shown to the user, i.e. when a quote is ambiguous).
        public let context: String
    }

    /// Locates `quote`; `occurrence` chooses among several places (1-based).
    public func locate(_ quote: String, occurrence: Int? = nil) throws(ExcerptError) -> Excerpt {
        let places = find(quote)
        guard !places.isEmpty else { throw ExcerptError.notFound }
        if let n = occurrence {
            guard 1 <= n, n <= places.count else { throw ExcerptError.noSuchOccurrence(n, found: places.count) }
            return Excerpt(text: anchored, start: places[n - 1].start, end: places[n - 1].end)
        }
        guard places.count == 1 else {
            throw ExcerptError.ambiguous(places.map { Occurrence(start: $0.start, end: $0.end, context: context($0.start, $0.end)) })
        }
        return Excerpt(text: anchored, start: places[0].start, end: places[0].end)
    }

    /// Every place `quote` occurs: exact matches if there are any, otherwise match-key matches.
    public func find(_ quote: String) -> [Occurrence] {
        let exact = Array(Normalization.nfc(quote).utf8)
        guard !exact.isEmpty, !quote.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { return [] }
        // UTF-8 is self-synchronizing: a match of whole scalars' bytes starts and ends on scalar boundaries.
        var ranges = ExcerptLocator.searchBytes(exact, in: anchored.utf8).map { (anchored.scalarIndex(ofByte: $0), anchored.scalarIndex(ofByte: $0 + exact.count)) }
        if ranges.isEmpty {
            let loose = MatchKey.ofQuote(quote).map(\.value)
            ranges = ExcerptLocator.search(loose, in: keyValues).map { (key.origins[$0], key.origins[$0 + loose.count - 1] + 1) }
        }
        return ranges.map { Occurrence(start: $0.0, end: $0.1, context: "") }
    }

    private func context(_ start: Int, _ end: Int) -> String {
        func flat(_ r: Range<Int>) -> String {
            String(String.UnicodeScalarView(text[r].map { $0.properties.isWhitespace ? " " : $0 }))
        }
        let before = flat(max(0, start - 30)..<start), after = flat(end..<min(text.count, end + 30))
        return "…\(before)[\(flat(start..<end))]\(after)…"
    }

    /// Start offsets of every (possibly overlapping) occurrence of the bytes `needle` in `haystack`: candidates found
    /// with the C library's vectorized `memchr`, confirmed with `memcmp`.
    static func searchBytes(_ needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        return haystack.withUnsafeBytes { h in
            needle.withUnsafeBytes { n in
                var found: [Int] = []
                var from = 0
                let first = Int32(n[0])
                while from + n.count <= h.count,
                      let hit = memchr(h.baseAddress! + from, first, h.count - n.count + 1 - from) {
                    let at = h.baseAddress!.distance(to: UnsafeRawPointer(hit))
                    if memcmp(h.baseAddress! + at, n.baseAddress!, n.count) == 0 { found.append(at) }
                    from = at + 1
                }
                return found
            }
        }
    }

    /// Start offsets of every (possibly overlapping) occurrence of `needle` in `haystack`.
    static func search<T: FixedWidthInteger>(_ needle: [T], in haystack: [T]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                var found: [Int] = []
                let first = n[0], count = n.count, last = h.count - count
                var i = 0
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < count && h[i + j] == n[j] { j += 1 }
                        if j == count { found.append(i) }
                    }
                    i += 1
                }
                return found
            }
        }
    }
}

/// Why a quote could not be anchored in its source.
public enum ExcerptError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Neither exactly nor loosely in the source.
    case notFound
    /// In the source more than once; the caller must choose with an occurrence number.
    case ambiguous([ExcerptLocator.Occurrence])
    /// An occurrence number beyond the places found.
    case noSuchOccurrence(Int, found: Int)

    public var description: String {
        switch self {
        case .notFound:
            "the excerpt is not in the source (not even ignoring case, quote style, dashes and spacing)"
        case .ambiguous(let places):
            "the excerpt occurs \(places.count) times in the source; choose one with --occurrence N: "
                + places.enumerated().map { "(\($0.offset + 1)) at \($0.element.start): \($0.element.context)" }.joined(separator: "; ")
        case .noSuchOccurrence(let n, let found):
            "--occurrence \(n) is out of range: the excerpt occurs \(found) time\(found == 1 ? "" : "s")"
        }
    }
}
