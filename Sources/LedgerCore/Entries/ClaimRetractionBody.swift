/// The body of a `claim.retraction` entry: the claim it withdraws and why.
public struct ClaimRetractionBody: Sendable, Equatable {
    /// The seq of the claim entry retracted.
    public let target: Int64
    public let reason: String

    public init(target: Int64, reason: String) {
        self.target = target
        self.reason = reason
    }

    /// The body as stored.
    public var json: JSONValue { ["target": .number(Double(target)), "reason": .string(reason)] }

    init?(_ b: CanonicalJSONView.Ref) {
        guard let target = b.integer("target"), let reason = b.string("reason") else { return nil }
        self.target = Int64(target)
        self.reason = reason
    }
}
