/// The kinds of entry a ledger holds (DESIGN §4). Nothing is ever updated or deleted: a retraction or a
/// correction is an entry of its own that points at the original.
public enum EntryKind: String, CaseIterable, Sendable {
    case genesis = "ledger.genesis"
    case source
    case entity
    case entityAlias = "entity.alias"
    case predicate
    case claim
    case claimRetraction = "claim.retraction"
    case claimCorrection = "claim.correction"
    case link
    /// A contributor's public key, so entries they sign can be checked.
    case key
}
