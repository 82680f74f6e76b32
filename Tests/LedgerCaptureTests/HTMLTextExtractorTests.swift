import Foundation
import LedgerCapture
import Testing

/// The fixtures (tools/make_html_fixtures.py) wrap corpus articles in navigation, scripts, comments, a cookie
/// banner, an ad, an aside, a form and footers: the extractor must give back the article's text and nothing else.
@Suite struct HTMLTextExtractorTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func fixture(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: fixtures.appendingPathComponent(name))) }

    @Test(arguments: ["article-en", "article-fr"])
    func extractsTheArticleTextOnly(name: String) throws {
        let text = try HTMLTextExtractor.extract(try Self.fixture("\(name).html"))
        let expected = String(decoding: try Self.fixture("\(name).expected.txt"), as: UTF8.self)
        #expect(text == expected)
        for furniture in ["cookies", "Advertisement", "tracking", "comment", "Most read", "newsletter", "Copyright", "Sport", "Share on X", "Tags:"] {
            #expect(!text.contains(furniture), "\(furniture) leaked into the text")
        }
    }

    @Test func withoutArticleOrMainTheDensestParagraphContainerWins() throws {
        let html = """
        <html><body><div class="menu"><p>Home</p></div>
        <div id="story"><h2>Title</h2><p>First paragraph of the story, long enough.</p><p>Second paragraph.</p></div>
        <div><p>Short.</p></div></body></html>
        """
        #expect(try HTMLTextExtractor.extract(Array(html.utf8)) == "Title\n\nFirst paragraph of the story, long enough.\n\nSecond paragraph.\n")
    }

    @Test func isDeterministic() throws {
        let bytes = try Self.fixture("article-en.html")
        #expect(try HTMLTextExtractor.extract(bytes) == HTMLTextExtractor.extract(bytes))
    }

    @Test func undecodableBytesAreRefused() {
        let bad: [UInt8] = Array("<html><head><meta charset=\"utf-8\"></head><body><p>caf".utf8) + [0xE9, 0xFF] + Array("</p></body></html>".utf8)
        #expect(throws: CaptureError("the HTML page is not valid utf-8 (its declared or default charset); save it with the right <meta charset>")) {
            try HTMLTextExtractor.extract(bad)
        }
    }

    @Test func unsupportedCharsetIsRefused() {
        let page = Array("<html><head><meta charset=\"koi8-r\"></head><body><p>text</p></body></html>".utf8)
        #expect(throws: CaptureError.self) { try HTMLTextExtractor.extract(page) }
    }

    @Test func aPageWithoutTextIsRefused() {
        #expect(throws: CaptureError("the HTML page holds no article text (no paragraphs, headings or list items found)")) {
            try HTMLTextExtractor.extract(Array("<html><body><nav><p>Menu</p></nav><script>x()</script></body></html>".utf8))
        }
    }
}
