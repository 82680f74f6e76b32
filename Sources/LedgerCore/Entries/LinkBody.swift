/// The body of a `link` entry: a stated relation between two claims, with its rationale.
public struct LinkBody: Sendable, Equatable {
    /// How the first claim relates to the second.
    public enum Relation: String, CaseIterable, Sendable { case contradicts, corroborates, quotes }

    public let from: Int64
    public let to: Int64
    public let relation: Relation
    public let rationale: String

    /// The body as the entry stores it.
    public var json: JSONValue {
        ["from": .number(Double(from)), "to": .number(Double(to)), "relation": .string(relation.rawValue), "rationale": .string(rationale)]
    }

    init?(_ b: CanonicalJSONView.Ref) {
        guard let from = b.integer("from"), let to = b.integer("to"), let relation = b.string("relation").flatMap(Relation.init(rawValue:)),
              let rationale = b.string("rationale") else { return nil }
        self.from = Int64(from)
        self.to = Int64(to)
        self.relation = relation
        self.rationale = rationale
    }
}
