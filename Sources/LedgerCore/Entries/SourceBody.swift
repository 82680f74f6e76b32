import LedgerCrypto

/// The body of a `source` entry: a captured article's id (the SHA-256 of its stored bytes), its anchoring text's
/// hash, where and when it was captured, and the optional citation details.
public struct SourceBody: Sendable, Equatable {
    public let id: Digest
    public let textSHA256: Digest
    public let outlet: String
    public let lang: String
    public let capturedAt: String
    public let mediaType: String
    public let byteLength: Int
    public let url: String?
    public let title: String?
    public let published: String?
    /// The extractor whose output excerpts are anchored in (`extractor`, `extractor_version`); nil for plain text,
    /// anchored in the bytes' own decoding. `textSHA256` is then the SHA-256 of the extracted text.
    public let extractor: Extractor?
    /// The WARC record a web-archive capture was taken from (`warc_record_id`, `warc_target_uri`, `warc_date`);
    /// nil for other sources.
    public let webArchive: WebArchiveOrigin?

    public init(id: Digest, textSHA256: Digest, outlet: String, lang: String, capturedAt: String, mediaType: String, byteLength: Int,
                url: String?, title: String?, published: String?, extractor: Extractor?, webArchive: WebArchiveOrigin?) {
        self.id = id
        self.textSHA256 = textSHA256
        self.outlet = outlet
        self.lang = lang
        self.capturedAt = capturedAt
        self.mediaType = mediaType
        self.byteLength = byteLength
        self.url = url
        self.title = title
        self.published = published
        self.extractor = extractor
        self.webArchive = webArchive
    }

    /// The body as the entry stores it.
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "id": .string(id.hex), "text_sha256": .string(textSHA256.hex), "outlet": .string(outlet), "lang": .string(lang),
            "captured_at": .string(capturedAt), "media_type": .string(mediaType), "byte_length": .int(byteLength),
        ]
        if let extractor {
            o["extractor"] = .string(extractor.name)
            o["extractor_version"] = .string(extractor.version)
        }
        if let webArchive {
            o["warc_record_id"] = .string(webArchive.recordID)
            o["warc_target_uri"] = .string(webArchive.targetURI)
            o["warc_date"] = .string(webArchive.date)
        }
        if let url { o["url"] = .string(url) }
        if let title { o["title"] = .string(title) }
        if let published { o["published"] = .string(published) }
        return .object(o)
    }

    init?(_ b: CanonicalJSONView.Ref) {
        guard let id = b.string("id").flatMap(Digest.init(hex:)), let text = b.string("text_sha256").flatMap(Digest.init(hex:)),
              let outlet = b.string("outlet"), let lang = b.string("lang"), let captured = b.string("captured_at"),
              let media = b.string("media_type"), let length = b.integer("byte_length") else { return nil }
        self.id = id
        textSHA256 = text
        self.outlet = outlet
        self.lang = lang
        capturedAt = captured
        mediaType = media
        byteLength = length
        url = b.string("url")
        title = b.string("title")
        published = b.string("published")
        if let name = b.string("extractor") {
            guard let version = b.string("extractor_version") else { return nil }
            extractor = Extractor(name: name, version: version)
        } else {
            guard b.string("extractor_version") == nil else { return nil }
            extractor = nil
        }
        if let record = b.string("warc_record_id") {
            guard let target = b.string("warc_target_uri"), let date = b.string("warc_date") else { return nil }
            webArchive = WebArchiveOrigin(recordID: record, targetURI: target, date: date)
        } else {
            guard b.string("warc_target_uri") == nil, b.string("warc_date") == nil else { return nil }
            webArchive = nil
        }
    }
}
