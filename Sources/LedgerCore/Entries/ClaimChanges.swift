/// What a correction changes in a claim (`claim correct SEQ --value …`): each field given replaces the claim's,
/// every field left nil is inherited from the claim corrected. An empty `relay`, `asOf`, `event` or `scope`
/// removes that field, and so does an origin `.named("")`.
public struct ClaimChanges: Sendable {
    public var source: String?
    public var excerpt: String?
    public var occurrence: Int?
    public var speaker: String?
    public var relay: String?
    /// The new origin (resolved, as for `ClaimInput.origin`), or `.named("")` to remove it.
    public var origin: ClaimInput.Origin?
    public var outlet: String?
    public var lang: String?
    public var text: String?
    public var subject: String?
    public var predicate: String?
    public var value: String?
    public var polarity: ClaimInput.Polarity?
    public var modality: ClaimInput.Modality?
    public var asOf: String?
    public var event: String?
    public var scope: String?

    public init() {}

    /// The claim `old` with these changes, as an input to anchor and parse again. `sourceChanged` says whether
    /// `source` names another source than `old`'s: the outlet and language then default to the new source's,
    /// as for `claim add`, and the excerpt is looked for afresh. `occurrence` is which place of `old`'s quote in
    /// its source `old` is anchored at (nil when the quote is there once), used when neither the source nor the
    /// excerpt changes, so the anchor stays where it was. An inherited as-of date or origin is carried in the
    /// input as `old` holds it (the as-of date as its ISO value, which parses back to the same date and precision).
    public func input(over old: ClaimBody, sourceChanged: Bool, occurrence oldOccurrence: Int?) -> ClaimInput {
        func optional(_ change: String?, _ inherited: String?) -> String? {
            guard let change else { return inherited }
            return change.isEmpty ? nil : change
        }
        let origin: ClaimInput.Origin?
        switch self.origin {
        case nil: origin = old.origin.map { .resolved($0) }
        case .named(let typed)? where typed.isEmpty: origin = nil
        case let given?: origin = given
        }
        let occurrence = excerpt != nil || sourceChanged ? self.occurrence : self.occurrence ?? oldOccurrence
        return ClaimInput(
            source: source ?? old.source.hex, excerpt: excerpt ?? old.excerpt.exact, occurrence: occurrence,
            speaker: speaker ?? old.speaker, relay: optional(relay, old.relay), origin: origin,
            outlet: outlet ?? (sourceChanged ? nil : old.outlet), lang: lang ?? (sourceChanged ? nil : old.lang),
            text: text ?? old.text, subject: subject ?? old.subject, predicate: predicate ?? old.predicate,
            value: value ?? old.value.original, polarity: polarity ?? old.polarity, modality: modality ?? old.modality,
            asOf: optional(asOf, old.qualifiers.asOf?.value), event: optional(event, old.qualifiers.event),
            scope: optional(scope, old.qualifiers.scope))
    }
}
