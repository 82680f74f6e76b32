/// Keeps one copy of each distinct string: `intern` returns the stored copy of an equal string, so records that
/// repeat a name share its storage.
public struct StringPool: Sendable {
    private var strings = Set<String>()
    public init() {}
    public mutating func intern(_ s: String) -> String { strings.insert(s).memberAfterInsert }
}
