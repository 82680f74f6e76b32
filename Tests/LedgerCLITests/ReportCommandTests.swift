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
        #expect(!findings.contains { $0["claims"]?.array?.contains { $0["value"]?["original"] == "45 000" } == true })
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
        func values(_ f: JSONValue) -> Set<String> { Set(f["claims"]!.array!.compactMap { $0["value"]?["original"]?.string }) }
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
        // Figures as written in every format for an editor, never a raw interval ("[189999.5, 190000.5]", "[4000000, ∞)").
        for command in ["contradictions", "corroborations"] {
            for format in ["text", "md", "html"] {
                let out = try CLI.run([command, "--format", format, "--include-tension", "--ledger", dir].filter { command == "contradictions" || $0 != "--include-tension" }).stdout
                #expect(Self.rawInterval(in: out) == nil, "\(command) \(format): \(Self.rawInterval(in: out) ?? "")")
            }
        }
    }

    /// The first raw interval (`[1, 2]`, `(3, ∞)`) in `text`, if any.
    static func rawInterval(in text: String) -> String? {
        text.firstMatch(of: /[\[(]-?[0-9][0-9.]*, (-?[0-9][0-9.]*|∞)[\])]/).map { String($0.0) }
    }

    // MARK: reports an editor can read (issue 11 item 8), on the demo sample ledger

    @Test func demoReportsShowLabelsFirstAndEachClaimsSource() throws {
        let dir = try Self.demo()
        let text = try CLI.run(["contradictions", "--include-tension", "--ledger", dir]).stdout
        // Subjects and predicates by their declared labels, ids second; categories by label.
        #expect(text.contains("\nWhite Dudes for Harris (X account) · account:@dudes4harris\n  CONTRADICTION  how long the account was down · suspension.duration  [rule: duration]"))
        #expect(text.contains("\nWhite Dudes for Harris · group:white-dudes-for-harris\n"))
        #expect(text.contains("“reason given for the suspension” (suspension.reason) is single-valued, but one claim says “ban evasion” (ban_evasion) and the other spam"))
        #expect(!text.contains("\naccount:@dudes4harris\n"))
        // A French claim under an English heading: subject and predicate in French too.
        #expect(text.contains("    B seq 32  Radio Colline [fr] — Ross Morales Rocketto\n        about compte X « White Dudes for Harris » — durée du blocage\n"))
        // Each claim's source by title, published date and URL; hashes short.
        #expect(text.contains("        source “Pro-Harris account back online; X blames an automated spam filter”, published 2024-07-30, https://northline.example/tech/x-spam-filter-harris-account\n"))
        #expect(text.contains("        source “X : le compte des soutiens blancs de Harris bloqué pendant deux jours”, published 2024-07-31, https://radio-colline.example/info/x-compte-bloque-deux-jours\n"))
        let json = try JSONParser.parse(try CLI.run(["contradictions", "--json", "--include-tension", "--ledger", dir]).stdout)
        let claims = (json["findings"]?.array ?? []).flatMap { $0["claims"]?.array ?? [] }
        let leaves = Set(claims.compactMap { $0["leaf_hash"]?.string })
        #expect(leaves.count >= 10 && leaves.allSatisfy { $0.count == 64 })  // JSON keeps them whole
        let html = try CLI.run(["contradictions", "--format", "html", "--include-tension", "--ledger", dir]).stdout
        for leaf in leaves {
            #expect(!text.contains(leaf) && text.contains("leaf \(leaf.prefix(12))  source id "))
            #expect(html.contains("<code title=\"\(leaf)\">\(leaf.prefix(12))</code>"))
            #expect(html.replacingOccurrences(of: "title=\"\(leaf)\"", with: "").contains(leaf) == false, "a full hash outside its title attribute")
        }
        #expect(html.contains("<a href=\"https://harbor-gazette.example/2024/07/30/x-suspends-dudes4harris\" rel=\"noopener noreferrer\"><bdi>X suspends pro-Harris &quot;White Dudes&quot; account after record Zoom call</bdi></a> <span class=\"published\">published <bdi>2024-07-30</bdi></span>"))
        #expect(html.contains("<div class=\"about\" lang=\"fr\"><bdi>compte X « White Dudes for Harris » — durée du blocage</bdi></div>"))
        #expect(html.contains("<h2><bdi>White Dudes for Harris (X account)</bdi> <span class=\"id\">· <bdi>account:@dudes4harris</bdi></span></h2>"))
        let md = try CLI.run(["contradictions", "--format", "md", "--ledger", dir]).stdout
        #expect(md.contains("## White Dudes for Harris (X account) · account:@dudes4harris"))
        #expect(md.contains("[Pro-Harris account back online; X blames an automated spam filter](https://northline.example/tech/x-spam-filter-harris-account), 2024-07-30"))

        // Corroborations: what they agree on as written, with the span in words; a French claim's category by its French label.
        let corroborations = try CLI.run(["corroborations", "--ledger", dir]).stdout
        #expect(corroborations.contains("  agree on “$4 million” and “4 millions de dollars” (all within 3,500,000 to 4,500,000 USD)"))
        #expect(corroborations.contains("  agree on “ban evasion” and “évitement de la suspension”"))
        #expect(corroborations.contains("White Dudes for Harris · group:white-dudes-for-harris  money raised · funds.raised (event wd4h-call-2024-07-29)"))
        // The audit: labels in what rests on one outlet, each source's published date and URL.
        let audit = try CLI.run(["audit", "--ledger", dir]).stdout
        #expect(audit.contains("White Dudes for Harris (X account) · account:@dudes4harris: the suspension was politically motivated · suspension.political — only Le Quotidien du Lac (seq 30)"))
        #expect(audit.contains("“Pro-Harris account back online; X blames an automated spam filter”, published 2024-07-30, https://northline.example/tech/x-spam-filter-harris-account, captured"))
        for command in ["contradictions", "corroborations", "audit"] {
            for format in ["text", "md", "html"] {
                let out = try CLI.run([command, "--format", format, "--ledger", dir] + (command == "contradictions" ? ["--include-tension"] : [])).stdout
                #expect(Self.rawInterval(in: out) == nil, "\(command) \(format): \(Self.rawInterval(in: out) ?? "")")
                // Plurals: never "1 entries", "1 claims", "1 groups"…
                #expect(out.firstMatch(of: /(^|[^0-9.,])1 (entries|claims|groups|sources|quotes|contradictions|tensions|corroborations|origins|predicates)\b/) == nil, "\(command) \(format)")
                #expect(out.contains("1 entry, root"), "\(command) \(format): the checkpoint of one entry")
            }
        }
    }

    @Test func demoReportsOpenWithASummaryPerOutletPairAndPerSubject() throws {
        let dir = try Self.demo()
        let text = try CLI.run(["contradictions", "--include-tension", "--ledger", dir]).stdout
        #expect(text.contains("""
            Summary
              by outlet pair:
                Northline News × The Harbor Gazette: 4 contradictions, 1 tension
                Le Quotidien du Lac × Northline News: 2 tensions
                Northline News × Radio Colline: 2 contradictions
                Le Quotidien du Lac × The Harbor Gazette: 1 tension
                Radio Colline × The Harbor Gazette: 1 contradiction
              by subject:
                White Dudes for Harris (X account) · account:@dudes4harris: 7 contradictions, 1 tension
                White Dudes for Harris · group:white-dudes-for-harris: 3 tensions

            """), "\(text)")
        // The counts are the findings': per subject from the JSON report.
        let findings = try JSONParser.parse(try CLI.run(["contradictions", "--json", "--include-tension", "--ledger", dir]).stdout)["findings"]?.array ?? []
        #expect(findings.filter { $0["subject"] == "account:@dudes4harris" && $0["verdict"] == "contradiction" }.count == 7)
        #expect(findings.filter { $0["subject"] == "group:white-dudes-for-harris" && $0["verdict"] == "tension" }.count == 3)
        let md = try CLI.run(["contradictions", "--format", "md", "--ledger", dir]).stdout
        #expect(md.contains("## Summary\n\n**By outlet pair**\n\n- Northline News × The Harbor Gazette: 4 contradictions\n"))
        let html = try CLI.run(["corroborations", "--format", "html", "--ledger", dir]).stdout
        #expect(html.contains("<tr><th><bdi>Le Quotidien du Lac × The Harbor Gazette</bdi></th><td>2 corroborations</td></tr>"))
        let audit = try CLI.run(["audit", "--ledger", dir]).stdout
        #expect(audit.contains("    Northline News × The Harbor Gazette: 4 contradictions\n"))
        #expect(audit.contains("    White Dudes for Harris (X account) · account:@dudes4harris: 7 contradictions, 1 single-outlet predicate\n"))
        // The demo writes the audit page beside the other two.
        #expect(FileManager.default.fileExists(atPath: dir + "/reports/audit.html"))
    }

    @Test func reportFiltersRestrictTheClaimsAndSaySo() throws {
        let dir = try Self.demo()
        func json(_ args: [String]) throws -> JSONValue { try JSONParser.parse(try CLI.run(args + ["--json", "--ledger", dir]).stdout) }
        // --subject through an alias: only that entity's claims.
        let wd4h = try json(["contradictions", "--include-tension", "--subject", "WD4H"])
        #expect(wd4h["claims"]?.integer == 6 && (wd4h["findings"]?.array?.count ?? 0) == 3)
        #expect(wd4h["findings"]?.array?.allSatisfy { $0["subject"] == "group:white-dudes-for-harris" } == true)
        let header = try CLI.run(["contradictions", "--subject", "WD4H", "--ledger", dir]).stdout
        #expect(header.contains("\nfilter       only claims with --subject “WD4H”\n"))
        // --since: claims whose source was published on or after the day (Radio Colline's, 31 July).
        let late = try json(["contradictions", "--since", "2024-07-31"])
        #expect(late["claims"]?.integer == 2)
        #expect(try CLI.run(["corroborations", "--since", "2024-07-31", "--format", "md", "--ledger", dir]).stdout
            .contains("| filter | only claims with --since 2024-07-31 (source published on or after) |"))
        // --predicate and --outlet (matched loosely, as names are) combine.
        let durations = try json(["contradictions", "--predicate", "suspension.duration"])
        #expect(durations["findings"]?.array?.count == 3 && durations["findings"]?.array?.allSatisfy { $0["predicate"] == "suspension.duration" } == true)
        let gazette = try json(["contradictions", "--outlet", "the harbor gazette", "--predicate", "suspension.duration"])
        #expect(gazette["claims"]?.integer == 1 && gazette["findings"]?.array?.isEmpty == true)
        // The audit restricted to one outlet: its sources only.
        let audit = try json(["audit", "--outlet", "Radio Colline"])
        #expect(audit["sources"]?.array?.map { $0["outlet"] } == ["Radio Colline"])
        #expect(try CLI.run(["audit", "--outlet", "Radio Colline", "--format", "html", "--ledger", dir]).stdout
            .contains("<dt>filter</dt><dd><bdi>only claims with --outlet “Radio Colline”</bdi></dd>"))

        // A value matching nothing: an error with the closest values, and no report.
        for (args, says) in [(["--subject", "White Dudes for Haris"], "--subject “White Dudes for Haris” matches no current claim; did you mean “White Dudes for Harris”?"),
                             (["--predicate", "attendance"], "--predicate “attendance” matches no current claim; did you mean “call.attendance”?"),
                             (["--outlet", "Northline Newz"], "--outlet “Northline Newz” matches no current claim; did you mean “Northline News”?"),
                             (["--outlet", "Le Monde"], "the claims have “Le Quotidien du Lac”, “Northline News”, “Radio Colline”, “The Harbor Gazette”."),
                             (["--since", "2025-01-01"], "--since 2025-01-01 matches no current claim: the newest source was published 2024-07-31.")] {
            for command in ["contradictions", "corroborations", "audit"] {
                let r = try CLI.run([command, "--ledger", dir] + args)
                #expect(r.code == 1 && r.stdout.isEmpty && r.stderr.contains(says) && r.stderr.contains("Nothing was reported."), "\(command) \(args): \(r.stderr)")
            }
        }
        #expect(try CLI.run(["contradictions", "--since", "2024-7-31", "--ledger", dir]).code == 64)
        #expect(try CLI.run(["audit", "--against", "x.txt", "--source", "abcdef12", "--outlet", "Radio Colline", "--ledger", dir]).code == 64)
        #expect(try CLI.run(["contradictions", "--help"]).stdout.contains("--since <YYYY-MM-DD>"))
    }
}
