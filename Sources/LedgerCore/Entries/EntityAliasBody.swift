/// The body of an `entity.alias` entry: one more name for an entity recorded earlier.
public struct EntityAliasBody: Sendable, Equatable {
    public let entity: String
    public let alias: String

    public init(entity: String, alias: String) {
        self.entity = entity
        self.alias = alias
    }

    /// The body as stored.
    public var json: JSONValue { ["entity": .string(entity), "alias": .string(alias)] }

    init?(_ b: CanonicalJSONView.Ref) {
        guard let entity = b.string("entity"), let alias = b.string("alias") else { return nil }
        self.entity = entity
        self.alias = alias
    }
}
