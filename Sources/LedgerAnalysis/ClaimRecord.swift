import LedgerCore
import LedgerCrypto

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
    /// Whose reporting the claim traces to, when it was named (`--origin`).
    public let origin: ClaimOrigin?
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

    /// A claim from its decoded body. Names that repeat across claims (source, speaker, outlet, subject…) go through
    /// `pool`, so a million claims hold each such string once. With `details: false` the excerpt (with its context
    /// and hash) and the claim text are left empty: enough to group and compare claims in a fraction of the memory
    /// (see `Contradictions.find(_:…details:)`), not to show them.
    public init(seq: Int64, leafHash: String, claim b: ClaimBody, pool: inout StringPool, details: Bool = true) {
        self.seq = seq
        self.leafHash = leafHash
        source = pool.intern(b.source.hex)
        excerpt = details ? b.excerpt.exact : ""
        excerptPrefix = details ? b.excerpt.prefix : ""
        excerptSuffix = details ? b.excerpt.suffix : ""
        excerptStart = b.excerpt.start
        excerptEnd = b.excerpt.end
        excerptSHA256 = details ? b.excerpt.sha256.hex : ""
        speaker = pool.internName(b.speaker)
        relay = b.relay.map { pool.internName($0) }
        origin = b.origin
        outlet = pool.internName(b.outlet)
        lang = pool.intern(b.lang)
        text = details ? b.text : ""
        subject = pool.internName(b.subject)
        predicate = pool.internName(b.predicate)
        value = b.value
        polarity = b.polarity
        modality = b.modality
        event = b.qualifiers.event.map { pool.internName($0) }
        scope = b.qualifiers.scope.map { pool.internName($0) }
        asOf = b.qualifiers.asOf
    }

    /// Reads a claim body given as a `JSONValue`; nil when it is not a well-formed claim (`EntryCheck` says why).
    public convenience init?(seq: Int64, leafHash: String, body: JSONValue, pool: inout StringPool, details: Bool = true) {
        guard case .claim(let claim)? = EntryBody(kind: .claim, json: body) else { return nil }
        self.init(seq: seq, leafHash: leafHash, claim: claim, pool: &pool, details: details)
    }

    /// Reads a claim body on its own (no shared pool).
    public convenience init?(seq: Int64, leafHash: String, body: JSONValue) {
        var pool = StringPool()
        self.init(seq: seq, leafHash: leafHash, body: body, pool: &pool)
    }

    /// The claim as it appears in every finding and list: enough to check it against its quote and hash. Its
    /// excerpt and value are the objects the claim's entry stores (`Excerpt.json`, `ClaimValue.json`), as in every
    /// other JSON output (schemas/contradictions.schema.json#/$defs/claim).
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "seq": .int(Int(seq)), "leaf_hash": .string(leafHash), "outlet": .string(outlet), "speaker": .string(speaker),
            "lang": .string(lang), "text": .string(text), "excerpt": storedExcerpt.json, "source": .string(source),
            "subject": .string(subject), "value": value.json, "polarity": .string(polarity.rawValue),
            "modality": .string(modality.rawValue),
        ]
        if let relay { o["relay"] = .string(relay) }
        if let origin { o["origin"] = origin.json }
        return .object(o)
    }
}

extension ClaimRecord {
    /// The excerpt as its entry stores it, to check against its source and to show in JSON.
    public var storedExcerpt: Excerpt {
        Excerpt(exact: excerpt, prefix: excerptPrefix, suffix: excerptSuffix, start: excerptStart, end: excerptEnd,
                sha256: Digest(hex: excerptSHA256) ?? .zero)
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

    /// The source as JSON lists give it (`source list --json`, schemas/source-list.schema.json, with the members of
    /// the server's `GET /api/sources`): absent metadata is null; `claims` counts the current claims citing it.
    public func json(claims: Int) -> JSONValue {
        ["id": .string(id), "seq": .int(Int(seq)), "outlet": .string(outlet), "lang": .string(lang),
         "url": url.map { .string($0) } ?? .null, "title": title.map { .string($0) } ?? .null,
         "published": published.map { .string($0) } ?? .null, "captured_at": .string(capturedAt), "claims": .int(claims)]
    }

    /// A `source` entry's record, from its decoded body.
    public init(seq: Int64, body b: SourceBody) {
        id = b.id.hex
        self.seq = seq
        outlet = b.outlet
        lang = b.lang
        url = b.url
        title = b.title
        published = b.published
        capturedAt = b.capturedAt
    }
}
