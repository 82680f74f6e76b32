import LedgerCore
import Testing
@testable import LedgerAnalysis

/// Findings say figures as they were written, with how they were read in words (never as raw intervals), use
/// hours for every duration, and a bound or a denial against the very figure it concerns is at least a tension.
@Suite struct ReadableRuleTests {
    typealias C = Claims

    func explanation(_ outcome: RuleOutcome) -> String? {
        if case .conflict(_, _, let explanation, _, _) = outcome { return explanation }
        return nil
    }

    @Test func figuresAreShownAsWrittenAndReadInWords() throws {
        let e = try #require(explanation(C.outcome(C.make(1, C.attendance, "more than 200,000"), C.make(2, C.attendance, "190 000", lang: "fr"))))
        #expect(e.contains("“more than 200,000” (read as more than 200,000 people)"))
        #expect(e.contains("“190 000” (read as 189,999.5 to 190,000.5 people)"))
        #expect(!e.contains("[") && !e.contains("∞"))
        let d = try #require(explanation(C.outcome(C.make(3, C.duration, "about a day"), C.make(4, C.duration, "several hours"))))
        #expect(d.contains("(read as 21.6 to 26.4 hours)") && d.contains("(read as 2 to 9 hours)"), "\(d)")
        #expect(IntervalComparison.number(4_000_000) == "4,000,000" && IntervalComparison.number(0.5) == "0.5" && IntervalComparison.number(1234.567) == "1,234.57")
    }

    @Test func aBoundAgainstTheFigureItBoundsIsATension() {
        let sharp = C.make(1, C.attendance, "3 million")
        #expect(C.outcome(C.make(2, C.attendance, "less than 3 million"), sharp).verdict == .tension)
        #expect(C.outcome(sharp, C.make(3, C.attendance, "more than 3 million")).verdict == .tension)
        #expect(C.outcome(C.make(4, C.attendance, "less than 4 million"), sharp).verdict == nil)  // a different bound: compatible
        // The real-corpus cases keep their verdicts.
        #expect(C.outcome(C.make(5, C.attendance, "more than 200,000"), C.make(6, C.attendance, "190 000", lang: "fr")).verdict == .contradiction)
        #expect(C.outcome(C.make(7, C.attendance, "près de 200.000", lang: "fr"), C.make(8, C.attendance, "190 000", lang: "fr")).verdict == nil)
    }

    @Test func aDeniedFigureAgainstTheReportedOneIsATension() {
        let reported = C.make(1, C.attendance, "about 200,000")
        #expect(C.outcome(reported, C.make(2, C.attendance, "200,000", speaker: "the police", polarity: .denied)).verdict == .tension)
        #expect(C.outcome(reported, C.make(3, C.attendance, "5 million", polarity: .denied)).verdict == nil)  // denies another figure
    }
}
