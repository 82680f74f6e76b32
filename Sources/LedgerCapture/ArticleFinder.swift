/// Step 3 of `HTMLTextExtractor`'s rule, on the first pass over the page: which element holds the article, by
/// its index in document order (the order `HTMLTreeConsumer.enter` is called in, 0 for the root). Everything is
/// judged outside dropped subtrees, as step 2 says with `insideArticle` false.
///
/// It also notes, for every block element (`BlockWalker.blockNames`, numbered in document order), whether it holds
/// another block — a block element reached through elements `Boilerplate` keeps — under either value of
/// `insideArticle`, so the second pass knows at a block's start whether it is one block (step 4's innermost
/// block) or a container: one byte per block element of the page.
final class ArticleFinder: HTMLTreeConsumer {
    private struct Frame {
        let index: Int
        let name: String
        /// Inside a subtree dropped with `insideArticle` false (this element included).
        let dropped: Bool
        /// `Boilerplate.drops` of this element with `insideArticle` false / true.
        let dropsOutside: Bool
        let dropsInside: Bool
        /// Its number among block elements, if it is one.
        let block: Int?
        /// It holds a block, with `insideArticle` false / true.
        var holdsOutside = false
        var holdsInside = false
        /// The characters of text its own `<p>` children hold.
        var score = 0
        /// For a `<p>` outside dropped subtrees: its text's length, white space collapsed, as it streams past.
        var length: CollapsedLength?
    }

    private var frames: [Frame] = []
    private var count = 0
    /// Positions in `frames` of the `<p>` elements being measured.
    private var measuring: [Int] = []
    private var firstArticle: Int?
    private var firstMain: Int?
    private var body: Int?
    private var best: (index: Int, score: Int)?
    /// Per block element: bit 0, it holds a block with `insideArticle` false; bit 1, with it true.
    private(set) var holdsBlock: [UInt8] = []
    private(set) var done = false

    /// The first `article`; else the first `main`; else the element whose own `<p>` children hold the most text
    /// (the first on a tie); else `body`; else the root.
    var article: Int { firstArticle ?? firstMain ?? best?.index ?? body ?? 0 }

    func enter(_ element: HTMLElement) {
        let index = count
        count += 1
        let dropsInside = Boilerplate.drops(element, insideArticle: true)
        let dropsOutside = dropsInside || element.name == "header"
        let dropped = (frames.last?.dropped ?? false) || dropsOutside
        var block: Int?
        if BlockWalker.blockNames.contains(element.name) {
            block = holdsBlock.count
            holdsBlock.append(0)
        }
        var frame = Frame(index: index, name: element.name, dropped: dropped, dropsOutside: dropsOutside, dropsInside: dropsInside, block: block)
        if !dropped {
            switch element.name {
            case "article": if firstArticle == nil { firstArticle = index }
            case "main": if firstMain == nil { firstMain = index }
            case "body": if body == nil { body = index }
            case "br": for i in measuring { frames[i].length!.add(0x20) }
            default: break
            }
            if element.name == "p" {
                frame.length = CollapsedLength()
                measuring.append(frames.count)
            }
        }
        frames.append(frame)
    }

    func text(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let top = frames.last, !top.dropped else { return }
        for i in measuring { for b in utf8 { frames[i].length!.add(b) } }
    }

    func exit() {
        guard let frame = frames.popLast() else { return }
        if frame.length != nil { measuring.removeLast() }
        // Elements end children first: on a tie the one that started first (an ancestor) wins.
        if !frame.dropped && frame.score > 0,
           frame.score > (best?.score ?? 0) || (frame.score == best?.score && frame.index < best!.index) {
            best = (frame.index, frame.score)
        }
        if let block = frame.block {
            holdsBlock[block] = (frame.holdsOutside ? 1 : 0) | (frame.holdsInside ? 2 : 0)
        }
        if !frames.isEmpty {
            let isBlock = frame.block != nil
            if let length = frame.length { frames[frames.count - 1].score += length.count }
            if !frame.dropsOutside && (isBlock || frame.holdsOutside) { frames[frames.count - 1].holdsOutside = true }
            if !frame.dropsInside && (isBlock || frame.holdsInside) { frames[frames.count - 1].holdsInside = true }
        }
        // The first article is final once it is complete, and so is what its blocks hold.
        if frame.index == firstArticle { done = true }
    }
}

/// The length in Unicode scalars of UTF-8 text once `BlockWalker.collapse` has run over it, kept as it streams.
struct CollapsedLength {
    private(set) var count = 0
    private var pendingSpace = false

    mutating func add(_ b: UInt8) {
        if BlockWalker.isSpace(b) {
            pendingSpace = count > 0
        } else {
            if pendingSpace { count += 1 }
            pendingSpace = false
            if b & 0xC0 != 0x80 { count += 1 }
        }
    }
}
