import LedgerCore

/// A claim as analysis sees it: its place in the ledger (seq, leaf hash), who said it where, the exact quote,
/// and its typed value and qualifiers. Built from a stored `claim` entry; analysis never reads the store itself.
public struct ClaimRecord: Sendable {
    public let seq: Int64
    public let leafHash: String
    public let source: String
    public let excerpt: String
    public let excerptPrefix: String
    public let excerptSuffix: String
    /// The excerpt's position in Unicode scalars (W3C TextPositionSelector) and the SHA-256 of its text.
    public let excerptStart: Int
    public let excerptEnd: Int
    public let excerptSHA256: String
    public let speaker: String
    public let relay: String?
    public let outlet: String
    public let lang: String
    public let text: String
    /// The subject as written in the claim.
    public let subject: String
    public let predicate: String
    public let value: ClaimValue
    public let polarity: ClaimInput.Polarity
    public let modality: ClaimInput.Modality
    public let event: String?
    public let scope: String?
    public let asOf: DateValue?

    /// Reads a claim entry's body; nil when it is not a well-formed claim.
    public init?(seq: Int64, leafHash: String, body b: JSONValue) {
        guard let source = b["source"]?.string, let excerpt = b["excerpt"]?["exact"]?.string,
              let speaker = b["speaker"]?.string, let outlet = b["outlet"]?.string, let lang = b["lang"]?.string,
              let text = b["text"]?.string, let subject = b["subject"]?.string, let predicate = b["predicate"]?.string,
              let valueJSON = b["value"], let value = ClaimValue(json: valueJSON),
              let polarity = b["polarity"]?.string.flatMap(ClaimInput.Polarity.init(rawValue:)),
              let modality = b["modality"]?.string.flatMap(ClaimInput.Modality.init(rawValue:))
        else { return nil }
        self.seq = seq
        self.leafHash = leafHash
        self.source = source
        self.excerpt = excerpt
        excerptPrefix = b["excerpt"]?["prefix"]?.string ?? ""
        excerptSuffix = b["excerpt"]?["suffix"]?.string ?? ""
        excerptStart = b["excerpt"]?["start"]?.integer ?? 0
        excerptEnd = b["excerpt"]?["end"]?.integer ?? 0
        excerptSHA256 = b["excerpt"]?["sha256"]?.string ?? ""
        self.speaker = speaker
        relay = b["relay"]?.string
        self.outlet = outlet
        self.lang = lang
        self.text = text
        self.subject = subject
        self.predicate = predicate
        self.value = value
        self.polarity = polarity
        self.modality = modality
        let q = b["qualifiers"]
        event = q?["event"]?.string
        scope = q?["scope"]?.string
        if let v = q?["as_of"]?["value"]?.string, let p = q?["as_of"]?["precision"]?.string.flatMap(DateValue.Precision.init(rawValue:)) {
            asOf = DateValue(value: v, precision: p)
        } else {
            asOf = nil
        }
    }

    /// The claim as it appears in every finding: enough to check it against its quote and hash.
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "seq": .number(Double(seq)), "leaf_hash": .string(leafHash), "outlet": .string(outlet), "speaker": .string(speaker),
            "lang": .string(lang), "text": .string(text), "excerpt": .string(excerpt), "source": .string(source),
            "subject": .string(subject), "value": .string(value.original), "polarity": .string(polarity.rawValue),
            "modality": .string(modality.rawValue),
        ]
        if let relay { o["relay"] = .string(relay) }
        return .object(o)
    }
}

/// A recorded source's metadata, for exports that cite where a claim appeared.
public struct SourceRecord: Sendable {
    public let id: String
    public let seq: Int64
    public let outlet: String
    public let lang: String
    public let url: String?
    public let title: String?
    public let published: String?
    public let capturedAt: String

    /// Reads a `source` entry's body; nil when it is malformed.
    public init?(seq: Int64, body b: JSONValue) {
        guard let id = b["id"]?.string, let outlet = b["outlet"]?.string, let lang = b["lang"]?.string,
              let captured = b["captured_at"]?.string else { return nil }
        self.id = id
        self.seq = seq
        self.outlet = outlet
        self.lang = lang
        url = b["url"]?.string
        title = b["title"]?.string
        published = b["published"]?.string
        capturedAt = captured
    }
}
