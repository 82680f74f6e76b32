import LedgerCrypto

/// What a user gives to record one claim (`claim add` options, or one line of `claim import`).
/// `body(...)` validates it, anchors the excerpt and parses the value into the claim body of DESIGN §4.
public struct ClaimInput: Sendable {
    /// Whether the speaker asserted or denied the value.
    public enum Polarity: String, CaseIterable, Sendable { case affirmed, denied }
    /// How firmly: stated outright, reported from someone else, or hedged ("reportedly", conditionnel).
    public enum Modality: String, CaseIterable, Sendable { case asserted, reported, hedged }
    /// Whose reporting the claim traces to: as the user typed it (an entity id, a source id or prefix), which
    /// `resolvingOrigin` checks against the ledger's entities and sources, or already resolved. Only a resolved
    /// origin is recorded.
    public enum Origin: Sendable, Equatable {
        case named(String)
        case resolved(ClaimOrigin)
    }

    public var source: String
    public var excerpt: String
    public var occurrence: Int?
    public var speaker: String
    public var relay: String?
    public var origin: Origin?
    /// Defaults to the source's outlet.
    public var outlet: String?
    /// Defaults to the source's language.
    public var lang: String?
    public var text: String
    public var subject: String
    public var predicate: String
    public var value: String
    public var polarity: Polarity
    public var modality: Modality
    public var asOf: String?
    public var event: String?
    /// A separator qualifier: claims with different scopes ("US", "worldwide") are never compared.
    public var scope: String?

    public init(source: String, excerpt: String, occurrence: Int? = nil, speaker: String, relay: String? = nil,
                origin: Origin? = nil, outlet: String? = nil, lang: String? = nil, text: String, subject: String, predicate: String, value: String,
                polarity: Polarity = .affirmed, modality: Modality = .asserted, asOf: String? = nil, event: String? = nil,
                scope: String? = nil) {
        self.source = source
        self.excerpt = excerpt
        self.occurrence = occurrence
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
        self.asOf = asOf
        self.event = event
        self.scope = scope
    }

    /// The claim body, given the resolved source (its full id, outlet and language), a locator over its
    /// anchoring text and the predicate's declaration (nil when undeclared).
    public func body(source: SourceBody, locator: ExcerptLocator, predicate declared: ClaimPredicate?) throws(ClaimInputError) -> ClaimBody {
        if let marked = markedForReview {
            throw .field(marked, "still starts with \"\(Self.reviewMark)\" (a guess by `claimledger suggest`): check it against the source and replace it")
        }
        let excerptValue: Excerpt
        do { excerptValue = try locator.locate(excerpt, occurrence: occurrence) } catch { throw .field("excerpt", error.description) }
        let language = try field("lang") { () throws(EntryError) in try Bodies.lang(lang ?? source.lang) }
        let parsed: ClaimValue
        do { parsed = try ValueParser.parse(value, predicate: declared, language: language) } catch { throw .field("value", error.message) }
        // Fields are checked in this order, so the first problem reported is always the same one.
        let speaker = try field("speaker") { () throws(EntryError) in try Bodies.name(self.speaker, "speaker") }
        let outlet = try field("outlet") { () throws(EntryError) in try Bodies.name(self.outlet ?? source.outlet, "outlet") }
        let text = try field("text") { () throws(EntryError) in try Bodies.prose(self.text, "text") }
        let subject = try field("subject") { () throws(EntryError) in try Bodies.name(self.subject, "subject") }
        let predicate = try field("predicate") { () throws(EntryError) in try Bodies.identifier(self.predicate, "predicate") }
        let relay = try self.relay.map { r throws(ClaimInputError) in try field("relay") { () throws(EntryError) in try Bodies.name(r, "relay") } }
        let event = try self.event.map { e throws(ClaimInputError) in try field("event") { () throws(EntryError) in try Bodies.identifier(e, "event") } }
        let scope = try self.scope.map { s throws(ClaimInputError) in try field("scope") { () throws(EntryError) in try Bodies.name(s, "scope") } }
        var origin: ClaimOrigin? = nil
        switch self.origin {
        case .resolved(let o)?: origin = o
        case .named(let typed)?: throw .field("origin", "\"\(typed.prefix(70))\" was not checked against the ledger's entities and sources (resolvingOrigin)")
        case nil: break
        }
        var asOfValue: DateValue? = nil
        if let asOf {
            guard let d = DateParser.parse(asOf, language: language) else { throw .field("as_of", "\"\(asOf.prefix(40))\" is not a date") }
            asOfValue = d
        }
        return ClaimBody(source: source.id, excerpt: excerptValue, speaker: speaker, relay: relay, origin: origin, outlet: outlet, lang: language, text: text,
                             subject: subject, predicate: predicate, value: parsed, polarity: polarity, modality: modality,
                             qualifiers: .init(event: event, scope: scope, asOf: asOfValue))
    }

    /// This input with a typed origin resolved (`ClaimOrigin.resolve`) against the entities `names` and the
    /// sources `source` resolves; an error names the field "origin".
    public func resolvingOrigin(names: EntityNames, source: (String) throws -> Digest) throws(ClaimInputError) -> ClaimInput {
        guard case .named(let typed)? = origin else { return self }
        var resolved = self
        resolved.origin = .resolved(try field("origin") { () throws(EntryError) in try ClaimOrigin.resolve(typed, names: names, source: source) })
        return resolved
    }

    private func field<T>(_ name: String, _ check: () throws(EntryError) -> T) throws(ClaimInputError) -> T {
        do { return try check() } catch { throw .field(name, error.message) }
    }
}

/// A claim input problem, naming the field (as spelled in `claim import` lines) so a user can find it.
public enum ClaimInputError: Error, Equatable, Sendable, CustomStringConvertible {
    case field(String, String)
    /// A member no claim has (a JSON claim: `ClaimInput(json:)`), and the members a claim may have.
    case unknownField(String, known: [String])

    /// The field at fault (empty for an unknown member: it is no field of a claim).
    public var field: String {
        switch self {
        case .field(let f, _): f
        case .unknownField: ""
        }
    }

    /// What is wrong with it.
    public var message: String {
        switch self {
        case .field(_, let why): why
        case .unknownField(let name, let known): "unknown field \"\(name.prefix(40))\" (fields: \(known.joined(separator: ", ")))"
        }
    }

    public var description: String { field.isEmpty ? message : "\(field): \(message)" }
}

extension ClaimInput {
    /// What `claimledger suggest` puts before each guess in the lines it writes; a claim is refused while a field
    /// still starts with it, so a guess is never recorded unchecked.
    public static let reviewMark = "CHECK:"

    /// The first field (in `claim import` order) still starting with `reviewMark`, if any.
    public var markedForReview: String? {
        var named: String? = nil
        if case .named(let typed)? = origin { named = typed }
        let fields: [(String, String?)] = [("speaker", speaker), ("relay", relay), ("origin", named), ("outlet", outlet), ("lang", lang),
                                           ("text", text), ("subject", subject), ("predicate", predicate), ("value", value),
                                           ("as_of", asOf), ("event", event), ("scope", scope)]
        return fields.first { $0.1?.hasPrefix(Self.reviewMark) == true }?.0
    }
}
