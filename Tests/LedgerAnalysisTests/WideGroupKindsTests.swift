import Foundation
import Testing
@testable import LedgerAnalysis
@testable import LedgerCore

private typealias C = Claims

/// Groups of many distinct durations, dates and categories are swept and summarized like quantities: the sweep's
/// counts are what comparing every pair gives, and a wide group makes one finding instead of every pair.
@Suite struct WideGroupKindsTests {
    /// Pairwise counts by the rules themselves: (conflicting pairs, of which tensions by the value rule).
    func pairwise(_ positions: [[ClaimRecord]], _ predicate: ClaimPredicate) -> (Int, Int) {
        let context = RuleContext(predicate: predicate)
        var conflicts = 0, tensions = 0
        for i in positions.indices {
            for j in positions.indices where j > i {
                if case .conflict(let verdict, _, _, _, _) = Contradictions.compare(positions[i][0], positions[j][0], context) {
                    conflicts += 1
                    if verdict == .tension { tensions += 1 }
                }
            }
        }
        return (conflicts, tensions)
    }

    func summary(_ claims: [ClaimRecord], _ predicate: ClaimPredicate) -> (GroupSummary, [[ClaimRecord]])? {
        let positions = ClaimGroups(claims, names: EntityNames()).groups[0].positions
        guard case .summarized(let s, _) = GroupSweep.plan(positions, context: RuleContext(predicate: predicate)) else { return nil }
        return (s, positions)
    }

    @Test func durationSweepEqualsEveryPairCompared() {
        for seed in UInt64(1)...10 {
            var rng = SplitMix(seed)
            let forms = ["%d hours", "about %d hours", "more than %d hours", "less than %d hours", "nearly %d hours", "between %d and %e hours"]
            let claims = (0..<150).map { i -> ClaimRecord in
                let a = Int(rng.next() % 300) + 1, b = a + Int(rng.next() % 20) + 1
                let wording = forms[Int(rng.next() % UInt64(forms.count))].replacingOccurrences(of: "%d", with: String(a)).replacingOccurrences(of: "%e", with: String(b))
                return C.make(Int64(i + 1), C.duration, wording)
            }
            guard let (s, positions) = summary(claims, C.duration) else { Issue.record("seed \(seed): not summarized"); continue }
            let (conflicts, tensions) = pairwise(positions, C.duration)
            #expect(s.kind == "duration" && s.disjointPairs == conflicts && s.withinTolerance == tensions,
                    "seed \(seed): \(s.disjointPairs) \(conflicts) \(s.withinTolerance) \(tensions)")
        }
    }

    @Test func dateSweepEqualsEveryPairCompared() {
        for seed in UInt64(1)...10 {
            var rng = SplitMix(seed)
            let claims = (0..<150).map { i -> ClaimRecord in
                let day = Int(rng.next() % 60) + 1, month = day > 30 ? 8 : 7, d = day > 30 ? day - 30 : day
                let date = "2024-\(month < 10 ? "0" : "")\(month)-\(d < 10 ? "0" : "")\(d)"
                let hour = Int(rng.next() % 24), h = (hour < 10 ? "0" : "") + String(hour)
                let wording = switch rng.next() % 4 { case 0: date; case 1: date + "T\(h):00:00Z"; case 2: date + "T\(h):30:00"; default: date + "T\(h):00:00+02:00" }
                return C.make(Int64(i + 1), C.when, wording)
            }
            guard let (s, positions) = summary(claims, C.when) else { Issue.record("seed \(seed): not summarized"); continue }
            let (conflicts, tensions) = pairwise(positions, C.when)
            #expect(s.kind == "date" && s.disjointPairs == conflicts && s.withinTolerance == tensions, "seed \(seed)")
        }
    }

    @Test func wideDateAndDurationGroupsMakeOneFindingEach() {
        let dates = (0..<200).map { k -> ClaimRecord in
            let day = DateRule.daysFromCivil(2024, 1, 1) + k * 3  // three days apart: every pair contradicts
            let (y, m, d) = Self.civil(day)
            return C.make(Int64(k + 1), C.when, String(format: "%04d-%02d-%02d", y, m, d), outlet: "Outlet \(k % 5)")
        }
        let report = Contradictions.find(dates, predicates: C.predicates, names: EntityNames(), includeTension: true)
        #expect(report.findings.count == 1)
        #expect(report.findings.first?.summary?.disjointPairs == 200 * 199 / 2)
        #expect(report.findings.first?.rule == "date")
        let durations = (1...200).map { C.make(Int64($0), C.duration, "\($0 * 10) hours") }
        let r2 = Contradictions.find(durations, predicates: C.predicates, names: EntityNames(), includeTension: true)
        #expect(r2.findings.count == 1 && r2.findings[0].summary?.kind == "duration")
        #expect(Set((r2.findings[0].sideA + r2.findings[0].sideB).map(\.seq)) == [1, 200])
    }

    @Test func aSingleValuedCategoryGroupWithManyValuesIsSummarizedByValueCounts() {
        let status = ClaimPredicate(id: "status", type: .category, values: (0..<200).map { .init(id: "v\($0)") })
        let multi = ClaimPredicate(id: "tags", type: .category, cardinality: .multi, values: (0..<200).map { .init(id: "v\($0)") })
        let predicates = [status.id: status, multi.id: multi]
        // 20 claims per value for v0…v9, then one each for v10…v199: 390 claims.
        var claims: [ClaimRecord] = []
        for v in 0..<200 {
            for k in 0..<(v < 10 ? 20 : 1) { claims.append(C.make(Int64(claims.count + 1), status, "v\(v)", outlet: "Outlet \(k % 3)")) }
        }
        let report = Contradictions.find(claims, predicates: predicates, names: EntityNames(), includeTension: true)
        #expect(report.findings.count == 1)
        let s = report.findings[0].summary
        #expect(s?.kind == "category" && s?.positions == 200 && s?.claims == 390)
        #expect(s?.disjointPairs == 200 * 199 / 2)
        #expect(s?.valueCounts?["v0"] == 20 && s?.valueCounts?["v199"] == 1 && s?.valueCounts?.count == 200)
        #expect(report.findings[0].json["summary"]?["values"]?["v3"]?.integer == 20)
        let values = Set((report.findings[0].sideA + report.findings[0].sideB).map(\.value.original))
        #expect(values == ["v0", "v1"])  // the two values most claims hold
        // a multi-valued predicate: different values never disagree, and nothing is compared pair by pair
        let tags = claims.map { C.make($0.seq, multi, $0.value.original) }
        #expect(Contradictions.find(tags, predicates: predicates, names: EntityNames(), includeTension: true).findings.isEmpty)
        // a small group is still listed pair by pair
        let small = (0..<10).map { C.make(Int64($0 + 1), status, "v\($0)") }
        let listed = Contradictions.find(small, predicates: predicates, names: EntityNames())
        #expect(listed.findings.count == 45 && listed.findings.allSatisfy { $0.summary == nil })
    }

    @Test func aWideFreeTextGroupIsOneNotComparedLineNotOnePerPair() {
        let motto = ClaimPredicate(id: "motto", type: .text)
        let claims = (1...200).map { C.make(Int64($0), motto, "motto number \($0)") }
        let report = Contradictions.find(claims, predicates: [motto.id: motto], names: EntityNames())
        #expect(report.findings.isEmpty)
        #expect(report.notComparable.count == 1 && report.notComparable[0].reason.contains("200 distinct texts"))
        let twoPass = Contradictions.find(claims, predicates: [motto.id: motto], names: EntityNames()) { seqs in claims.filter { seqs.contains($0.seq) } }
        #expect(twoPass.notComparable.count == 1)
        // a small group is still listed pair by pair
        let small = Contradictions.find(Array(claims.prefix(10)), predicates: [motto.id: motto], names: EntityNames())
        #expect(small.notComparable.count == 45)
    }

    @Test func asOfDatesThatAllOverlapDoNotStopTheSweep() {
        let claims = (1...200).map { C.make(Int64($0), C.attendance, String($0 * 1000), asOf: "2024") }
        #expect(Contradictions.find(claims, predicates: C.predicates, names: EntityNames(), includeTension: true).findings.count == 1)
    }

    /// Year, month, day of a day number since 1970-01-01 (Howard Hinnant's civil_from_days).
    static func civil(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468, era = (z >= 0 ? z : z - 146_096) / 146_097, doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365, doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
