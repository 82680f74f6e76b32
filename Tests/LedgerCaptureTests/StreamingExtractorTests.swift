import Foundation
@testable import LedgerCapture
import LedgerCore
import Testing

/// The claims the streaming extractor rests on beyond the golden outputs (ExtractorGoldenTests): normalizing each
/// block is normalizing the text, the chunked decoders decode as Foundation does whole, and a page is read in
/// windows, never whole.
@Suite struct StreamingExtractorTests {
    /// Blocks that end with a base letter and start with a combining mark, Hangul jamo that would compose if
    /// adjacent, marks out of canonical order: NFC of the "\n\n"-joined text is the join of each block's NFC.
    @Test func normalizingEachBlockIsNormalizingTheText() throws {
        let blocks = ["cafe", "\u{301}starts with a mark", "e\u{301}\u{327}", "\u{1100}", "\u{1161}x", "\u{327}\u{301}", "A\u{30A}", "\u{212B}", "ﬁ"]
        for a in blocks {
            for b in blocks {
                #expect(Normalization.nfc(a + "\n\n" + b + "\n") == Normalization.nfc(a) + "\n\n" + Normalization.nfc(b) + "\n")
            }
        }
        let page = "<article><p>cafe</p><p>\u{301}mark first</p><p>e\u{301}</p></article>"
        #expect(try HTMLTextExtractor.extract(Array(page.utf8)) == "cafe\n\n\u{301}mark first\n\n\u{E9}\n")
    }

    /// A single-byte charset is decoded a byte at a time through Foundation's table: the same text, and the same
    /// refusals, as Foundation decoding the whole page.
    @Test(arguments: [String.Encoding.ascii, .isoLatin1, .windowsCP1252])
    func singleByteTableDecodesAsFoundationDoes(encoding: String.Encoding) throws {
        let table = HTMLCharset.singleByteTable(encoding)
        let valid = (0...255).map(UInt8.init).filter { table[Int($0)] != nil }
        let page = valid + valid.reversed() + Array("<p>x</p>".utf8)
        let source = try #require(HTMLCharset.utf8(page[...], encoding))
        #expect(String(decoding: source.whole(), as: UTF8.self) == String(bytes: page, encoding: encoding))
        for b in 0...255 where table[b] == nil {
            #expect(String(bytes: page + [UInt8(b)], encoding: encoding) == nil)
            #expect(HTMLCharset.utf8((page + [UInt8(b)])[...], encoding) == nil)
        }
        // Read back in windows of every size up to 7 bytes: the same bytes.
        for window in 1...7 {
            source.rewind()
            var out: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: window)
            while true {
                let n = buffer.withUnsafeMutableBufferPointer { source.read(into: $0.baseAddress!, capacity: window) }
                if n == 0 { break }
                out += buffer[..<n]
            }
            source.rewind()
            #expect(out == source.whole())
        }
    }

    /// UTF-8 is validated a chunk at a time, cut before lead bytes: the verdict of validating it whole.
    @Test func chunkedUTF8ValidationAgreesWithWholeValidation() {
        var g = LargePageGoldenTests.Generator(state: 7)
        let pieces: [[UInt8]] = [Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0x41], [0xC3], [0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF]]
        for round in 0..<60 {
            var bytes: [UInt8] = []
            let target = 65_530 + g.next(20)
            while bytes.count < target { bytes += pieces[g.next(round < 20 ? 3 : pieces.count)] }
            #expect(HTMLCharset.isValidUTF8(bytes[...]) == (String(validating: bytes, as: UTF8.self) != nil))
        }
    }

    /// The parser reads the page through a window: a 2 MB page is never handed over whole (only a page whose
    /// first bytes make libxml2 switch to UTF-16 or UCS-4 is), and the largest read is libxml2's window.
    @Test func thePageIsReadInWindows() {
        final class Counting: HTMLByteSource {
            let inner: UTF8Source
            var largest = 0, wholeCalls = 0
            init(_ inner: UTF8Source) { self.inner = inner }
            func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int {
                let n = inner.read(into: buffer, capacity: capacity)
                largest = max(largest, n)
                return n
            }
            func peek(_ count: Int) -> [UInt8] { inner.peek(count) }
            func skip(_ count: Int) { inner.skip(count) }
            func whole() -> [UInt8] { wholeCalls += 1; return inner.whole() }
        }
        final class Counter: HTMLTreeConsumer {
            var paragraphs = 0
            func enter(_ element: HTMLElement) { if element.name == "p" { paragraphs += 1 } }
            func text(_ utf8: UnsafeBufferPointer<UInt8>) {}
            func exit() {}
            var done: Bool { false }
        }
        let page = "<article>" + String(repeating: "<p>some words of text</p>\n", count: 80_000) + "</article>"
        let source = Counting(UTF8Source(Array(page.utf8)[...]))
        let counter = Counter()
        let outcome = HTMLStream.parse(source, encoding: "UTF-8", into: counter)
        #expect(outcome.document && outcome.root)
        #expect(counter.paragraphs == 80_000)
        #expect(source.wholeCalls == 0)
        #expect(source.largest > 0 && source.largest <= 64 * 1024)
    }
}
