import LedgerCore
import Testing
@testable import LedgerAnalysis

/// Each rule, with the cases that must fire and the near-misses that must not.
@Suite struct RuleTests {
    typealias C = Claims

    @Test func quantityIntervalsFollowTheirQualifiers() {
        #expect(QuantityRule.interval(try! quantity("more than 200,000"), tolerance: 0.05) == Interval(200_000, .infinity, lowerOpen: true))
        #expect(QuantityRule.interval(try! quantity("près de 200.000", "fr"), tolerance: 0.05) == Interval(190_000, 200_000))
        #expect(QuantityRule.interval(try! quantity("about 1.5 million"), tolerance: 0.05) == Interval(1_425_000, 1_575_000))
        #expect(QuantityRule.interval(try! quantity("1.5 million"), tolerance: 0.05) == Interval(1_450_000, 1_550_000))
        #expect(QuantityRule.interval(try! quantity("between 10 and 20"), tolerance: 0.05) == Interval(10, 20))
        #expect(QuantityRule.interval(try! quantity("less than 10"), tolerance: 0.05) == Interval(0, 10, upperOpen: true))
    }

    func quantity(_ text: String, _ lang: String = "en") throws -> Quantity {
        guard case .quantity(let q) = try ValueParser.parse(text, predicate: C.attendance, language: lang).value else { throw ValueError("") }
        return q
    }

    @Test func quantities() {
        let more = C.make(1, C.attendance, "more than 200,000")
        #expect(C.outcome(more, C.make(2, C.attendance, "roughly 160,000")).verdict == .contradiction)
        #expect(C.outcome(more, C.make(3, C.attendance, "près de 200 000", lang: "fr")).verdict == .tension)  // meets at the edge
        #expect(C.outcome(more, C.make(4, C.attendance, "250,000")).verdict == nil)
        #expect(C.outcome(more, C.make(9, C.attendance, "190 000", lang: "fr")).verdict == .contradiction)  // 5.3% apart, beyond 5%
        #expect(C.outcome(more, C.make(10, C.attendance, "195,000")).verdict == .tension)  // 2.6% apart, within 5%
        #expect(C.outcome(more, C.make(11, C.attendance, "about 192,000")).verdict == nil)  // [182400, 201600] overlaps

        #expect(C.outcome(C.make(5, C.attendance, "près de 200.000", lang: "fr"), C.make(6, C.attendance, "190 000", lang: "fr")).verdict == nil)
        #expect(C.outcome(C.make(7, C.attendance, "between 1 and 2 million"), C.make(8, C.attendance, "1.5 million")).verdict == nil)
        let open = ClaimPredicate(id: "attendance", type: .quantity)
        let a = ClaimRecordPair.make(open, "200,000 people", "200,000 participants")
        #expect(Contradictions.compare(a.0, a.1, RuleContext(predicate: open)).isNotComparable)  // different units
    }

    @Test func categories() {
        let spam = C.make(1, C.reason, "spam")
        #expect(C.outcome(spam, C.make(2, C.reason, "ban_evasion")).rule == "category")
        #expect(C.outcome(spam, C.make(3, C.reason, "SPAM")).verdict == nil)
        var multi = C.reason
        multi.cardinality = .multi
        #expect(CategoryRule.compare("spam", "ban_evasion", context: RuleContext(predicate: multi)).verdict == nil)
        // Denying one value while another is affirmed is consistent.
        #expect(C.outcome(spam, C.make(4, C.reason, "ban_evasion", polarity: .denied)).verdict == nil)
    }

    @Test func polarityAndBooleans() {
        let notMistake = C.make(1, C.mistake, "yes", polarity: .denied)
        let mistake = C.make(2, C.mistake, "yes")
        #expect(C.outcome(notMistake, mistake).rule == "polarity")
        #expect(C.outcome(notMistake, C.make(3, C.mistake, "no")).verdict == nil)  // "not yes" agrees with "no"
        #expect(C.outcome(mistake, C.make(4, C.mistake, "non", lang: "fr")).rule == "boolean")
        #expect(C.outcome(C.make(5, C.reason, "spam"), C.make(6, C.reason, "spam", polarity: .denied)).rule == "polarity")
    }

    @Test func dates() {
        let d29 = C.make(1, C.when, "29 July 2024")
        #expect(C.outcome(d29, C.make(2, C.when, "30 juillet 2024", lang: "fr")).verdict == .tension)  // a day apart, zones unknown
        #expect(C.outcome(d29, C.make(3, C.when, "5 August 2024")).verdict == .contradiction)
        #expect(C.outcome(d29, C.make(4, C.when, "July 2024")).verdict == nil)  // the month contains the day
        #expect(C.outcome(C.make(5, C.when, "2024-07-29T23:00:00Z"), C.make(6, C.when, "2024-07-30T01:00:00+02:00")).verdict == nil)  // same instant
        #expect(C.outcome(C.make(7, C.when, "2024-07-29T10:00:00Z"), C.make(8, C.when, "2024-07-29T12:00:00Z")).verdict == .contradiction)
    }

    @Test func durations() {
        let day = C.make(1, C.duration, "about a day")
        #expect(C.outcome(day, C.make(2, C.duration, "deux jours", lang: "fr")).verdict == .contradiction)
        #expect(C.outcome(day, C.make(3, C.duration, "several hours")).verdict == .contradiction)
        #expect(C.outcome(day, C.make(4, C.duration, "more than 20 hours")).verdict == nil)
        #expect(C.outcome(C.make(5, C.duration, "several hours"), C.make(6, C.duration, "quelques heures", lang: "fr")).verdict == nil)
        #expect(C.outcome(C.make(7, C.duration, "24 hours"), C.make(8, C.duration, "26 hours")).verdict == .tension)  // within ±10%
    }

    @Test func hedgedOrReportedConflictsAreTensions() {
        let asserted = C.make(1, C.reason, "spam")
        let hedged = C.make(2, C.reason, "ban_evasion", modality: .hedged)
        let outcome = C.outcome(asserted, hedged)
        #expect(outcome.verdict == .tension && outcome.rule == "modality")
        #expect(C.outcome(asserted, C.make(3, C.reason, "ban_evasion", modality: .reported)).verdict == .tension)
        #expect(C.outcome(asserted, C.make(4, C.reason, "spam", modality: .hedged)).verdict == nil)  // agreeing stays agreeing
    }

    @Test func intervals() {
        #expect(Interval(0, 1).overlaps(Interval(1, 2)))
        #expect(!Interval(0, 1, upperOpen: true).overlaps(Interval(1, 2)))
        #expect(!Interval(0, 1).overlaps(Interval(1, .infinity, lowerOpen: true)))
        #expect(Interval(0, 100).relativeGap(to: Interval(105, 200)) == 0.05)
        #expect(Interval(105, 200).relativeGap(to: Interval(0, 100)) == 0.05)
        #expect(Interval(100, 200).description == "[100, 200]" && Interval(5, .infinity, lowerOpen: true).description == "(5, ∞)")
    }
}

/// Two claims with the same predicate but values written freely.
enum ClaimRecordPair {
    static func make(_ p: ClaimPredicate, _ a: String, _ b: String) -> (ClaimRecord, ClaimRecord) {
        (Claims.make(1, p, a), Claims.make(2, p, b))
    }
}
