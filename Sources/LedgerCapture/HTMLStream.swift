internal import CLedgerXML2

/// One element as libxml2's HTML parser reports it: its name as the DOM would hold it (lower case, any `prefix:`
/// split off by `xmlSplitQName`, as `xmlSAX2StartElement` does) and the attributes `Boilerplate` reads.
struct HTMLElement {
    static let readAttributes: Set<String> = ["id", "class", "hidden", "aria-hidden", "role"]

    let name: String
    /// The first occurrence of each of `readAttributes`; a valueless attribute is "".
    let attributes: [String: String]

    /// The attribute's value, nil when absent (what `xmlHasProp` and its text children gave).
    func attribute(_ name: String) -> String? { attributes[name] }
}

/// Receives, in document order, the tree libxml2's DOM builder would have built from the same parse, without
/// it being built: `enter` and `exit` for each element reachable from the root element (`xmlDocGetRootElement`),
/// `text` for each piece of text or CDATA appended to one of them.
protocol HTMLTreeConsumer: AnyObject {
    func enter(_ element: HTMLElement)
    func text(_ utf8: UnsafeBufferPointer<UInt8>)
    func exit()
    /// True once nothing further is needed: the parse stops there.
    var done: Bool { get }
}

/// The bytes libxml2 reads, handed over on demand (`HTMLCharset` decodes them chunk by chunk).
protocol HTMLByteSource: AnyObject {
    /// Copies the next bytes into `buffer` (at most `capacity`), returning how many; 0 at the end.
    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int
    /// The first bytes, at most `count`, without consuming them.
    func peek(_ count: Int) -> [UInt8]
    /// Drops the next `count` bytes.
    func skip(_ count: Int)
    /// All the bytes at once, for the rare page that must be parsed from memory (see `HTMLStream.parse`).
    func whole() -> [UInt8]
}

/// libxml2's HTML parser (`htmlParseDocument`, the same entry point and options `htmlReadMemory` uses) driven
/// with SAX callbacks that mirror what `xmlSAX2StartElement`, `xmlSAX2EndElement`, `xmlSAX2Characters`,
/// `xmlSAX2Comment` and `xmlSAX2ProcessingInstruction` do to the tree — where each node is attached, the node
/// stack and its depth limit, the coalescing of text and its length limit — while keeping only the open-element
/// stack. Memory stays bounded by the nesting depth and libxml2's input window, whatever the page's size.
///
/// The parser reads the tree back in one place, `areBlanks` (is white space before a tag ignorable?), through
/// `ctxt->node`'s last child and `ctxt->myDoc`'s DTD: `ctxt->node` is pointed at a shadow node whose only child
/// has the type and name of the current element's last non-comment child, and `ctxt->myDoc` is libxml2's own
/// (empty) document from `xmlSAX2StartDocument`, so the parser takes exactly the decisions it takes when it
/// builds the DOM. `doc->encoding` is set by `xmlSAX2EndDocument` from the parse as before.
enum HTMLStream {
    struct Outcome {
        /// libxml2 made a document (`htmlReadMemory` would not have returned NULL).
        var document = false
        /// The document has a root element.
        var root = false
        /// `doc->encoding`: the charset a `<meta>` declared, as libxml2 read it.
        var declaredEncoding: String?
    }

    /// The options of every parse: no error output, no network, blanks dropped where libxml2 finds them ignorable.
    static let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
        | HTML_PARSE_NOBLANKS.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// Parses `source` as `encoding` (nil: libxml2's own detection, BOM and `<meta>`), reporting the tree to
    /// `consumer`. `stopWhenEncodingKnown` ends the parse once libxml2 has taken a charset from a `<meta>` (it
    /// never changes it after), `stopAtDocumentStart` once it has made the document.
    ///
    /// libxml2 reads the bytes through `htmlCtxtReadIO`, a window at a time. A page whose first four bytes make
    /// libxml2 switch to UTF-16, UCS-4 or EBCDIC before anything else (`xmlDetectCharEncoding`, no BOM) is parsed
    /// from memory instead (`htmlCtxtReadMemory`): there an encoding error anywhere in the page stops the parse
    /// at its start, which only reading the whole page reproduces.
    @discardableResult
    static func parse(_ source: HTMLByteSource, encoding: String?, into consumer: HTMLTreeConsumer,
                      stopWhenEncodingKnown: Bool = false, stopAtDocumentStart: Bool = false) -> Outcome {
        guard let ctxt = htmlNewParserCtxt() else { return Outcome() }
        defer { htmlFreeParserCtxt(ctxt) }
        let mirror = Mirror(consumer: consumer, source: source)
        mirror.stopWhenEncodingKnown = stopWhenEncodingKnown
        mirror.stopAtDocumentStart = stopAtDocumentStart
        defer { mirror.release() }
        var sax = xmlSAXHandler()
        xmlSAX2InitHtmlDefaultSAXHandler(&sax)
        sax.startDocument = { ctx in Mirror.of(ctx).startDocument(ctx) }
        sax.internalSubset = { ctx, name, externalID, systemID in Mirror.of(ctx).internalSubset(ctx, name, externalID, systemID) }
        sax.startElement = { ctx, name, atts in Mirror.of(ctx).startElement(ctx, name, atts) }
        sax.endElement = { ctx, _ in Mirror.of(ctx).endElement(ctx) }
        sax.characters = { ctx, ch, len in Mirror.of(ctx).text(ctx, ch, len, cdata: false) }
        sax.cdataBlock = { ctx, ch, len in Mirror.of(ctx).text(ctx, ch, len, cdata: true) }
        sax.comment = { ctx, _ in Mirror.of(ctx).comment(ctx) }
        sax.processingInstruction = { ctx, target, _ in Mirror.of(ctx).processingInstruction(ctx, target) }
        ctxt.pointee.sax.pointee = sax
        ctxt.pointee._private = Unmanaged.passUnretained(mirror).toOpaque()

        // Given an encoding, htmlDoRead's switch to it skips a UTF-8 BOM of a page in memory; read through
        // htmlCtxtReadIO the page has no bytes yet at that point, so the BOM is skipped here instead. Then
        // htmlParseDocument looks at the first four bytes.
        let bom = encoding != nil && source.peek(3) == [0xEF, 0xBB, 0xBF]
        let head = bom ? Array(source.peek(7).dropFirst(3)) : source.peek(4)
        let detected = head.count == 4 ? xmlDetectCharEncoding(head, 4) : XML_CHAR_ENCODING_NONE
        let doc: htmlDocPtr?
        if detected != XML_CHAR_ENCODING_NONE && detected != XML_CHAR_ENCODING_UTF8 {
            let bytes = source.whole()
            doc = bytes.withUnsafeBufferPointer { buf in
                buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    htmlCtxtReadMemory(ctxt, $0, Int32(buf.count), nil, encoding, options)
                }
            }
        } else {
            if bom { source.skip(3) }
            let read: xmlInputReadCallback = { ioctx, buffer, len in
                guard let ioctx, let buffer, len > 0 else { return 0 }
                let mirror = Unmanaged<Mirror>.fromOpaque(ioctx).takeUnretainedValue()
                return buffer.withMemoryRebound(to: UInt8.self, capacity: Int(len)) {
                    Int32(mirror.source.read(into: $0, capacity: Int(len)))
                }
            }
            doc = htmlCtxtReadIO(ctxt, read, nil, Unmanaged.passUnretained(mirror).toOpaque(), nil, encoding, options)
        }
        mirror.finish()
        var outcome = Outcome()
        if let doc {
            outcome.document = true
            outcome.root = mirror.hasRoot
            outcome.declaredEncoding = doc.pointee.encoding.map { String(cString: $0) }
            xmlFreeDoc(doc)
        }
        return outcome
    }
}

/// The SAX side of `HTMLStream`: the tree's shape as libxml2's SAX2 builder would make it, and nothing else.
private final class Mirror {
    /// What a node's last child is, as far as the parser and the builder look at it.
    enum Child: Equatable {
        case none, text, cdata, comment
        /// An element or processing instruction: its name (interned in the parser's dictionary).
        case named(UnsafePointer<xmlChar>?)
    }

    /// One node of `ctxt->nodeTab`.
    struct Frame {
        var visible: Bool
        var isRoot: Bool
        /// `node->last`.
        var last: Child = .none
        /// `node->last` after skipping comments back, what `areBlanks` reads.
        var lastNonComment: Child = .none
    }

    /// `xmlParserMaxDepth`: `nodePush` halts the parser beyond it.
    static let maxDepth = 256
    /// `XML_MAX_TEXT_LENGTH`: `xmlSAX2Text` stops the parse rather than grow a text node past it.
    static let maxTextLength = 10_000_000

    let consumer: HTMLTreeConsumer
    let source: HTMLByteSource
    var stopWhenEncodingKnown = false
    var stopAtDocumentStart = false

    private var frames: [Frame] = []
    /// `myDoc->children` is not empty / its first child is the root element.
    private var docHasChildren = false
    private var docFirstIsElement = false
    private(set) var hasRoot = false
    /// The root element was popped: its `exit` waits for the end, since later top-level elements become its children.
    private var rootClosed = false
    /// `ctxt->nodelen`: the length of the text node being coalesced.
    private var textLength = 0
    /// The current text node met a NUL byte: the DOM's C string ends there.
    private var textCut = false

    private let shadow: xmlNodePtr
    private let shadowText: xmlNodePtr
    private let shadowNamed: xmlNodePtr
    private let shadowNamedOriginal: UnsafePointer<xmlChar>?

    init(consumer: HTMLTreeConsumer, source: HTMLByteSource) {
        self.consumer = consumer
        self.source = source
        shadow = xmlNewNode(nil, "shadow")
        shadowText = xmlNewText("x")
        shadowNamed = xmlNewNode(nil, "named")
        shadowNamedOriginal = shadowNamed.pointee.name
    }

    static func of(_ ctx: UnsafeMutableRawPointer?) -> Mirror {
        let ctxt = ctx!.assumingMemoryBound(to: xmlParserCtxt.self)
        return Unmanaged<Mirror>.fromOpaque(ctxt.pointee._private).takeUnretainedValue()
    }

    private static func context(_ ctx: UnsafeMutableRawPointer?) -> xmlParserCtxtPtr { ctx!.assumingMemoryBound(to: xmlParserCtxt.self) }

    /// Frees the shadow nodes (their fields restored first, so libxml2 frees only what it allocated).
    func release() {
        shadow.pointee.children = nil
        shadow.pointee.last = nil
        shadowNamed.pointee.name = shadowNamedOriginal
        xmlFreeNode(shadow)
        xmlFreeNode(shadowText)
        xmlFreeNode(shadowNamed)
    }

    /// Points `ctxt->node` at the shadow of the current node (NULL when the stack is empty).
    private func sync(_ ctxt: xmlParserCtxtPtr) {
        guard let top = frames.last else { ctxt.pointee.node = nil; return }
        let child: xmlNodePtr?
        switch top.lastNonComment {
        case .none, .comment: child = nil
        case .text: child = shadowText
        case .cdata:
            shadowNamed.pointee.name = nil
            child = shadowNamed
        case .named(let name):
            shadowNamed.pointee.name = name
            child = shadowNamed
        }
        shadow.pointee.children = child
        shadow.pointee.last = child
        ctxt.pointee.node = shadow
    }

    private func stop(_ ctxt: xmlParserCtxtPtr) { xmlStopParser(ctxt) }

    func startDocument(_ ctx: UnsafeMutableRawPointer?) {
        xmlSAX2StartDocument(ctx)
        if stopAtDocumentStart { stop(Self.context(ctx)) }
    }

    /// `xmlSAX2InternalSubset`; an HTML document's DTD becomes its first child.
    func internalSubset(_ ctx: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ externalID: UnsafePointer<xmlChar>?,
                        _ systemID: UnsafePointer<xmlChar>?) {
        let ctxt = Self.context(ctx)
        let had = ctxt.pointee.myDoc.map { xmlGetIntSubset($0) != nil } ?? true
        xmlSAX2InternalSubset(ctx, name, externalID, systemID)
        if !had, let doc = ctxt.pointee.myDoc, xmlGetIntSubset(doc) != nil {
            docHasChildren = true
            docFirstIsElement = false
        }
    }

    /// `xmlSAX2StartElement` and `nodePush`.
    func startElement(_ ctx: UnsafeMutableRawPointer?, _ fullname: UnsafePointer<xmlChar>?, _ atts: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let ctxt = Self.context(ctx)
        guard let fullname, ctxt.pointee.myDoc != nil else { return }
        // An element with no parent open: the document's first child; else a child of that first child when it is
        // an element (the root), else its sibling, which is the root if the document has no element yet.
        enum Attach { case root, rootChild, sibling, child }
        let attach: Attach
        if !docHasChildren {
            attach = .root
        } else if frames.isEmpty {
            attach = docFirstIsElement ? .rootChild : (hasRoot ? .sibling : .root)
        } else {
            attach = .child
        }
        if frames.count > Self.maxDepth {
            // nodePush fails: the parser halts and the node is unlinked again.
            stop(ctxt)
            ctxt.pointee.errNo = Int32(XML_ERR_INTERNAL_ERROR.rawValue)
            return
        }
        if !docHasChildren {
            docHasChildren = true
            docFirstIsElement = true
        }
        let name = Self.localName(ctxt, fullname)
        let visible: Bool
        switch attach {
        case .root:
            visible = true
            hasRoot = true
        case .rootChild: visible = true
        case .sibling: visible = false
        case .child:
            visible = frames[frames.count - 1].visible
            frames[frames.count - 1].last = .named(name.interned)
            frames[frames.count - 1].lastNonComment = .named(name.interned)
        }
        frames.append(Frame(visible: visible, isRoot: attach == .root))
        sync(ctxt)
        if visible && !consumer.done { consumer.enter(HTMLElement(name: name.string, attributes: Self.attributes(atts))) }
        if consumer.done || (stopWhenEncodingKnown && ctxt.pointee.input?.pointee.encoding != nil) { stop(ctxt) }
    }

    /// `xmlSAX2EndElement` and `nodePop`: pops whatever node is current.
    func endElement(_ ctx: UnsafeMutableRawPointer?) {
        guard let frame = frames.popLast() else { return }
        sync(Self.context(ctx))
        guard frame.visible else { return }
        if frame.isRoot { rootClosed = true } else if !consumer.done { consumer.exit() }
        if consumer.done { stop(Self.context(ctx)) }
    }

    /// `xmlSAX2Text`: text and CDATA are appended to the current node, coalesced with a last child of their kind.
    func text(_ ctx: UnsafeMutableRawPointer?, _ ch: UnsafePointer<xmlChar>?, _ len: Int32, cdata: Bool) {
        let ctxt = Self.context(ctx)
        guard let ch, !frames.isEmpty else { return }
        let kind: Child = cdata ? .cdata : .text
        let n = Int(len)
        if frames[frames.count - 1].last == kind {
            if textLength + n > Self.maxTextLength {
                // xmlSAX2ErrMemory: the parse ends here, the text is not added.
                ctxt.pointee.errNo = Int32(XML_ERR_NO_MEMORY.rawValue)
                ctxt.pointee.instate = XML_PARSER_EOF
                ctxt.pointee.disableSAX = 1
                return
            }
            textLength += n
        } else {
            textLength = n
            textCut = false
            frames[frames.count - 1].last = kind
            frames[frames.count - 1].lastNonComment = kind
            sync(ctxt)
        }
        guard frames[frames.count - 1].visible, !textCut, !consumer.done else { return }
        var bytes = UnsafeBufferPointer(start: ch, count: n)
        if let nul = bytes.firstIndex(of: 0) {
            bytes = UnsafeBufferPointer(rebasing: bytes[..<nul])
            textCut = true
        }
        consumer.text(bytes)
        if consumer.done { stop(ctxt) }
    }

    /// `xmlSAX2Comment`: a child of the current node, or of the document when none is open.
    func comment(_ ctx: UnsafeMutableRawPointer?) {
        let ctxt = Self.context(ctx)
        if frames.isEmpty {
            if ctxt.pointee.myDoc != nil && !docHasChildren { docHasChildren = true; docFirstIsElement = false }
        } else {
            frames[frames.count - 1].last = .comment
        }
    }

    /// `xmlSAX2ProcessingInstruction`: like a comment, but a named node `areBlanks` looks at.
    func processingInstruction(_ ctx: UnsafeMutableRawPointer?, _ target: UnsafePointer<xmlChar>?) {
        let ctxt = Self.context(ctx)
        guard let target else { return }
        if frames.isEmpty {
            if ctxt.pointee.myDoc != nil && !docHasChildren { docHasChildren = true; docFirstIsElement = false }
        } else {
            let name = xmlDictLookup(ctxt.pointee.dict, target, -1)
            frames[frames.count - 1].last = .named(name)
            frames[frames.count - 1].lastNonComment = .named(name)
            sync(ctxt)
        }
    }

    /// The end of the parse: what is still open closes, the root last.
    func finish() {
        while let frame = frames.popLast() {
            if frame.visible && !frame.isRoot && !consumer.done { consumer.exit() }
        }
        if hasRoot && !consumer.done { consumer.exit() }
    }

    /// The element's name as `xmlSAX2StartElement` stores it (`xmlSplitQName` drops a `prefix:`).
    private static func localName(_ ctxt: xmlParserCtxtPtr, _ fullname: UnsafePointer<xmlChar>) -> (string: String, interned: UnsafePointer<xmlChar>?) {
        guard xmlStrchr(fullname, 0x3A) != nil else {
            return (String(cString: fullname), xmlDictLookup(ctxt.pointee.dict, fullname, -1))
        }
        var prefix: UnsafeMutablePointer<xmlChar>?
        guard let local = xmlSplitQName(ctxt, fullname, &prefix) else { return ("", nil) }
        defer {
            cledger_xml_free(local)
            if let prefix { cledger_xml_free(prefix) }
        }
        return (String(cString: local), xmlDictLookup(ctxt.pointee.dict, local, -1))
    }

    /// The attributes `Boilerplate` reads, first occurrence each (`xmlHasProp` finds the first).
    private static func attributes(_ atts: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> [String: String] {
        var out: [String: String] = [:]
        guard let atts else { return out }
        var i = 0
        while let name = atts[i] {
            let key = String(cString: name)
            if HTMLElement.readAttributes.contains(key), out[key] == nil {
                out[key] = atts[i + 1].map { String(cString: $0) } ?? ""
            }
            i += 2
        }
        return out
    }
}
