import LedgerCore

/// Step 4 of `HTMLTextExtractor`'s rule, on the second pass over the page: collects the text blocks of the article
/// element (found by `ArticleFinder`) in document order, each NFC-normalized as it ends, into `text`.
///
/// Walking the article, an element dropped by `Boilerplate` is skipped with its subtree; a block element holding no
/// other block gives one block, its subtree's text (`br` as a space, dropped descendants left out); any other
/// element is walked into, its text directly or in inline elements running into a loose block, which a block or
/// container element's start or end closes. Only the block being read is held.
final class BlockWalker: HTMLTreeConsumer {
    static let blockNames: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "blockquote", "li", "pre", "figcaption"]
    /// Elements that hold blocks without being one (their loose text still forms a block of its own).
    static let containers: Set<String> = ["div", "section", "article", "main", "header", "ul", "ol", "dl", "figure", "body", "html", "table", "tbody", "tr", "td"]

    private enum Frame {
        /// Before or after the article.
        case outside
        /// Dropped, or inside a dropped element.
        case dropped
        /// Walked into; `boundary`: a block or container, whose start and end close the loose block.
        case walk(insideArticle: Bool, boundary: Bool)
        /// Inside a block that is read whole, with the block's `insideArticle`.
        case read(insideArticle: Bool)
    }

    private let article: Int
    private let holdsBlock: [UInt8]
    private var frames: [Frame] = []
    private var index = 0
    private var blockNumber = 0
    private var loose = Collapsed()
    private var block = Collapsed()
    /// The blocks so far, NFC each, joined by blank lines.
    private(set) var text = ""
    private(set) var done = false

    /// `article`: the article element's index (`ArticleFinder.article`); `holdsBlock`: `ArticleFinder.holdsBlock`.
    init(article: Int, holdsBlock: [UInt8]) {
        self.article = article
        self.holdsBlock = holdsBlock
    }

    func enter(_ element: HTMLElement) {
        let i = index
        index += 1
        var number: Int?
        if Self.blockNames.contains(element.name) {
            number = blockNumber
            blockNumber += 1
        }
        switch frames.last {
        case nil, .outside:
            if i == article { walk(element, insideArticle: false, number: number) } else { frames.append(.outside) }
        case .dropped:
            frames.append(.dropped)
        case .walk(let inside, _):
            walk(element, insideArticle: inside, number: number)
        case .read(let inside):
            if Boilerplate.drops(element, insideArticle: inside) {
                frames.append(.dropped)
            } else {
                if element.name == "br" { block.add(0x20) }
                frames.append(.read(insideArticle: inside))
            }
        }
    }

    private func walk(_ element: HTMLElement, insideArticle: Bool, number: Int?) {
        guard !Boilerplate.drops(element, insideArticle: insideArticle) else { frames.append(.dropped); return }
        let inside = insideArticle || element.name == "article"
        if let number, holdsBlock[number] & (inside ? 2 : 1) == 0 {
            flush()
            block = Collapsed()
            frames.append(.read(insideArticle: inside))
            return
        }
        let boundary = number != nil || Self.containers.contains(element.name)
        if boundary { flush() }
        frames.append(.walk(insideArticle: inside, boundary: boundary))
    }

    func text(_ utf8: UnsafeBufferPointer<UInt8>) {
        switch frames.last {
        case .walk: for b in utf8 { loose.add(b) }
        case .read: for b in utf8 { block.add(b) }
        default: break
        }
    }

    func exit() {
        guard let frame = frames.popLast() else { return }
        switch frame {
        case .outside: return
        case .walk(_, let boundary): if boundary { flush() }
        case .read:
            if case .read = frames.last {} else { append(block.bytes); block = Collapsed() }
        case .dropped: break
        }
        switch frames.last {
        case nil, .outside:
            flush()
            done = true
        default: break
        }
    }

    /// The text, ending with one "\n" (appended in place: the text is not copied).
    func finish() -> String {
        text += "\n"
        return text
    }

    /// Ends the run of loose text, making it a block when it holds anything.
    private func flush() {
        append(loose.bytes)
        loose = Collapsed()
    }

    private func append(_ collapsed: [UInt8]) {
        guard !collapsed.isEmpty else { return }
        if !text.isEmpty { text += "\n\n" }
        text += Normalization.nfc(String(decoding: collapsed, as: UTF8.self))
    }

    /// HTML white space: space, tab, LF, FF, CR.
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }

    /// UTF-8 text with runs of HTML white space made one space and the ends trimmed, as it streams (the white
    /// space is ASCII, so working on bytes is working on scalars).
    struct Collapsed {
        private(set) var bytes: [UInt8] = []
        private var pendingSpace = false

        mutating func add(_ b: UInt8) {
            if BlockWalker.isSpace(b) {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(b)
            }
        }
    }
}
