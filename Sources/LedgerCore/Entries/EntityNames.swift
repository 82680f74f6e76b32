/// Resolves the names a claim's subject may use — an entity's id, any of its labels or aliases — to the
/// entity id, comparing names by their match key (case, accents of quote style, dashes and spacing ignored).
/// Built from `entity` and `entity.alias` entries. Unknown names resolve to nil and are compared literally.
public struct EntityNames: Sendable {
    private var byKey: [String: String] = [:]
    /// Every id, label and alias as recorded (for `audit`'s look-alike names).
    public private(set) var recorded = Set<String>()

    public init() {}

    /// Adds the names in an `entity` body (id, labels, aliases) or an `entity.alias` body (entity, alias).
    public mutating func add(_ body: JSONValue) {
        if let entity = body["entity"]?.string, let alias = body["alias"]?.string {
            insert(alias, for: entity)
            return
        }
        guard let id = body["id"]?.string else { return }
        insert(id, for: id)
        for label in (body["labels"]?.object ?? [:]).values.compactMap(\.string) { insert(label, for: id) }
        for alias in body["aliases"]?.array?.compactMap(\.string) ?? [] { insert(alias, for: id) }
    }

    /// The entity a name belongs to, or nil when no entity has that name.
    public func resolve(_ name: String) -> String? { byKey[Self.key(name)] }

    /// The canonical subject for comparisons: the entity id when the name is known, else the name itself.
    public func canonical(_ name: String) -> String { resolve(name) ?? name }

    private mutating func insert(_ name: String, for id: String) {
        let k = Self.key(name)
        recorded.insert(name)
        if byKey[k] == nil { byKey[k] = id }  // first recorded wins; addAlias refuses names already taken
    }

    private static func key(_ name: String) -> String {
        String(String.UnicodeScalarView(MatchKey.ofQuote(name)))
    }
}
