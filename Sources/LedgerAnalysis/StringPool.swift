import LedgerCore

/// Keeps one copy of each distinct string: `intern` returns the stored copy of an equal string, so records that
/// repeat a name share its storage.
public struct StringPool: Sendable {
    private var strings = Set<String>()
    public init() {}
    public mutating func intern(_ s: String) -> String { strings.insert(s).memberAfterInsert }
    /// The stored copy of the name `s` with `InvisibleCharacters` removed: names recorded before they were
    /// refused ("Reuters" and "Reuters" with a zero-width space) are one name to analysis.
    public mutating func internName(_ s: String) -> String { intern(InvisibleCharacters.removed(from: s)) }
}
