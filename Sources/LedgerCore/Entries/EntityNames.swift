/// Resolves the names a claim's subject may use — an entity's id, any of its labels or aliases — to the
/// entity id, comparing names by their match key (case, accents of quote style, dashes and spacing ignored).
/// Built from `entity` and `entity.alias` entries. Unknown names resolve to nil and are compared literally.
public struct EntityNames: Sendable {
    private var byKey: [String: String] = [:]
    /// Every id, label and alias as recorded (for `audit`'s look-alike names).
    public private(set) var recorded = Set<String>()
    /// Every entity id recorded.
    public private(set) var ids = Set<String>()
    private var labels: [String: [String: String]] = [:]

    public init() {}

    /// Adds the names in an `entity` body (id, labels, aliases) or an `entity.alias` body (entity, alias); other
    /// bodies hold no names.
    public mutating func add(_ body: EntryBody) {
        switch body {
        case .entity(let e):
            ids.insert(e.id)
            if labels[e.id] == nil { labels[e.id] = e.labels }
            insert(e.id, for: e.id)
            for (_, label) in e.labels.sorted(by: { $0.key < $1.key }) { insert(label, for: e.id) }
            for alias in e.aliases { insert(alias, for: e.id) }
        case .entityAlias(let a):
            insert(a.alias, for: a.entity)
        default:
            break
        }
    }

    /// The entity a name belongs to, or nil when no entity has that name.
    public func resolve(_ name: String) -> String? { byKey[Self.key(name)] }

    /// The label of entity `id` for a reader of `lang`: its label in that language, else in the language's primary
    /// subtag, else in English, else its first label by language tag; nil for an unknown id or one without labels.
    public func label(_ id: String, lang: String? = nil) -> String? {
        guard let l = labels[id], !l.isEmpty else { return nil }
        let primary = lang.map { String($0.split(separator: "-").first ?? "") }
        return lang.flatMap { l[$0] } ?? primary.flatMap { l[$0] } ?? l["en"] ?? l.sorted { $0.key < $1.key }.first?.value
    }

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
