/// The named fields of a WARC record header or an HTTP message header (WARC 1.1 §4, RFC 9110 §5): name–value
/// pairs in order, looked up ignoring the name's case. Folded continuation lines are joined to their field.
struct WARCHeaders: Sendable {
    private(set) var fields: [(name: String, value: String)] = []

    /// The value of the first field named `name` (any case).
    subscript(_ name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.name.lowercased() == lower }?.value
    }

    /// Every value of the fields named `name`, in order.
    func all(_ name: String) -> [String] {
        let lower = name.lowercased()
        return fields.filter { $0.name.lowercased() == lower }.map(\.value)
    }

    /// Parses header lines (without the first line and the blank line that ends them), each ending in CRLF or LF.
    /// Nil when a line is neither `Name: value` nor a continuation.
    static func parse(_ bytes: ArraySlice<UInt8>) -> WARCHeaders? {
        var h = WARCHeaders()
        // Split on LF bytes: as Characters, CR LF is one grapheme and would never equal "\n".
        for var raw in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if raw.last == 0x0D { raw = raw.dropLast() }
            if raw.isEmpty { continue }
            // Values are UTF-8 by WARC 1.1 §4, but HTTP headers in the wild hold Latin-1: such bytes become U+FFFD
            // rather than making the record unreadable.
            let line = Substring(String(decoding: raw, as: UTF8.self))
            if line.first == " " || line.first == "\t" {
                guard let last = h.fields.indices.last else { return nil }
                h.fields[last].value += " " + line.trimmingSpaceAndTab()
                continue
            }
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { return nil }
            let name = String(line[..<colon])
            guard name.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }) else { return nil }
            h.fields.append((name, line[line.index(after: colon)...].trimmingSpaceAndTab()))
        }
        return h
    }
}

extension Substring {
    func trimmingSpaceAndTab() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
