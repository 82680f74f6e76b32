import Testing
@testable import LedgerServer

/// The contradictions cache: a page gets its snapshot's report when it is ready in time, else the newest earlier
/// one (marked not fresh) while the new one is computed; nothing older than what was asked is ever called fresh.
@Suite struct AnalysisCacheTests {
    static func snapshot(size: Int64, root: String) -> LedgerSnapshot { LedgerSnapshot(size: size, root: root) }

    @Test func aPageGetsTheLastReportWhileTheNewOneIsComputed() {
        let cache = AnalysisCache()
        let first = Self.snapshot(size: 1, root: "a"), second = Self.snapshot(size: 2, root: "b")
        // Nothing computed yet: even with no time to wait, the first request waits for its own report.
        let (c1, fresh1) = cache.contradictions(first, tension: false, patience: .none)
        #expect(c1.snapshot.root == "a" && fresh1)
        // The ledger grew: with no time to wait, the page gets the earlier report, marked as such.
        let (c2, fresh2) = cache.contradictions(second, tension: false, patience: .none)
        #expect(c2.snapshot.root == "a" && !fresh2)
        // Waiting as long as it takes gives the new snapshot's report.
        let (c3, fresh3) = cache.contradictions(second, tension: false, patience: .untilReady)
        #expect(c3.snapshot.root == "b" && fresh3)
        // A request from an older snapshot is given the newer report (it is not stale for it).
        let (c4, fresh4) = cache.contradictions(first, tension: false, patience: .none)
        #expect(c4.snapshot.root == "b" && fresh4)
        // With and without tensions are two reports.
        let (c5, fresh5) = cache.contradictions(second, tension: true)
        #expect(c5.snapshot.root == "b" && fresh5)
    }
}
