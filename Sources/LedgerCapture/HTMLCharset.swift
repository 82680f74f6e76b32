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
}
