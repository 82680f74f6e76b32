/// Decoded source texts kept by total size, not by count: a least-recently-used cache with a byte budget, so that
/// verify and audit hold at most `budget` bytes of texts however large the cited sources are. A text larger than
/// the whole budget is handed back without being kept.
public struct SourceTextCache {
    /// The default budget: 64 MiB of texts (UTF-8 bytes plus the scalar offset table).
    public static let defaultBudget = 64 << 20

    public let budget: Int
    private var entries: [String: (text: AnchoredText, size: Int, used: UInt64)] = [:]
    private var total = 0
    private var clock: UInt64 = 0

    public init(budget: Int = SourceTextCache.defaultBudget) { self.budget = budget }

    /// Bytes held now.
    public var heldBytes: Int { total }

    /// The text for `id`, decoded by `load` on a miss (nil from `load` is not kept).
    public mutating func text(_ id: String, load: () -> AnchoredText?) -> AnchoredText? {
        clock += 1
        if let hit = entries[id] {
            entries[id]?.used = clock
            return hit.text
        }
        guard let text = load() else { return nil }
        let size = Self.size(of: text)
        guard size <= budget else { return text }
        while total + size > budget, let oldest = entries.min(by: { $0.value.used < $1.value.used }) {
            total -= oldest.value.size
            entries[oldest.key] = nil
        }
        entries[id] = (text, size, clock)
        total += size
        return text
    }

    static func size(of text: AnchoredText) -> Int { text.utf8.count + 4 * (text.scalarCount + 1) }
}
