import LedgerCore
import Testing
@testable import LedgerAnalysis
@testable import LedgerReport

/// The renderers: every format names the rule, the numbers and each claim's proof; text never breaks a format.
@Suite struct RendererTests {
    static func claim(_ seq: Int64, _ id: String, outlet: String, lang: String, excerpt: String,
                      source: String = String(repeating: "d", count: 64), original: String? = nil) -> ClaimRecord {
        let value = ClaimValue(.category(id), original: original ?? id)
        let body: JSONValue = [
            "source": .string(source),
            "excerpt": ["exact": .string(excerpt), "prefix": "before <b> ", "suffix": " after", "start": 0, "end": 1, "sha256": .string(String(repeating: "e", count: 64))],
            "speaker": "X | spokesperson", "outlet": .string(outlet), "lang": .string(lang), "text": "t", "subject": "account:@a",
            "predicate": "reason", "value": value.json, "polarity": "affirmed", "modality": "asserted",
        ]
        return ClaimRecord(seq: seq, leafHash: String(repeating: "f", count: 64), body: body)!
    }

    static let provenance = ReportProvenance(origin: "example.org/<b>ledger</b>", size: 12, root: String(repeating: "ab", count: 32),
                                             checkpoint: .init(size: 10, root: String(repeating: "cd", count: 32)),
                                             generatedAt: "2026-12-02T06:00:00Z", verification: .verified)

    static let report: ContradictionReport = {
        let claims = [claim(1, "spam", outlet: "A & B", lang: "en", excerpt: "flagged as \"spam\" <by mistake>"),
                      claim(2, "ban_evasion", outlet: "Le Q", lang: "fr", excerpt: "«\u{A0}évitement\u{A0}»")]
        let reason = ClaimPredicate(id: "reason", type: .category)
        return Contradictions.find(claims, predicates: ["reason": reason], names: EntityNames())
    }()

    @Test func jsonNamesRuleNumbersAndEveryClaimsProof() throws {
        let json = try JSONParser.parse(ContradictionRenderer.render(Self.report, as: .json, provenance: Self.provenance))
        let f = try #require(json["findings"]?.array?.first)
        #expect(f["verdict"] == "contradiction" && f["rule"] == "category")
        #expect(f["numbers"]?["a"] == "spam" && f["numbers"]?["b"] == "ban_evasion")
        for c in f["claims"]?.array ?? [] {
            for key in ["seq", "leaf_hash", "outlet", "speaker", "lang", "text", "excerpt", "source", "side"] {
                #expect(c[key] != nil, "\(key)")
            }
        }
        #expect(json["contradictions"] == 1 && json["tensions"] == 0)
    }

    /// The JSON report is written a finding at a time; the pieces must still be the canonical encoding of the whole.
    @Test func streamedJSONIsTheCanonicalEncodingOfTheWholeReport() throws {
        for verbose in [false, true] {
            let text = ContradictionRenderer.render(Self.report, as: .json, verbose: verbose, provenance: Self.provenance)
            #expect(text.hasSuffix("}\n"))
            let bytes = Array(text.utf8.dropLast())
            #expect(try CanonicalJSON.encode(JSONParser.parse(bytes)) == bytes)
        }
    }

    @Test func htmlEscapesTextAndIsSelfContained() {
        let html = ContradictionRenderer.render(Self.report, as: .html, provenance: Self.provenance)
        #expect(html.contains("<mark><bdi>flagged as &quot;spam&quot; &lt;by mistake&gt;</bdi></mark>"))
        #expect(html.contains("…<bdi>before &lt;b&gt; </bdi><mark>"))
        #expect(html.contains("A &amp; B"))
        #expect(html.contains("data-seqs=\"1 2\"") && html.contains("lang=\"fr\""))
        #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"))
        #expect(html.contains("@media print"))
    }

    @Test func markdownKeepsTablesIntact() {
        let md = ContradictionRenderer.render(Self.report, as: .md, provenance: Self.provenance)
        let rows = md.split(separator: "\n").filter { $0.hasPrefix("| A") || $0.hasPrefix("| B") }
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.contains("X \\| spokesperson") })
        #expect(md.contains("Rule **category**"))
    }

    @Test func textGroupsBySubjectAndFlattensQuotes() {
        let text = ContradictionRenderer.render(Self.report, as: .text, provenance: Self.provenance)
        #expect(text.hasPrefix("ledger       example.org/<b>ledger</b>\n"))  // what it was computed from, first
        #expect(text.contains("\n\nContradictions: 1 contradiction among 2 claims in 1 group"))
        #expect(text.contains("\naccount:@a\n  CONTRADICTION  reason  [rule: category]"))
        #expect(text.contains("“« évitement »”"))  // no-break spaces shown as plain spaces on a terminal (quotes are curly, as in explanations)
    }

    @Test func emptyReportsSaySo() {
        let none = Contradictions.find([], predicates: [:], names: EntityNames())
        #expect(ContradictionRenderer.render(none, as: .text, provenance: Self.provenance).contains("No contradictions found."))
        #expect(CorroborationRenderer.render([], claimCount: 0, as: .text, provenance: Self.provenance).contains("No corroborations"))
    }

    // MARK: reports an editor can read (issue 11 item 8)

    /// A source recorded with a title, URL and published date, the labels of an entity and a predicate in two
    /// languages, and a report of two claims about the entity (one per language) whose values have labels.
    static let readable: (report: ContradictionReport, context: ReportContext, source: String) = {
        let (id, body) = try! Bodies.source(bytes: Array("The account was flagged as spam.\n".utf8), outlet: "Northline News", language: "en",
                                            url: "https://northline.example/a?x=1&y=2", title: "X blames a <spam> filter",
                                            published: "2024-07-30", capturedAt: "2024-07-30T16:40:00Z")
        var names = EntityNames()
        names.add(.entity(EntityBody(id: "account:@a", labels: ["en": "The A account", "fr": "le compte A"], aliases: ["@a"])))
        let reason = ClaimPredicate(id: "reason", type: .category, values: [.init(id: "spam", labels: ["en": "spam"]),
                                    .init(id: "ban_evasion", labels: ["en": "ban evasion", "fr": "évitement de la suspension"])],
                                    labels: ["en": "reason given", "fr": "motif"])
        let claims = [claim(1, "spam", outlet: "Northline News", lang: "en", excerpt: "flagged as spam", source: id.hex),
                      claim(2, "ban_evasion", outlet: "Le Q", lang: "fr", excerpt: "évitement", original: "évitement")]
        let context = ReportContext(names: names, predicates: ["reason": reason], sources: [id.hex: SourceRecord(seq: 1, body: body)])
        return (Contradictions.find(claims, predicates: ["reason": reason], names: names), context, id.hex)
    }()

    @Test func labelsComeFirstInTheClaimsLanguageWithTheIdSecond() {
        let (report, context, _) = Self.readable
        let text = ContradictionRenderer.render(report, as: .text, provenance: Self.provenance, context: context)
        #expect(text.contains("\nThe A account · account:@a\n  CONTRADICTION  reason given · reason  [rule: category]"), "\(text)")
        // The category value by its label in the claim's language when the wording is not the label.
        #expect(text.contains("value “évitement (évitement de la suspension)”"))
        #expect(text.contains("value “spam”:"))
        // The French claim names the subject and predicate in French, under an English heading.
        #expect(text.contains("    B seq 2  Le Q [fr] — X | spokesperson\n        about le compte A — motif\n"), "\(text)")
        #expect(!text.contains("about The A account"))
        // The explanation names the predicate and values by their labels too.
        #expect(report.findings[0].explanation.contains("“reason given” (reason)") && report.findings[0].explanation.contains("“ban evasion” (ban_evasion)"))
        let html = ContradictionRenderer.render(report, as: .html, provenance: Self.provenance, context: context)
        #expect(html.contains("<h2><bdi>The A account</bdi> <span class=\"id\">· <bdi>account:@a</bdi></span></h2>"))
        #expect(html.contains("<strong><bdi>reason given</bdi> <span class=\"id\">· <bdi>reason</bdi></span></strong>"))
        let md = ContradictionRenderer.render(report, as: .md, provenance: Self.provenance, context: context)
        #expect(md.contains("## The A account · account:@a") && md.contains("### Contradiction: reason given · reason"))
        // Without labels, ids as before.
        #expect(ContradictionRenderer.render(report, as: .text, provenance: Self.provenance).contains("\naccount:@a\n  CONTRADICTION  reason  [rule: category]"))
    }

    @Test func eachCardNamesItsSourceByTitleURLAndDate() {
        let (report, context, source) = Self.readable
        let text = ContradictionRenderer.render(report, as: .text, provenance: Self.provenance, context: context)
        #expect(text.contains("        source “X blames a <spam> filter”, published 2024-07-30, https://northline.example/a?x=1&y=2\n"))
        #expect(text.contains("source id \(source.prefix(12))\n") && !text.contains(source))
        let html = ContradictionRenderer.render(report, as: .html, provenance: Self.provenance, context: context)
        #expect(html.contains("<div class=\"source\"><a href=\"https://northline.example/a?x=1&amp;y=2\" rel=\"noopener noreferrer\"><bdi>X blames a &lt;spam&gt; filter</bdi></a> <span class=\"published\">published <bdi>2024-07-30</bdi></span>"))
        let md = ContradictionRenderer.render(report, as: .md, provenance: Self.provenance, context: context)
        #expect(md.contains("| [X blames a \\<spam\\> filter](https://northline.example/a?x=1&y=2), 2024-07-30 |"))
        // A source not recorded: its short id.
        #expect(md.contains("| `dddddddddddd` |"))
    }

    @Test func hashesAreShortWithTheFullValueOnHoverAndInJSON() throws {
        let (report, context, source) = Self.readable
        let leaf = String(repeating: "f", count: 64)
        let html = ContradictionRenderer.render(report, as: .html, provenance: Self.provenance, context: context)
        #expect(html.contains("<dt>leaf</dt><dd><code title=\"\(leaf)\">ffffffffffff</code></dd>"))
        #expect(html.contains("<dt>source</dt><dd><code title=\"\(source)\">\(source.prefix(12))</code></dd>"))
        #expect(html.replacingOccurrences(of: "title=\"\(leaf)\"", with: "").contains(leaf) == false)
        for format in [ReportFormat.text, .md] {
            let out = ContradictionRenderer.render(report, as: format, provenance: Self.provenance, context: context)
            #expect(!out.contains(leaf) && out.contains("ffffffffffff"), "\(format)")
        }
        let json = try JSONParser.parse(ContradictionRenderer.render(report, as: .json, provenance: Self.provenance, context: context))
        #expect(json["findings"]?.array?.first?["claims"]?.array?.allSatisfy { $0["leaf_hash"]?.string == leaf } == true)
    }

    @Test func aSummaryCountsFindingsPerOutletPairAndPerSubject() {
        let (report, context, _) = Self.readable
        let summary = ReportSummary(report, context: context)
        #expect(summary.outletPairs == [.init(name: "Le Q × Northline News", counts: [("contradiction", 1)])])
        #expect(summary.subjects == [.init(name: "The A account · account:@a", counts: [("contradiction", 1)])])
        let text = ContradictionRenderer.render(report, as: .text, provenance: Self.provenance, context: context)
        #expect(text.contains("Summary\n  by outlet pair:\n    Le Q × Northline News: 1 contradiction\n  by subject:\n    The A account · account:@a: 1 contradiction\n"))
        let md = ContradictionRenderer.render(report, as: .md, provenance: Self.provenance, context: context)
        #expect(md.contains("## Summary\n\n**By outlet pair**\n\n- Le Q × Northline News: 1 contradiction\n"))
        let html = ContradictionRenderer.render(report, as: .html, provenance: Self.provenance, context: context)
        #expect(html.contains("<tr><th><bdi>Le Q × Northline News</bdi></th><td>1 contradiction</td></tr>"))
        // Counts by kind (contradictions first, whatever order findings come in), largest row first; the same
        // outlet on both sides is named as such.
        var s = ReportSummary()
        s.add("tension", pairs: [("B", "A")], subject: "x")
        s.add("contradiction", pairs: [("A", "B"), ("B", "A")], subject: "x")
        s.add("contradiction", pairs: [("C", "C")], subject: "y")
        #expect(s.outletPairs.map(\.words) == ["1 contradiction, 1 tension", "1 contradiction"])
        #expect(s.outletPairs.map(\.name) == ["A × B", "C (within one outlet)"])
        #expect(s.text.joined(separator: "\n").hasSuffix("  by subject:\n    x: 1 contradiction, 1 tension\n    y: 1 contradiction"))
        // A summary stays short: the largest rows, then how many more (numbers grouped as English writes them).
        var wide = ReportSummary()
        for i in 0..<(ReportSummary.shown + 1_205) { wide.add("contradiction", pairs: [("Outlet \(i)", "Outlet \(i + 1)")], subject: "z") }
        #expect(wide.text.filter { $0.hasPrefix("    Outlet") }.count == ReportSummary.shown)
        #expect(wide.text.contains("    … and 1,205 more outlet pairs"))
        #expect(wide.text.contains("    z: 1,225 contradictions"))
        #expect(wide.html.contains("<p class=\"more\">… and 1,205 more outlet pairs</p>"))
        #expect(grouped(0) == "0" && grouped(999) == "999" && grouped(1_000) == "1,000" && grouped(100_264) == "100,264" && grouped(-1_234_567) == "-1,234,567")
    }

    @Test func pluralsAreRightInTheHeaderAndCounts() {
        let one = ReportProvenance(origin: "o", size: 1, root: String(repeating: "ab", count: 32), checkpoint: .init(size: 1, root: String(repeating: "cd", count: 32)),
                                   generatedAt: "2026-12-02T06:00:00Z", verification: .verified)
        let text = one.text.joined(separator: "\n")
        #expect(text.contains("size         1 entry\n") && text.contains("checkpoint   1 entry, root") && !text.contains("1 entries"))
        #expect(Self.provenance.text.joined(separator: "\n").contains("12 entries") && Self.provenance.text.joined(separator: "\n").contains("10 entries, root"))
        #expect(counted(1, "corroboration") == "1 corroboration" && counted(2, "entry", plural: "entries") == "2 entries")
    }

    @Test func theFilterIsStatedInEveryHeader() {
        var p = Self.provenance
        p.filter = ReportFilter(outlet: "Le Q", since: "2024-07-30").described
        #expect(p.text.contains("filter       only claims with --outlet “Le Q”, --since 2024-07-30 (source published on or after)"))
        #expect(p.markdown.contains("| filter | only claims with --outlet “Le Q”, --since 2024-07-30 (source published on or after) |"))
        #expect(p.html.contains("<dt>filter</dt><dd><bdi>only claims with --outlet “Le Q”, --since 2024-07-30 (source published on or after)</bdi></dd>"))
        #expect(!Self.provenance.text.contains { $0.hasPrefix("filter") })
        #expect(p.json["filter"] == ["outlet": "Le Q", "since": "2024-07-30"])
        #expect(Self.provenance.json["filter"] == nil)
    }

    /// A report the server made while writers appended, from a snapshot newer than the newest verification:
    /// "pending", with how many entries were verified — never "verified", never a failure.
    @Test func aReportNewerThanItsVerificationSaysPending() {
        let p = ReportProvenance(origin: "o", size: 12, root: String(repeating: "ab", count: 32), checkpoint: nil,
                                 generatedAt: "2026-12-04T00:00:00Z", verification: .pending(verifiedSize: 10))
        #expect(p.json["verification"] == "pending" && p.json["verified_size"] == .number(10))
        #expect(p.text.contains { $0.hasPrefix("verification") && $0.contains("being verified: entries 0–9 verified") })
        #expect(!p.failed && p.warning == nil)
    }
}
