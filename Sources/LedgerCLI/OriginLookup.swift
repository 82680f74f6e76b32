import LedgerCore
import LedgerStore

/// Resolves the origins claims name (`--origin ID`, an import line's "origin") against the ledger — declared entity
/// ids and recorded sources (`ClaimOrigin.resolve`) — reading the entities once, when the first origin is named.
final class OriginLookup {
    private let ledger: Ledger
    private var names: EntityNames?

    init(ledger: Ledger) {
        self.ledger = ledger
    }

    /// The origin `typed` names; throws why not (without the field's name).
    func origin(_ typed: String) throws -> ClaimOrigin {
        if names == nil { names = try ledger.entityNames() }
        return try ClaimOrigin.resolve(typed, names: names!, source: { try ledger.resolveSource($0).0 })
    }

    /// `input` with its typed origin resolved, or the error for the claim at `index` (its field "origin").
    func resolve(_ input: ClaimInput, index: Int) throws -> Result<ClaimInput, Ledger.ClaimError> {
        guard case .named(let typed)? = input.origin else { return .success(input) }
        var resolved = input
        do { resolved.origin = .resolved(try origin(typed)) } catch let e as EntryError {
            return .failure(Ledger.ClaimError(index: index, field: "origin", message: e.message))
        }
        return .success(resolved)
    }
}
