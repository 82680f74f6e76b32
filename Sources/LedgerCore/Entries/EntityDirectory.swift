/// The recorded entities in ledger order, each with the aliases added to it later: what `entity list` and the
/// server's entities page show. Built from `entity` and `entity.alias` bodies; other bodies are ignored.
public struct EntityDirectory: Sendable {
    /// One entity: its id, its labels by language tag, and every alias it was given.
    public struct Entity: Sendable {
        public let id: String
        public let labels: [String: String]
        public internal(set) var aliases: [String]
    }

    public private(set) var entities: [Entity] = []
    private var index: [String: Int] = [:]

    public init() {}

    public mutating func add(_ body: EntryBody) {
        switch body {
        case .entity(let e):
            index[e.id] = entities.count
            entities.append(Entity(id: e.id, labels: e.labels, aliases: e.aliases))
        case .entityAlias(let a):
            if let i = index[a.entity] { entities[i].aliases.append(a.alias) }
        default:
            break
        }
    }

    /// The entity as JSON: id, labels, aliases (`schemas/entity-list.schema.json`).
    public static func json(_ e: Entity) -> JSONValue {
        ["id": .string(e.id), "labels": .object(e.labels.mapValues { .string($0) }), "aliases": .array(e.aliases.map { .string($0) })]
    }
}
