import LedgerAnalysis
import LedgerCore

/// Renders corroborations: for each subject and predicate, the compatible value, the claims that agree, the
/// outlets, and how many of them are independent once relays are collapsed — and, per claim, the origin it counts
/// for when that is not its own outlet, and any relay that named nothing known.
public enum CorroborationRenderer {
    public static func render(_ findings: [CorroborationFinding], claimCount: Int, as format: ReportFormat, provenance: ReportProvenance) -> String {
        switch format {
        case .text: text(findings, claimCount: claimCount, provenance: provenance)
        case .md: markdown(findings, claimCount: claimCount, provenance: provenance)
        case .json:
            String(decoding: (try? CanonicalJSON.encode(["findings": .array(findings.map(\.json)), "claims": .int(claimCount),
                                                         "provenance": provenance.json])) ?? [], as: UTF8.self) + "\n"
        case .html: HTMLPage.corroborations(findings, claimCount: claimCount, provenance: provenance)
        }
    }

    static func heading(_ f: CorroborationFinding) -> String {
        f.predicate + (f.event.map { " (event \($0))" } ?? "") + (f.scope.map { " (scope \($0))" } ?? "")
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

    static func text(_ findings: [CorroborationFinding], claimCount: Int, provenance: ReportProvenance) -> String {
        var out = provenance.text + ["Corroborations: \(findings.count) among \(counted(claimCount, "claim"))"]
        for f in findings {
            out += ["", "\(f.subject)  \(heading(f))  = \(f.agreement)",
                    "  \(independence(f)) (\(f.origins.joined(separator: ", "))); languages \(f.languages.joined(separator: ", "))"]
            for (i, c) in f.claims.enumerated() {
                let relay = c.relay.map { ", relayed: \($0)" } ?? ""
                let note = originNote(f, i)
                out.append("    seq \(c.seq)  \(c.outlet) [\(c.lang)] — \(c.speaker)\(relay)\(note.isEmpty ? "" : " [\(note)]"): \"\(TerminalEscape.line(c.excerpt))\"  leaf \(c.leafHash.prefix(16))…")
            }
        }
        if findings.isEmpty { out += ["", "No corroborations: no value is supported by two outlets."] }
        return TerminalEscape.visible(out.joined(separator: "\n") + "\n")
    }

    static func markdown(_ findings: [CorroborationFinding], claimCount: Int, provenance: ReportProvenance) -> String {
        var out = ["# Corroborations", ""] + provenance.markdown + ["\(findings.count) among \(counted(claimCount, "claim"))."]
        for f in findings {
            out += ["", "## \(MarkdownEscape.value(f.subject)) — \(MarkdownEscape.value(heading(f))) = \(MarkdownEscape.value(f.agreement))", "",
                    "\(independence(f)): \(MarkdownEscape.value(f.origins.joined(separator: ", "))); languages: \(MarkdownEscape.value(f.languages.joined(separator: ", "))).", "",
                    "| seq | outlet | lang | speaker | origin | value | excerpt | leaf hash |", "|---:|---|---|---|---|---|---|---|"]
            for (i, c) in f.claims.enumerated() {
                let speaker = c.speaker + (c.relay.map { " (via \($0))" } ?? "")
                out.append("| \(c.seq) | \(MarkdownEscape.value(c.outlet)) | \(MarkdownEscape.value(c.lang)) | \(MarkdownEscape.value(speaker)) | \(MarkdownEscape.value(originNote(f, i))) | \(MarkdownEscape.value(c.value.original)) | “\(MarkdownEscape.value(c.excerpt))” | `\(c.leafHash.prefix(16))…` |")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
