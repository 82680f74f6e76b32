import Testing
@testable import LedgerAnalysis
@testable import LedgerCore

private typealias C = Claims

/// Wide groups the one-class sweep cannot take whole — a denied claim, several units or kinds, as-of dates that do
/// not all overlap — are split into classes (`WideGroup`): the counts are what comparing every pair by the rules
/// gives, every pair listed really disagrees, and the findings stay few however large the group.
@Suite struct WideGroupTests {
    /// What comparing every pair of positions by the rules gives, by class.
    struct Oracle: Equatable, CustomStringConvertible {
        /// Conflicts by the value rule, per kind ("quantity in people", "duration", …), and of those tensions.
        var values: [String: Int] = [:], valueTensions: [String: Int] = [:]
        /// Affirmed against denied: the same value (contradictions), another overlapping (tensions), per kind.
        var sameValue: [String: Int] = [:], overlapping: [String: Int] = [:]
        /// A strict bound against its very figure (overlapping, but a tension), per kind.
        var bound: [String: Int] = [:]
        /// Pairs not compared.
        var uncompared = 0
        var description: String {
            "values \(values) tensions \(valueTensions) same \(sameValue) overlapping \(overlapping) bound \(bound) uncompared \(uncompared)"
        }
    }

    static func kind(_ c: ClaimRecord) -> String {
        switch c.value.value {
        case .quantity(let q): "quantity" + (q.unit.map { " in \($0)" } ?? "")
        default: c.value.value.type.rawValue
        }
    }

    /// Every pair compared, as `Contradictions` does for a small group (as-of dates first, then the rules).
    static func oracle(_ positions: [[ClaimRecord]], _ predicate: ClaimPredicate, asOf: Bool = true) -> Oracle {
        let context = RuleContext(predicate: predicate)
        var o = Oracle()
        for i in positions.indices {
            for j in positions.indices where j > i {
                let (a, b) = (positions[i][0], positions[j][0])
                guard !asOf || Contradictions.asOfOverlap(a, b) else { continue }
                switch Contradictions.compare(a, b, context) {
                case .agree: break
                case .notComparable: o.uncompared += 1
                case .conflict(let verdict, let rule, _, _, _):
                    let k = kind(a)
                    if rule == "quantity", case .quantity(let x) = a.value.value, case .quantity(let y) = b.value.value,
                       QuantityRule.interval(x, tolerance: context.tolerance).overlaps(QuantityRule.interval(y, tolerance: context.tolerance)) {
                        o.bound[k, default: 0] += 1
                    } else if rule == "polarity" && k != "boolean" {
                        if verdict == .contradiction { o.sameValue[k, default: 0] += 1 } else { o.overlapping[k, default: 0] += 1 }
                    } else {
                        o.values[k, default: 0] += 1
                        if verdict == .tension { o.valueTensions[k, default: 0] += 1 }
                    }
                }
            }
        }
        return o
    }

    /// The plan's counts in the oracle's terms, checking on the way that every pair it lists is a real one.
    static func counted(_ positions: [[ClaimRecord]], _ predicate: ClaimPredicate) -> Oracle? {
        let context = RuleContext(predicate: predicate)
        guard case .wide(let plan) = GroupSweep.plan(positions, context: context) else { return nil }
        var o = Oracle()
        for (s, pair) in plan.listed {
            let k = s.kind + (s.unit.map { " in \($0)" } ?? "")
            let (a, b) = (positions[pair.0][0], positions[pair.1][0])
            #expect(Contradictions.asOfOverlap(a, b), "listed pair \(a.seq), \(b.seq) is never compared")
            guard case .conflict(_, let rule, _, _, _) = Contradictions.compare(a, b, context) else {
                Issue.record("listed pair \(a.seq), \(b.seq) does not disagree")
                continue
            }
            if let d = s.denial {
                #expect(rule == "polarity" && a.polarity != b.polarity && kind(a) == k && kind(b) == k)
                if d.sameValuePairs > 0 { o.sameValue[k] = d.sameValuePairs }
                if d.overlappingPairs > 0 { o.overlapping[k] = d.overlappingPairs }
                #expect(s.disjointPairs == 0 && s.withinTolerance == 0)
            } else {
                #expect(kind(a) == k && kind(b) == k && (k == "boolean" || a.polarity == .affirmed && b.polarity == .affirmed))
                if s.disjointPairs > 0 { o.values[k] = s.disjointPairs }
                if s.withinTolerance > 0 { o.valueTensions[k] = s.withinTolerance }
                if let b = s.boundPairs { o.bound[k] = b }
            }
        }
        for (reason, pairs, pair) in plan.uncompared {
            #expect(!reason.contains("nested too deep"), "\(reason)")
            o.uncompared += pairs
            guard let pair else { Issue.record("no pair for \(reason)"); continue }
            let (a, b) = (positions[pair.0][0], positions[pair.1][0])
            #expect(Contradictions.asOfOverlap(a, b))
            guard case .notComparable = Contradictions.compare(a, b, context) else {
                Issue.record("pair \(a.seq), \(b.seq) of line “\(reason)” is compared")
                continue
            }
        }
        return o
    }

    /// Figures with every qualifier, so intervals are open, closed, unbounded, touching and nested, and strict
    /// bounds meet their own figures.
    static func figure(_ rng: inout SplitMix) -> String {
        let a = Int(rng.next() % 40) * 1000 + 1000, b = a + Int(rng.next() % 5 + 1) * 1000
        switch rng.next() % 8 {
        case 0: return String(a)
        case 1: return "about \(a)"
        case 2: return "at least \(a)"
        case 3: return "at most \(a)"
        case 4: return "nearly \(a)"
        case 5: return "more than \(a)"
        case 6: return "less than \(a)"
        default: return "between \(a) and \(b)"
        }
    }

    /// Checks the plan's counts against every pair compared, and returns those (for the test to check its shape).
    @discardableResult
    func check(_ claims: [ClaimRecord], _ predicate: ClaimPredicate, _ label: String) -> Oracle {
        let positions = ClaimGroups(claims, names: EntityNames()).groups[0].positions
        #expect(positions.count > GroupSweep.limit, "\(label): only \(positions.count) positions")
        let expected = Self.oracle(positions, predicate)
        guard let counted = Self.counted(positions, predicate) else { Issue.record("\(label): not split"); return expected }
        #expect(counted == expected, "\(label)\n  counted  \(counted)\n  expected \(expected)")
        return expected
    }

    @Test func aDeniedClaimInAWideGroup() {
        for seed in UInt64(1)...8 {
            var rng = SplitMix(seed)
            var claims = (0..<150).map { i in C.make(Int64(i + 1), C.attendance, Self.figure(&rng), outlet: "Outlet \(i % 7)") }
            // denied figures: some the very value affirmed, some overlapping others, some overlapping none
            for k in 0..<(1 + Int(seed % 3) * 5) {
                let value = k % 3 == 0 ? claims[k * 7].value.original : k % 3 == 1 ? Self.figure(&rng) : "\(900_000 + k)"
                claims.append(C.make(Int64(claims.count + 1), C.attendance, value, outlet: "Outlet 9", polarity: .denied,
                                     modality: k % 4 == 3 ? .hedged : .asserted))
            }
            let o = check(claims, C.attendance, "seed \(seed)")
            #expect(o.sameValue["quantity in people"] ?? 0 > 0 && o.values["quantity in people"] ?? 0 > 1000)
            #expect(o.bound["quantity in people"] ?? 0 > 0)
            if seed % 3 != 0 { #expect(o.overlapping["quantity in people"] ?? 0 > 0) }
        }
    }

    @Test func theOneClassSweepCountsBoundsAgainstTheirOwnFigureToo() {
        for seed in UInt64(1)...6 {
            var rng = SplitMix(seed)
            let claims = (0..<150).map { i in C.make(Int64(i + 1), C.attendance, Self.figure(&rng)) }
            let positions = ClaimGroups(claims, names: EntityNames()).groups[0].positions
            guard case .summarized(let s, _) = GroupSweep.plan(positions, context: RuleContext(predicate: C.attendance)) else {
                Issue.record("seed \(seed): not one class")
                continue
            }
            let o = Self.oracle(positions, C.attendance)
            #expect(s.disjointPairs == o.values["quantity in people"] && s.withinTolerance == o.valueTensions["quantity in people"] ?? 0)
            #expect(s.boundPairs == o.bound["quantity in people"] && (s.boundPairs ?? 0) > 0, "seed \(seed)")
        }
    }

    @Test func mixedUnitsAndKinds() {
        let loose = ClaimPredicate(id: "loose", type: .quantity, tolerance: DecimalNumber("0.05"))  // no unit declared: any unit parses
        for seed in UInt64(1)...8 {
            var rng = SplitMix(seed)
            let units = ["people", "USD", "km", ""]
            let claims = (0..<160).map { i -> ClaimRecord in
                let unit = units[Int(rng.next() % UInt64(seed % 2 == 0 ? 2 : units.count))]
                let wording = Self.figure(&rng) + (unit.isEmpty ? "" : unit == "USD" ? " dollars" : " \(unit)")
                return C.make(Int64(i + 1), loose, wording, polarity: rng.next() % 20 == 0 ? .denied : .affirmed)
            }
            let o = check(claims, loose, "units, seed \(seed)")
            #expect(o.uncompared > 1000 && o.values.count >= 2)
        }
        // several kinds in one group
        for seed in UInt64(1)...6 {
            var rng = SplitMix(seed)
            let claims = (0..<150).map { i -> ClaimRecord in
                let polarity: ClaimInput.Polarity = rng.next() % 15 == 0 ? .denied : .affirmed
                switch rng.next() % 4 {
                case 0: return C.make(Int64(i + 1), C.attendance, Self.figure(&rng), polarity: polarity)
                case 1: return C.make(Int64(i + 1), C.duration, "\(rng.next() % 50 + 1) hours", polarity: polarity)
                case 2: return C.make(Int64(i + 1), C.when, "2024-03-\(10 + rng.next() % 18)", polarity: polarity)
                default: return C.make(Int64(i + 1), C.reason, rng.next() % 2 == 0 ? "spam" : "ban_evasion", polarity: polarity)
                }
            }
            // one predicate for the group: the values keep the kind they were read as
            let mixed = claims.map { relabelled($0, predicate: "mixed") }
            let o = check(mixed, ClaimPredicate(id: "mixed", type: .quantity), "kinds, seed \(seed)")
            #expect(o.uncompared > 1000 && o.values.count == 4 && !o.sameValue.isEmpty)
        }
    }

    @Test func asOfSpansOverlappingAndNot() {
        let spans: [String?] = [nil, "2024", "2023", "2024-03", "2024-03-05", "2024-03-06", "2024-04", "2024-03-05T10:00:00Z", "2024-03-05T11:00:00+01:00"]
        for seed in UInt64(1)...8 {
            var rng = SplitMix(seed)
            var claims = (0..<170).map { i -> ClaimRecord in
                let asOf = spans[Int(rng.next() % UInt64(spans.count))]
                return C.make(Int64(i + 1), C.attendance, Self.figure(&rng), outlet: "Outlet \(i % 5)", asOf: asOf)
            }
            // denied claims and another unit, at some of the same dates
            for k in 0..<6 {
                let asOf = spans[Int(rng.next() % UInt64(spans.count))]
                claims.append(C.make(Int64(claims.count + 1), C.attendance, claims[k * 11].value.original, polarity: .denied, asOf: asOf))
            }
            let o = check(claims, C.attendance, "as-of, seed \(seed)")
            // fewer pairs than if every as-of date overlapped
            let all = Self.oracle(ClaimGroups(claims, names: EntityNames()).groups[0].positions, C.attendance, asOf: false)
            #expect(o.values["quantity in people"] ?? 0 > 0 && o.values["quantity in people"]! < all.values["quantity in people"]!)
            #expect(o.sameValue["quantity in people"] ?? 0 > 0)
        }
        // only day-dated claims, none overlapping another day: each day on its own
        var rng = SplitMix(99)
        let days = (0..<120).map { i in C.make(Int64(i + 1), C.attendance, Self.figure(&rng), asOf: "2024-05-\(10 + i % 20)") }
        #expect(check(days, C.attendance, "days").values["quantity in people"] ?? 0 > 0)
    }

    @Test func manyUnitsAreNamedUpToALimitAndTheRestCountedTogether() {
        let loose = ClaimPredicate(id: "loose", type: .quantity)
        let units = ["apples", "pears", "plums", "cars", "boats", "trees", "votes", "tickets", "seats", "homes", "jobs", "cats",
                     "dogs", "birds", "ships", "bikes", "lamps", "desks"]
        var rng = SplitMix(3)
        let claims = (0..<200).map { i in
            C.make(Int64(i + 1), loose, Self.figure(&rng) + " " + units[i % units.count], polarity: i % 37 == 0 ? .denied : .affirmed)
        }
        let o = check(claims, loose, "many units")
        #expect(o.values.count == units.count && o.uncompared > 10_000)
        let positions = ClaimGroups(claims, names: EntityNames()).groups[0].positions
        guard case .wide(let plan) = GroupSweep.plan(positions, context: RuleContext(predicate: loose)) else { Issue.record("not split"); return }
        // one line per pair of the 12 kinds named, 12 for each against the others counted together, one among those
        #expect(plan.uncompared.count == 12 * 11 / 2 + 12 + 1)
        #expect(plan.uncompared.contains { $0.reason.contains("among other kinds") })
    }

    @Test func asOfPairsBeyondTheWorkBoundAreSaidNotCompared() {
        var rng = SplitMix(4)
        let spans: [String?] = [nil, "2024", "2024-03", "2024-03-05"]
        let claims = (0..<120).map { i in C.make(Int64(i + 1), C.attendance, Self.figure(&rng), polarity: i % 30 == 0 ? .denied : .affirmed,
                                                  asOf: spans[i % spans.count]) }
        let positions = ClaimGroups(claims, names: EntityNames()).groups[0].positions
        let context = RuleContext(predicate: C.attendance)
        // the bound as set: every pair counted (checked against the oracle), no line
        check(claims, C.attendance, "as-of within the bound")
        // a bound of one tally per position: the spans held by the undated claims are compared (the first, widest),
        // the rest are said not compared
        let plan = WideGroup.plan(positions, context: context, budget: 1)
        let line = plan.uncompared.first { $0.reason.contains("not compared in bounded time") || $0.reason.contains("nested too deep") }
        let bySpan = Dictionary(grouping: positions.indices) { positions[$0][0].asOf?.value ?? "" }.mapValues(\.count)
        let (year, month, day) = (bySpan["2024"]!, bySpan["2024-03"]!, bySpan["2024-03-05"]!)
        #expect(line?.pairs == year * (month + day) + month * day, "\(plan.uncompared.map(\.reason))")
        #expect(line?.pair == nil)
    }

    @Test func booleansAndTextsInAWideGroup() {
        let flag = ClaimPredicate(id: "flag", type: .boolean)
        var rng = SplitMix(5)
        // a boolean group is wide only through its as-of dates and modalities
        let claims = (0..<200).map { i in
            C.make(Int64(i + 1), flag, rng.next() % 2 == 0 ? "true" : "false", polarity: rng.next() % 3 == 0 ? .denied : .affirmed,
                   modality: rng.next() % 2 == 0 ? .hedged : .asserted, asOf: "2024-0\(1 + i % 9)-\(10 + i % 17)")
        }
        let yearly = claims.map { relabelled($0, asOf: $0.seq % 10 == 0 ? "2024" : nil) }
        #expect(check(claims, flag, "booleans").values["boolean"] ?? 0 > 0)
        #expect(check(yearly, flag, "booleans, some yearly").values["boolean"] ?? 0 > 0)
        let motto = ClaimPredicate(id: "motto", type: .text)
        let texts = (1...150).map { C.make(Int64($0), motto, "motto number \($0 % 100)", polarity: $0 % 7 == 0 ? .denied : .affirmed) }
        let o = check(texts, motto, "texts")
        #expect(o.uncompared > 1000 && o.sameValue["text"] ?? 0 > 0)
    }

    @Test func findingsAreOnePerClassAndTheTwoPassReportIsTheSame() {
        let anyUnit = ClaimPredicate(id: C.attendance.id, type: .quantity)  // the same predicate, read without its unit
        func claims(details: Bool) -> [ClaimRecord] {
            var claims: [ClaimRecord] = []
            for i in 0..<200 { claims.append(C.make(Int64(i + 1), C.attendance, String((i + 1) * 1000), outlet: "Outlet \(i % 5)", details: details)) }
            claims.append(C.make(201, C.attendance, "5000", outlet: "Outlet 9", polarity: .denied, details: details))
            claims.append(C.make(202, C.attendance, "about 7000", outlet: "Outlet 8", polarity: .denied, details: details))
            claims.append(C.make(203, anyUnit, "12 dollars", outlet: "Outlet 8", details: details))
            claims.append(C.make(204, C.attendance, "about 9000", outlet: "Outlet 7", asOf: "2023", details: details))
            return claims
        }
        let all = claims(details: true)
        let report = Contradictions.find(all, predicates: C.predicates, names: EntityNames(), includeTension: true)
        // the figures in people, and the denied figures against them; the figure in dollars is one line, not 201
        #expect(report.findings.count == 2)
        #expect(report.findings.allSatisfy { $0.summary != nil && $0.json["summary"] != nil })
        let denial = report.findings.first { $0.summary?.denial != nil }
        #expect(denial?.rule == "polarity" && denial?.verdict == .contradiction)
        let denialSeqs: [Int64] = ((denial?.sideA ?? []) + (denial?.sideB ?? [])).map(\.seq)
        #expect(Set(denialSeqs) == [5, 201])
        #expect(denial?.summary?.denial?.sameValuePairs == 1 && denial?.summary?.denial?.deniedPositions == 2)
        #expect(denial?.json["summary"]?["denial"]?["same_value_pairs"]?.integer == 1)
        // claim 204 is as of 2023, the others of no date: the summaries say pairs apart in time are not counted
        #expect(report.findings.allSatisfy { $0.summary?.asOfSpans == 2 && $0.json["summary"]?["as_of_spans"]?.integer == 2 })
        #expect(denial?.summary?.sentence.contains("never compared") == true)
        #expect(report.notComparable.count == 1 && report.notComparable[0].reason.contains("quantity in USD"))
        #expect(report.notComparable[0].reason.contains("(201 pairs"))
        #expect(report.notComparable[0].claims.map(\.seq).contains(203))
        // without tensions: the same two classes (both hold contradictions)
        #expect(Contradictions.find(all, predicates: C.predicates, names: EntityNames()).findings.count == 2)

        let twoPass = Contradictions.find(claims(details: false), predicates: C.predicates, names: EntityNames(), includeTension: true) { seqs in
            all.filter { seqs.contains($0.seq) }
        }
        #expect(twoPass.findings.map(\.summary) == report.findings.map(\.summary))
        #expect(twoPass.findings.map { ($0.sideA + $0.sideB).map(\.seq) } == report.findings.map { ($0.sideA + $0.sideB).map(\.seq) })
        #expect(twoPass.findings.map(\.explanation) == report.findings.map(\.explanation))
        #expect(twoPass.findings.allSatisfy { ($0.sideA + $0.sideB).allSatisfy { !$0.leafHash.isEmpty } })
        #expect(twoPass.notComparable.map(\.reason) == report.notComparable.map(\.reason))
    }

    @Test func aGroupOfTwentyThousandMixedPositionsMakesAFewFindings() {
        let anyUnit = ClaimPredicate(id: C.attendance.id, type: .quantity)
        // as-of: none, a year, a month, a day of that month, or one of 336 days of another year
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        let spans: [String?] = [nil, "2024", "2024-03"] + (1...28).map { "2024-03-\(two($0))" }
            + (1...12).flatMap { m in (1...28).map { "2023-\(two(m))-\(two($0))" } }
        var claims: [ClaimRecord] = []
        for i in 0..<20_000 {
            let n = 1000 + i * 3
            let value = ["\(n)", "about \(n)", "at least \(n)", "between \(n) and \(n + 500)"][i % 4]
            let claim = i % 500 == 7
                ? C.make(Int64(i + 1), anyUnit, "\(n) dollars", asOf: spans[i % 7 == 0 ? 0 : i % spans.count])
                : C.make(Int64(i + 1), C.attendance, value, outlet: "Outlet \(i % 9)", polarity: i % 1000 == 3 ? .denied : .affirmed,
                         asOf: spans[i % 7 == 0 ? 0 : i % spans.count])
            claims.append(claim)
        }
        let positions = ClaimGroups(claims, names: EntityNames()).groups[0].positions
        #expect(positions.count == 20_000 && Set(positions.map { $0[0].asOf?.value }).count == spans.count)
        let report = Contradictions.find(claims, predicates: C.predicates, names: EntityNames(), includeTension: true)
        // figures in people, figures in dollars, people denied against affirmed: a finding each at most
        #expect(report.findings.count >= 2 && report.findings.count <= 3, "\(report.findings.count) findings")
        #expect(report.notComparable.count == 1, "\(report.notComparable.map(\.reason))")
        let figures = report.findings.compactMap(\.summary).first { $0.denial == nil && $0.unit == "people" }
        #expect((figures?.disjointPairs ?? 0) > 1_000_000)
    }

    /// The claim with another predicate id (of its value's type, no unit) or as-of date.
    func relabelled(_ c: ClaimRecord, predicate: String? = nil, asOf: String?? = .none) -> ClaimRecord {
        let p = predicate.map { ClaimPredicate(id: $0, type: c.value.value.type) }
            ?? C.predicates[c.predicate] ?? ClaimPredicate(id: c.predicate, type: c.value.value.type)
        return C.make(c.seq, p, c.value.original, outlet: c.outlet, polarity: c.polarity, modality: c.modality,
                      asOf: asOf ?? c.asOf?.value)
    }
}
