import Foundation

/// The text forms of DESIGN §3: NFC for everything stored, and the anchoring text of a source.
public enum Normalization {
    /// NFC (Unicode canonical composition). Strings whose scalars are all below U+0300 are already NFC
    /// (no such scalar decomposes or combines), so they are returned unchanged without calling Foundation.
    public static func nfc(_ s: String) -> String {
        if s.unicodeScalars.allSatisfy({ $0.value < 0x300 }) { return s }
        return s.precomposedStringWithCanonicalMapping
    }

    /// The anchoring text of a captured source: NFC, with CRLF and lone CR turned into LF, nothing else.
    /// Returns nil when the bytes are not valid UTF-8 (they are never repaired silently).
    public static func anchoringText<C: Collection>(_ bytes: C) -> String? where C.Element == UInt8 {
        guard let decoded = String(validating: bytes, as: UTF8.self) else { return nil }
        let text = nfc(decoded)
        guard text.utf8.contains(0x0D) else { return text }
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                out.append("\n")
            } else if !(scalar == "\n" && previousWasCR) {
                out.append(scalar)
            }
            previousWasCR = scalar == "\r"
        }
        return String(out)
    }
}
