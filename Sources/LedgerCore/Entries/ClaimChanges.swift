/// What a correction changes in a claim (`claim correct SEQ --value …`): each field given replaces the claim's,
/// every field left nil is inherited from the claim corrected. An empty `relay`, `asOf`, `event` or `scope`
/// removes that field.
public struct ClaimChanges: Sendable {
    public var source: String?
    public var excerpt: String?
    public var occurrence: Int?
    public var speaker: String?
    public var relay: String?
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
    /// excerpt changes, so the anchor stays where it was. The as-of date, when inherited, is not in the input:
    /// `inheritsAsOf` says to keep `old`'s.
    public func input(over old: ClaimBody, sourceChanged: Bool, occurrence oldOccurrence: Int?) -> ClaimInput {
        func optional(_ change: String?, _ inherited: String?) -> String? {
            guard let change else { return inherited }
            return change.isEmpty ? nil : change
        }
        let occurrence = excerpt != nil || sourceChanged ? self.occurrence : self.occurrence ?? oldOccurrence
        return ClaimInput(
            source: source ?? old.source.hex, excerpt: excerpt ?? old.excerpt.exact, occurrence: occurrence,
            speaker: speaker ?? old.speaker, relay: optional(relay, old.relay),
            outlet: outlet ?? (sourceChanged ? nil : old.outlet), lang: lang ?? (sourceChanged ? nil : old.lang),
            text: text ?? old.text, subject: subject ?? old.subject, predicate: predicate ?? old.predicate,
            value: value ?? old.value.original, polarity: polarity ?? old.polarity, modality: modality ?? old.modality,
            asOf: asOf.flatMap { $0.isEmpty ? nil : $0 }, event: optional(event, old.qualifiers.event),
            scope: optional(scope, old.qualifiers.scope))
    }

    /// Whether the as-of date is inherited (no `asOf` given).
    public var inheritsAsOf: Bool { asOf == nil }
}
