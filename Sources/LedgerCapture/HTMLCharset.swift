import Foundation

/// The character encoding of an HTML capture, decided as browsers do in order: a byte-order mark, else the
/// charset the page declares (`<meta charset>` or `<meta http-equiv="Content-Type">`, as libxml2's HTML parser
/// reads it), else UTF-8. Decoding is strict: bytes that are not valid in that encoding are refused, never replaced.
enum HTMLCharset {
    /// The byte-order mark's encoding and length, if `bytes` start with one.
    static func byteOrderMark(_ bytes: [UInt8]) -> (String.Encoding, Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
        return nil
    }

    /// The encoding named `label` (an IANA charset name, any case), when this extractor supports it.
    static func encoding(named label: String) -> String.Encoding? {
        switch label.lowercased().trimmingCharacters(in: .whitespaces) {
        case "utf-8", "utf8": .utf8
        case "us-ascii", "ascii": .ascii
        case "iso-8859-1", "iso8859-1", "latin1", "l1": .isoLatin1
        case "windows-1252", "cp1252": .windowsCP1252
        case "utf-16le": .utf16LittleEndian
        case "utf-16be": .utf16BigEndian
        default: nil
        }
    }

    /// Decodes `bytes` strictly: the string, or nil when a byte sequence is not valid in `encoding`.
    static func decode(_ bytes: ArraySlice<UInt8>, _ encoding: String.Encoding) -> String? {
        if encoding == .utf8 { return String(validating: bytes, as: UTF8.self) }
        return String(bytes: bytes, encoding: encoding)
    }

    /// Decodes `bytes` strictly into UTF-8 handed out on demand, or nil when a byte sequence is not valid in
    /// `encoding`. UTF-8 is validated and passed through as it is; a single-byte charset (ASCII, ISO-8859-1,
    /// windows-1252) is decoded a byte at a time through Foundation's own table for it; UTF-16 (rare: a BOM or a
    /// declaration) is decoded whole by Foundation, so it alone costs a copy of the page.
    static func utf8(_ bytes: ArraySlice<UInt8>, _ encoding: String.Encoding) -> UTF8Source? {
        switch encoding {
        case .utf8:
            return isValidUTF8(bytes) ? UTF8Source(bytes) : nil
        case .ascii, .isoLatin1, .windowsCP1252:
            let table = singleByteTable(encoding)
            return bytes.allSatisfy({ table[Int($0)] != nil }) ? UTF8Source(bytes, table: table) : nil
        default:
            return String(bytes: bytes, encoding: encoding).map { UTF8Source(Array($0.utf8)[...]) }
        }
    }

    /// `String(validating:as:)`'s answer for the whole of `bytes`, a chunk at a time: UTF-8 validity is local, so
    /// cutting before a byte that is not a continuation byte changes nothing.
    static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        var start = bytes.startIndex
        while start < bytes.endIndex {
            var end = min(start + 65_536, bytes.endIndex)
            while end < bytes.endIndex && end > start && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            if end == start { end = min(start + 65_536, bytes.endIndex) }
            guard String(validating: bytes[start..<end], as: UTF8.self) != nil else { return false }
            start = end
        }
        return true
    }

    /// Each byte's UTF-8 in a single-byte `encoding`, as Foundation decodes that byte; nil where it refuses it.
    static func singleByteTable(_ encoding: String.Encoding) -> [[UInt8]?] {
        (0...255).map { b in String(bytes: [UInt8(b)], encoding: encoding).map { Array($0.utf8) } }
    }
}

/// A page's text as UTF-8, read by libxml2 a window at a time (`HTMLByteSource`): the page's own bytes when
/// they are UTF-8, else decoded as they are read through a single-byte charset's table.
final class UTF8Source: HTMLByteSource {
    private let bytes: ArraySlice<UInt8>
    private let table: [[UInt8]?]?
    private var position: Int
    /// Decoded bytes of one source byte that did not fit the last read.
    private var pending: ArraySlice<UInt8> = []

    init(_ bytes: ArraySlice<UInt8>, table: [[UInt8]?]? = nil) {
        self.bytes = bytes
        self.table = table
        position = bytes.startIndex
    }

    /// Nothing to read (the decoded text is empty).
    var isEmpty: Bool { bytes.isEmpty }

    /// Starts over from the first byte (each pass reads the page again).
    func rewind() {
        position = bytes.startIndex
        pending = []
    }

    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int {
        guard let table else {
            let n = min(capacity, bytes.endIndex - position)
            bytes[position..<(position + n)].withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: n) }
            position += n
            return n
        }
        var n = 0
        while n < capacity {
            if pending.isEmpty {
                guard position < bytes.endIndex else { break }
                pending = table[Int(bytes[position])]![...]
                position += 1
            }
            let k = min(pending.count, capacity - n)
            for (i, b) in pending.prefix(k).enumerated() { buffer[n + i] = b }
            pending = pending.dropFirst(k)
            n += k
        }
        return n
    }

    func peek(_ count: Int) -> [UInt8] {
        guard let table else { return Array(bytes[position..<min(position + count, bytes.endIndex)]) }
        var out = Array(pending)
        var p = position
        while out.count < count && p < bytes.endIndex {
            out += table[Int(bytes[p])]!
            p += 1
        }
        return Array(out.prefix(count))
    }

    func skip(_ count: Int) {
        guard table != nil else { position = min(position + count, bytes.endIndex); return }
        var left = count
        while left > 0 {
            if pending.isEmpty {
                guard position < bytes.endIndex else { return }
                if let table { pending = table[Int(bytes[position])]![...] } else { pending = bytes[position...position] }
                position += 1
            }
            let k = min(left, pending.count)
            pending = pending.dropFirst(k)
            left -= k
        }
    }

    func whole() -> [UInt8] {
        var out = Array(pending)
        if let table { for b in bytes[position...] { out += table[Int(b)]! } } else { out += bytes[position...] }
        return out
    }
}
