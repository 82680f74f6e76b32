import LedgerCrypto

/// The body of a `claim` entry (and the new claim inside a correction): the quote it rests on, who said it where,
/// and what it says — subject, predicate, typed value with its original wording, polarity, modality, qualifiers.
public struct ClaimBody: Sendable {
    /// What a claim is qualified by: the event it belongs to, a scope that separates it from other claims, and the
    /// date it holds as of.
    public struct Qualifiers: Sendable, Equatable {
        public let event: String?
        public let scope: String?
        public let asOf: DateValue?

        public init(event: String?, scope: String?, asOf: DateValue?) {
            self.event = event
            self.scope = scope
            self.asOf = asOf
        }

        /// The qualifiers as stored (an empty object when there are none).
        public var json: JSONValue {
            var o: [String: JSONValue] = [:]
            if let event { o["event"] = .string(event) }
            if let scope { o["scope"] = .string(scope) }
            if let asOf { o["as_of"] = ["value": .string(asOf.value), "precision": .string(asOf.precision.rawValue)] }
            return .object(o)
        }

        init(_ b: CanonicalJSONView.Ref) {
            event = b.string("qualifiers", "event")
            scope = b.string("qualifiers", "scope")
            if let v = b.string("qualifiers", "as_of", "value"),
               let p = b.string("qualifiers", "as_of", "precision").flatMap(DateValue.Precision.init(rawValue:)) {
                asOf = DateValue(value: v, precision: p)
            } else {
                asOf = nil
            }
        }
    }

    /// The source's id.
    public let source: Digest
    public let excerpt: Excerpt
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
    public let qualifiers: Qualifiers

    init?(_ b: CanonicalJSONView.Ref) {
        guard let source = b.string("source").flatMap(Digest.init(hex:)), let exact = b.string("excerpt", "exact"),
              let prefix = b.string("excerpt", "prefix"), let suffix = b.string("excerpt", "suffix"),
              let start = b.integer("excerpt", "start"), let end = b.integer("excerpt", "end"),
              let sha = b.string("excerpt", "sha256").flatMap(Digest.init(hex:)),
              let speaker = b.string("speaker"), let outlet = b.string("outlet"), let lang = b.string("lang"),
              let text = b.string("text"), let subject = b.string("subject"), let predicate = b.string("predicate"),
              let value = b.json("value").flatMap(ClaimValue.init(json:)),
              let polarity = b.string("polarity").flatMap(ClaimInput.Polarity.init(rawValue:)),
              let modality = b.string("modality").flatMap(ClaimInput.Modality.init(rawValue:))
        else { return nil }
        self.source = source
        excerpt = Excerpt(exact: exact, prefix: prefix, suffix: suffix, start: start, end: end, sha256: sha)
        self.speaker = speaker
        relay = b.string("relay")
        self.outlet = outlet
        self.lang = lang
        self.text = text
        self.subject = subject
        self.predicate = predicate
        self.value = value
        self.polarity = polarity
        self.modality = modality
        qualifiers = Qualifiers(b)
    }

    /// The body as `claim add` stores it.
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "source": .string(source.hex), "excerpt": excerpt.json, "speaker": .string(speaker), "outlet": .string(outlet),
            "lang": .string(lang), "text": .string(text), "subject": .string(subject), "predicate": .string(predicate),
            "value": value.json, "polarity": .string(polarity.rawValue), "modality": .string(modality.rawValue),
        ]
        if let relay { o["relay"] = .string(relay) }
        if qualifiers != Qualifiers(event: nil, scope: nil, asOf: nil) { o["qualifiers"] = qualifiers.json }
        return .object(o)
    }
}
