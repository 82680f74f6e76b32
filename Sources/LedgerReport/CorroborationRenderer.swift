import LedgerAnalysis
import LedgerCore

/// Renders corroborations: for each subject and predicate, the compatible value, the claims that agree, the
/// outlets, and how many of them are independent once relays are collapsed.
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

    static func text(_ findings: [CorroborationFinding], claimCount: Int, provenance: ReportProvenance) -> String {
        var out = provenance.text + ["Corroborations: \(findings.count) among \(counted(claimCount, "claim"))"]
        for f in findings {
            out += ["", "\(f.subject)  \(heading(f))  = \(f.agreement)",
                    "  \(f.independentOutlets) independent outlet\(f.independentOutlets == 1 ? "" : "s") (\(f.origins.joined(separator: ", "))); languages \(f.languages.joined(separator: ", "))"]
            for c in f.claims {
                let relay = c.relay.map { ", relayed: \($0)" } ?? ""
                out.append("    seq \(c.seq)  \(c.outlet) [\(c.lang)] — \(c.speaker)\(relay): \"\(TerminalEscape.line(c.excerpt))\"  leaf \(c.leafHash.prefix(16))…")
            }
        }
        if findings.isEmpty { out += ["", "No corroborations: no value is supported by two outlets."] }
        return TerminalEscape.visible(out.joined(separator: "\n") + "\n")
    }

    static func markdown(_ findings: [CorroborationFinding], claimCount: Int, provenance: ReportProvenance) -> String {
        var out = ["# Corroborations", ""] + provenance.markdown + ["\(findings.count) among \(counted(claimCount, "claim"))."]
        for f in findings {
            out += ["", "## \(MarkdownEscape.value(f.subject)) — \(MarkdownEscape.value(heading(f))) = \(MarkdownEscape.value(f.agreement))", "",
                    "\(f.independentOutlets) independent outlet(s): \(MarkdownEscape.value(f.origins.joined(separator: ", "))); languages: \(MarkdownEscape.value(f.languages.joined(separator: ", "))).", "",
                    "| seq | outlet | lang | speaker | value | excerpt | leaf hash |", "|---:|---|---|---|---|---|---|"]
            for c in f.claims {
                let speaker = c.speaker + (c.relay.map { " (via \($0))" } ?? "")
                out.append("| \(c.seq) | \(MarkdownEscape.value(c.outlet)) | \(MarkdownEscape.value(c.lang)) | \(MarkdownEscape.value(speaker)) | \(MarkdownEscape.value(c.value.original)) | “\(MarkdownEscape.value(c.excerpt))” | `\(c.leafHash.prefix(16))…` |")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
