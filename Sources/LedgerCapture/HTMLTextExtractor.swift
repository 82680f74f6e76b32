import LedgerCore

/// Extracts the main text of an article page, deterministically (`Extractor.html`), with libxml2's HTML parser.
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
///    its own anchoring text (DESIGN §3).
public enum HTMLTextExtractor {
    /// The main text of the HTML page `bytes`, or a `CaptureError` when they cannot be decoded or hold no text.
    /// `charset` is the charset the page was served with, if known (nil for a saved page).
    public static func extract(_ bytes: [UInt8], charset: String? = nil) throws(CaptureError) -> String {
        guard !bytes.isEmpty else { throw CaptureError("the HTML file is empty") }
        let utf8: [UInt8]
        if let (encoding, length) = HTMLCharset.byteOrderMark(bytes) {
            guard let s = HTMLCharset.decode(bytes[length...], encoding) else {
                throw CaptureError("the HTML page starts with a \(encoding) byte-order mark but is not valid \(encoding)")
            }
            utf8 = Array(s.utf8)
        } else {
            guard let probe = HTMLDocument(bytes, encoding: nil) else { throw CaptureError("the file could not be parsed as HTML") }
            let label = charset ?? probe.declaredEncoding ?? "UTF-8"
            guard let encoding = HTMLCharset.encoding(named: label) else {
                throw CaptureError("the HTML page declares the charset \"\(label.prefix(40))\", which is not supported (save it as UTF-8, ISO-8859-1 or windows-1252)")
            }
            guard let s = HTMLCharset.decode(bytes[...], encoding) else {
                throw CaptureError("the HTML page is not valid \(label.prefix(40)) (its declared or default charset); save it with the right <meta charset>")
            }
            utf8 = Array(s.utf8)
        }
        guard !utf8.isEmpty, let doc = HTMLDocument(utf8, encoding: "UTF-8"), let root = doc.root else {
            throw CaptureError("the file could not be parsed as HTML")
        }
        var walker = BlockWalker()
        walker.walk(article(in: root), insideArticle: false)
        walker.flush()
        guard !walker.blocks.isEmpty else { throw CaptureError("the HTML page holds no article text (no paragraphs, headings or list items found)") }
        return Normalization.nfc(walker.blocks.joined(separator: "\n\n") + "\n")
    }

    /// Step 3: the element holding the article.
    static func article(in root: HTMLDocument.Node) -> HTMLDocument.Node {
        if let a = first(named: "article", in: root) ?? first(named: "main", in: root) { return a }
        var best: (node: HTMLDocument.Node, score: Int)?
        var body: HTMLDocument.Node?
        func visit(_ n: HTMLDocument.Node) {
            guard n.isElement, !Boilerplate.drops(n, insideArticle: false) else { return }
            if n.name == "body", body == nil { body = n }
            let score = n.children.filter { $0.isElement && $0.name == "p" }.reduce(0) { $0 + BlockWalker.plainText($1).unicodeScalars.count }
            if score > 0, score > (best?.score ?? 0) { best = (n, score) }
            n.children.forEach(visit)
        }
        visit(root)
        return best?.node ?? body ?? root
    }

    /// The first element named `name` in document order, outside dropped subtrees.
    static func first(named name: String, in n: HTMLDocument.Node) -> HTMLDocument.Node? {
        guard n.isElement, !Boilerplate.drops(n, insideArticle: false) else { return nil }
        if n.name == name { return n }
        for c in n.children { if let f = first(named: name, in: c) { return f } }
        return nil
    }
}
