import LedgerCore

/// Extracts the main text of an article page, deterministically (`Extractor.html`), with libxml2's HTML parser
/// read as a stream (`HTMLStream`): memory holds the page's bytes, the text and the open elements, never a tree.
///
/// The rule:
/// 1. The charset is decided by `HTMLCharset` (BOM, else declared, else UTF-8) and decoded strictly. A capture
///    whose transport named a charset (an archived HTTP response's `Content-Type`) passes it as `charset`: it then
///    comes before the declared one, as in a browser.
/// 2. Boilerplate subtrees are dropped wherever they are: `script`, `style`, `noscript`, `template`, `nav`,
///    `aside`, `footer`, `form`, `button`, `select`, `iframe`, `svg`, comments, elements with `hidden` or
///    `aria-hidden="true"`, roles `navigation`, `banner`, `contentinfo`, `complementary`, `dialog`, `alert`, and
///    elements whose `id` or `class` tokens (split at anything not a letter or digit) include `cookie`,
///    `consent`, `gdpr`, `ad`, `ads`, `advert`, `advertisement`, `sponsored`, `promo`, `newsletter`,
///    `share`, `social`, `related` or `banner`. A `header` is dropped unless it is inside an `article`
///    (where it holds the headline).
/// 3. The article is the first `<article>`; else the first `<main>`; else the element whose own `<p>` children
///    hold the most characters of text (the first in document order on a tie); else `<body>`.
/// 4. Its text blocks are, in document order, the innermost `h1`–`h6`, `p`, `blockquote`, `li`, `pre`
///    and `figcaption` elements (a block holding other blocks gives only theirs), plus any text directly in the
///    article between blocks. Within a block, runs of white space become one space and the ends are trimmed
///    (`br` counts as white space); empty blocks are left out.
/// 5. The text is the blocks joined by a blank line ("\n\n"), ending with one "\n", then NFC-normalized: it is
///    its own anchoring text (DESIGN §3). (Each block is normalized as it ends: a line feed never composes or
///    reorders with its neighbours, so this is the NFC of the whole.)
///
/// The page is parsed up to three times, each as libxml2 parsed it when it built a DOM (extractor "html" version 1,
/// whose outputs Tests/LedgerCaptureTests/Fixtures/extractor keep): the undecoded bytes until libxml2 takes a
/// charset from a `<meta>` (step 1), the decoded text to find the article (step 3), and again to read its
/// blocks, stopping at its end (step 4).
public enum HTMLTextExtractor {
    /// The main text of the HTML page `bytes`, or a `CaptureError` when they cannot be decoded or hold no text.
    /// `charset` is the charset the page was served with, if known (nil for a saved page).
    public static func extract(_ bytes: [UInt8], charset: String? = nil) throws(CaptureError) -> String {
        guard !bytes.isEmpty else { throw CaptureError("the HTML file is empty") }
        let source: UTF8Source
        if let (encoding, length) = HTMLCharset.byteOrderMark(bytes) {
            guard let s = HTMLCharset.utf8(bytes[length...], encoding) else {
                throw CaptureError("the HTML page starts with a \(encoding) byte-order mark but is not valid \(encoding)")
            }
            source = s
        } else {
            let probe = HTMLStream.parse(UTF8Source(bytes[...]), encoding: nil, into: Ignoring(),
                                         stopWhenEncodingKnown: true, stopAtDocumentStart: charset != nil)
            guard probe.document else { throw CaptureError("the file could not be parsed as HTML") }
            let label = charset ?? probe.declaredEncoding ?? "UTF-8"
            guard let encoding = HTMLCharset.encoding(named: label) else {
                throw CaptureError("the HTML page declares the charset \"\(label.prefix(40))\", which is not supported (save it as UTF-8, ISO-8859-1 or windows-1252)")
            }
            guard let s = HTMLCharset.utf8(bytes[...], encoding) else {
                throw CaptureError("the HTML page is not valid \(label.prefix(40)) (its declared or default charset); save it with the right <meta charset>")
            }
            source = s
        }
        let finder = ArticleFinder()
        guard !source.isEmpty, HTMLStream.parse(source, encoding: "UTF-8", into: finder).root else {
            throw CaptureError("the file could not be parsed as HTML")
        }
        source.rewind()
        let walker = BlockWalker(article: finder.article, holdsBlock: finder.holdsBlock)
        HTMLStream.parse(source, encoding: "UTF-8", into: walker)
        guard !walker.text.isEmpty else { throw CaptureError("the HTML page holds no article text (no paragraphs, headings or list items found)") }
        return walker.finish()
    }

    /// The charset probe needs no tree.
    private final class Ignoring: HTMLTreeConsumer {
        func enter(_ element: HTMLElement) {}
        func text(_ utf8: UnsafeBufferPointer<UInt8>) {}
        func exit() {}
        var done: Bool { false }
    }
}
