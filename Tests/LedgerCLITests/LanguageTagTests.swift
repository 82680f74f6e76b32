import Foundation
import Testing

/// `--lang` must name a real language (ISO 639 via BCP 47), with a suggestion for a name or a three-letter code.
@Suite struct LanguageTagTests {
    @Test(arguments: [
        ("english", "did you mean en?"), ("Français", "did you mean fr?"), ("anglais", "did you mean en?"),
        ("eng", "use en (its ISO 639-1 code) instead of eng"), ("xx", "xx is not an ISO 639 language code"),
    ])
    func anUnknownLanguageIsRefusedWithASuggestion(_ lang: String, _ words: String) throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path
        #expect(try CLI.run(["init", dir]).code == 0)
        let file = CLI.write(Array("A report.".utf8), "r.txt", in: work)
        let before = try CLI.run(["log", "--ledger", dir]).stdout
        let r = try CLI.run(["source", "add", file, "--outlet", "O", "--lang", lang, "--ledger", dir])
        #expect(r.code == 1 && r.stderr.contains(words) && r.stderr.split(separator: "\n").count == 1, "\(lang): \(r.stderr)")
        #expect(try CLI.run(["log", "--ledger", dir]).stdout == before)
    }

    @Test func realTagsAreAccepted() throws {
        let work = CLI.temporaryDirectory()
        let dir = work.appendingPathComponent("l").path
        #expect(try CLI.run(["init", dir]).code == 0)
        for (n, lang) in ["fr-CA", "zh-Hant-TW", "de-CH-1996", "gsw", "qaa", "x-newsroom"].enumerated() {
            let file = CLI.write(Array("Report \(n).".utf8), "r\(n).txt", in: work)
            let r = try CLI.run(["source", "add", file, "--outlet", "O", "--lang", lang, "--ledger", dir])
            #expect(r.code == 0, "\(lang): \(r.stderr)")
        }
    }
}
