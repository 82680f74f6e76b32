/// The body of an `entity.alias` entry: one more name for an entity recorded earlier.
public struct EntityAliasBody: Sendable, Equatable {
    public let entity: String
    public let alias: String

    init?(_ b: CanonicalJSONView.Ref) {
        guard let entity = b.string("entity"), let alias = b.string("alias") else { return nil }
        self.entity = entity
        self.alias = alias
    }
}
