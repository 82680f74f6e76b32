import LedgerCore

/// The text excerpts are anchored in, for a source's raw bytes: the one place that decides it, used by
/// `source add`, `claim add`, `verify`, `audit` and `show` alike. Plain text is anchored in its own decoding
/// (`Normalization.anchoringText`); a capture made by an `Extractor` is anchored in that extractor's output,
/// re-derived from the stored raw bytes (which stay the evidential snapshot) every time it is needed.
public enum CapturedText {
    /// The anchoring text of `bytes` for a source recorded with `extractor` (nil for plain text); nil when it
    /// cannot be derived (not UTF-8, not decodable HTML, or an extractor this build does not know).
    public static func anchoring(_ bytes: [UInt8], extractor: Extractor?) -> String? {
        guard let extractor else { return Normalization.anchoringText(bytes) }
        return try? extract(bytes, with: extractor)
    }

    /// Runs `extractor` over `bytes`: the text, or a `CaptureError` saying why there is none.
    public static func extract(_ bytes: [UInt8], with extractor: Extractor) throws(CaptureError) -> String {
        switch extractor {
        case .html: return try HTMLTextExtractor.extract(bytes)
        case .warc: return try WARCTextExtractor.extract(bytes)
        default: throw CaptureError("the extractor \(extractor.name) \(extractor.version) is not part of this build of claimledger")
        }
    }

    /// The media type `source add` records for a file named `fileName`, and its extractor: HTML for `.html`,
    /// `.htm` and `.xhtml`, plain UTF-8 text otherwise.
    public static func kind(ofFileNamed fileName: String) -> (mediaType: String, extractor: Extractor?) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") { return ("text/html", .html) }
        return ("text/plain; charset=utf-8", nil)
    }
}
