import Testing
@testable import LedgerServer

/// Rendered pages: one render per key, another key renders again, and the cache stays bounded.
@Suite struct PageCacheTests {
    @Test func aPageIsRenderedOncePerKey() {
        let cache = PageCache()
        var renders = 0
        for _ in 0..<3 { #expect(cache.page("a") { renders += 1; return "A" } == "A") }
        #expect(cache.page("b") { renders += 1; return "B" } == "B")
        #expect(renders == 2)
        for i in 0..<(PageCache.capacity * 2) { _ = cache.page("k\(i)") { "x" } }
        #expect(cache.page("a") { renders += 1; return "A again" } == "A again", "dropped when the cache filled")
    }
}
