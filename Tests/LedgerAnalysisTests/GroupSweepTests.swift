import Testing
@testable import LedgerAnalysis
@testable import LedgerCore

private typealias C = Claims

/// A group with more distinct figures than `GroupSweep.limit` is summarized, and the sweep's counts are what
/// comparing every pair of intervals gives.
@Suite struct GroupSweepTests {
    /// Random figures with every qualifier, so intervals are open, closed, unbounded, touching and nested.
    func randomGroup(_ n: Int, seed: UInt64) -> [ClaimRecord] {
        var rng = SplitMix(seed)
        let forms = ["%d", "about %d", "more than %d", "at least %d", "less than %d", "at most %d", "nearly %d", "between %d and %d"]
        return (0..<n).map { i in
            let a = Int(rng.next() % 40) * 1000 + 1000, b = a + Int(rng.next() % 5 + 1) * 1000
            let form = forms[Int(rng.next() % UInt64(forms.count))]
            let wording = form.contains("between") ? "between \(a) and \(b)" : form.replacingOccurrences(of: "%d", with: String(a))
            return C.make(Int64(i + 1), C.attendance, wording, outlet: "Outlet \(i % 7)")
        }
    }

    @Test func sweepCountsEqualEveryPairCompared() {
        var swept = 0
        for seed in UInt64(1)...20 {
            let claims = randomGroup(150, seed: seed)
            let group = ClaimGroups(claims, names: EntityNames()).groups[0]
            guard group.positions.count > GroupSweep.limit else { continue }
            swept += 1
            let tolerance = RuleContext(predicate: C.attendance).tolerance
            let (summary, widest) = GroupSweep.sweep(group.positions, tolerance: tolerance)!
            var disjoint = 0, within = 0
            let intervals = group.positions.map { p -> Interval in
                guard case .quantity(let q) = p[0].value.value else { fatalError() }
                return QuantityRule.interval(q, tolerance: tolerance)
            }
            for i in intervals.indices {
                for j in intervals.indices where j > i && !intervals[i].overlaps(intervals[j]) {
                    disjoint += 1
                    if intervals[i].relativeGap(to: intervals[j]) <= tolerance { within += 1 }
                }
            }
            #expect(summary.disjointPairs == disjoint, "seed \(seed)")
            #expect(summary.withinTolerance == within, "seed \(seed)")
            #expect(summary.positions == group.positions.count && summary.claims == claims.count)
            // the widest pair is at least as far apart as any other pair
            let widestGap = intervals[widest.0].relativeGap(to: intervals[widest.1])
            let maxGap = intervals.indices.flatMap { i in intervals.indices.map { intervals[i].relativeGap(to: intervals[$0]) } }.max()!
            #expect(widestGap == maxGap, "seed \(seed)")
        }
        #expect(swept >= 15)
    }

    @Test func aLargeGroupIsOneSummarizedFindingASmallOneIsListedPairByPair() {
        let claims = (1...300).map { C.make(Int64($0), C.attendance, String($0 * 1000), outlet: "Outlet \($0 % 5)") }
        let report = Contradictions.find(claims, predicates: C.predicates, names: EntityNames(), includeTension: true)
        #expect(report.findings.count == 1)
        let f = report.findings[0]
        #expect(f.summary?.positions == 300 && f.summary?.claims == 300)
        #expect(Set((f.sideA + f.sideB).map(\.seq)) == [1, 300])
        #expect(f.json["summary"]?["disjoint_pairs"] != nil)
        // the two-pass report (details read again) keeps the summary
        let twoPass = Contradictions.find(claims.map { C.make($0.seq, C.attendance, $0.value.original, outlet: $0.outlet, details: false) },
                                          predicates: C.predicates, names: EntityNames(), includeTension: true) { seqs in
            claims.filter { seqs.contains($0.seq) }
        }
        #expect(twoPass.findings.count == 1 && twoPass.findings[0].summary == f.summary)

        let small = Array(claims.prefix(GroupSweep.limit))
        let listed = Contradictions.find(small, predicates: C.predicates, names: EntityNames(), includeTension: true)
        #expect(listed.findings.count > 1 && listed.findings.allSatisfy { $0.summary == nil })
    }
}

/// A small deterministic generator (SplitMix64), so failures reproduce.
struct SplitMix {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
