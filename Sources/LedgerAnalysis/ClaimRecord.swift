import LedgerCore

/// A claim as analysis sees it: its place in the ledger (seq, leaf hash), who said it where, the exact quote,
/// and its typed value and qualifiers. Built from a stored `claim` entry; analysis never reads the store itself.
/// A class, so that grouping and sorting a million of them moves one reference each, not two dozen fields.
public final class ClaimRecord: Sendable {
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

    /// Reads a claim entry's body (a `JSONValue`, or a node of a stored entry's `CanonicalJSONView`); nil when it is
    /// not a well-formed claim. Names that repeat across claims (source, speaker, outlet, subject…) go through
    /// `pool`, so a million claims hold each such string once. With `details: false` the excerpt (with its context
    /// and hash) and the claim text are left empty: enough to group and compare claims in a fraction of the memory
    /// (see `Contradictions.find(_:…details:)`), not to show them.
    public init?(seq: Int64, leafHash: String, body b: some JSONLookup, pool: inout StringPool, details: Bool = true) {
        guard let source = b.string("source"), let excerpt = details ? b.string("excerpt", "exact") : "",
              let speaker = b.string("speaker"), let outlet = b.string("outlet"), let lang = b.string("lang"),
              let text = details ? b.string("text") : "", let subject = b.string("subject"), let predicate = b.string("predicate"),
              let valueJSON = b.json("value"), let value = ClaimValue(json: valueJSON),
              let polarity = b.string("polarity").flatMap(ClaimInput.Polarity.init(rawValue:)),
              let modality = b.string("modality").flatMap(ClaimInput.Modality.init(rawValue:))
        else { return nil }
        self.seq = seq
        self.leafHash = leafHash
        self.source = pool.intern(source)
        self.excerpt = excerpt
        excerptPrefix = details ? b.string("excerpt", "prefix") ?? "" : ""
        excerptSuffix = details ? b.string("excerpt", "suffix") ?? "" : ""
        excerptStart = b.integer("excerpt", "start") ?? 0
        excerptEnd = b.integer("excerpt", "end") ?? 0
        excerptSHA256 = details ? b.string("excerpt", "sha256") ?? "" : ""
        self.speaker = pool.internName(speaker)
        relay = b.string("relay").map { pool.internName($0) }
        self.outlet = pool.internName(outlet)
        self.lang = pool.intern(lang)
        self.text = text
        self.subject = pool.internName(subject)
        self.predicate = pool.internName(predicate)
        self.value = value
        self.polarity = polarity
        self.modality = modality
        event = b.string("qualifiers", "event").map { pool.internName($0) }
        scope = b.string("qualifiers", "scope").map { pool.internName($0) }
        if let v = b.string("qualifiers", "as_of", "value"),
           let p = b.string("qualifiers", "as_of", "precision").flatMap(DateValue.Precision.init(rawValue:)) {
            asOf = DateValue(value: v, precision: p)
        } else {
            asOf = nil
        }
    }

    /// Reads a claim entry's body on its own (no shared pool).
    public convenience init?(seq: Int64, leafHash: String, body: some JSONLookup) {
        var pool = StringPool()
        self.init(seq: seq, leafHash: leafHash, body: body, pool: &pool)
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
