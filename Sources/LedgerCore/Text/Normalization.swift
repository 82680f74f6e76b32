import Foundation

/// The text forms of DESIGN §3: NFC for everything stored, and the anchoring text of a source.
public enum Normalization {
    /// NFC (Unicode canonical composition). A string made only of scalars that are NFC-stable on their own
    /// and never combine is already NFC and is returned unchanged without calling Foundation: everything below
    /// U+0300, General Punctuation from U+2002 (’ “ ” – — …; U+2000–2001 decompose), currency symbols (€),
    /// and the emoji blocks. None of these has a canonical decomposition, a non-zero combining class, or a
    /// place in a composition pair.
    public static func nfc(_ s: String) -> String {
        if s.unicodeScalars.allSatisfy({ isNFCStable($0.value) }) { return s }
        return s.precomposedStringWithCanonicalMapping
    }

    /// Scalars that NFC leaves unchanged in any context (Latin-1 and Latin Extended, general punctuation,
    /// currency signs, emoji): text made only of these is already NFC.
    static func isNFCStable(_ c: UInt32) -> Bool {
        switch c {
        case 0..<0x300, 0x2002...0x206F, 0x20A0...0x20CF, 0x1F300...0x1FAFF: true
        default: false
        }
    }

    /// The anchoring text of a captured source: NFC, with CRLF and lone CR turned into LF, nothing else.
    /// Returns nil when the bytes are not valid UTF-8 (they are never repaired silently). Computed piece by
    /// piece (`AnchoringStream`), which is the same text and much faster on long sources than one NFC pass.
    public static func anchoringText<C: Collection>(_ bytes: C) -> String? where C.Element == UInt8 {
        var stream = AnchoringStream()
        var out = ""
        stream.feed(bytes) { out += $0.text }
        stream.finish { out += $0.text }
        return stream.isValid ? out : nil
    }
}
