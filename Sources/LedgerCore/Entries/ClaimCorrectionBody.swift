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

    /// The claim corrected and where the new claim is anchored, decoded alone (`ClaimBody.Placement`), for `verify`.
    public static func placement(_ b: CanonicalJSONView.Ref) -> (target: Int64, claim: ClaimBody.Placement)? {
        guard let (target, node) = targetAndClaim(b), let claim = ClaimBody.Placement(node) else { return nil }
        return (target, claim)
    }

    private static func targetAndClaim(_ b: CanonicalJSONView.Ref) -> (Int64, CanonicalJSONView.Ref)? {
        guard let target = b.integer("target"), let node = b.view.member(b.node, "claim") else { return nil }
        return (Int64(target), CanonicalJSONView.Ref(b.view, node))
    }

    init?(_ b: CanonicalJSONView.Ref) {
        guard let (target, node) = Self.targetAndClaim(b), let reason = b.string("reason"), let claim = ClaimBody(node) else { return nil }
        self.target = target
        self.reason = reason
        self.claim = claim
    }
}
