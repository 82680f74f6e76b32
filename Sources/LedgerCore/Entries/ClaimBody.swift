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

        init(_ v: CanonicalJSONView, _ q: Int?) {
            func string(_ n: Int?, _ name: String) -> String? { n.flatMap { v.member($0, name) }.flatMap(v.string) }
            event = string(q, "event")
            scope = string(q, "scope")
            let asOf = q.flatMap { v.member($0, "as_of") }
            if let value = string(asOf, "value"), let p = string(asOf, "precision").flatMap(DateValue.Precision.init(rawValue:)) {
                self.asOf = DateValue(value: value, precision: p)
            } else {
                self.asOf = nil
            }
        }
    }

    /// The source's id.
    public let source: Digest
    public let excerpt: Excerpt
    public let speaker: String
    public let relay: String?
    /// Whose reporting the claim traces to, when it was named (`--origin`); older claims have none.
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
    public let qualifiers: Qualifiers

    public init(source: Digest, excerpt: Excerpt, speaker: String, relay: String?, origin: ClaimOrigin? = nil, outlet: String, lang: String,
                text: String, subject: String, predicate: String, value: ClaimValue, polarity: ClaimInput.Polarity, modality: ClaimInput.Modality,
                qualifiers: Qualifiers) {
        self.source = source
        self.excerpt = excerpt
        self.speaker = speaker
        self.relay = relay
        self.origin = origin
        self.outlet = outlet
        self.lang = lang
        self.text = text
        self.subject = subject
        self.predicate = predicate
        self.value = value
        self.polarity = polarity
        self.modality = modality
        self.qualifiers = qualifiers
    }

    /// Reads the members directly off the view (no path arrays): this runs once per claim on every analysis.
    init?(_ b: CanonicalJSONView.Ref) {
        let v = b.view
        func string(_ name: String) -> String? { v.member(b.node, name).flatMap(v.string) }
        guard let place = Placement(b), let speaker = string("speaker"), let lang = string("lang"), let text = string("text"),
              let value = v.member(b.node, "value").flatMap({ ClaimValue(v, $0) }),
              let polarity = string("polarity").flatMap(ClaimInput.Polarity.init(rawValue:)),
              let modality = string("modality").flatMap(ClaimInput.Modality.init(rawValue:))
        else { return nil }
        let (source, excerpt, outlet, subject, predicate) = (place.source, place.excerpt, place.outlet, place.subject, place.predicate)
        if let o = v.member(b.node, "origin") {
            guard let origin = ClaimOrigin(v, o) else { return nil }
            self.origin = origin
        } else {
            origin = nil
        }
        self.source = source
        self.excerpt = excerpt
        self.speaker = speaker
        relay = string("relay")
        self.outlet = outlet
        self.lang = lang
        self.text = text
        self.subject = subject
        self.predicate = predicate
        self.value = value
        self.polarity = polarity
        self.modality = modality
        qualifiers = Qualifiers(v, v.member(b.node, "qualifiers"))
    }

    /// Where a claim is anchored and what it is about: what the store's lookup columns and `verify` read of it,
    /// decoded alone (a fraction of the whole body: no value, texts or qualifiers). The whole body reads these
    /// members through it.
    public struct Placement: Sendable {
        public let source: Digest
        public let excerpt: Excerpt
        public let outlet: String
        public let subject: String
        public let predicate: String

        init(source: Digest, excerpt: Excerpt, outlet: String, subject: String, predicate: String) {
            self.source = source
            self.excerpt = excerpt
            self.outlet = outlet
            self.subject = subject
            self.predicate = predicate
        }

        /// The placement of the claim body at node `b` of a view in which `EntryCheck` found no problem.
        public init?(_ b: CanonicalJSONView.Ref) {
            let v = b.view
            func string(_ n: Int?, _ name: String) -> String? { n.flatMap { v.member($0, name) }.flatMap(v.string) }
            func integer(_ n: Int?, _ name: String) -> Int? { n.flatMap { v.member($0, name) }.flatMap(v.integer) }
            let x = v.member(b.node, "excerpt")
            guard let source = string(b.node, "source").flatMap(Digest.init(hex:)), let exact = string(x, "exact"),
                  let prefix = string(x, "prefix"), let suffix = string(x, "suffix"),
                  let start = integer(x, "start"), let end = integer(x, "end"), let sha = string(x, "sha256").flatMap(Digest.init(hex:)),
                  let outlet = string(b.node, "outlet"), let subject = string(b.node, "subject"), let predicate = string(b.node, "predicate")
            else { return nil }
            self.source = source
            excerpt = Excerpt(exact: exact, prefix: prefix, suffix: suffix, start: start, end: end, sha256: sha)
            self.outlet = outlet
            self.subject = subject
            self.predicate = predicate
        }
    }

    /// Where this claim is anchored and what it is about.
    public var placement: Placement { Placement(source: source, excerpt: excerpt, outlet: outlet, subject: subject, predicate: predicate) }

    /// The body as `claim add` stores it.
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "source": .string(source.hex), "excerpt": excerpt.json, "speaker": .string(speaker), "outlet": .string(outlet),
            "lang": .string(lang), "text": .string(text), "subject": .string(subject), "predicate": .string(predicate),
            "value": value.json, "polarity": .string(polarity.rawValue), "modality": .string(modality.rawValue),
        ]
        if let relay { o["relay"] = .string(relay) }
        if let origin { o["origin"] = origin.json }
        if qualifiers != Qualifiers(event: nil, scope: nil, asOf: nil) { o["qualifiers"] = qualifiers.json }
        return .object(o)
    }
}
