import LedgerAnalysis
import LedgerCore

/// Self-contained HTML reports: one file, inline CSS, no scripts or network, readable in print. Each finding
/// is an `<article class="finding">` whose `data-seqs` lists its claims, so tools can check the rendered DOM.
/// The bodies and the stylesheet are public so the newsroom server shows the same findings in its own pages.
public enum HTMLPage {
    static func contradictions(_ r: ContradictionReport, provenance: ReportProvenance, context: ReportContext = ReportContext()) -> String {
        page("Contradictions — ClaimLedger", contradictionsBody(r, provenance: provenance, context: context))
    }

    /// A name label first, its id second and quieter: `<bdi>label</bdi> <span class="id">· <bdi>id</bdi></span>`.
    static func labelled(_ l: ReportContext.Labelled) -> String {
        HTMLEscape.value(l.label) + (l.id.map { " <span class=\"id\">· \(HTMLEscape.value($0))</span>" } ?? "")
    }

    /// The contradictions report's HTML body (no page around it); `context` gives labels and sources. `shown`
    /// limits the findings listed to that range (a page of them); the counts and summary are of them all.
    public static func contradictionsBody(_ r: ContradictionReport, provenance: ReportProvenance, context: ReportContext = ReportContext(),
                                          shown: Range<Int>? = nil) -> String {
        var body = "<h1>Contradictions</h1>\n" + provenance.html + "<p class=\"summary\">\(HTMLEscape.text(ContradictionRenderer.summary(r)))</p>\n"
            + ReportSummary(r, context: context).html
        var subject: String? = nil
        for f in r.findings[shown?.clamped(to: r.findings.indices) ?? r.findings.indices] {
            let lang = ContradictionRenderer.lang(f)
            if f.subject != subject {
                if subject != nil { body += "</section>\n" }
                subject = f.subject
                body += "<section class=\"subject\"><h2>\(labelled(context.subject(f.subject, lang: lang)))</h2>\n"
            }
            let seqs = (f.sideA + f.sideB).map { String($0.seq) }.joined(separator: " ")
            var qualifiers: [String] = []
            if let e = f.event { qualifiers.append("event \(e)") }
            if let s = f.scope { qualifiers.append("scope \(s)") }
            let heading = labelled(context.predicate(f.predicate, lang: lang)) + (qualifiers.isEmpty ? "" : " (\(HTMLEscape.value(qualifiers.joined(separator: ", "))))")
            let card = { (c: ClaimRecord) in
                Self.card(c, origin: nil, context: context, about: context.about(c, subject: f.subject, predicate: f.predicate, headingLang: lang))
            }
            body += """
            <article class="finding \(f.verdict.rawValue)" data-verdict="\(f.verdict.rawValue)" data-rule="\(HTMLEscape.text(f.rule))" data-seqs="\(seqs)">
            <header><span class="verdict">\(f.verdict.rawValue)</span> <strong>\(heading)</strong> <span class="rule">rule: \(HTMLEscape.text(f.rule))</span></header>
            <p class="explanation">\(HTMLEscape.value(f.explanation))</p>\(f.summary.map { "<p class=\"summary\">\(HTMLEscape.value($0.sentence))</p>" } ?? "")
            <div class="sides"><div class="side"><h3>A</h3>\(f.sideA.map(card).joined())</div><div class="side"><h3>B</h3>\(f.sideB.map(card).joined())</div></div>
            </article>\n
            """
        }
        if subject != nil { body += "</section>\n" }
        if r.findings.isEmpty { body += "<p>No contradictions found.</p>\n" }
        return body
    }

    static func corroborations(_ findings: [CorroborationFinding], claimCount: Int, provenance: ReportProvenance, context: ReportContext = ReportContext()) -> String {
        page("Corroborations — ClaimLedger", corroborationsBody(findings, claimCount: claimCount, provenance: provenance, context: context))
    }

    /// The corroborations report's HTML body (no page around it); `context` gives labels and sources.
    /// `shown` limits the findings listed to that range (a page of them); the counts and summary are of them all.
    public static func corroborationsBody(_ findings: [CorroborationFinding], claimCount: Int, provenance: ReportProvenance,
                                          context: ReportContext = ReportContext(), shown: Range<Int>? = nil) -> String {
        var body = "<h1>Corroborations</h1>\n" + provenance.html
            + "<p class=\"summary\">\(HTMLEscape.text(CorroborationRenderer.summary(findings, claimCount: claimCount)))</p>\n"
            + ReportSummary(findings, context: context).html
        for f in findings[shown?.clamped(to: findings.indices) ?? findings.indices] {
            let seqs = f.claims.map { String($0.seq) }.joined(separator: " ")
            let lang = f.claims.first?.lang
            let heading = labelled(context.predicate(f.predicate, lang: lang)) + (f.event.map { " (event \(HTMLEscape.value($0)))" } ?? "")
                + (f.scope.map { " (scope \(HTMLEscape.value($0)))" } ?? "")
            body += """
            <article class="finding corroboration" data-seqs="\(seqs)">
            <header><strong>\(labelled(context.subject(f.subject, lang: lang)))</strong> — \(heading)</header>
            <p class="explanation">Agree on \(HTMLEscape.value(CorroborationRenderer.agreement(f, context: context))).</p>
            <p class="explanation">\(CorroborationRenderer.independence(f)): \(HTMLEscape.value(f.origins.joined(separator: ", "))) · languages \(HTMLEscape.value(f.languages.joined(separator: ", ")))</p>
            <div class="sides">\(f.claims.enumerated().map { "<div class=\"side\">\(card($1, origin: CorroborationRenderer.originNote(f, $0), context: context, about: context.about($1, subject: f.subject, predicate: f.predicate, headingLang: lang)))</div>" }.joined())</div>
            </article>\n
            """
        }
        return body
    }

    static func card(_ c: ClaimRecord) -> String { card(c, origin: nil, context: ReportContext()) }

    /// A claim's source on its card: its title linked to its URL, its published date, and the URL itself (for print),
    /// as far as they were recorded.
    static func source(_ c: ClaimRecord, context: ReportContext) -> String {
        guard let s = context.source(c.source), s.title != nil || s.url != nil || s.published != nil else { return "" }
        let title = HTMLEscape.value(s.title ?? s.url ?? shortHash(c.source))
        return "<div class=\"source\">\(s.url.map { HTMLEscape.link($0, label: title) } ?? title)"
            + (s.published.map { " <span class=\"published\">published \(HTMLEscape.value($0))</span>" } ?? "")
            + (s.url.map { "<br><span class=\"url\">\(HTMLEscape.value($0))</span>" } ?? "") + "</div>"
    }

    /// One claim's card; `origin` says what it counts for (nil: the origin it names, if any); `about` names the
    /// subject and predicate in the claim's language when the finding's heading names them in another. Hashes are
    /// shown short, with the full value on hover.
    static func card(_ c: ClaimRecord, origin: String?, context: ReportContext, about: String? = nil) -> String {
        let note = origin ?? c.origin.map { "origin \($0)" } ?? ""
        let relay = (c.relay.map { "<span class=\"relay\">via \(HTMLEscape.value($0))</span>" } ?? "")
            + (note.isEmpty ? "" : " <span class=\"origin\">\(HTMLEscape.value(note))</span>")
        let modality = c.modality == .asserted ? "" : "<span class=\"modality\">\(c.modality.rawValue)</span>"
        let value = (c.polarity == .denied ? "<span class=\"denied\">denied</span> " : "") + HTMLEscape.value(context.value(c))
        return """
        <div class="claim" data-seq="\(c.seq)">
        \(about.map { "<div class=\"about\" lang=\"\(HTMLEscape.text(c.lang))\">\(HTMLEscape.value($0))</div>\n" } ?? "")<div class="who"><span class="outlet">\(HTMLEscape.value(c.outlet))</span> <span class="lang">\(HTMLEscape.value(c.lang))</span> \(modality)</div>
        <div class="speaker">\(HTMLEscape.value(c.speaker)) \(relay)</div>
        <div class="value">\(value)</div>
        <blockquote lang="\(HTMLEscape.text(c.lang))">…\(HTMLEscape.value(c.excerptPrefix))<mark>\(HTMLEscape.value(c.excerpt))</mark>\(HTMLEscape.value(c.excerptSuffix))…</blockquote>
        <div class="text">\(HTMLEscape.value(c.text))</div>\(source(c, context: context))
        <dl class="proof"><dt>seq</dt><dd>\(c.seq)</dd><dt>leaf</dt><dd>\(HTMLEscape.abbreviated(c.leafHash, shortHash(c.leafHash)))</dd><dt>source</dt><dd>\(HTMLEscape.abbreviated(c.source, shortHash(c.source)))</dd></dl>
        </div>
        """
    }

    static func page(_ title: String, _ body: String, extraStyle: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLEscape.text(title))</title>
        <style>
        \(stylesheet)
        \(extraStyle)
        \(printStyle)
        </style></head><body>
        \(body)<footer><p class="summary">Generated by ClaimLedger. Each claim can be checked with <code>claimledger show SEQ</code>: its leaf hash is SHA-256(0x00 ‖ entry bytes).</p></footer>
        </body></html>\n
        """
    }

    /// The reports' stylesheet (before any page-specific rules).
    public static let stylesheet = """
    :root { --ink:#1d232a; --muted:#5b6670; --line:#d8dee4; --contra:#b3261e; --tension:#a86400; --agree:#1b6e3a; }
    * { box-sizing: border-box; }
    body { font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: var(--ink); max-width: 1100px; margin: 2rem auto; padding: 0 1rem; }
    h1 { margin-bottom: .2rem; } .summary { color: var(--muted); margin-top: 0; }
    h2 { border-bottom: 2px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 1.1rem; }
    article.finding { border: 1px solid var(--line); border-left: 6px solid var(--muted); border-radius: 6px; padding: .8rem 1rem; margin: 1rem 0; break-inside: avoid; }
    article.contradiction { border-left-color: var(--contra); } article.tension { border-left-color: var(--tension); } article.corroboration { border-left-color: var(--agree); }
    .verdict { text-transform: uppercase; font-weight: 700; font-size: .8rem; letter-spacing: .05em; padding: .1rem .45rem; border-radius: 3px; color: #fff; background: var(--muted); }
    .contradiction .verdict { background: var(--contra); } .tension .verdict { background: var(--tension); }
    .rule { color: var(--muted); font-size: .85rem; margin-left: .5rem; }
    .explanation { margin: .4rem 0 .6rem; }
    .sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: .8rem; }
    .side h3 { margin: 0 0 .3rem; font-size: .85rem; color: var(--muted); }
    .claim { background: #f6f8fa; border-radius: 5px; padding: .6rem .7rem; margin-bottom: .6rem; }
    .outlet { font-weight: 700; } .lang, .modality { font-size: .75rem; border: 1px solid var(--muted); border-radius: 3px; padding: 0 .3rem; color: var(--muted); text-transform: uppercase; }
    .modality { border-color: var(--tension); color: var(--tension); text-transform: none; }
    .id { color: var(--muted); font-weight: 400; font-size: .85em; } .source { font-size: .85rem; margin-top: .3rem; } .source a { color: inherit; } .published, .source .url { color: var(--muted); } .about { font-size: .8rem; color: var(--muted); } .source .url { font-size: .75rem; overflow-wrap: anywhere; }
    .report-summary h3 { font-size: .9rem; margin: .6rem 0 .2rem; color: var(--muted); } table.tally { border-collapse: collapse; font-size: .9rem; } table.tally th { text-align: left; font-weight: 600; padding: .1rem .8rem .1rem 0; } table.tally td { padding: .1rem 0; }
    .speaker { color: var(--muted); } .relay { font-style: italic; } .origin { font-size: .9em; } .denied { color: var(--contra); font-weight: 700; }
    .value { font-weight: 600; margin: .2rem 0; }
    blockquote { margin: .4rem 0; padding: .3rem .6rem; border-left: 3px solid var(--line); background: #fff; color: var(--muted); }
    mark { background: #fff3b0; color: var(--ink); padding: 0 .1rem; }
    .text { font-size: .9rem; } dl.proof { display: grid; grid-template-columns: auto 1fr; gap: 0 .5rem; font-size: .75rem; color: var(--muted); margin: .4rem 0 0; }
    dl.proof dd { margin: 0; overflow-wrap: anywhere; }
    dl.provenance { display: grid; grid-template-columns: auto 1fr; gap: 0 .8rem; font-size: .8rem; color: var(--muted); margin: .3rem 0 1rem; } dl.provenance dd { margin: 0; overflow-wrap: anywhere; }
    .not-verified { background: var(--contra); color: #fff; font-weight: 700; padding: .5rem .8rem; border-radius: 4px; } code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
    """

    /// The print rules, last in the stylesheet.
    public static let printStyle = """
    @media print { body { margin: 0; max-width: none; font-size: 11pt; } article.finding { page-break-inside: avoid; } .claim { background: none; border: 1px solid var(--line); } mark { background: none; text-decoration: underline; font-weight: 700; } }
    """
}
