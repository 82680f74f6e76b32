/// The body of an `entity` entry: an id, labels per language tag, and other names it goes by.
public struct EntityBody: Sendable, Equatable {
    public let id: String
    public let labels: [String: String]
    public let aliases: [String]

    public init(id: String, labels: [String: String], aliases: [String]) {
        self.id = id
        self.labels = labels
        self.aliases = aliases
    }

    /// The body as the entry stores it.
    public var json: JSONValue {
        ["id": .string(id), "labels": .object(labels.mapValues { .string($0) }), "aliases": .array(aliases.map { .string($0) })]
    }

    init?(_ b: CanonicalJSONView.Ref) {
        guard let id = b.string("id"), let labels = b.json("labels")?.object, let aliases = b.json("aliases")?.array else { return nil }
        self.id = id
        self.labels = labels.compactMapValues(\.string)
        self.aliases = aliases.compactMap(\.string)
    }
}
