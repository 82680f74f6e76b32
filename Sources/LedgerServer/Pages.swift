import LedgerAnalysis
import LedgerCore
import LedgerReport
import LedgerStore

/// The server-rendered pages: each takes a `LedgerSnapshot` (one ledger state) and returns the page's HTML
/// body; every ledger string goes through `HTMLEscape`.
enum Pages {
    static func login(error: String?, next: String, csrf: String) -> String {
        """
        <h1>Log in</h1>
        \(error.map { "<p class=\"error\" role=\"alert\">\(HTMLEscape.value($0))</p>" } ?? "")
        <form class="login" method="post" action="/login">
        <input type="hidden" name="next" value="\(HTMLEscape.text(next))"><input type="hidden" name="csrf" value="\(HTMLEscape.text(csrf))">
        <label>User name <input name="user" autocomplete="username" required autofocus></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit">Log in</button>
        </form>
        """
    }

    static func dashboard(_ s: LedgerSnapshot, verification: VerificationReport) -> String {
        let status: String
        if !verification.ok {
            status = "<span class=\"bad\">DOES NOT VERIFY</span>: \(verification.findings.count + verification.omitted) finding(s), the first: "
                + HTMLEscape.value(verification.findings.first.map { "[\($0.check)] \($0.what)" } ?? "")
        } else if verification.size >= s.size {
            status = "<span class=\"ok\">verified</span> (every entry's hash, chain, signature and the tree root rechecked)"
        } else {
            status = "<span class=\"ok\">verified</span> up to entry \(verification.size) — the \(s.size - verification.size) entries appended since are being verified; reload in a moment"
        }
        var body = "<h1>Dashboard</h1>\n" + PageLayout.facts([
            ("origin", HTMLEscape.value(s.origin)), ("size", counted(Int(s.size), "entry", plural: "entries")), ("root", PageLayout.code(s.root)),
            ("verification", status), ("sources", grouped(s.sources.count)), ("current claims", grouped(s.claims.count)),
        ])
        body += "<h2>Newest checkpoint</h2>\n"
        if let cp = s.checkpoint {
            let witnesses = cp.note.split(separator: "\n").filter { $0.hasPrefix("— ") }.map { String($0.dropFirst(2).split(separator: " ").first ?? "") }
            body += PageLayout.facts([("size", "\(cp.checkpoint.size)"), ("root", PageLayout.code(cp.checkpoint.root.hex)),
                                      ("signed by", HTMLEscape.value(witnesses.joined(separator: ", ")))])
            body += "<pre>\(HTMLEscape.text(cp.note))</pre>\n"
        } else {
            body += "<p>No signed checkpoint yet: run <code>claimledger checkpoint</code>.</p>\n"
        }
        body += "<h2>Recent entries</h2>\n<div class=\"table\"><table><thead><tr><th scope=\"col\">seq</th><th scope=\"col\">kind</th><th scope=\"col\">time</th><th scope=\"col\">author key</th></tr></thead><tbody>\n"
        for (e, _) in s.recent {
            let seq = e.kind == .claim ? "<a href=\"/claims/\(e.seq)\">\(e.seq)</a>" : "\(e.seq)"
            body += "<tr><td>\(seq)</td><td>\(HTMLEscape.text(e.kind.rawValue))</td><td>\(HTMLEscape.text(e.time))</td><td>\(PageLayout.code(e.author))</td></tr>\n"
        }
        return body + "</tbody></table></div>\n"
    }

    static func sources(_ s: LedgerSnapshot) -> String {
        var body = "<h1>Sources</h1>\n<p>\(s.sources.count) captured source(s). <a href=\"/sources/new\">Add a source</a></p>\n<div class=\"table\"><table><thead><tr><th scope=\"col\">title</th><th scope=\"col\">outlet</th><th scope=\"col\">language</th><th scope=\"col\">captured</th><th scope=\"col\">claims</th></tr></thead><tbody>\n"
        for src in s.sources {
            let n = s.claims.filter { $0.source == src.id }.count
            body += "<tr><td><a href=\"/sources/\(src.id)\">\(HTMLEscape.value(src.title ?? src.url ?? src.id))</a></td><td>\(HTMLEscape.value(src.outlet))</td><td>\(HTMLEscape.text(src.lang))</td><td>\(HTMLEscape.text(src.capturedAt))</td><td>\(n)</td></tr>\n"
        }
        return body + "</tbody></table></div>\n"
    }

    /// The article with each current claim's quote in a `<mark>` linking to the claim. Quotes that overlap an
    /// earlier one are listed under the text instead of nested.
    static func source(_ src: SourceRecord, text: String, claims: [ClaimRecord], form: ClaimForm? = nil, suggested: [Suggestion] = []) -> String {
        let scalars = Array(text.unicodeScalars)
        var html = "", at = 0, overlapping: [ClaimRecord] = []
        func plain(_ r: Range<Int>) -> String { HTMLEscape.text(String(String.UnicodeScalarView(scalars[r]))) }
        for c in claims.sorted(by: { ($0.excerptStart, $0.seq) < ($1.excerptStart, $1.seq) }) {
            guard c.excerptStart >= at, c.excerptEnd <= scalars.count, c.excerptStart < c.excerptEnd else { overlapping.append(c); continue }
            html += plain(at..<c.excerptStart)
            html += "<mark id=\"q\(c.seq)\"><a href=\"/claims/\(c.seq)\" title=\"claim \(c.seq): \(HTMLEscape.text(c.speaker))\">\(plain(c.excerptStart..<c.excerptEnd))</a></mark>"
            at = c.excerptEnd
        }
        html += plain(at..<scalars.count)
        var body = "<h1>\(HTMLEscape.value(src.title ?? src.url ?? src.id))</h1>\n" + PageLayout.facts([
            ("outlet", HTMLEscape.value(src.outlet)), ("language", HTMLEscape.text(src.lang)),
            ("url", HTMLEscape.value(src.url ?? "—")), ("captured", HTMLEscape.text(src.capturedAt)),
            ("sha256", PageLayout.code(src.id)), ("claims", "\(claims.count)"),
        ])
        body += "<div class=\"article\" id=\"article\" lang=\"\(HTMLEscape.text(src.lang))\">\(html)</div>\n"
        if let form { body += claimForm(src, form) + suggestions(suggested, sourceID: src.id) }
        if !overlapping.isEmpty {
            body += "<h2>Quotes overlapping another</h2><ul>" + overlapping.map { "<li><a href=\"/claims/\($0.seq)\">claim \($0.seq)</a>: “\(HTMLEscape.value($0.excerpt))”</li>" }.joined() + "</ul>\n"
        }
        return body
    }

    /// The claims list: the filter form, how many claims match, and the rows of `shown` (a page of them) between
    /// the page links.
    static func claims(_ rows: [ClaimSelection.Row], filter: ClaimFilter, shown: Range<Int>? = nil, navigation: String = "") -> String {
        var form = "<form class=\"filters\" method=\"get\" action=\"/claims\" role=\"search\">"
        for field in ClaimFilter.fields {
            form += "<label>\(field) <input name=\"\(field)\" value=\"\(HTMLEscape.text(filter.value(field) ?? ""))\"></label>"
        }
        form += "<label>status <select name=\"status\">" + ClaimSelection.Status.allCases.map {
            "<option\($0 == filter.selection.status ? " selected" : "")>\($0.rawValue)</option>"
        }.joined() + "</select></label><button type=\"submit\">Filter</button></form>\n"
        var body = "<h1>Claims</h1>\n" + form + "<p>\(counted(rows.count, "claim")).</p>\n" + navigation + "<div class=\"table\"><table><thead><tr><th scope=\"col\">seq</th><th scope=\"col\">subject · predicate</th><th scope=\"col\">value</th><th scope=\"col\">speaker</th><th scope=\"col\">outlet</th><th scope=\"col\">lang</th></tr></thead><tbody>\n"
        for row in rows[shown?.clamped(to: rows.indices) ?? rows.indices] {
            let (c, retracted) = (row.claim, row.retracted)
            body += "<tr\(retracted ? " class=\"retracted\"" : "")><td><a href=\"/claims/\(c.seq)\">\(c.seq)</a>\(retracted ? " (retracted)" : "")</td><td>\(HTMLEscape.value(c.subject)) · \(HTMLEscape.value(c.predicate))</td><td>\(c.polarity == .denied ? "denied: " : "")\(HTMLEscape.value(c.value.original))</td><td>\(HTMLEscape.value(c.speaker))</td><td>\(HTMLEscape.value(c.outlet))</td><td>\(HTMLEscape.text(c.lang))</td></tr>\n"
        }
        return body + "</tbody></table></div>\n" + navigation
    }

    static func claim(_ c: ClaimRecord, revisions: [ClaimHistory.Revision], current: ClaimRecord?, source: SourceRecord?, vkey: String, hasProof: Bool,
                      retractCSRF: String?, correction: ClaimForm? = nil) -> String {
        let state = current == nil ? "<span class=\"bad\">retracted</span>" : current!.seq == c.seq ? "<span class=\"ok\">current</span>" : "corrected by entry \(current!.seq)"
        var body = "<h1>Claim \(c.seq)</h1>\n<p>\(HTMLEscape.value(c.text))</p>\n" + PageLayout.facts([
            ("status", state), ("subject", HTMLEscape.value(c.subject)), ("predicate", HTMLEscape.value(c.predicate)),
            ("value", (c.polarity == .denied ? "denied: " : "") + HTMLEscape.value(c.value.original)), ("modality", c.modality.rawValue),
            ("speaker", HTMLEscape.value(c.speaker) + (c.relay.map { " via " + HTMLEscape.value($0) } ?? "")
                + (c.origin.map { " — origin " + HTMLEscape.value($0.description) } ?? "")), ("outlet", HTMLEscape.value(c.outlet)),
            ("language", HTMLEscape.text(c.lang)),
            ("source", source.map { "<a href=\"/sources/\($0.id)#q\(c.seq)\">\(HTMLEscape.value($0.title ?? $0.id))</a>" } ?? PageLayout.code(c.source)),
            ("leaf hash", PageLayout.code(c.leafHash)), ("excerpt sha256", PageLayout.code(c.excerptSHA256)),
        ])
        body += "<h2>Quote in context</h2>\n<blockquote lang=\"\(HTMLEscape.text(c.lang))\">…\(HTMLEscape.value(c.excerptPrefix))<mark>\(HTMLEscape.value(c.excerpt))</mark>\(HTMLEscape.value(c.excerptSuffix))…</blockquote>\n"
        body += "<h2>History</h2>\n<ol><li>entry \(c.seq): recorded</li>"
        for r in revisions {
            body += "<li>entry \(r.seq): \(r.kind.rawValue)\(r.claim.map { " to “" + HTMLEscape.value($0.value.original) + "”" } ?? ""): \(HTMLEscape.value(r.reason))</li>"
        }
        body += "</ol>\n"
        if let csrf = retractCSRF {
            body += """
            <form class="retract" method="post" action="/claims/\(c.seq)/retract"><input type="hidden" name="csrf" value="\(HTMLEscape.text(csrf))">
            <label>Reason for retracting <input name="reason" required maxlength="2000"></label> <button type="submit">Retract claim \(c.seq)</button></form>\n
            """
        }
        if let correction { body += correctionForm(seq: c.seq, lang: c.lang, correction) }
        body += "<h2>Proof</h2>\n"
        if hasProof {
            body += """
            <ul><li><a href="/claims/\(c.seq)/proof" download="claim-\(c.seq).tlog-proof">proof file</a> (c2sp.org/tlog-proof@v1)</li>
            <li><a href="/claims/\(c.seq)/entry" download="claim-\(c.seq).entry.json">entry bytes</a></li>
            <li><a href="/verifier-key" download="ledger.vkey">verifier key</a>: <code>\(HTMLEscape.text(vkey))</code></li></ul>
            <p>Check it offline:</p><pre>claimledger verify-proof claim-\(c.seq).tlog-proof --entry claim-\(c.seq).entry.json --vkey "$(cat ledger.vkey)"</pre>\n
            """
        } else {
            body += "<p>No signed checkpoint covers entry \(c.seq) yet: run <code>claimledger checkpoint</code> on the ledger, then reload.</p>\n"
        }
        return body
    }

    static func error(_ e: ServerError) -> String {
        "<h1>\(e.status.code) \(HTMLEscape.text(e.status.reasonPhrase))</h1>\n<p class=\"error\" role=\"alert\">\(HTMLEscape.value(e.message))</p>\n"
    }
}
