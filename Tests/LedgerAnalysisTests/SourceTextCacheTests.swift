import LedgerCore
import Testing

/// The source text cache is bounded by bytes, evicts the least recently used text, and keeps no text over budget.
struct SourceTextCacheTests {
    @Test func holdsAtMostItsBudgetAndEvictsTheLeastRecentlyUsed() {
        var cache = SourceTextCache(budget: 1_000)
        var loads: [String] = []
        func get(_ id: String, _ length: Int) -> AnchoredText? {
            cache.text(id) { loads.append(id); return AnchoredText(String(repeating: "a", count: length)) }
        }
        _ = get("a", 100)   // 100 + 404 = 504 bytes
        _ = get("b", 50)    // 50 + 204 = 254
        _ = get("a", 100)   // hit: a is now the most recent
        _ = get("c", 50)    // 254 more would exceed 1,000: b, the least recent, goes
        #expect(cache.heldBytes <= 1_000)
        _ = get("a", 100)
        _ = get("b", 50)
        #expect(loads == ["a", "b", "c", "b"])
        let huge = get("huge", 10_000)
        #expect(huge?.scalarCount == 10_000)
        #expect(cache.heldBytes <= 1_000)
        _ = get("huge", 10_000)
        #expect(loads.filter { $0 == "huge" }.count == 2)
    }
}
