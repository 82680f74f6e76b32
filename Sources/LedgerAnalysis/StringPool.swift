import LedgerCore

/// Keeps one copy of each distinct string: `intern` returns the stored copy of an equal string, so records that
/// repeat a name share its storage.
public struct StringPool: Sendable {
    private var strings = Set<String>()
    public init() {}
    public mutating func intern(_ s: String) -> String { strings.insert(s).memberAfterInsert }
    /// The stored copy of the name `s` with `InvisibleCharacters` removed: names recorded before they were
    /// refused ("Reuters" and "Reuters" with a zero-width space) are one name to analysis.
    /// The names given to `internName` as recorded, for those that held invisible characters (for `audit`).
    public private(set) var hiddenNames = Set<String>()

    public mutating func internName(_ s: String) -> String {
        let visible = InvisibleCharacters.removed(from: s)
        if visible != s { hiddenNames.insert(s) }
        return intern(visible)
    }
}
