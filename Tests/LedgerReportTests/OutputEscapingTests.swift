import LedgerReport
import Testing

/// The escaping rule of each output format, on the hostile values an attacker would record.
@Suite struct OutputEscapingTests {
    @Test func htmlEscapesMarkupAndIsolatesBidi() {
        #expect(HTMLEscape.value("<script>alert(1)</script>") == "<bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi>")
        #expect(HTMLEscape.text(#"a"b'c&d"#) == "a&quot;b&#39;c&amp;d")
        #expect(HTMLEscape.value("\u{202E}Reuters").hasPrefix("<bdi>"))
    }

    @Test func markdownNeutralizesMarkupAndRawHTML() {
        let md = MarkdownEscape.value("**bold** <img src=x onerror=alert(1)> [x](javascript:1) `c` | #")
        #expect(!md.replacingOccurrences(of: "\\<", with: "").contains("<"), "every < is escaped")
        #expect(md == ##"\*\*bold\*\* \<img src=x onerror=alert(1)\> \[x\](javascript:1) \`c\` \| \#"##)
        #expect(MarkdownEscape.value("- item") == #"\- item"#)
        #expect(MarkdownEscape.value("+ item") == #"\+ item"#)
        #expect(MarkdownEscape.value("12. item") == #"12\. item"#)
        #expect(MarkdownEscape.value("a\nb\r\nc") == "a b c")
        #expect(MarkdownEscape.value("\u{1B}[31m") == #"^\[\[31m"#)
    }

    /// Source links: only http(s) becomes a link; the URL can neither end the link early nor open raw HTML.
    @Test func linksToRecordedURLsAreInert() {
        #expect(HTMLEscape.link("https://a.example/x?q=1&r=\"2\"", label: "<bdi>T</bdi>")
                == "<a href=\"https://a.example/x?q=1&amp;r=&quot;2&quot;\" rel=\"noopener noreferrer\"><bdi>T</bdi></a>")
        #expect(HTMLEscape.link("javascript:alert(1)", label: "<bdi>T</bdi>") == "<bdi>T</bdi>")
        #expect(HTMLEscape.abbreviated(String(repeating: "ab", count: 32), "abababababab") == "<code title=\"\(String(repeating: "ab", count: 32))\">abababababab</code>")
        let md = MarkdownEscape.link("A [b] <c>", url: "https://a.example/p(1) <x>\\y")
        #expect(md == #"[A \[b\] \<c\>](https://a.example/p%281%29%20%3Cx%3E%5Cy)"#)
        #expect(!md.replacingOccurrences(of: "\\<", with: "").contains("<"))
        #expect(MarkdownEscape.link("T", url: "javascript:alert(1)") == "T (javascript:alert(1))")
    }

    @Test func csvPrefixesFormulasAndQuotes() {
        #expect(CSVEscape.field(#"=HYPERLINK("http://x","y")"#) == #""'=HYPERLINK(""http://x"",""y"")""#)
        for start in ["+1", "-1", "@SUM(A1)", "\tx"] { #expect(CSVEscape.field(start).contains("'" + start.prefix(1))) }
        #expect(CSVEscape.field("\rx") == "'^Mx")  // prefixed, and the CR made visible
        #expect(CSVEscape.field("Sp\u{1B}[31mRED\u{7}\u{9B}") == "Sp^[[31mRED^G<U+009B>")
        #expect(CSVEscape.field("plain") == "plain")
        #expect(CSVEscape.field("a,b") == "\"a,b\"")
        #expect(CSVEscape.field("a\nb") == "\"a\nb\"")
    }

    @Test func htmlNeverHoldsRawC1ControlsOrMarkerElements() {
        // U+009B (CSI) and U+0085 (NEL): shown as a marker whose angle brackets are character references.
        let escaped = HTMLEscape.text("a\u{9B}2J b\u{85}c")
        #expect(escaped == "a&lt;U+009B&gt;2J b&lt;U+0085&gt;c")
        #expect(!escaped.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
        #expect(!escaped.contains("<"))
        #expect(HTMLEscape.value("\u{1B}[31m") == "<bdi>^[[31m</bdi>")
    }

    @Test func csvTestsTheFirstScalarNotTheFirstCharacter() {
        // "=" + COMBINING ACUTE and "+" + COMBINING ENCLOSING CIRCLE are single Characters that are not "=" or "+".
        #expect(CSVEscape.field("=\u{301}1+1") == "'=\u{301}1+1")
        #expect(CSVEscape.field("+\u{20DD}SUM(A1)") == "'+\u{20DD}SUM(A1)")
        #expect(CSVEscape.field("-\u{301}") == "'-\u{301}")
        #expect(CSVEscape.field("\r\nx").hasPrefix("\"'^M"))
        #expect(CSVEscape.field("é=1") == "é=1")
    }

    @Test func terminalMakesControlsVisible() {
        #expect(TerminalEscape.visible("\u{1B}[31mred\u{7}") == "^[[31mred^G")
        #expect(TerminalEscape.visible("Reuters\u{200B}") == "Reuters<U+200B>")
        #expect(TerminalEscape.visible("👍🏽 ❤️ 👨‍👩‍👧") == "👍🏽 ❤️ 👨‍👩‍👧")  // joiners and variation selectors kept
        #expect(TerminalEscape.visible("a\tb\nc") == "a\tb\nc")
        #expect(TerminalEscape.visible("\u{7F}\u{9B}2J") == "^?<U+009B>2J")
        #expect(TerminalEscape.visible("\u{202E}txet\u{2066}") == "<U+202E>txet<U+2066>")
        #expect(TerminalEscape.visible("\r") == "^M")
        #expect(TerminalEscape.visible("Ünïcødé “fine”") == "Ünïcødé “fine”")
    }
}

/// Every report, in every format, opens with what it was computed from.
@Suite struct ReportProvenanceTests {
    static func provenance(_ v: ReportProvenance.Verification) -> ReportProvenance {
        ReportProvenance(origin: "example.org/<script>", size: 7, root: String(repeating: "0f", count: 32), checkpoint: nil,
                         generatedAt: "2026-12-02T06:00:00Z", verification: v)
    }

    @Test func everyFormatStatesTheLedgerAndWhetherItVerified() {
        let failed = Self.provenance(.failed("1 finding, the first: seq 3: [leaf] the entry was edited"))
        for format in ReportFormat.allCases {
            let reports = [CorroborationRenderer.render([], claimCount: 0, as: format, provenance: failed)]
            for r in reports {
                #expect(r.contains(String(repeating: "0f", count: 32)) && r.contains("2026-12-02T06:00:00Z"), "\(format)")
                #expect(r.contains("THIS LEDGER DID NOT VERIFY") || format == .json, "\(format)")
                #expect(!r.contains("<script>") || format == .json || format == .text, "\(format): the origin is escaped")
            }
        }
        let text = CorroborationRenderer.render([], claimCount: 0, as: .text, provenance: failed)
        #expect(text.hasPrefix("THIS LEDGER DID NOT VERIFY: 1 finding"))
        #expect(text.contains("checkpoint   none"))
        #expect(CorroborationRenderer.render([], claimCount: 0, as: .text, provenance: Self.provenance(.notVerified)).contains("not verified"))
    }
}
