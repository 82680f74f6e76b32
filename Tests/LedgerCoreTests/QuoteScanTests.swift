import LedgerCore
import Testing

/// `QuoteScan` finds each quote's first exact occurrence, whatever the pieces the text comes in, as a plain
/// search over the whole text does; the windowed reader of a large source finds the same as the whole one.
@Suite struct QuoteScanTests {
    /// The first scalar range of `quote` in `text`, searched the straightforward way (the reference).
    static func reference(_ quote: [Unicode.Scalar], in text: [Unicode.Scalar]) -> Range<Int>? {
        guard !quote.isEmpty, quote.count <= text.count else { return nil }
        for i in 0...(text.count - quote.count) where text[i..<i + quote.count].elementsEqual(quote) { return i..<i + quote.count }
        return nil
    }

    static func quotes(in text: [Unicode.Scalar], seed: UInt64) -> [String] {
        var state = seed
        func next(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) % n }
        var out = (0..<60).map { _ -> String in
            let length = [1, 2, 3, 7, 8, 9, 40, 300][next(8)], start = next(text.count - length)
            return String(String.UnicodeScalarView(text[start..<start + length]))
        }
        out += ["not in the text at all", "", String(String.UnicodeScalarView(text.suffix(5)))]
        return out
    }

    @Test(arguments: [1, 7, 4096, 1 << 20])
    func findsWhatAPlainSearchFinds(chunk: Int) throws {
        let whole = try #require(SourceIndexTests.wholeAnchoringText(SourceIndexTests.text(seed: 11, scalars: 30_000)))
        let scalars = Array(whole.unicodeScalars), quotes = Self.quotes(in: scalars, seed: UInt64(chunk))
        var scan = QuoteScan(quotes)
        let utf8 = Array(whole.utf8)
        for start in stride(from: 0, to: utf8.count, by: chunk) { scan.feed(utf8[start..<min(utf8.count, start + chunk)]) }
        scan.finish()
        for (q, quote) in quotes.enumerated() {
            #expect(scan.first[q] == Self.reference(Array(quote.unicodeScalars), in: scalars), "quote \(q): \(quote.debugDescription)")
        }
        #expect(scan.first[quotes.count - 3] == nil && scan.first[quotes.count - 2] == nil)
    }

    @Test func aQuoteIsMatchedAfterNFC() {
        var scan = QuoteScan(["cafe\u{301}"])  // decomposed, as a user might type it
        scan.feed(Array("un café".utf8))
        scan.finish()
        #expect(scan.first == [3..<7])
    }

    @Test func theWindowedReaderFindsWhatTheWholeTextHolds() throws {
        let bytes = SourceIndexTests.text(seed: 5, scalars: 200_000)  // CRLF, lone CR and decomposed accents in raw bytes
        let whole = try #require(SourceIndexTests.wholeAnchoringText(bytes))
        let quotes = Self.quotes(in: Array(whole.unicodeScalars), seed: 3)
        let index = try SourceIndexTests.index(bytes, chunk: 65_536)
        let windowed = WindowedSourceText(index: index) { offset, body in
            var at = offset
            while at < bytes.count, try body(bytes[at..<min(bytes.count, at + 5000)]) { at += 5000 }
        }
        #expect(try windowed.firstOccurrences(of: quotes) == WholeSourceText(whole).firstOccurrences(of: quotes))
    }
}
