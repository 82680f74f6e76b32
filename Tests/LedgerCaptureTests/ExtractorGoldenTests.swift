import Foundation
import LedgerCapture
import LedgerCrypto
import Testing

/// The HTML extractor's output is evidence: ledgers record the `text_sha256` of `HTMLTextExtractor`'s text under
/// extractor "html" version 1, and `verify` re-extracts every capture. These fixtures (Fixtures/extractor, inputs
/// from tools/make_extractor_goldens.py) hold the outputs of the libxml2-DOM extractor that version 1 was, written
/// once before the streaming extractor replaced it; every page must still give exactly those bytes (or the same
/// refusal). With CLAIMLEDGER_WRITE_EXTRACTOR_GOLDENS=1 the test writes the outputs instead of comparing — only
/// for new inputs, never to accept a changed output.
@Suite struct ExtractorGoldenTests {
    static let dir = HTMLTextExtractorTests.fixtures.appendingPathComponent("extractor")
    static let writing = ProcessInfo.processInfo.environment["CLAIMLEDGER_WRITE_EXTRACTOR_GOLDENS"] == "1"

    /// The extractor's answer for `bytes`: its text, or "error: " and the refusal.
    static func outcome(_ bytes: [UInt8]) -> String {
        do { return try HTMLTextExtractor.extract(bytes) } catch { return "error: \(error.description)" }
    }

    static var caseNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("cases").path)) ?? []
        return names.filter { $0.hasSuffix(".html") }.map { String($0.dropLast(5)) }.sorted()
    }

    @Test func thereAreCases() {
        #expect(Self.caseNames.count > 80)
    }

    @Test(arguments: caseNames)
    func handWrittenPageGivesTheRecordedOutput(name: String) throws {
        let cases = Self.dir.appendingPathComponent("cases")
        let input = Array(try Data(contentsOf: cases.appendingPathComponent("\(name).html")))
        let expectedURL = cases.appendingPathComponent("\(name).expected")
        let got = Self.outcome(input)
        if Self.writing { try Data(got.utf8).write(to: expectedURL); return }
        let expected = String(decoding: try Data(contentsOf: expectedURL), as: UTF8.self)
        #expect(got == expected)
    }

    @Test func randomTagSoupGivesTheRecordedOutputs() throws {
        let pages = try Self.lines("tagsoup.jsonl")
        #expect(pages.count == 400)
        let got = pages.map { Self.outcome(Array($0.utf8)) }
        let expectedURL = Self.dir.appendingPathComponent("tagsoup.expected.jsonl")
        if Self.writing {
            let lines = try got.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: expectedURL)
            return
        }
        let expected = try Self.lines("tagsoup.expected.jsonl")
        #expect(expected.count == pages.count)
        for (i, (g, e)) in zip(got, expected).enumerated() {
            #expect(g == e, "tag soup page \(i): \(pages[i].prefix(200))")
        }
    }

    /// The wider tag soup (tools/make_extractor_goldens.py), whose outputs tools/record_extractor_hashes.py recorded
    /// with a build of the DOM extractor as the `text_sha256` its `source add` stored, or its refusal.
    @Test func wideTagSoupGivesTheRecordedHashes() throws {
        let pages = try Self.lines("tagsoup-wide.jsonl")
        let expected = String(decoding: try Data(contentsOf: Self.dir.appendingPathComponent("tagsoup-wide.expected")), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        #expect(pages.count == 800 && expected.count == pages.count)
        var compared = 0
        for (i, (page, e)) in zip(pages, expected).enumerated() {
            let got = Self.outcome(Array(page.utf8))
            if e.hasPrefix("skip: ") {
                #expect(!got.hasPrefix("error: "), "tag soup page \(i)")
                continue
            }
            var h = SHA256()
            h.update(Array(got.utf8))
            #expect((got.hasPrefix("error: ") ? got : "sha256 \(h.finalize().hex)") == e, "wide tag soup page \(i): \(page.prefix(200))")
            compared += 1
        }
        #expect(compared > 700)
    }

    /// The JSON strings of a fixture's lines.
    static func lines(_ name: String) throws -> [String] {
        let text = String(decoding: try Data(contentsOf: dir.appendingPathComponent(name)), as: UTF8.self)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(String.self, from: Data($0.utf8)) }
    }
}

/// Large generated pages (the random tag soup joined into one page, long articles in UTF-8 and windows-1252, a
/// page without article or main), so that the parser's input crosses many buffer boundaries: their outputs'
/// SHA-256 and length, as the DOM extractor gave them, are in Fixtures/extractor/large.expected.
@Suite struct LargePageGoldenTests {
    /// A deterministic generator (64-bit LCG), so the pages are the same on every machine.
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static let words = ["the", "council", "said", "on", "Tuesday", "that", "vote", "was", "delayed", "président", "été",
                        "naïve", "déjà", "über", "ça", "—", "“quoted”", "and", "of", "2024", "a", "to"]

    static func paragraphs(_ g: inout Generator, bytes: Int, wrap: (String) -> String) -> String {
        var out = ""
        while out.utf8.count < bytes {
            out += wrap((0..<(8 + g.next(60))).map { _ in words[g.next(words.count)] }.joined(separator: " "))
        }
        return out
    }

    static func pages() throws -> [(String, [UInt8])] {
        var g = Generator(state: 42)
        let soup = try ExtractorGoldenTests.lines("tagsoup.jsonl").joined()
        let article = "<html><head><meta charset=\"utf-8\"></head><body><nav><p>Menu</p></nav><article><h1>Big</h1>"
            + paragraphs(&g, bytes: 3_000_000) { "<p>\($0)</p>\n" } + "</article></body></html>"
        let latin = "<html><head><meta charset=\"windows-1252\"></head><body><main>"
            + paragraphs(&g, bytes: 1_000_000) { "<p>\($0)<br>\n" } + "</main></body></html>"
        var dense = "<body>"
        for i in 0..<40 { dense += "<div class=d\(i)>" + paragraphs(&g, bytes: 20_000 + 500 * (i % 7)) { "<p>\($0)</p>" } + "</div>" }
        let mixed = "<body><article>" + paragraphs(&g, bytes: 500_000) { "<li>\($0)<b> x</b> <i>y</i> <!--c--> &amp; <span>z</span>\n" } + "</article>"
        return [("soup", Array(soup.utf8)), ("article", Array(article.utf8)),
                ("latin", Array(latin.data(using: .windowsCP1252)!)), ("dense", Array(dense.utf8)), ("mixed", Array(mixed.utf8))]
    }

    static func summary(_ bytes: [UInt8]) -> String {
        let out = ExtractorGoldenTests.outcome(bytes)
        var h = SHA256()
        h.update(Array(out.utf8))
        return "\(h.finalize().hex) \(out.utf8.count)"
    }

    /// One run of text over libxml2's 10,000,000-byte text-node limit, where the DOM builder stopped the parse:
    /// the hash tools/record_extractor_hashes.py recorded for it with the DOM extractor.
    @Test func hugeTextRun() throws {
        let page = "<article><p>" + String(repeating: "word ", count: 2_200_000) + "</p><p>after</p></article>"
        let text = try HTMLTextExtractor.extract(Array(page.utf8))
        #expect(!text.contains("after"))
        var h = SHA256()
        h.update(Array(text.utf8))
        let expected = String(decoding: try Data(contentsOf: ExtractorGoldenTests.dir.appendingPathComponent("huge-text.expected")), as: UTF8.self)
        #expect("sha256 \(h.finalize().hex)\n" == expected)
    }

    @Test func largePagesGiveTheRecordedOutputs() throws {
        let url = ExtractorGoldenTests.dir.appendingPathComponent("large.expected")
        let got = try Self.pages().map { "\($0.0) \(Self.summary($0.1))" }
        if ExtractorGoldenTests.writing { try Data((got.joined(separator: "\n") + "\n").utf8).write(to: url); return }
        let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(got == expected)
    }
}
