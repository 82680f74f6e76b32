/// The body of a `key` entry: a contributor's name and verifier key (a C2SP note verifier key of that name).
public struct KeyBody: Sendable, Equatable {
    public let name: String
    public let vkey: String

    public init(name: String, vkey: String) {
        self.name = name
        self.vkey = vkey
    }

    /// The body as the entry stores it.
    public var json: JSONValue { ["name": .string(name), "vkey": .string(vkey)] }

    init?(_ b: CanonicalJSONView.Ref) {
        guard let name = b.string("name"), let vkey = b.string("vkey") else { return nil }
        self.name = name
        self.vkey = vkey
    }
}
