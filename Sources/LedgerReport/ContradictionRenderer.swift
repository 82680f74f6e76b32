import LedgerAnalysis
import LedgerCore

/// Renders a contradiction report in each format. Every finding names its rule and numbers, and for each claim
/// its seq, leaf hash, outlet, speaker, relay, language, claim text, exact excerpt and source id.
public enum ContradictionRenderer {
    /// `context` gives the labels of subjects, predicates and categories and the sources' titles, URLs and dates
    /// (text, Markdown and HTML; JSON names ids and hashes in full).
    public static func render(_ report: ContradictionReport, as format: ReportFormat, verbose: Bool = false, provenance: ReportProvenance,
                              context: ReportContext = ReportContext()) -> String {
        switch format {
        case .text: text(report, verbose: verbose, provenance: provenance, context: context)
        case .md: markdown(report, verbose: verbose, provenance: provenance, context: context)
        case .json: json(report, verbose: verbose, provenance: provenance)
        case .html: HTMLPage.contradictions(report, provenance: provenance, context: context)
        }
    }

    static func summary(_ r: ContradictionReport) -> String {
        let c = r.findings.filter { $0.verdict == .contradiction }.count, t = r.findings.count - c
        return "\(counted(c, "contradiction"))\(t > 0 ? " and \(counted(t, "tension"))" : "") among \(counted(r.claimCount, "claim")) in \(counted(r.groupCount, "group"))"
    }

    /// The language a finding is headed in: its first claim's.
    static func lang(_ f: ContradictionFinding) -> String? { (f.sideA + f.sideB).first?.lang }

    /// The predicate by its label (id second), then event and scope.
    static func heading(_ f: ContradictionFinding, context: ReportContext = ReportContext()) -> String {
        var q: [String] = []
        if let e = f.event { q.append("event \(e)") }
        if let s = f.scope { q.append("scope \(s)") }
        return context.predicate(f.predicate, lang: lang(f)).plain + (q.isEmpty ? "" : " (\(q.joined(separator: ", ")))")
    }

    /// Who said it where: "seq 25  Northline News [en] — organizers, relayed: …, reported".
    static func who(_ c: ClaimRecord) -> String {
        let relay = (c.relay.map { ", relayed: \($0)" } ?? "") + (c.origin.map { ", origin \($0)" } ?? "")
        return "\(c.outlet) [\(c.lang)] — \(c.speaker)\(relay)\(c.modality == .asserted ? "" : ", \(c.modality.rawValue)")"
    }

    public static func text(_ r: ContradictionReport, verbose: Bool, provenance: ReportProvenance, context: ReportContext = ReportContext()) -> String {
        var out = provenance.text + ["Contradictions: \(summary(r))", ""] + ReportSummary(r, context: context).text
        var subject: String? = nil
        for f in r.findings {
            if f.subject != subject {
                subject = f.subject
                out += ["", context.subject(f.subject, lang: lang(f)).plain]
            }
            out.append("  \(f.verdict.rawValue.uppercased())  \(heading(f, context: context))  [rule: \(f.rule)]")
            out.append("    \(f.explanation)")
            if let s = f.summary { out.append("    \(s.sentence)") }
            for (side, claims) in [("A", f.sideA), ("B", f.sideB)] {
                for c in claims {
                    let denied = c.polarity == .denied ? " (denied)" : ""
                    out.append("    \(side) seq \(c.seq)  \(who(c))")
                    if let about = context.about(c, subject: f.subject, predicate: f.predicate, headingLang: lang(f)) { out.append("        about \(about)") }
                    out.append("        value “\(context.value(c))”\(denied): “\(TerminalEscape.line(c.excerpt))”")
                    if let s = context.sourceLine(c.source) { out.append("        source \(TerminalEscape.line(s))") }
                    out.append("        leaf \(shortHash(c.leafHash))  source id \(shortHash(c.source))")
                }
            }
        }
        if r.findings.isEmpty { out += ["", "No contradictions found."] }
        if verbose && !r.notComparable.isEmpty {
            out += ["", "Not compared:"]
            for n in r.notComparable {
                out.append("  \(context.subject(n.subject, lang: n.claims.first?.lang).plain) \(context.predicate(n.predicate, lang: n.claims.first?.lang).plain): \(n.reason) (seq \(n.claims.map { String($0.seq) }.joined(separator: ", ")))")
            }
        }
        return TerminalEscape.visible(out.joined(separator: "\n") + "\n")
    }

    /// A claim's source in a Markdown cell: its title linked to its URL, and its published date; else its short id.
    static func markdownSource(_ c: ClaimRecord, context: ReportContext) -> String {
        guard let s = context.source(c.source) else { return "`\(shortHash(c.source))`" }
        let title = s.title ?? shortHash(c.source)
        return (s.url.map { MarkdownEscape.link(title, url: $0) } ?? MarkdownEscape.value(title)) + (s.published.map { ", \(MarkdownEscape.value($0))" } ?? "")
    }

    public static func markdown(_ r: ContradictionReport, verbose: Bool, provenance: ReportProvenance, context: ReportContext = ReportContext()) -> String {
        var out = ["# Contradictions", ""] + provenance.markdown + [summary(r).prefix(1).uppercased() + summary(r).dropFirst() + ".", ""]
            + ReportSummary(r, context: context).markdown
        var subject: String? = nil
        for f in r.findings {
            if f.subject != subject {
                subject = f.subject
                out += ["", "## \(MarkdownEscape.value(context.subject(f.subject, lang: lang(f)).plain))"]
            }
            out += ["", "### \(f.verdict.rawValue.capitalized): \(MarkdownEscape.value(heading(f, context: context)))", "",
                    "Rule **\(MarkdownEscape.value(f.rule))**: \(MarkdownEscape.value(f.explanation))"] + (f.summary.map { ["", MarkdownEscape.value($0.sentence)] } ?? []) + ["",
                    "| side | seq | outlet | lang | speaker | value | excerpt | source | leaf hash |", "|---|---:|---|---|---|---|---|---|---|"]
            for (side, claims) in [("A", f.sideA), ("B", f.sideB)] {
                for c in claims {
                    let speaker = c.speaker + (c.relay.map { " (via \($0))" } ?? "") + (c.origin.map { " (origin \($0))" } ?? "") + (c.modality == .asserted ? "" : ", \(c.modality.rawValue)")
                    let value = (c.polarity == .denied ? "not " : "") + context.value(c)
                    out.append("| \(side) | \(c.seq) | \(MarkdownEscape.value(c.outlet)) | \(MarkdownEscape.value(c.lang)) | \(MarkdownEscape.value(speaker)) | \(MarkdownEscape.value(value)) | “\(MarkdownEscape.value(c.excerpt))” | \(markdownSource(c, context: context)) | `\(shortHash(c.leafHash))` |")
                }
            }
        }
        if r.findings.isEmpty { out += ["", "No contradictions found."] }
        if verbose && !r.notComparable.isEmpty {
            out += ["", "## Not compared", ""]
            out += r.notComparable.map { "- \(MarkdownEscape.value(context.subject($0.subject, lang: $0.claims.first?.lang).plain)) \(MarkdownEscape.value(context.predicate($0.predicate, lang: $0.claims.first?.lang).plain)): \(MarkdownEscape.value($0.reason)) (seq \($0.claims.map { String($0.seq) }.joined(separator: ", ")))" }
        }
        return out.joined(separator: "\n") + "\n"
    }

    public static func json(_ r: ContradictionReport, verbose: Bool, provenance: ReportProvenance) -> String {
        var out: [UInt8] = []
        writeJSON(r, verbose: verbose, provenance: provenance) { out += $0 }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the JSON report (RFC 8785 canonical, then a newline) in pieces, one finding at a time, so a report
    /// with a hundred thousand findings is never held whole. The members are written in canonical order
    /// (claims, contradictions, findings, groups, not_comparable, provenance, tensions), each value canonically
    /// encoded: the bytes are exactly the canonical encoding of the whole object.
    public static func writeJSON(_ r: ContradictionReport, verbose: Bool, provenance: ReportProvenance, to write: ([UInt8]) -> Void) {
        func encoded(_ v: JSONValue) -> [UInt8] { (try? CanonicalJSON.encode(v)) ?? Array("null".utf8) }
        let contradictions = r.findings.filter { $0.verdict == .contradiction }.count
        write(Array(#"{"claims":\#(r.claimCount),"contradictions":\#(contradictions),"findings":["#.utf8))
        for (n, f) in r.findings.enumerated() { write((n > 0 ? [0x2C] : []) + encoded(f.json)) }
        write(Array(#"],"groups":\#(r.groupCount),"#.utf8))
        if verbose {
            write(Array(#""not_comparable":"#.utf8) + encoded(.array(r.notComparable.map {
                ["subject": .string($0.subject), "predicate": .string($0.predicate), "reason": .string($0.reason),
                 "seqs": .array($0.claims.map { .number(Double($0.seq)) })]
            })) + [0x2C])
        }
        write(Array(#""provenance":"#.utf8) + encoded(provenance.json) + [0x2C])
        write(Array(#""tensions":\#(r.findings.count - contradictions)}"#.utf8) + [0x0A])
    }
}
