import LedgerCore
import Testing
@testable import LedgerAnalysis
@testable import LedgerReport

/// The renderers: every format names the rule, the numbers and each claim's proof; text never breaks a format.
@Suite struct RendererTests {
    static func claim(_ seq: Int64, _ id: String, outlet: String, lang: String, excerpt: String) -> ClaimRecord {
        let value = ClaimValue(.category(id), original: id)
        let body: JSONValue = [
            "source": .string(String(repeating: "d", count: 64)),
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
}
