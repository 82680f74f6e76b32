import LedgerAnalysis
import LedgerCore

/// Renders corroborations: for each subject and predicate, the compatible value, the claims that agree, the
/// outlets, and how many of them are independent once relays are collapsed — and, per claim, the origin it counts
/// for when that is not its own outlet, and any relay that named nothing known.
public enum CorroborationRenderer {
    /// `context` gives labels and sources, as for `ContradictionRenderer.render`.
    public static func render(_ findings: [CorroborationFinding], claimCount: Int, as format: ReportFormat, provenance: ReportProvenance,
                              context: ReportContext = ReportContext()) -> String {
        switch format {
        case .text: text(findings, claimCount: claimCount, provenance: provenance, context: context)
        case .md: markdown(findings, claimCount: claimCount, provenance: provenance, context: context)
        case .json:
            String(decoding: (try? CanonicalJSON.encode(["findings": .array(findings.map(\.json)), "claims": .int(claimCount),
                                                         "provenance": provenance.json])) ?? [], as: UTF8.self) + "\n"
        case .html: HTMLPage.corroborations(findings, claimCount: claimCount, provenance: provenance, context: context)
        }
    }

    static func heading(_ f: CorroborationFinding, context: ReportContext = ReportContext()) -> String {
        context.predicate(f.predicate, lang: f.claims.first?.lang).plain + (f.event.map { " (event \($0))" } ?? "") + (f.scope.map { " (scope \($0))" } ?? "")
    }

    /// What the claims agree on, as they wrote it ("“$4 million” and “4 millions de dollars”"), and for figures,
    /// durations and dates the span their readings share, in words. Never a raw interval.
    static func agreement(_ f: CorroborationFinding, context: ReportContext) -> String {
        var seen = Set<String>()
        let written = f.claims.map { context.value($0) }.filter { seen.insert($0).inserted }.map { "“\($0)”" }
        let list = written.count <= 2 ? written.joined(separator: " and ") : written.dropLast().joined(separator: ", ") + " and " + written.last!
        switch f.claims.first?.value.value {
        case .quantity?, .duration?, .date?: return "\(list) (all within \(f.agreementInWords))"
        default: return list
        }
    }

    /// "2 corroborations among 19 claims".
    static func summary(_ findings: [CorroborationFinding], claimCount: Int) -> String {
        "\(counted(findings.count, "corroboration")) among \(counted(claimCount, "claim"))"
    }

    /// "2 independent origins" (claims tracing to one origin count once).
    static func independence(_ f: CorroborationFinding) -> String {
        "\(f.independentOutlets) independent origin\(f.independentOutlets == 1 ? "" : "s")"
    }

    /// What claim `i` of `f` counts for, when it is not plainly its own outlet: the origin it names, the one its
    /// relay names, or that its relay could not be resolved.
    static func originNote(_ f: CorroborationFinding, _ i: Int) -> String {
        let t = f.traces[i]
        switch t.basis {
        case .origin: return "origin \(t.origin.label)"
        case .relay: return "counts for \(t.origin.label) (its relay)"
        case .outlet: return t.unresolvedRelay == nil ? "" : "relay not resolved: counts for its own outlet"
        }
    }

    static func text(_ findings: [CorroborationFinding], claimCount: Int, provenance: ReportProvenance, context: ReportContext) -> String {
        var out = provenance.text + ["Corroborations: \(findings.count) among \(counted(claimCount, "claim"))", ""] + ReportSummary(findings, context: context).text
        for f in findings {
            out += ["", "\(context.subject(f.subject, lang: f.claims.first?.lang).plain)  \(heading(f, context: context))",
                    "  agree on \(agreement(f, context: context))",
                    "  \(independence(f)) (\(f.origins.joined(separator: ", "))); languages \(f.languages.joined(separator: ", "))"]
            for (i, c) in f.claims.enumerated() {
                let relay = c.relay.map { ", relayed: \($0)" } ?? ""
                let note = originNote(f, i)
                out.append("    seq \(c.seq)  \(c.outlet) [\(c.lang)] — \(c.speaker)\(relay)\(note.isEmpty ? "" : " [\(note)]"): “\(TerminalEscape.line(c.excerpt))”")
                if let about = context.about(c, subject: f.subject, predicate: f.predicate, headingLang: f.claims.first?.lang) { out.append("        about \(about)") }
                if let s = context.sourceLine(c.source) { out.append("        source \(TerminalEscape.line(s))") }
                out.append("        leaf \(shortHash(c.leafHash))  source id \(shortHash(c.source))")
            }
        }
        if findings.isEmpty { out += ["", "No corroborations: no value is supported by two outlets."] }
        return TerminalEscape.visible(out.joined(separator: "\n") + "\n")
    }

    static func markdown(_ findings: [CorroborationFinding], claimCount: Int, provenance: ReportProvenance, context: ReportContext) -> String {
        let line = summary(findings, claimCount: claimCount)
        var out = ["# Corroborations", ""] + provenance.markdown + [line.prefix(1).uppercased() + line.dropFirst() + ".", ""] + ReportSummary(findings, context: context).markdown
        for f in findings {
            out += ["", "## \(MarkdownEscape.value(context.subject(f.subject, lang: f.claims.first?.lang).plain)) — \(MarkdownEscape.value(heading(f, context: context)))", "",
                    "Agree on \(MarkdownEscape.value(agreement(f, context: context))).", "",
                    "\(independence(f)): \(MarkdownEscape.value(f.origins.joined(separator: ", "))); languages: \(MarkdownEscape.value(f.languages.joined(separator: ", "))).", "",
                    "| seq | outlet | lang | speaker | origin | value | excerpt | source | leaf hash |", "|---:|---|---|---|---|---|---|---|---|"]
            for (i, c) in f.claims.enumerated() {
                let speaker = c.speaker + (c.relay.map { " (via \($0))" } ?? "")
                out.append("| \(c.seq) | \(MarkdownEscape.value(c.outlet)) | \(MarkdownEscape.value(c.lang)) | \(MarkdownEscape.value(speaker)) | \(MarkdownEscape.value(originNote(f, i))) | \(MarkdownEscape.value(context.value(c))) | “\(MarkdownEscape.value(c.excerpt))” | \(ContradictionRenderer.markdownSource(c, context: context)) | `\(shortHash(c.leafHash))` |")
            }
        }
        if findings.isEmpty { out += ["", "No corroborations: no value is supported by two outlets."] }
        return out.joined(separator: "\n") + "\n"
    }
}
