/// A read-only index over one JSON text that is exactly in RFC 8785 canonical form (with NFC strings, as
/// `CanonicalJSON` writes it): built in one pass over the bytes, without building a `JSONValue` tree, and
/// failing when the bytes are not canonical. `verify` and the reports read every stored entry through it.
///
/// The index is a flat list of nodes in document order (a "tape"): an object's members follow it as name,
/// value, name, value…; each node records where the node after its subtree is, so siblings are skipped in
/// one step. Member names are compared as raw bytes, which canonical form makes exact (no optional escapes).
public struct CanonicalJSONView: Sendable {
    /// What a node is.
    public enum Kind: UInt8, Sendable { case object, array, string, number, `true`, `false`, null }

    struct Node: Sendable {
        var kind: Kind
        /// For strings, the bytes between the quotes; for numbers and literals, their text; for containers,
        /// from the bracket to just past the closing one.
        var start: Int32
        var end: Int32
        /// Index of the first node after this one's subtree.
        var next: Int32
    }

    /// The canonical bytes.
    public let bytes: [UInt8]
    var nodes: [Node]
    /// The root node.
    public let root = 0

    /// Indexes `bytes`; nil unless they are one JSON value in canonical form: no whitespace, members sorted by
    /// UTF-16 code units and unique, strings NFC and escaped only where RFC 8785 escapes, numbers in ECMAScript
    /// form, valid UTF-8, nesting at most `JSONParser.maxDepth`.
    public init?(_ bytes: [UInt8]) {
        self.bytes = bytes
        let scanned = bytes.withUnsafeBufferPointer { buffer -> [Node]? in
            var scanner = Scanner(b: buffer)
            return scanner.value(depth: 0) && scanner.i == buffer.count ? scanner.nodes : nil
        }
        guard let scanned else { return nil }
        self.nodes = scanned
    }

    // MARK: Reading

    public func kind(_ node: Int) -> Kind { nodes[node].kind }

    /// The value of member `name` of the object at `node`, if it is an object and has one.
    public func member(_ node: Int, _ name: String) -> Int? {
        guard nodes[node].kind == .object else { return nil }
        var name = name
        return name.withUTF8 { want in
            var k = node + 1
            let end = Int(nodes[node].next)
            while k < end {
                if rawEquals(k, want) { return k + 1 }
                k = Int(nodes[k + 1].next)
            }
            return nil
        }
    }

    /// The node after `node`'s subtree: its next sibling, or the end of its parent.
    public func next(_ node: Int) -> Int { Int(nodes[node].next) }

    /// Compares the raw (escaped) bytes of the string at `node` with `utf8`: negative, zero or positive.
    public func compareRaw(_ node: Int, _ utf8: [UInt8]) -> Int {
        let n = nodes[node]
        return bytes.withUnsafeBufferPointer { b in
            utf8.withUnsafeBufferPointer { u in
                let count = Int(n.end - n.start), common = min(count, u.count)
                let p = b.baseAddress! + Int(n.start)
                for k in 0..<common where p[k] != u[k] { return p[k] < u[k] ? -1 : 1 }
                return count - u.count
            }
        }
    }

    /// (name node, value node) for each member of the object at `node`, in order; empty for non-objects.
    public func members(_ node: Int) -> [(name: Int, value: Int)] {
        guard nodes[node].kind == .object else { return [] }
        var out: [(Int, Int)] = []
        var k = node + 1
        while k < Int(nodes[node].next) {
            out.append((k, k + 1))
            k = Int(nodes[k + 1].next)
        }
        return out
    }

    /// The element nodes of the array at `node`; empty for non-arrays.
    public func elements(_ node: Int) -> [Int] {
        guard nodes[node].kind == .array else { return [] }
        var out: [Int] = []
        var k = node + 1
        while k < Int(nodes[node].next) {
            out.append(k)
            k = Int(nodes[k].next)
        }
        return out
    }

    /// The raw bytes of a node (for a string, between the quotes, still escaped).
    public func raw(_ node: Int) -> ArraySlice<UInt8> { bytes[Int(nodes[node].start)..<Int(nodes[node].end)] }

    /// Whether the node is a string whose escaped content is exactly `utf8` (exact for any text without
    /// control characters, since canonical form escapes nothing else).
    public func rawEquals(_ node: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = nodes[node]
        guard n.kind == .string, Int(n.end - n.start) == utf8.count else { return false }
        return bytes.withUnsafeBufferPointer { b in
            utf8.count == 0 || memcmpEqual(b.baseAddress! + Int(n.start), utf8.baseAddress!, utf8.count)
        }
    }

    /// Whether the node is the string `text`.
    public func isString(_ node: Int, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { rawEquals(node, $0) }
    }

    /// The decoded string, when the node is one.
    public func string(_ node: Int) -> String? {
        let n = nodes[node]
        guard n.kind == .string else { return nil }
        let raw = bytes[Int(n.start)..<Int(n.end)]
        if !raw.contains(0x5C) { return String(decoding: raw, as: UTF8.self) }
        return Self.unescape(raw)
    }

    /// The integer, when the node is a number with no fraction within ±2^53 (as `JSONValue.integer`).
    public func integer(_ node: Int) -> Int? {
        guard nodes[node].kind == .number else { return nil }
        let raw = raw(node)
        if raw.count <= 16, !raw.contains(where: { $0 == 0x2E || $0 == 0x65 }) {
            return Int(String(decoding: raw, as: UTF8.self)).flatMap { abs($0) <= 9_007_199_254_740_992 ? $0 : nil }
        }
        return JSONValue.number(Double(String(decoding: raw, as: UTF8.self)) ?? .nan).integer
    }

    /// The boolean, when the node is `true` or `false`.
    public func bool(_ node: Int) -> Bool? {
        switch nodes[node].kind {
        case .true: true
        case .false: false
        default: nil
        }
    }

    /// The subtree at `node` as a `JSONValue`.
    public func value(_ node: Int) -> JSONValue {
        switch nodes[node].kind {
        case .null: return .null
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .number: return .number(Double(String(decoding: raw(node), as: UTF8.self)) ?? 0)
        case .string: return .string(string(node) ?? "")
        case .array: return .array(elements(node).map(value))
        case .object:
            var o: [String: JSONValue] = [:]
            for (k, v) in members(node) { o[string(k) ?? ""] = value(v) }
            return .object(o)
        }
    }

    static func unescape(_ raw: ArraySlice<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(raw.count)
        var i = raw.startIndex
        while i < raw.endIndex {
            let c = raw[i]
            guard c == 0x5C else { out.append(c); i += 1; continue }
            let e = raw[i + 1]
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "u"):  // canonical form only uses \u00xx, for control characters
                out.append(hexValue(raw[i + 4]) << 4 | hexValue(raw[i + 5]))
                i += 4
            default: out.append(e)
            }
            i += 2
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func hexValue(_ c: UInt8) -> UInt8 { c <= 0x39 ? c - 0x30 : c - 0x61 + 10 }
}

/// Byte equality of two slices, without generic iteration.
func bytesEqual(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    return a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.count == 0 || memcmpEqual(x.baseAddress!, y.baseAddress!, x.count) } }
}

private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    for k in 0..<n where a[k] != b[k] { return false }
    return true
}

/// The one-pass canonical-form check that builds the view's nodes.
private struct Scanner {
    let b: UnsafeBufferPointer<UInt8>
    var nodes: [CanonicalJSONView.Node] = []
    var i = 0

    init(b: UnsafeBufferPointer<UInt8>) {
        self.b = b
        nodes.reserveCapacity(64)
    }

    mutating func value(depth: Int) -> Bool {
        guard i < b.count else { return false }
        switch b[i] {
        case UInt8(ascii: "{"): return object(depth: depth + 1)
        case UInt8(ascii: "["): return array(depth: depth + 1)
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return literal("true", .true)
        case UInt8(ascii: "f"): return literal("false", .false)
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    mutating func push(_ kind: CanonicalJSONView.Kind, _ start: Int, _ end: Int) -> Int {
        nodes.append(.init(kind: kind, start: Int32(start), end: Int32(end), next: Int32(nodes.count + 1)))
        return nodes.count - 1
    }

    mutating func literal(_ word: StaticString, _ kind: CanonicalJSONView.Kind) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        for k in 0..<n where b[i + k] != word.utf8Start[k] { return false }
        _ = push(kind, i, i + n)
        i += n
        return true
    }

    mutating func object(depth: Int) -> Bool {
        guard depth <= JSONParser.maxDepth else { return false }
        let me = push(.object, i, i)
        i += 1
        var previousName: Int? = nil
        if i < b.count && b[i] == UInt8(ascii: "}") {
            i += 1
        } else {
            while true {
                guard i < b.count, b[i] == UInt8(ascii: "\""), string() else { return false }
                let name = nodes.count - 1
                if let p = previousName, !precedes(p, name) { return false }
                previousName = name
                guard i < b.count, b[i] == UInt8(ascii: ":") else { return false }
                i += 1
                guard value(depth: depth) else { return false }
                guard i < b.count else { return false }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                guard b[i] == UInt8(ascii: "}") else { return false }
                i += 1
                break
            }
        }
        nodes[me].end = Int32(i)
        nodes[me].next = Int32(nodes.count)
        return true
    }

    mutating func array(depth: Int) -> Bool {
        guard depth <= JSONParser.maxDepth else { return false }
        let me = push(.array, i, i)
        i += 1
        if i < b.count && b[i] == UInt8(ascii: "]") {
            i += 1
        } else {
            while true {
                guard value(depth: depth), i < b.count else { return false }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                guard b[i] == UInt8(ascii: "]") else { return false }
                i += 1
                break
            }
        }
        nodes[me].end = Int32(i)
        nodes[me].next = Int32(nodes.count)
        return true
    }

    /// RFC 8785 §3.2.3: names in strictly increasing UTF-16 code unit order. Raw UTF-8 byte order agrees with it
    /// for names without escapes and without scalars at or above U+E000; others are compared decoded.
    func precedes(_ a: Int, _ z: Int) -> Bool {
        let ra = UnsafeBufferPointer(rebasing: b[Int(nodes[a].start)..<Int(nodes[a].end)])
        let rz = UnsafeBufferPointer(rebasing: b[Int(nodes[z].start)..<Int(nodes[z].end)])
        let simple = { (r: UnsafeBufferPointer<UInt8>) in !r.contains { $0 == 0x5C || $0 >= 0xEE } }
        if simple(ra) && simple(rz) { return ra.lexicographicallyPrecedes(rz) }
        let sa = CanonicalJSONView.unescape(ArraySlice(ra)), sz = CanonicalJSONView.unescape(ArraySlice(rz))
        return sa.utf16.lexicographicallyPrecedes(sz.utf16)
    }

    mutating func string() -> Bool {
        i += 1
        let start = i
        var mayNeedNFC = false
        while true {
            guard i < b.count else { return false }
            let c = b[i]
            if c == UInt8(ascii: "\"") { break }
            if c < 0x20 { return false }
            if c == 0x5C {
                guard i + 1 < b.count else { return false }
                switch b[i + 1] {
                case UInt8(ascii: "\""), 0x5C, UInt8(ascii: "b"), UInt8(ascii: "t"), UInt8(ascii: "n"), UInt8(ascii: "f"), UInt8(ascii: "r"):
                    i += 2
                case UInt8(ascii: "u"):
                    // Only control characters without a short escape are written as \u00xx, in lowercase hex.
                    guard i + 5 < b.count, b[i + 2] == 0x30, b[i + 3] == 0x30, b[i + 4] == 0x30 || b[i + 4] == 0x31 else { return false }
                    let d = b[i + 5]
                    guard (0x30...0x39).contains(d) || (0x61...0x66).contains(d) else { return false }
                    let v = (b[i + 4] - 0x30) << 4 | CanonicalJSONView.hexValue(d)
                    guard ![0x08, 0x09, 0x0A, 0x0C, 0x0D].contains(v) else { return false }
                    i += 6
                default: return false
                }
                continue
            }
            if c < 0x80 { i += 1; continue }
            guard let (scalar, length) = utf8Scalar(at: i) else { return false }
            if !Normalization.isNFCStable(scalar) { mayNeedNFC = true }
            i += length
        }
        _ = push(.string, start, i)
        i += 1
        if mayNeedNFC {
            let s = String(decoding: b[start..<i - 1], as: UTF8.self)
            guard Normalization.nfc(s).utf8.elementsEqual(s.utf8) else { return false }
        }
        return true
    }

    /// The well-formed UTF-8 sequence at `at` (no overlongs, surrogates or values past U+10FFFF).
    func utf8Scalar(at k: Int) -> (UInt32, Int)? {
        let c = b[k]
        func cont(_ n: Int) -> UInt32? {
            guard k + n < b.count, b[k + n] & 0xC0 == 0x80 else { return nil }
            return UInt32(b[k + n] & 0x3F)
        }
        switch c {
        case 0xC2...0xDF:
            guard let c1 = cont(1) else { return nil }
            return (UInt32(c & 0x1F) << 6 | c1, 2)
        case 0xE0...0xEF:
            guard let c1 = cont(1), let c2 = cont(2) else { return nil }
            let v = UInt32(c & 0x0F) << 12 | c1 << 6 | c2
            guard v >= 0x800, !(0xD800...0xDFFF).contains(v) else { return nil }
            return (v, 3)
        case 0xF0...0xF4:
            guard let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) else { return nil }
            let v = UInt32(c & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            guard (0x10000...0x10FFFF).contains(v) else { return nil }
            return (v, 4)
        default: return nil
        }
    }

    /// A JSON number written as ECMAScript writes it: short integers are checked directly, others by
    /// formatting the parsed double again.
    mutating func number() -> Bool {
        let start = i
        if i < b.count && b[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
        let intDigits = i - intStart
        guard intDigits > 0, intDigits == 1 || b[intStart] != 0x30 else { return false }
        var plainInteger = true
        if i < b.count && b[i] == UInt8(ascii: ".") {
            plainInteger = false
            i += 1
            let s = i
            while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
            guard i > s else { return false }
        }
        if i < b.count && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            plainInteger = false
            i += 1
            if i < b.count && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
            let s = i
            while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
            guard i > s else { return false }
        }
        let text = b[start..<i]
        if plainInteger && intDigits <= 15 {
            guard !(intDigits == 1 && b[intStart] == 0x30 && start != intStart) else { return false }  // -0
        } else {
            let s = String(decoding: text, as: UTF8.self)
            guard let d = Double(s), let again = try? ECMAScriptNumber.format(d), again == s else { return false }
        }
        _ = push(.number, start, i)
        return true
    }
}
