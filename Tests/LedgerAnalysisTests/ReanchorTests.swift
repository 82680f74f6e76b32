import Foundation
import LedgerCore
import Testing
@testable import LedgerAnalysis

/// The fuzzy matcher: insertions, deletions, moved paragraphs, quote-style changes, a deleted paragraph.
@Suite struct ReanchorTests {
    static let original = """
    The social platform X suspended the account late on Monday, hours after the group hosted a call that organizers said drew more than 200,000 participants.

    A spokesperson for X said the account was suspended for "ban evasion", a rule against opening accounts to get around an earlier suspension.

    Organizer Mike Nellis wrote that the suspension lasted about a day. The account was restored on Tuesday.
    """

    /// Anchors `exact` in the original, then re-anchors it in `revised`.
    func reanchor(_ exact: String, in revised: String) throws -> Reanchor.Result {
        let e = try ExcerptLocator(text: Self.original).locate(exact)
        return Reanchor.locate(quote: e.exact, prefix: e.prefix, suffix: e.suffix, hint: e.start, in: Array(revised.unicodeScalars))
    }

    @Test func unchangedTextIsExactAtItsPosition() throws {
        let r = try reanchor("the suspension lasted about a day", in: Self.original)
        let e = try ExcerptLocator(text: Self.original).locate("the suspension lasted about a day")
        #expect(r == Reanchor.Result(status: .exact, score: 1, edits: 0, start: e.start, end: e.end))
    }

    @Test func movedParagraphIsExactAtANewPosition() throws {
        let paragraphs = Self.original.components(separatedBy: "\n\n")
        let moved = [paragraphs[2], paragraphs[0], paragraphs[1]].joined(separator: "\n\n")
        let r = try reanchor("the suspension lasted about a day", in: moved)
        #expect(r.status == .exact)
        #expect(String(String.UnicodeScalarView(Array(moved.unicodeScalars)[r.start..<r.end])) == "the suspension lasted about a day")
    }

    @Test func insertionsAndDeletionsInsideTheQuoteAreFuzzy() throws {
        let inserted = Self.original.replacingOccurrences(of: "lasted about a day", with: "lasted only about a day")
        let a = try reanchor("the suspension lasted about a day", in: inserted)
        #expect(a.status == .fuzzy && a.edits == 5 && a.score >= Reanchor.minimumScore)
        let deleted = Self.original.replacingOccurrences(of: "late on Monday, hours after", with: "hours after")
        let b = try reanchor("suspended the account late on Monday, hours after the group", in: deleted)
        #expect(b.status == .fuzzy && b.edits == 16)  // "late on Monday, " removed
    }

    @Test func straightenedQuotesAndRewordingStayAnchored() throws {
        let curly = Self.original.replacingOccurrences(of: "\"ban evasion\"", with: "“ban evasion”")
        let r = try reanchor("the account was suspended for \"ban evasion\", a rule", in: curly)
        #expect(r.status == .fuzzy && r.edits == 2)
        let reworded = Self.original.replacingOccurrences(of: "a rule against opening accounts", with: "a rule that forbids opening accounts")
        let s = try reanchor("a rule against opening accounts to get around an earlier suspension", in: reworded)
        #expect(s.status == .fuzzy && s.score > 0.8)
    }

    @Test func aDeletedParagraphIsAnOrphan() throws {
        let paragraphs = Self.original.components(separatedBy: "\n\n")
        let without = [paragraphs[0], paragraphs[2]].joined(separator: "\n\n")
        let r = try reanchor("A spokesperson for X said the account was suspended for \"ban evasion\"", in: without)
        #expect(r.status == .orphan && r.score < 0.6)
    }

    /// Two phrases inserted in a sentence: an equally cheap alignment starting mid-sentence exists; the earliest
    /// start must win, or the context scores collapse and a reworded sentence is taken for a deleted one.
    @Test func insertedPhrasesKeepTheSentenceStart() {
        let q = Array("La collecte aurait atteint 4 millions de dollars".unicodeScalars.map(\.value))
        let t = Array("selon les organisateurs. La collecte aurait finalement atteint plus de 4 millions de dollars.".unicodeScalars.map(\.value))
        #expect(Reanchor.matches(q, in: t, maxErrors: 24).contains { $0.start == 25 && $0.errors == 19 })
        #expect(!Reanchor.matches(q, in: t, maxErrors: 24).contains { $0.errors == 19 && $0.start != 25 })
    }

    @Test func approximateSearchFindsStartsAndEdits() {
        let found = Reanchor.matches(Array("kitten".unicodeScalars.map(\.value)), in: Array("the sitting cat".unicodeScalars.map(\.value)), maxErrors: 3)
        #expect(found.contains { $0.errors == 2 && $0.start == 4 && $0.end == 10 })  // "sittin" → "kitten": 2 substitutions
    }
}
