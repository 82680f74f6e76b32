/// A source's anchoring text as an audit reads it: whether a stored excerpt is exactly where it says, and where
/// quotes occur exactly. `WholeSourceText` holds a small text; `WindowedSourceText` re-derives stretches of a large
/// one from its raw bytes (`SourceIndex`), so the memory used does not grow with the source.
public protocol SourceTextReader {
    /// Why the stored excerpt (`exact`, `prefix`, `suffix`, `start`, `end`, `sha256`) is not exactly at its
    /// position in the text (`Excerpt.mismatch`), or nil when it is.
    func mismatch(_ excerpt: Excerpt) throws -> String?
    /// The scalar range of each quote's first exact occurrence (after NFC), in one pass over the text.
    func firstOccurrences(of quotes: [String]) throws -> [Range<Int>?]
}

/// A source's anchoring text held whole.
public struct WholeSourceText: SourceTextReader {
    public let text: AnchoredText

    public init(_ text: String) { self.text = AnchoredText(text) }

    public func mismatch(_ excerpt: Excerpt) -> String? { excerpt.mismatch(in: text) }

    public func firstOccurrences(of quotes: [String]) -> [Range<Int>?] {
        var scan = QuoteScan(quotes)
        scan.feed(text.utf8)
        scan.finish()
        return scan.first
    }
}

/// A large source's anchoring text, read from its raw bytes when needed: a window around each excerpt to check
/// it, one streaming pass to find quotes.
public struct WindowedSourceText: SourceTextReader {
    public let index: SourceIndex
    /// Hands over the raw bytes from offset `offset` on, in order, until `body` returns false.
    let read: (_ offset: Int, _ body: (ArraySlice<UInt8>) throws -> Bool) throws -> Void

    /// A reader over the text `index` describes, whose raw bytes `read(offset, body)` hands over.
    public init(index: SourceIndex, read: @escaping (_ offset: Int, _ body: (ArraySlice<UInt8>) throws -> Bool) throws -> Void) {
        self.index = index
        self.read = read
    }

    public func mismatch(_ excerpt: Excerpt) throws -> String? {
        // A position outside the text, or an excerpt longer than an entry can hold, gets an empty window, and
        // `mismatch` says what is wrong with it.
        let (start, end) = (excerpt.start, excerpt.end)
        let plausible = 0 <= start && start < end && end <= index.scalarCount && end - start <= Entry.maxBytes
        let window = !plausible ? TextWindow(text: AnchoredText(""), first: 0, scalarCount: index.scalarCount)
            : try index.window(start - Excerpt.contextLength..<end + Excerpt.contextLength, read: read)
        return excerpt.mismatch(in: window)
    }

    public func firstOccurrences(of quotes: [String]) throws -> [Range<Int>?] {
        var scan = QuoteScan(quotes), stream = AnchoringStream()
        try read(0) { chunk in
            stream.feed(chunk) { scan.feed($0.text.utf8) }
            return !scan.complete
        }
        stream.finish { scan.feed($0.text.utf8) }
        scan.finish()
        return scan.first
    }
}
