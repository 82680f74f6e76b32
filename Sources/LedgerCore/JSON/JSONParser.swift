/// A strict RFC 8259 JSON parser producing `JSONValue`, for untrusted input (JSONL imports, stored entries).
///
/// Beyond the grammar it enforces I-JSON (RFC 7493): input must be valid UTF-8, escaped lone surrogates
/// are rejected, member names must be unique, and numbers must fit a double. Nesting is limited so that
/// hostile input cannot exhaust the stack. Errors say what is wrong and at which byte.
public struct JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let maxDepth = 64

    private let bytes: [UInt8]
    private var i = 0
    private var depth = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Parses exactly one JSON value (surrounding whitespace allowed) from UTF-8 bytes.
    public static func parse<C: Collection>(_ input: C) throws(JSONError) -> JSONValue where C.Element == UInt8 {
        var p = JSONParser(Array(input))
        if p.bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw JSONError("starts with a byte order mark, which JSON does not allow", offset: 0)
        }
        guard String(validating: p.bytes, as: UTF8.self) != nil else {
            throw JSONError("is not valid UTF-8", offset: p.firstInvalidUTF8Offset())
        }
        p.skipWhitespace()
        let value = try p.parseValue()
        p.skipWhitespace()
        guard p.i == p.bytes.count else { throw JSONError("has extra characters after the JSON value", offset: p.i) }
        return value
    }

    /// Parses a JSON text held in a string.
    public static func parse(_ text: String) throws(JSONError) -> JSONValue { try parse(Array(text.utf8)) }

    private func firstInvalidUTF8Offset() -> Int {
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8.ForwardParser()
        var offset = 0
        while case .valid(let scalar) = decoder.parseScalar(from: &iterator) { offset += scalar.count }
        return offset
    }

    private mutating func skipWhitespace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func parseValue() throws(JSONError) -> JSONValue {
        guard i < bytes.count else { throw JSONError("ends where a value was expected", offset: i) }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw JSONError("has an unexpected character where a value was expected", offset: i)
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONError) {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard bytes.count - i >= w.count, bytes[i..<i + w.count].elementsEqual(w) else {
            throw JSONError("has an invalid literal (expected \(word))", offset: i)
        }
        i += w.count
    }

    private mutating func enter() throws(JSONError) {
        depth += 1
        if depth > JSONParser.maxDepth { throw JSONError("nests deeper than \(JSONParser.maxDepth) levels", offset: i) }
    }

    private mutating func parseObject() throws(JSONError) -> JSONValue {
        try enter()
        i += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return .object(members) }
        while true {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw JSONError("expects a member name in quotes", offset: i) }
            let keyOffset = i
            let key = try parseString()
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw JSONError("expects ':' after a member name", offset: i) }
            i += 1
            skipWhitespace()
            let value = try parseValue()
            if members.updateValue(value, forKey: key) != nil {
                throw JSONError("has the member \"\(key.prefix(40))\" twice", offset: keyOffset)
            }
            skipWhitespace()
            guard i < bytes.count else { throw JSONError("ends inside an object", offset: i) }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return .object(members) }
            throw JSONError("expects ',' or '}' in an object", offset: i)
        }
    }

    private mutating func parseArray() throws(JSONError) -> JSONValue {
        try enter()
        i += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard i < bytes.count else { throw JSONError("ends inside an array", offset: i) }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return .array(elements) }
            throw JSONError("expects ',' or ']' in an array", offset: i)
        }
    }

    private mutating func parseString() throws(JSONError) -> String {
        i += 1  // opening quote
        var out = [UInt8]()
        while true {
            guard i < bytes.count else { throw JSONError("ends inside a string", offset: i) }
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { i += 1; break }
            if c < 0x20 { throw JSONError("has an unescaped control character in a string", offset: i) }
            if c != UInt8(ascii: "\\") { out.append(c); i += 1; continue }
            i += 1
            guard i < bytes.count else { throw JSONError("ends inside an escape", offset: i) }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                let at = i - 2
                var unit = try hex4()
                if (0xD800...0xDBFF).contains(unit) {
                    guard bytes.count - i >= 6, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw JSONError("has a lone surrogate escape", offset: at)
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw JSONError("has a lone surrogate escape", offset: at) }
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(unit) {
                    throw JSONError("has a lone surrogate escape", offset: at)
                }
                out.append(contentsOf: String(Character(Unicode.Scalar(unit)!)).utf8)
            default:
                throw JSONError("has an invalid escape sequence", offset: i - 2)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func hex4() throws(JSONError) -> UInt32 {
        guard bytes.count - i >= 4 else { throw JSONError("ends inside a \\u escape", offset: i) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw JSONError("has an invalid \\u escape", offset: i)
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    private mutating func parseNumber() throws(JSONError) -> Double {
        let start = i
        func digits(_ p: inout JSONParser) -> Int {
            let s = p.i
            while p.i < p.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p.bytes[p.i]) { p.i += 1 }
            return p.i - s
        }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count else { throw JSONError("ends inside a number", offset: i) }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
        } else if digits(&self) == 0 {
            throw JSONError("has a malformed number", offset: start)
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits(&self) > 0 else { throw JSONError("has a malformed number", offset: start) }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits(&self) > 0 else { throw JSONError("has a malformed number", offset: start) }
        }
        if i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) {
            throw JSONError("has a number with a leading zero", offset: start)
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw JSONError("has a number too large for a double", offset: start)
        }
        return value
    }
}

/// Why a JSON text was rejected, and the byte offset where the problem is.
public struct JSONError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, phrased to follow "the JSON …" (for example "has the member \"x\" twice").
    public let reason: String
    /// The 0-based byte offset in the input.
    public let offset: Int

    public init(_ reason: String, offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String { "the JSON \(reason) (at byte \(offset))" }
}
