internal import CLedgerXML2

/// A parsed HTML document: owns libxml2's `htmlDocPtr` and frees it in `deinit`. No libxml2 type leaves this
/// module; `HTMLTextExtractor` walks the tree through `HTMLDocument.Node`.
final class HTMLDocument {
    private let doc: htmlDocPtr

    /// Wraps `htmlReadMemory`: parses `bytes` (never fetching anything from the network) as `encoding`, or with
    /// libxml2's own detection when nil. Nil when libxml2 builds no document at all.
    init?(_ bytes: [UInt8], encoding: String?) {
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_NOBLANKS.rawValue | HTML_PARSE_COMPACT.rawValue)
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                htmlReadMemory($0, Int32(buf.count), nil, encoding, options)
            }
        }
        guard let parsed else { return nil }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    /// The charset the document declares (from `<meta>`), as libxml2 read it (`doc->encoding`).
    var declaredEncoding: String? { doc.pointee.encoding.map { String(cString: $0) } }

    /// The root element (`xmlDocGetRootElement`), normally `<html>`.
    var root: Node? { xmlDocGetRootElement(doc).map(Node.init) }

    /// One node of the tree, valid while its document lives.
    struct Node {
        fileprivate let ptr: xmlNodePtr

        fileprivate init(_ ptr: xmlNodePtr) { self.ptr = ptr }

        var isElement: Bool { ptr.pointee.type == XML_ELEMENT_NODE }
        var isText: Bool { ptr.pointee.type == XML_TEXT_NODE || ptr.pointee.type == XML_CDATA_SECTION_NODE }
        /// The element's name in lower case, as the HTML parser stores it.
        var name: String { ptr.pointee.name.map { String(cString: $0) } ?? "" }
        /// A text node's content.
        var text: String { ptr.pointee.content.map { String(cString: $0) } ?? "" }

        var children: [Node] {
            var out: [Node] = []
            var c = ptr.pointee.children
            while let n = c {
                out.append(Node(n))
                c = n.pointee.next
            }
            return out
        }

        /// Wraps `xmlHasProp`: the attribute's value (its text children joined), nil when absent.
        func attribute(_ name: String) -> String? {
            guard let attr = xmlHasProp(ptr, name) else { return nil }
            var out = "", c = attr.pointee.children
            while let n = c {
                if let content = n.pointee.content { out += String(cString: content) }
                c = n.pointee.next
            }
            return out
        }
    }
}
