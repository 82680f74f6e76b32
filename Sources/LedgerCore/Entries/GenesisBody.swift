/// The body of `ledger.genesis`: the ledger's origin (its checkpoint name), when it was created, and its key.
public struct GenesisBody: Sendable, Equatable {
    public let origin: String
    public let created: String
    /// The ledger's verifier key, as text.
    public let publicKey: String

    public init(origin: String, created: String, publicKey: String) {
        self.origin = origin
        self.created = created
        self.publicKey = publicKey
    }

    /// The body as the entry stores it.
    public var json: JSONValue { ["origin": .string(origin), "created": .string(created), "public_key": .string(publicKey)] }

    init?(_ b: CanonicalJSONView.Ref) {
        guard let origin = b.string("origin"), let created = b.string("created"), let key = b.string("public_key") else { return nil }
        self.origin = origin
        self.created = created
        publicKey = key
    }
}
