import Foundation
import LedgerCrypto
import Testing
@testable import LedgerCore

/// Anchoring quotes: exact and loose matching, scalar positions, ambiguity, and the real French corpus.
@Suite struct ExcerptTests {
    static func corpus(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Corpus/\(name)").standardized
        return Normalization.anchoringText(try Data(contentsOf: url))!
    }

    /// The memchr-based byte search finds the same (overlapping) occurrences as the plain loop.
    @Test func byteSearchAgreesWithThePlainSearch() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let haystack = (0..<Int.random(in: 0...60, using: &rng)).map { _ in UInt8.random(in: 97...99, using: &rng) }
            let needle = (0..<Int.random(in: 1...4, using: &rng)).map { _ in UInt8.random(in: 97...99, using: &rng) }
            #expect(ExcerptLocator.searchBytes(needle, in: haystack) == ExcerptLocator.search(needle, in: haystack))
        }
        #expect(ExcerptLocator.searchBytes(Array("aa".utf8), in: Array("aaaa".utf8)) == [0, 1, 2])
    }

    @Test func exactQuoteAnchorsWithContext() throws {
        let locator = ExcerptLocator(text: "Alpha beta gamma delta.")
        let e = try locator.locate("gamma")
        #expect((e.start, e.end) == (11, 16))
        #expect(e.prefix == "Alpha beta " && e.suffix == " delta.")
        #expect(e.sha256 == SHA256.hash(Array("gamma".utf8)))
    }

    @Test func positionsCountScalarsNotCharactersOrUTF16() throws {
        // "🤣" is one scalar, two UTF-16 units; "e\u{301}" in NFC is one scalar "é".
        let text = Normalization.nfc("🤣 re\u{301}sume\u{301} here")
        let e = try ExcerptLocator(text: text).locate("here")
        #expect((e.start, e.end) == (9, 13))
        #expect(Array(text.unicodeScalars)[e.start..<e.end].map(\.value) == Array("here".unicodeScalars).map(\.value))
    }

    @Test func looselyTypedQuoteAnchorsToTheExactSnapshotText() throws {
        let text = "Il a dit\u{00A0}: «\u{00A0}C’est fini\u{00A0}» — vraiment."
        let e = try ExcerptLocator(text: text).locate(#"dit: "c'est  FINI" - vraiment"#)
        #expect(e.exact == "dit\u{00A0}: «\u{00A0}C’est fini\u{00A0}» — vraiment")
    }

    @Test func notFoundAndBlankAreErrors() {
        let locator = ExcerptLocator(text: "one two three")
        #expect(throws: ExcerptError.notFound) { try locator.locate("four") }
        #expect(throws: ExcerptError.notFound) { try locator.locate("   ") }
        #expect(throws: ExcerptError.notFound) { try locator.locate("") }
    }

    @Test func ambiguousQuoteListsPlacesAndOccurrenceChooses() throws {
        let locator = ExcerptLocator(text: "X said no. Then X said no again.")
        #expect {
            try locator.locate("said no")
        } throws: { error in
            guard case ExcerptError.ambiguous(let places) = error else { return false }
            return places.map(\.start) == [2, 18] && places[0].context.contains("[said no]")
        }
        #expect(try locator.locate("said no", occurrence: 2).start == 18)
        #expect(throws: ExcerptError.noSuchOccurrence(3, found: 2)) { try locator.locate("said no", occurrence: 3) }
    }

    @Test func storedExcerptIsCheckedAgainstItsSource() throws {
        let source = "Alpha 🤣 béta gamma"
        let good = Excerpt(text: AnchoredText(source), start: 8, end: 12)
        #expect(good.exact == "béta")
        let text = AnchoredText(source)
        #expect(good.mismatch(in: text) == nil)
        func changed(start: Int? = nil, sha256: Digest? = nil, suffix: String? = nil) -> Excerpt {
            Excerpt(exact: good.exact, prefix: good.prefix, suffix: suffix ?? good.suffix, start: start ?? good.start, end: good.end,
                    sha256: sha256 ?? good.sha256)
        }
        #expect(changed(start: 7).mismatch(in: text) != nil)
        #expect(changed(sha256: .zero).mismatch(in: text) != nil)
        #expect(changed(suffix: " gamma!").mismatch(in: text) != nil)
        #expect(good.mismatch(in: AnchoredText("Alpha 🤣 BÉTA gamma")) != nil)
        #expect(good.mismatch(in: AnchoredText("Alpha")) != nil)
    }

    @Test func frenchQuoteTypedWithPlainSpacesAnchorsInTheCorpus() throws {
        let text = try Self.corpus("004_8e23d9a72ab15599.txt")
        let e = try ExcerptLocator(text: text).locate(#"le groupe " White Dudes for Harris " s'est vu suspendre son compte"#)
        #expect(e.exact.contains("\u{00AB}") && e.exact.contains("\u{00BB}"))
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[e.start..<e.end])) == e.exact)
    }

    @Test func quoteAfterTheEmojiUsesScalarPositions() throws {
        let text = try Self.corpus("004_8e23d9a72ab15599.txt")
        let e = try ExcerptLocator(text: text).locate("pitre- de Bollore)🤣")
        let scalars = Array(text.unicodeScalars)
        #expect(scalars[e.end - 1] == "🤣")
        let after = try ExcerptLocator(text: text).locate("Votre email ne sera pas affiché publiquement")
        #expect(String(String.UnicodeScalarView(scalars[after.start..<after.end])) == after.exact)
        // The same text counted in UTF-16 units is one longer: the emoji is a surrogate pair.
        let utf16Offset = text.utf16.distance(from: text.utf16.startIndex,
                                               to: text.range(of: "Votre email")!.lowerBound.samePosition(in: text.utf16)!)
        #expect(utf16Offset == after.start + 1)
    }

    @Test func anchoringTextTurnsCRLFIntoLFAndRefusesInvalidUTF8() {
        #expect(Normalization.anchoringText(Array("a\r\nb\rc\n".utf8)) == "a\nb\nc\n")
        #expect(Normalization.anchoringText([0x61, 0xFF]) == nil)
        #expect(Normalization.anchoringText(Array("Cafe\u{301}".utf8)) == "Caf\u{e9}")
    }
}
