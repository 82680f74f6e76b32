import LedgerCrypto

/// A quote inside a source, anchored as the W3C Web Annotation model does: a TextQuoteSelector
/// (`exact` with up to 32 scalars of `prefix` and `suffix`) and a TextPositionSelector (`start`, `end`),
/// plus the SHA-256 of the exact text's UTF-8.
///
/// Positions count Unicode scalars (code points) of the source's anchoring text, 0-based, end exclusive —
/// never Swift `Character`s or UTF-16 units — so an emoji outside the BMP counts as one.
public struct Excerpt: Equatable, Sendable {
    /// The exact substring of the anchoring text (NFC).
    public let exact: String
    /// Up to 32 scalars just before `start`.
    public let prefix: String
    /// Up to 32 scalars just after `end`.
    public let suffix: String
    /// Index of the first scalar.
    public let start: Int
    /// Index one past the last scalar.
    public let end: Int
    /// SHA-256 of `exact` as UTF-8.
    public let sha256: Digest

    /// The number of context scalars kept on each side.
    public static let contextLength = 32

    /// The excerpt covering scalars `start..<end` of `text`.
    public init(text: AnchoredText, start: Int, end: Int) {
        precondition(0 <= start && start < end && end <= text.scalarCount, "excerpt range outside the text")
        let bytes = text.bytes(start..<end)
        exact = String(decoding: bytes, as: UTF8.self)
        prefix = String(decoding: text.bytes(start - Excerpt.contextLength..<start), as: UTF8.self)
        suffix = String(decoding: text.bytes(end..<end + Excerpt.contextLength), as: UTF8.self)
        self.start = start
        self.end = end
        sha256 = SHA256.hash(bytes)
    }

    /// An excerpt as stored in a claim body, read back.
    public init(exact: String, prefix: String, suffix: String, start: Int, end: Int, sha256: Digest) {
        self.exact = exact
        self.prefix = prefix
        self.suffix = suffix
        self.start = start
        self.end = end
        self.sha256 = sha256
    }

    /// The excerpt as stored in a claim body.
    public var json: JSONValue {
        ["exact": .string(exact), "prefix": .string(prefix), "suffix": .string(suffix),
         "start": .int(start), "end": .int(end), "sha256": .string(sha256.hex)]
    }

    /// Checks a stored excerpt against its source: `exact`, `prefix`, `suffix` and `sha256` must be exactly what
    /// the text holds at `start..<end`. Returns a description of the first mismatch, or nil when it anchors.
    public func mismatch(in text: some ScalarText) -> String? {
        guard 0 <= start, start < end, end <= text.scalarCount else {
            return "excerpt position \(start)..<\(end) is outside the source (\(text.scalarCount) scalars)"
        }
        let bytes = text.bytes(start..<end)
        guard exact.utf8.elementsEqual(bytes) else { return "excerpt text differs from the source at \(start)..<\(end)" }
        if sha256 != SHA256.hash(bytes) { return "excerpt sha256 does not match its text" }
        guard prefix.utf8.elementsEqual(text.bytes(start - Self.contextLength..<start)),
              suffix.utf8.elementsEqual(text.bytes(end..<end + Self.contextLength)) else {
            return "excerpt context (prefix/suffix) differs from the source"
        }
        return nil
    }
}
