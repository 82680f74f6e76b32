import LedgerCore
import Testing
@testable import LedgerAnalysis

/// The engine: what is compared with what (separators, aliases, time scopes, --between), and corroboration.
@Suite struct ContradictionsTests {
    typealias C = Claims

    func names() -> EntityNames {
        var n = EntityNames()
        n.add(EntryBody(kind: .entity, json: ["id": "account:@dudes4harris", "labels": ["en": "White Dudes for Harris"], "aliases": ["@dudes4harris"]])!)
        n.add(EntryBody(kind: .entityAlias, json: ["entity": "account:@dudes4harris", "alias": "Les Blancs pour Harris"])!)
        return n
    }

    @Test func differentEventsAndTimeScopesAreNeverCompared() {
        let claims = [
            C.make(1, C.attendance, "more than 200,000", event: "call-07-29"),
            C.make(2, C.attendance, "45 000", lang: "fr", event: "call-07-25"),
            C.make(3, C.attendance, "10", asOf: "2023"),
            C.make(4, C.attendance, "20", asOf: "2024"),
        ]
        #expect(Contradictions.find(claims, predicates: C.predicates, names: names(), includeTension: true).findings.isEmpty)
        let same = claims + [C.make(5, C.attendance, "roughly 160,000", event: "call-07-29")]
        let found = Contradictions.find(same, predicates: C.predicates, names: names()).findings
        #expect(found.count == 1 && found[0].sideA.map(\.seq) == [1] && found[0].sideB.map(\.seq) == [5])
    }

    @Test func aliasesInEitherLanguageAreOneSubject() {
        let claims = [
            C.make(1, C.reason, "spam", subject: "White Dudes for Harris"),
            C.make(2, C.reason, "ban_evasion", subject: "les blancs pour harris", lang: "fr"),
            C.make(3, C.reason, "ban_evasion", subject: "someone else"),
        ]
        let found = Contradictions.find(claims, predicates: C.predicates, names: names()).findings
        #expect(found.count == 1)
        #expect(found[0].subject == "account:@dudes4harris")
        #expect(Set(found[0].sideA.map(\.seq) + found[0].sideB.map(\.seq)) == [1, 2])
    }

    @Test func claimsHoldingTheSamePositionFormOneSide() {
        let claims = [
            C.make(1, C.reason, "spam", outlet: "A"), C.make(2, C.reason, "Spam", outlet: "B"),
            C.make(3, C.reason, "ban_evasion", outlet: "C"),
        ]
        let found = Contradictions.find(claims, predicates: C.predicates, names: names()).findings
        #expect(found.count == 1 && found[0].sideA.map(\.seq) == [1, 2] && found[0].sideB.map(\.seq) == [3])
    }

    @Test func betweenOutletsOrSpeakersFiltersPairs() {
        let claims = [C.make(1, C.reason, "spam", outlet: "A", speaker: "X"), C.make(2, C.reason, "ban_evasion", outlet: "A", speaker: "Y")]
        #expect(Contradictions.find(claims, predicates: C.predicates, names: names(), between: .outlets).findings.isEmpty)
        #expect(Contradictions.find(claims, predicates: C.predicates, names: names(), between: .speakers).findings.count == 1)
        #expect(Contradictions.find(claims, predicates: C.predicates, names: names(), between: .all).findings.count == 1)
    }

    @Test func tensionsOnlyWhenAskedAndWidestFirst() {
        let claims = [
            C.make(1, C.attendance, "more than 200,000"), C.make(2, C.attendance, "près de 200 000", lang: "fr"),
            C.make(3, C.reason, "spam", subject: "b"), C.make(4, C.reason, "ban_evasion", subject: "b"),
            C.make(5, C.attendance, "5,000", subject: "c"), C.make(6, C.attendance, "500,000", subject: "c"),
        ]
        let strict = Contradictions.find(claims, predicates: C.predicates, names: names())
        #expect(strict.findings.allSatisfy { $0.verdict == .contradiction })
        #expect(strict.findings.map(\.subject) == ["c", "b"])  // a 100-fold gap before a category clash
        let all = Contradictions.find(claims, predicates: C.predicates, names: names(), includeTension: true)
        #expect(all.findings.contains { $0.verdict == .tension && $0.subject == "group:wd4h" })
    }

    @Test func corroborationCountsIndependentOriginsAcrossLanguages() {
        let claims = [
            C.make(1, C.reason, "ban_evasion", outlet: "Harbor Gazette"),
            C.make(2, C.reason, "ban_evasion", outlet: "Le Quotidien", lang: "fr", relay: "selon CNN"),
            C.make(3, C.reason, "ban_evasion", outlet: "CNN"),
            C.make(4, C.reason, "spam", outlet: "Northline"),
            C.make(5, C.attendance, "près de 200 000", outlet: "Le Quotidien", lang: "fr"),
            C.make(6, C.attendance, "190,000", outlet: "CNN"),
            C.make(7, C.attendance, "160,000", outlet: "Northline"),
        ]
        let found = Corroborations.find(claims, predicates: C.predicates, names: names(), sources: [])
        let reason = try! #require(found.first { $0.predicate == "reason" })
        #expect(reason.claims.map(\.seq) == [1, 2, 3])
        #expect(reason.outlets == ["Harbor Gazette", "Le Quotidien", "CNN"])
        #expect(reason.independentOutlets == 2)  // Le Quotidien relays CNN
        #expect(reason.languages == ["en", "fr"])
        let attendance = try! #require(found.first { $0.predicate == "attendance" })
        #expect(attendance.claims.map(\.seq) == [5, 6])
        #expect(!found.contains { $0.claims.contains { $0.seq == 4 || $0.seq == 7 } })
    }

    /// A bound against the very figure it bounds ("less than 4,000,000" and "4 000 000") is a tension in the
    /// contradictions report and so never an agreement in the corroborations report: no pair is in both.
    @Test func noPairIsBothATensionAndACorroboration() {
        let claims = [
            C.make(1, C.attendance, "4 000 000", outlet: "La Tribune", lang: "fr"),
            C.make(2, C.attendance, "less than 4,000,000", outlet: "The Post"),
            C.make(3, C.attendance, "moins de 4 millions", outlet: "Le Soir", lang: "fr"),
            C.make(4, C.attendance, "4 million", outlet: "CNN"),
            C.make(5, C.attendance, "more than 5,000,000", outlet: "Northline"),
            C.make(6, C.attendance, "over 5 million", outlet: "Harbor"),
        ]
        let tensions = Contradictions.find(claims, predicates: C.predicates, names: names(), includeTension: true).findings
        let opposed = Set(tensions.flatMap { f in f.sideA.flatMap { a in f.sideB.map { b in [a.seq, b.seq].sorted() } } })
        #expect(opposed.contains([1, 2]) && opposed.contains([2, 4]), "\(opposed)")
        let agreeing = Corroborations.find(claims, predicates: C.predicates, names: names(), sources: [])
        for f in agreeing {
            let seqs = f.claims.map(\.seq)
            for a in seqs { for b in seqs where a < b { #expect(!opposed.contains([a, b]), "\(a) and \(b) are both opposed and agreeing") } }
        }
        #expect(agreeing.contains { Set($0.claims.map(\.seq)) == [1, 4] }, "the two exact figures still agree")
        #expect(agreeing.contains { Set($0.claims.map(\.seq)) == [5, 6] }, "the two bounds still agree")
    }

    /// Comparing records without excerpt and text, then re-running on the full records of only the claims involved,
    /// must give exactly the report a single pass over full records gives — for every `between` and with tensions.
    @Test func twoPassReportEqualsTheSinglePassReport() {
        var rng = SystemRandomNumberGenerator()
        let values = ["more than 200,000", "about 150,000", "45,000", "près de 200 000", "between 180,000 and 220,000", "nearly 210,000"]
        let reasons = ["spam", "ban_evasion"]
        func claims(details: Bool, _ spec: [(Int, Int, Int, Int, Int)]) -> [ClaimRecord] {
            spec.enumerated().map { n, s in
                let (subject, kind, value, outlet, flags) = s
                let quantity = kind == 0
                return Claims.make(Int64(n + 1), quantity ? Claims.attendance : Claims.reason,
                                   quantity ? values[value % values.count] : reasons[value % 2],
                                   subject: "group:s\(subject)", outlet: "Outlet \(outlet)", speaker: "Speaker \(outlet % 3)",
                                   lang: quantity && value % values.count == 3 ? "fr" : "en",
                                   polarity: flags == 1 ? .denied : .affirmed, modality: flags == 2 ? .hedged : .asserted,
                                   event: subject == 2 ? "event-\(value % 2)" : nil, details: details)
            }
        }
        let spec = (0..<400).map { _ in
            (Int.random(in: 0..<4, using: &rng), Int.random(in: 0..<2, using: &rng), Int.random(in: 0..<12, using: &rng),
             Int.random(in: 0..<5, using: &rng), Int.random(in: 0..<6, using: &rng))
        } + (0..<100).map { n in (9, 0, 2, n % 5, 0) }  // 100 claims that all agree: never involved, never read again
        let full = claims(details: true, spec), slim = claims(details: false, spec)
        let bySeq = Dictionary(uniqueKeysWithValues: full.map { ($0.seq, $0) })
        for between in Between.allCases {
            for tension in [false, true] {
                let one = Contradictions.find(full, predicates: Claims.predicates, names: EntityNames(), between: between, includeTension: tension)
                var asked: [Int64] = []
                let two = Contradictions.find(slim, predicates: Claims.predicates, names: EntityNames(), between: between, includeTension: tension) {
                    asked = $0
                    return $0.map { bySeq[$0]! }
                }
                #expect(one.findings.map(\.json) == two.findings.map(\.json), "\(between) \(tension)")
                #expect(one.notComparable.map { [$0.subject, $0.reason] + $0.claims.map { String($0.seq) } }
                        == two.notComparable.map { [$0.subject, $0.reason] + $0.claims.map { String($0.seq) } })
                #expect((one.claimCount, one.groupCount) == (two.claimCount, two.groupCount))
                #expect(!one.findings.isEmpty && asked.count <= full.count - 100)
                #expect(two.findings.allSatisfy { ($0.sideA + $0.sideB).allSatisfy { !$0.excerpt.isEmpty && !$0.leafHash.isEmpty } })
            }
        }
    }
}
