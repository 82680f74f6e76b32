import Foundation
import LedgerCore
import Testing

/// `contradictions` and `corroborations` on the demo ledger and on the real corpus.
@Suite struct ReportCommandTests {
    static func demo() throws -> String {
        let dir = CLI.temporaryDirectory().appendingPathComponent("demo").path
        #expect(try CLI.run(["demo", "--into", dir]).code == 0)
        return dir
    }

    @Test func demoShowsEveryKindOfFinding() throws {
        let dir = try Self.demo()
        let r = try CLI.run(["contradictions", "--format", "json", "--include-tension", "--ledger", dir])
        #expect(r.code == 0)
        let findings = try JSONParser.parse(r.stdout)["findings"]?.array ?? []
        let rules = Set(findings.filter { $0["verdict"] == "contradiction" }.compactMap { $0["rule"]?.string })
        #expect(rules.isSuperset(of: ["quantity", "category", "polarity"]))
        #expect(findings.contains { $0["verdict"] == "tension" })
        // The 45 000 of the 25 July call is about another event: never compared.
        #expect(!findings.contains { $0["claims"]?.array?.contains { $0["value"] == "45 000" } == true })
        let strict = try JSONParser.parse(try CLI.run(["contradictions", "--json", "--ledger", dir]).stdout)["findings"]?.array ?? []
        #expect(strict.allSatisfy { $0["verdict"] == "contradiction" } && strict.count < findings.count)

        let corroborations = try JSONParser.parse(try CLI.run(["corroborations", "--format", "json", "--ledger", dir]).stdout)
        let crossLanguage = corroborations["findings"]?.array?.filter { ($0["languages"]?.array?.count ?? 0) >= 2 } ?? []
        #expect(!crossLanguage.isEmpty)
        #expect(crossLanguage.allSatisfy { ($0["independent_outlets"]?.integer ?? 0) >= 2 })
    }

    @Test func betweenOutletsAndFileOutput() throws {
        let dir = try Self.demo()
        let all = try JSONParser.parse(try CLI.run(["contradictions", "--json", "--include-tension", "--ledger", dir]).stdout)
        let outlets = try JSONParser.parse(try CLI.run(["contradictions", "--json", "--include-tension", "--between", "outlets", "--ledger", dir]).stdout)
        for f in outlets["findings"]?.array ?? [] {
            let a = Set(f["claims"]!.array!.filter { $0["side"] == "a" }.compactMap { $0["outlet"]?.string })
            let b = Set(f["claims"]!.array!.filter { $0["side"] == "b" }.compactMap { $0["outlet"]?.string })
            #expect(a != b || a.count > 1)
        }
        #expect((outlets["findings"]?.array?.count ?? 0) <= (all["findings"]?.array?.count ?? 0))
        let file = URL(fileURLWithPath: dir).appendingPathComponent("reports/c.md").path
        let w = try CLI.run(["contradictions", "--format", "md", "-o", file, "--ledger", dir])
        #expect(w.code == 0 && w.stdout.isEmpty && w.stderr.contains("wrote"))
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("# Contradictions"))
        #expect(try CLI.run(["contradictions", "--format", "pdf", "--ledger", dir]).code == 64)
    }

    /// Real coverage: the outlets in Tests/Corpus disagree on the fundraiser's attendance and on why the
    /// accounts were acted against; an earlier event and a different account are never compared with them.
    @Test func realCoverageDisagreementsAreFound() throws {
        let (dir, ids) = try CorpusTests.build()
        #expect(try CLI.run(["entity", "add", "group:white-dudes-for-harris", "--label", "en=White Dudes for Harris",
                             "--alias", "WD4H", "--ledger", dir]).code == 0)
        #expect(try CLI.run(["entity", "alias", "group:white-dudes-for-harris", "Les Blancs pour Harris", "--ledger", dir]).code == 0)
        // La Tribune quoted under the French alias: compared as the same subject.
        let claim = try CLI.run(["claim", "add", "--ledger", dir, "--source", String(ids["004"]!.prefix(8)),
                                 "--excerpt", "a levé la somme folle de plus de 4 millions de dollars", "--speaker", "La Tribune",
                                 "--text", "Le groupe a levé plus de 4 millions de dollars.", "--subject", "Les Blancs pour Harris",
                                 "--predicate", "funds.raised", "--value", "plus de 4 millions de dollars", "--event", "wd4h-fundraiser-2024-07-29"])
        #expect(claim.code == 0, "\(claim.stderr)")
        // The same platform blocking links in 2020 (New York Post) and in 2024 (Vance dossier): different events.
        #expect(try CLI.run(["predicate", "add", "links.blocked.when", "--type", "date", "--ledger", dir]).code == 0)
        for (file, excerpt, value, event) in [
            ("003", "when Twitter temporarily blocked a New York Post article about Hunter Biden", "2020", "ny-post-story-2020"),
            ("002", "Musk's choice to block the links to the Vance dossier", "2024", "vance-dossier-2024"),
        ] {
            let r = try CLI.run(["claim", "add", "--ledger", dir, "--source", String(ids[file]!.prefix(8)), "--excerpt", excerpt,
                                 "--speaker", "the outlet", "--text", excerpt, "--subject", "platform:x",
                                 "--predicate", "links.blocked.when", "--value", value, "--event", event])
            #expect(r.code == 0, "\(r.stderr)")
        }
        let r = try CLI.run(["contradictions", "--json", "--include-tension", "--ledger", dir])
        let findings = try JSONParser.parse(r.stdout)["findings"]?.array ?? []
        func values(_ f: JSONValue) -> Set<String> { Set(f["claims"]!.array!.compactMap { $0["value"]?.string }) }
        // 190 000 (CNN, French) against more than 200,000 (Washington Post): disjoint intervals.
        #expect(findings.contains { $0["rule"] == "quantity" && $0["verdict"] == "contradiction" && values($0) == ["190 000", "more than 200,000"] })
        // près de 200.000 (La Tribune) against more than 200,000: they meet at the edge — a tension.
        #expect(findings.contains { $0["verdict"] == "tension" && values($0) == ["près de 200.000", "more than 200,000"] })
        // Klippenstein's suspension reason (private information) is never compared with the Harris accounts'.
        #expect(!findings.contains { f in f["claims"]!.array!.contains { $0["subject"] == "account:@kenklippenstein" } &&
                                           f["claims"]!.array!.contains { $0["subject"] != "account:@kenklippenstein" } })
        #expect(!findings.contains { $0["predicate"] == "links.blocked.when" })
        // Progressives for Harris (spam, by mistake) is another account than White Dudes for Harris (evading suspension).
        #expect(!findings.contains { values($0) == ["spam", "evading suspension"] })
        let corroborations = try JSONParser.parse(try CLI.run(["corroborations", "--json", "--ledger", dir]).stdout)["findings"]?.array ?? []
        let funds = try #require(corroborations.first { $0["predicate"] == "funds.raised" })
        #expect(Set(funds["languages"]?.array?.compactMap(\.string) ?? []) == ["en", "fr"])
        #expect(funds["claims"]?.array?.contains { $0["subject"] == "Les Blancs pour Harris" } == true)
    }
}
