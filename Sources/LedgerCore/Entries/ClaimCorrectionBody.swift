/// The body of a `claim.correction` entry: the claim it replaces, why, and the claim as it now stands.
public struct ClaimCorrectionBody: Sendable {
    /// The seq of the claim entry corrected.
    public let target: Int64
    public let reason: String
    public let claim: ClaimBody

    public init(target: Int64, reason: String, claim: ClaimBody) {
        self.target = target
        self.reason = reason
        self.claim = claim
    }

    /// The body as stored.
    public var json: JSONValue { ["target": .number(Double(target)), "reason": .string(reason), "claim": claim.json] }

    init?(_ b: CanonicalJSONView.Ref) {
        guard let target = b.integer("target"), let reason = b.string("reason"), let node = b.view.member(b.node, "claim"),
              let claim = ClaimBody(CanonicalJSONView.Ref(b.view, node)) else { return nil }
        self.target = Int64(target)
        self.reason = reason
        self.claim = claim
    }
}
