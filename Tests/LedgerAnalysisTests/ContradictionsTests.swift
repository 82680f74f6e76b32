import LedgerCore
import Testing
@testable import LedgerAnalysis

/// The engine: what is compared with what (separators, aliases, time scopes, --between), and corroboration.
@Suite struct ContradictionsTests {
    typealias C = Claims

    func names() -> EntityNames {
        var n = EntityNames()
        n.add(["id": "account:@dudes4harris", "labels": ["en": "White Dudes for Harris"], "aliases": ["@dudes4harris"]])
        n.add(["entity": "account:@dudes4harris", "alias": "Les Blancs pour Harris"])
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
        let found = Corroborations.find(claims, predicates: C.predicates, names: names())
        let reason = try! #require(found.first { $0.predicate == "reason" })
        #expect(reason.claims.map(\.seq) == [1, 2, 3])
        #expect(reason.outlets == ["Harbor Gazette", "Le Quotidien", "CNN"])
        #expect(reason.independentOutlets == 2)  // Le Quotidien relays CNN
        #expect(reason.languages == ["en", "fr"])
        let attendance = try! #require(found.first { $0.predicate == "attendance" })
        #expect(attendance.claims.map(\.seq) == [5, 6])
        #expect(!found.contains { $0.claims.contains { $0.seq == 4 || $0.seq == 7 } })
    }
}
