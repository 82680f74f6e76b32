import LedgerCrypto

/// The body of an entry, typed by its kind (DESIGN §4). Decoded from the hashed entry bytes, and only when
/// `EntryCheck` finds nothing wrong with the body: what the decoder accepts is exactly what `verify` accepts.
/// Readers take an entry's kind from here, never from the store's lookup columns.
public enum EntryBody: Sendable {
    case genesis(GenesisBody)
    case source(SourceBody)
    case entity(EntityBody)
    case entityAlias(EntityAliasBody)
    case predicate(ClaimPredicate)
    case claim(ClaimBody)
    case claimRetraction(ClaimRetractionBody)
    case claimCorrection(ClaimCorrectionBody)
    case key(KeyBody)
    case link(LinkBody)

    /// The body of the entry stored as `bytes`; nil when the bytes are not JSON, name no known kind, or hold a body
    /// `EntryCheck` reports a problem with. Canonical bytes are read through a view, without a `JSONValue` tree.
    public init?(_ bytes: [UInt8]) {
        if let view = CanonicalJSONView(bytes) {
            self.init(view)
        } else if let parsed = try? JSONParser.parse(bytes), let canonical = try? CanonicalJSON.encode(parsed),
                  let view = CanonicalJSONView(canonical) {
            self.init(view)  // a damaged ledger's non-canonical entry, which `verify` reports, is still read
        } else {
            return nil
        }
    }

    /// The body of the entry read through `view` (its root is the envelope).
    public init?(_ view: CanonicalJSONView) {
        guard let envelope = Entry.Envelope(view) else { return nil }
        self.init(kind: envelope.kind, view: view, body: envelope.body)
    }

    /// The body of the entry read through `view`, in which `EntryCheck.check` found no problem (not checked again).
    public init?(checked view: CanonicalJSONView) {
        guard let envelope = Entry.Envelope(view) else { return nil }
        self.init(checked: view, kind: envelope.kind, body: envelope.body)
    }

    /// The body of kind `kind` at node `body` of `view`.
    public init?(kind: EntryKind, view: CanonicalJSONView, body: Int) {
        guard view.kind(body) == .object, EntryCheck.bodyProblems(kind, view, body).isEmpty else { return nil }
        self.init(checked: view, kind: kind, body: body)
    }

    /// The body of kind `kind` at node `body` of a view in which `EntryCheck.check` found no problem at all (it
    /// is not checked again: `verify` and `monitor` check every entry once).
    public init?(checked view: CanonicalJSONView, kind: EntryKind, body: Int) {
        guard view.kind(body) == .object else { return nil }
        let b = CanonicalJSONView.Ref(view, body)
        switch kind {
        case .genesis: guard let x = GenesisBody(b) else { return nil }; self = .genesis(x)
        case .source: guard let x = SourceBody(b) else { return nil }; self = .source(x)
        case .entity: guard let x = EntityBody(b) else { return nil }; self = .entity(x)
        case .entityAlias: guard let x = EntityAliasBody(b) else { return nil }; self = .entityAlias(x)
        case .predicate: guard let x = ClaimPredicate(json: view.value(body)) else { return nil }; self = .predicate(x)
        case .claim: guard let x = ClaimBody(b) else { return nil }; self = .claim(x)
        case .claimRetraction: guard let x = ClaimRetractionBody(b) else { return nil }; self = .claimRetraction(x)
        case .claimCorrection: guard let x = ClaimCorrectionBody(b) else { return nil }; self = .claimCorrection(x)
        case .key: guard let x = KeyBody(b) else { return nil }; self = .key(x)
        case .link: guard let x = LinkBody(b) else { return nil }; self = .link(x)
        }
    }

    /// A body given as a `JSONValue` (of an entry being built, or read from a file), checked and decoded alike.
    public init?(kind: EntryKind, json: JSONValue) {
        guard let bytes = try? CanonicalJSON.encode(json), let view = CanonicalJSONView(bytes) else { return nil }
        self.init(kind: kind, view: view, body: view.root)
    }

    /// The body as its entry stores it (canonically encoded by `Entry.make`).
    public var json: JSONValue {
        switch self {
        case .genesis(let b): b.json
        case .source(let b): b.json
        case .entity(let b): b.json
        case .entityAlias(let b): b.json
        case .predicate(let b): b.json
        case .claim(let b): b.json
        case .claimRetraction(let b): b.json
        case .claimCorrection(let b): b.json
        case .key(let b): b.json
        case .link(let b): b.json
        }
    }

    /// The kind of entry this body belongs to.
    public var kind: EntryKind {
        switch self {
        case .genesis: .genesis
        case .source: .source
        case .entity: .entity
        case .entityAlias: .entityAlias
        case .predicate: .predicate
        case .claim: .claim
        case .claimRetraction: .claimRetraction
        case .claimCorrection: .claimCorrection
        case .key: .key
        case .link: .link
        }
    }
}
