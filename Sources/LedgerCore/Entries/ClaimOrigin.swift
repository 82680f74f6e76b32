import LedgerCrypto

/// Whose reporting a claim traces to, when the person recording it knows (`claim add --origin ID`): a declared
/// entity (`org:organisers`, whose post or screenshot several outlets relayed) or a recorded source (the article
/// the claim's outlet took it from). Stored in the claim body as `"origin": {"entity": ID}` or
/// `{"source": HEX}`; corroboration counts the claims that trace to one origin once (DESIGN §5).
public enum ClaimOrigin: Sendable, Hashable, CustomStringConvertible {
    case entity(String)
    case source(Digest)

    /// The member as stored: an object with one member, `entity` or `source`.
    public var json: JSONValue {
        switch self {
        case .entity(let id): ["entity": .string(id)]
        case .source(let id): ["source": .string(id.hex)]
        }
    }

    /// The id as `--origin` takes it: the entity's id, or the source's full id.
    public var id: String {
        switch self {
        case .entity(let id): id
        case .source(let id): id.hex
        }
    }

    /// "entity org:organisers", "source 3f2a9c1e…".
    public var description: String {
        switch self {
        case .entity(let id): "entity \(id)"
        case .source(let id): "source \(id.hex.prefix(12))"
        }
    }

    /// The origin stored at `node` (`EntryCheck` checked its shape), nil when malformed.
    init?(_ v: CanonicalJSONView, _ node: Int) {
        let members = v.members(node)
        guard v.kind(node) == .object, members.count == 1, let value = v.string(members[0].value) else { return nil }
        if v.isString(members[0].name, "entity"), !value.isEmpty {
            self = .entity(value)
        } else if v.isString(members[0].name, "source"), let id = Digest(hex: value) {
            self = .source(id)
        } else {
            return nil
        }
    }

    /// The origin a user typed: a declared entity's id (exactly), else a recorded source's id or a unique prefix of
    /// at least 8 hex digits, which `source` resolves (as for a claim's source) or throws why not. Anything else is
    /// refused with the closest entity ids, or the id of the entity the text is a name of.
    public static func resolve(_ typed: String, names: EntityNames, source: (String) throws -> Digest) throws(EntryError) -> ClaimOrigin {
        let t = Normalization.nfc(typed.trimmingSpace())
        guard !t.isEmpty else { throw EntryError("is empty: give a declared entity id (e.g. org:organisers) or a recorded source's id") }
        if names.ids.contains(t) { return .entity(t) }
        let hex = t.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit }
        if hex, (8...64).contains(t.unicodeScalars.count) {
            do { return .source(try source(t)) } catch { throw EntryError("\(error)") }
        }
        let hint: String
        if let owner = names.resolve(t) {
            hint = "; it is a name of the entity \(owner): give that id"
        } else {
            let close = ClosestNames.find(t, among: names.ids.sorted())
            hint = close.isEmpty ? (hex ? " (a source id needs at least 8 hex digits)" : " (see `claimledger entity list`)")
                : "; did you mean \(close.joined(separator: ", "))?"
        }
        throw EntryError("\"\(t.prefix(70))\" is neither a declared entity id nor a recorded source id\(hint)")
    }
}
