/// The body of an `entity` entry: an id, labels per language tag, and other names it goes by.
public struct EntityBody: Sendable, Equatable {
    public let id: String
    public let labels: [String: String]
    public let aliases: [String]

    init?(_ b: CanonicalJSONView.Ref) {
        guard let id = b.string("id"), let labels = b.json("labels")?.object, let aliases = b.json("aliases")?.array else { return nil }
        self.id = id
        self.labels = labels.compactMapValues(\.string)
        self.aliases = aliases.compactMap(\.string)
    }
}
