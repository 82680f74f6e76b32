/// The program that turned a capture's raw bytes into the text excerpts are anchored in, as a source entry names
/// it (`extractor`, `extractor_version`). A source without one is plain text, anchored in its own decoding.
/// Any change to what an extractor outputs for the same bytes must change its version, so old entries keep verifying.
public struct Extractor: Sendable, Equatable, Hashable {
    public let name: String
    public let version: String

    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }

    /// LedgerCapture's `HTMLTextExtractor`, the main-text extractor for HTML pages.
    public static let html = Extractor(name: "claimledger-html", version: "1")

    /// LedgerCapture's `WARCTextExtractor`: the text of one WARC response record (a web-archive capture).
    public static let warc = Extractor(name: "claimledger-warc", version: "1")
}
