import LedgerAnalysis
import Testing

/// The nearest passage shown for a quote that is not in its source.
@Suite struct NearestPassageTests {
    let text = Array("La réunion a réuni près de 200.000 personnes, en majorité des hommes blancs.\nX n'a pas réagi.".unicodeScalars)

    func passage(_ outcome: NearestPassage.Outcome) -> String? {
        guard case .found(let start, let end, _) = outcome else { return nil }
        return String(String.UnicodeScalarView(text[start..<end]))
    }

    @Test func aMistypedQuoteFindsThePassageOfTheTextWithItsEdits() {
        let outcome = NearestPassage.find("a reuni pres de 20.000 personnes", in: text)
        #expect(passage(outcome) == "a réuni près de 200.000 personnes")
        // é→e and è→e are two edits (the match key does not fold accents), the missing 0 a third.
        if case .found(_, _, let edits) = outcome { #expect(edits == 3) } else { Issue.record("not found: \(outcome)") }
        // Case, quote style and spacing cost nothing: "N'A  PAS" is "n'a pas".
        let loose = NearestPassage.find("X N’A  PAS réagit", in: text)
        #expect(passage(loose) == "X n'a pas réagi")
        if case .found(_, _, let edits) = loose { #expect(edits == 1) }
    }

    @Test func nothingCloseAndBeyondTheBounds() {
        #expect(NearestPassage.find("qwzx vvkj ppqq", in: text) == .none)
        #expect(NearestPassage.find("", in: text) == .none)
        let long = [Unicode.Scalar](repeating: "a", count: NearestPassage.maxText + 1)
        #expect(NearestPassage.find("aaaa", in: long) == .tooLarge)
        #expect(NearestPassage.find(String(repeating: "ab", count: NearestPassage.maxQuote), in: text) == .tooLarge)
        // Work is text length × ⌈quote / 64⌉: a text of maxText scalars takes quotes of up to 256 only.
        let big = [Unicode.Scalar](repeating: "a", count: NearestPassage.maxText)
        #expect(NearestPassage.find(String(repeating: "b", count: 257), in: big) == .tooLarge)
    }
}
