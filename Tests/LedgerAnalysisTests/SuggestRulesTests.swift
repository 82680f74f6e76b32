import Foundation
import LedgerCore
import Testing
@testable import LedgerAnalysis

/// The suggestion rules on small EN and FR cases, and the anchoring of every suggestion on the corpus.
@Suite struct SuggestRulesTests {
    func sentences(_ text: String) -> [String] {
        let s = Array(text.unicodeScalars)
        return SentenceSplitter.sentences(s).map { String(String.UnicodeScalarView(s[$0])) }
    }

    @Test func sentencesEndAfterClosingQuotesNotAfterAbbreviationsOrInitials() {
        #expect(sentences("Sen. Bernie Sanders, I-Vt, spoke. Alexander B. Howard said so.") ==
                ["Sen. Bernie Sanders, I-Vt, spoke.", "Alexander B. Howard said so."])
        #expect(sentences("« Nous n'allons pas abandonner. » Il a écrit sur X. Avant d'ajouter : « Non. »") ==
                ["« Nous n'allons pas abandonner. »", "Il a écrit sur X.", "Avant d'ajouter : « Non. »"])
        #expect(sentences("“This should not be happening.” Musk said... then left.\nNext line") ==
                ["“This should not be happening.”", "Musk said... then left.", "Next line"])
    }

    @Test func reportedSpeechHasItsSpeakerAndQuotationItsExcerpt() {
        let text = "“Neutrality has left the building,” Howard said. “We’re talking about a few episodes here,” said Daniel Kreiss, a researcher."
        let found = ClaimSuggester.suggest(text: text, language: "en")
        #expect(found.map(\.excerpt) == ["Neutrality has left the building,", "We’re talking about a few episodes here,"])
        #expect(found.map(\.speaker) == ["Howard", "Daniel Kreiss"])
        #expect(found.allSatisfy { $0.reasons.contains(.quoted) && $0.reasons.contains(.reported) })
    }

    @Test func relayNamesTheAuthorOfTheDocument() {
        let text = "X a verrouillé le compte pendant une collecte avec 190 000 participants, selon un post des organisateurs."
        let s = try! #require(ClaimSuggester.suggest(text: text, language: "fr").first)
        #expect(s.relay == "selon un post des organisateurs" && s.speaker == "organisateurs")
        #expect(s.excerpt == "X a verrouillé le compte pendant une collecte avec 190 000 participants")
        #expect(s.value?.original == "190 000 participants")
    }

    @Test func valuesAreReadAndMatchedToADeclaredPredicate() {
        let attendance = ClaimPredicate(id: "call.attendance", type: .quantity, unit: "people")
        let amount = ClaimPredicate(id: "fundraiser.amount", type: .quantity, unit: "USD")
        let text = "The group drew more than 200,000 people to a call that raised more than $4 million."
        let found = ClaimSuggester.suggest(text: text, language: "en", predicates: [attendance, amount])
        #expect(found.map { $0.value?.original } == ["more than 200,000 people", "more than $4 million"])
        #expect(found.map(\.predicate) == ["call.attendance", "fundraiser.amount"])
        // "the 2024 election" names an election; it states no date.
        #expect(ClaimSuggester.suggest(text: "They spoke about the 2024 election at length.", language: "en").isEmpty)
    }

    @Test func everySuggestionOnTheCorpusAnchorsWhereItSays() throws {
        for f in SuggestEvaluation.files {
            let text = try String(contentsOf: SuggestEvaluation.corpus.appendingPathComponent(f.name), encoding: .utf8)
            let locator = ExcerptLocator(text: text)
            let found = ClaimSuggester.suggest(text: text, language: f.lang)
            #expect(!found.isEmpty)
            #expect(Set(found.map(\.excerpt)).count == found.count, "an excerpt suggested twice in \(f.name)")
            for s in found {
                let e = try locator.locate(s.excerpt, occurrence: s.occurrence)
                #expect(e.start == s.start && e.end == s.end, "\(f.name): \(s.excerpt)")
                #expect((0...100).contains(s.score))
            }
        }
    }
}
