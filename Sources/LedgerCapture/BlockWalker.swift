/// Step 4 of `HTMLTextExtractor`'s rule: collects the text blocks of the article element in document order.
struct BlockWalker {
    static let blockNames: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "blockquote", "li", "pre", "figcaption"]
    /// Elements that hold blocks without being one (their loose text still forms a block of its own).
    static let containers: Set<String> = ["div", "section", "article", "main", "header", "ul", "ol", "dl", "figure", "body", "html", "table", "tbody", "tr", "td"]

    private(set) var blocks: [String] = []
    private var loose = ""

    /// Walks `n`, appending its blocks.
    mutating func walk(_ n: HTMLDocument.Node, insideArticle: Bool) {
        if n.isText { loose += n.text; return }
        guard n.isElement, !Boilerplate.drops(n, insideArticle: insideArticle) else { return }
        let inside = insideArticle || n.name == "article"
        if Self.blockNames.contains(n.name) && !Self.holdsBlock(n, insideArticle: inside) {
            flush()
            append(Self.plainText(n, insideArticle: inside))
            return
        }
        if Self.blockNames.contains(n.name) || Self.containers.contains(n.name) { flush() }
        for c in n.children { walk(c, insideArticle: inside) }
        if Self.blockNames.contains(n.name) || Self.containers.contains(n.name) { flush() }
    }

    /// Ends the run of loose text, making it a block when it holds anything.
    mutating func flush() {
        append(loose)
        loose = ""
    }

    private mutating func append(_ raw: String) {
        let t = Self.collapse(raw)
        if !t.isEmpty { blocks.append(t) }
    }

    static func holdsBlock(_ n: HTMLDocument.Node, insideArticle: Bool) -> Bool {
        n.children.contains { c in
            c.isElement && !Boilerplate.drops(c, insideArticle: insideArticle) && (blockNames.contains(c.name) || holdsBlock(c, insideArticle: insideArticle))
        }
    }

    /// The text of `n`'s subtree outside dropped elements, white space collapsed.
    static func plainText(_ n: HTMLDocument.Node, insideArticle: Bool = false) -> String {
        var out = ""
        func visit(_ m: HTMLDocument.Node) {
            if m.isText { out += m.text; return }
            guard m.isElement, !Boilerplate.drops(m, insideArticle: insideArticle) else { return }
            if m.name == "br" { out += " " }
            m.children.forEach(visit)
        }
        visit(n)
        return collapse(out)
    }

    /// Runs of HTML white space (space, tab, LF, FF, CR) become one space; the ends are trimmed.
    static func collapse(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for c in s.unicodeScalars {
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(c)
            }
        }
        return String(out)
    }
}
