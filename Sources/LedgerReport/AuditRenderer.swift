import LedgerAnalysis
import LedgerCore

/// Renders the audit for an editor (text, Markdown, HTML) or a machine (JSON, schemas/audit.schema.json).
public enum AuditRenderer {
    /// `context` gives labels and sources, as for `ContradictionRenderer.render`.
    public static func render(_ a: AuditReport, as format: ReportFormat, provenance: ReportProvenance, context: ReportContext = ReportContext()) -> String {
        switch format {
        case .json: json(a, provenance: provenance)
        case .text: TerminalEscape.visible((provenance.text + lines(a, markdown: false, verification: provenance.verification, context: context)).joined(separator: "\n") + "\n")
        case .md: (["# Audit", ""] + provenance.markdown + lines(a, markdown: true, verification: provenance.verification, context: context).dropFirst()).joined(separator: "\n") + "\n"
        case .html: html(a, provenance: provenance, context: context)
        }
    }

    /// One sentence: all is well, or how many sources and quotes are not as recorded. A ledger that failed
    /// verification is never "OK", whatever its sources show: what they show rests on altered data.
    public static func headline(_ a: AuditReport, verification: ReportProvenance.Verification = .notVerified) -> String {
        let claims = a.sources.map(\.claims).reduce(0, +)
        if case .failed = verification {
            return "NOT TRUSTWORTHY — the ledger did not verify, so what follows rests on altered data. Run `claimledger verify` for every finding."
        }
        if a.ok { return "OK — \(counted(a.sources.count, "source")), \(counted(claims, "current claim")): every source's stored bytes and every quote check out." }
        let altered = a.sources.filter { !$0.bytesOK }.count
        let quotes = a.sources.flatMap(\.excerpts).filter { $0.status != .exact }.count
        return "PROBLEMS — \(counted(altered, "source")) altered, \(counted(quotes, "quote")) not where recorded. Run `claimledger verify` for details."
    }

    static func sourceLine(_ s: AuditReport.SourceAudit) -> String {
        let bad = s.excerpts.filter { $0.status != .exact }
        var line = "\(s.bytesOK && bad.isEmpty ? "✓" : "✗") \(s.record.outlet) [\(s.record.lang)] \(shortHash(s.record.id))"
        if let t = s.record.title { line += " “\(t)”" }
        if let p = s.record.published { line += ", published \(p)" }
        if let u = s.record.url { line += ", \(u)" }
        line += ", captured \(s.record.capturedAt) — \(counted(s.claims, "claim"))"
        line += s.bytesOK ? "" : "; STORED BYTES NO LONGER MATCH THE ID"
        line += bad.isEmpty ? ", \(counted(s.excerpts.count, "quote")) exact"
            : "; " + bad.map { "quote of seq \($0.seq) \($0.status == .moved ? "moved to \($0.foundAt ?? -1)" : "missing")" }.joined(separator: ", ")
        return line
    }

    /// One stored value against what its wording parses to now, both read in words ("190,000 to 200,000 people");
    /// the typed values themselves only when their readings in words are the same.
    static func mismatchLine(_ m: AuditReport.ValueMismatch, predicate: ClaimPredicate? = nil) -> String {
        func compact(_ v: ClaimValue) -> String { String(decoding: (try? CanonicalJSON.encode(v.json)) ?? [], as: UTF8.self) }
        let stored = ValueReading.words(m.stored, predicate: predicate)
        guard let parsed = m.parsed else { return "seq \(m.seq): “\(m.stored.original)” is stored as \(stored) but no longer parses (\(m.problem ?? ""))" }
        let now = ValueReading.words(parsed, predicate: predicate)
        return stored == now ? "seq \(m.seq): “\(m.stored.original)” is stored as \(compact(m.stored)) but parses to \(compact(parsed))"
            : "seq \(m.seq): “\(m.stored.original)” is stored as \(stored) but parses to \(now)"
    }

    /// The predicate of the claim a mismatch is about.
    static func predicate(of m: AuditReport.ValueMismatch, _ a: AuditReport, _ context: ReportContext) -> ClaimPredicate? {
        let claim = a.targets[m.seq] ?? a.revisions.first { $0.seq == m.seq }?.claim
        return claim.flatMap { context.predicates[$0.predicate] }
    }

    /// A web-archive source whose WARC record's payload digest is wrong.
    static func digestLine(_ d: PayloadDigestFinding) -> String {
        "seq \(d.seq) (source \(d.source.prefix(12)), \(d.targetURI)): the WARC record \(d.recordID) — \(d.problem)"
    }

    /// What a relay chain rests on, after its arrow: the origin it names, whose reporting it is, or that its
    /// relay could not be resolved.
    static func chainNote(_ r: AuditReport.RelayChain) -> String {
        var note = r.origin.map { " [origin: \($0)]" } ?? ""
        if let d = r.dependsOn { note += " — not the outlet's own reporting: relayed from “\(d)”" }
        if r.unresolved { note += " — the relay names no known outlet or entity: counted as the outlet's own reporting (name its origin with --origin)" }
        return note
    }

    static func lines(_ a: AuditReport, markdown md: Bool, verification: ReportProvenance.Verification, context: ReportContext) -> [String] {
        func h(_ t: String) -> [String] { md ? ["", "## \(t)", ""] : ["", t] }
        let item = md ? "- " : "  "
        func esc(_ s: String) -> String { md ? MarkdownEscape.value(s) : TerminalEscape.line(s) }
        var out = [md ? "# Audit" : "Audit", md ? "" : "", "\(md ? "**" : "")\(headline(a, verification: verification))\(md ? "**" : "")"].filter { !$0.isEmpty || md }
        let summary = ReportSummary(a, context: context)
        out += md ? [""] + summary.markdown : [""] + summary.text
        out += h("Sources")
        out += a.sources.map { item + esc(sourceLine($0)) }
        out += h("Never cited")
        out += a.uncited.isEmpty ? [item + "none"] : a.uncited.map { item + esc("\($0.outlet) [\($0.lang)] \(shortHash($0.id)) \($0.title.map { "“\($0)”" } ?? "")") }
        out += h("Resting on one outlet only")
        out += a.singleOutlet.isEmpty ? [item + "none"] : a.singleOutlet.map {
            item + esc("\(context.subject($0.subject, lang: nil).plain): \(context.predicate($0.predicate, lang: nil).plain) — only \($0.outlet) (seq \($0.seqs.map(String.init).joined(separator: ", ")))")
        }
        out += h("Relayed reporting (speaker → relay → outlet)")
        out += a.relays.isEmpty ? [item + "none"] : a.relays.map {
            item + esc("seq \($0.seq): \($0.speaker) → \($0.relay ?? "—") → \($0.outlet)" + chainNote($0))
        }
        out += h("Look-alike names (differing only by invisible characters, case or compatibility form)")
        out += a.lookAlikes.isEmpty ? [item + "none"] : a.lookAlikes.map { item + esc($0.names.map { "“\(InvisibleCharacters.shown($0))”" }.joined(separator: " / ")) }
        for (title, rows) in [("By outlet", a.byOutlet), ("By language", a.byLanguage)] {
            out += h(title)
            if md {
                out += ["| | sources | claims | speakers | contradictions | retractions |", "|---|---:|---:|---:|---:|---:|"]
                out += rows.map { "| \(MarkdownEscape.value($0.0)) | \($0.1.sources) | \($0.1.claims) | \($0.1.speakers) | \($0.1.contradictions) | \($0.1.retractions) |" }
            } else {
                let width = max(12, rows.map(\.0.count).max() ?? 0)
                out.append("  " + "".padding(toLength: width, withPad: " ", startingAt: 0) + "  sources  claims  speakers  contradictions  retractions")
                out += rows.map { r in
                    "  " + r.0.padding(toLength: width, withPad: " ", startingAt: 0)
                        + [r.1.sources, r.1.claims, r.1.speakers, r.1.contradictions, r.1.retractions]
                        .enumerated().map { String($0.element).leftPad([9, 8, 10, 16, 13][$0.offset]) }.joined()
                }
            }
        }
        out += h("Retractions and corrections")
        out += a.revisions.isEmpty ? [item + "none"] : a.revisions.map { r in
            let target = a.targets[r.target].map { "“\(TerminalEscape.line($0.text))” (\($0.outlet))" } ?? ""
            let verb = r.kind == .retraction ? "retracts" : "corrects"
            return item + esc("seq \(r.seq) \(verb) claim \(r.target) \(target): \(r.reason)")
        }
        out += h("Values that do not follow from their words")
        out += a.valueMismatches.isEmpty ? [item + "none"] : a.valueMismatches.map { item + esc(mismatchLine($0, predicate: predicate(of: $0, a, context))) }
        if a.webArchivesChecked > 0 {
            out += h("Web-archive payload digests")
            out += a.payloadDigests.isEmpty ? [item + "all \(a.webArchivesChecked) match"] : a.payloadDigests.map { item + esc(digestLine($0)) }
        }
        return out
    }

    static func json(_ a: AuditReport, provenance: ReportProvenance) -> String {
        func tally(_ rows: [(String, AuditReport.Tally)]) -> JSONValue {
            .object(Dictionary(uniqueKeysWithValues: rows.map { ($0.0, ["sources": .int($0.1.sources), "claims": .int($0.1.claims),
                "speakers": .int($0.1.speakers), "contradictions": .int($0.1.contradictions), "retractions": .int($0.1.retractions)] as JSONValue) }))
        }
        let sources: [JSONValue] = a.sources.map { s in
            var o: [String: JSONValue] = [
                "id": .string(s.record.id), "outlet": .string(s.record.outlet), "lang": .string(s.record.lang),
                "captured_at": .string(s.record.capturedAt), "bytes_ok": .bool(s.bytesOK), "claims": .int(s.claims),
                "excerpts": .array(s.excerpts.map { e in
                    var x: [String: JSONValue] = ["seq": .number(Double(e.seq)), "status": .string(e.status.rawValue), "start": .int(e.start), "end": .int(e.end)]
                    if let f = e.foundAt { x["found_at"] = .int(f) }
                    return .object(x)
                }),
            ]
            if let u = s.record.url { o["url"] = .string(u) }
            if let t = s.record.title { o["title"] = .string(t) }
            return .object(o)
        }
        func revisions(_ kind: ClaimHistory.Revision.Kind) -> JSONValue {
            .array(a.revisions.filter { $0.kind == kind }.map { ["seq": .number(Double($0.seq)), "target": .number(Double($0.target)), "reason": .string($0.reason)] })
        }
        let doc: JSONValue = [
            "ok": .bool(a.ok), "sources": .array(sources),
            "uncited_sources": .array(a.uncited.map { ["id": .string($0.id), "outlet": .string($0.outlet)] }),
            "single_outlet_claims": .array(a.singleOutlet.map {
                ["subject": .string($0.subject), "predicate": .string($0.predicate), "outlet": .string($0.outlet),
                 "seqs": .array($0.seqs.map { .number(Double($0)) })]
            }),
            "relay_chains": .array(a.relays.map { r in
                var o: [String: JSONValue] = ["seq": .number(Double(r.seq)), "speaker": .string(r.speaker), "outlet": .string(r.outlet),
                                              "unresolved_relay": .bool(r.unresolved)]
                if let relay = r.relay { o["relay"] = .string(relay) }
                if let origin = r.origin { o["origin"] = origin.json }
                if let d = r.dependsOn { o["depends_on"] = .string(d) }
                return .object(o)
            }),
            "look_alike_names": .array(a.lookAlikes.map { ["names": .array($0.names.map { .string($0) })] }),
            "by_outlet": tally(a.byOutlet), "by_language": tally(a.byLanguage),
            "retractions": revisions(.retraction), "corrections": revisions(.correction), "provenance": provenance.json,
            "payload_digest_mismatches": .array(a.payloadDigests.map {
                ["seq": .number(Double($0.seq)), "source": .string($0.source), "warc_record_id": .string($0.recordID),
                 "warc_target_uri": .string($0.targetURI), "problem": .string($0.problem)]
            }),
            "value_mismatches": .array(a.valueMismatches.map { m in
                var o: [String: JSONValue] = ["seq": .number(Double(m.seq)), "stored": m.stored.json]
                if let p = m.parsed { o["parsed"] = p.json }
                if let why = m.problem { o["problem"] = .string(why) }
                return .object(o)
            }),
        ]
        return String(decoding: (try? CanonicalJSON.encode(doc)) ?? [], as: UTF8.self) + "\n"
    }

    static func html(_ a: AuditReport, provenance: ReportProvenance, context: ReportContext) -> String {
        HTMLPage.page("Audit — ClaimLedger", htmlBody(a, provenance: provenance, context: context), extraStyle: style)
    }

    /// The audit's rules beyond the reports' stylesheet.
    public static let style = """
    .headline { font-weight: 700; font-size: 1.05rem; } .headline.ok, .mark.ok { color: var(--agree); } .headline.problems, .bad { color: var(--contra); }
    ul { padding-left: 1.2rem; } li { margin: .4rem 0; } .url { color: var(--muted); overflow-wrap: anywhere; } .none { color: var(--muted); }
    table { border-collapse: collapse; margin: .5rem 0 1rem; } th, td { padding: .25rem .8rem; border-bottom: 1px solid var(--line); text-align: right; }
    tbody th { text-align: left; font-weight: 600; } thead th { color: var(--muted); font-weight: 500; font-size: .85rem; }
    """

    /// The audit's HTML body (no page around it), for the report file and the newsroom server's audit page.
    /// `context` gives labels and sources.
    public static func htmlBody(_ a: AuditReport, provenance: ReportProvenance, context: ReportContext = ReportContext()) -> String {
        func list(_ items: [String]) -> String {
            items.isEmpty ? "<p class=\"none\">none</p>\n" : "<ul>" + items.map { "<li>\($0)</li>" }.joined() + "</ul>\n"
        }
        func table(_ title: String, _ rows: [(String, AuditReport.Tally)]) -> String {
            "<h2>\(title)</h2>\n<table><thead><tr><th></th><th>sources</th><th>claims</th><th>speakers</th><th>contradictions</th><th>retractions</th></tr></thead><tbody>"
                + rows.map { "<tr><th>\(HTMLEscape.value($0.0))</th><td>\($0.1.sources)</td><td>\($0.1.claims)</td><td>\($0.1.speakers)</td><td>\($0.1.contradictions)</td><td>\($0.1.retractions)</td></tr>" }.joined()
                + "</tbody></table>\n"
        }
        var body = "<h1>Audit</h1>\n" + provenance.html + "<p class=\"headline \(a.ok && !provenance.failed ? "ok" : "problems")\">\(HTMLEscape.text(headline(a, verification: provenance.verification)))</p>\n"
            + ReportSummary(a, context: context).html
        body += "<h2>Sources</h2>\n" + list(a.sources.map { s in
            let bad = s.excerpts.filter { $0.status != .exact }
            let title = s.record.title.map { " “\(HTMLEscape.value($0))”" } ?? ""
            let link = s.record.url.map { " <span class=\"url\">\(HTMLEscape.link($0, label: HTMLEscape.value($0)))</span>" } ?? ""
            let published = s.record.published.map { ", published \(HTMLEscape.value($0))" } ?? ""
            let state = !s.bytesOK ? "<strong class=\"bad\">stored bytes no longer match the id</strong>"
                : bad.isEmpty ? "\(counted(s.excerpts.count, "quote")) exact"
                : "<strong class=\"bad\">" + bad.map { "quote of seq \($0.seq) \($0.status.rawValue)" }.joined(separator: ", ") + "</strong>"
            return "<span class=\"mark \(s.bytesOK && bad.isEmpty ? "ok" : "bad")\">\(s.bytesOK && bad.isEmpty ? "✓" : "✗")</span> <strong>\(HTMLEscape.value(s.record.outlet))</strong> <span class=\"lang\">\(HTMLEscape.value(s.record.lang))</span>\(title)\(published) — \(counted(s.claims, "claim")), \(state)<br>\(HTMLEscape.abbreviated(s.record.id, shortHash(s.record.id))) captured \(HTMLEscape.value(s.record.capturedAt))\(link)"
        })
        body += "<h2>Never cited</h2>\n" + list(a.uncited.map { "\(HTMLEscape.value($0.outlet)) \(HTMLEscape.abbreviated($0.id, shortHash($0.id))) \(HTMLEscape.value($0.title ?? ""))" })
        body += "<h2>Resting on one outlet only</h2>\n" + list(a.singleOutlet.map {
            "\(HTMLPage.labelled(context.subject($0.subject, lang: nil))): \(HTMLPage.labelled(context.predicate($0.predicate, lang: nil))) — only \(HTMLEscape.value($0.outlet)) (seq \($0.seqs.map(String.init).joined(separator: ", ")))"
        })
        body += "<h2>Relayed reporting</h2>\n" + list(a.relays.map {
            "seq \($0.seq): \(HTMLEscape.value($0.speaker)) → \(HTMLEscape.value($0.relay ?? "—")) → <strong>\(HTMLEscape.value($0.outlet))</strong>"
                + HTMLEscape.value(chainNote($0))
        })
        body += "<h2>Look-alike names</h2>\n" + list(a.lookAlikes.map { $0.names.map { "“\(HTMLEscape.value(InvisibleCharacters.shown($0)))”" }.joined(separator: " / ") })
        body += table("By outlet", a.byOutlet) + table("By language", a.byLanguage)
        body += "<h2>Retractions and corrections</h2>\n" + list(a.revisions.map { r in
            let target = a.targets[r.target].map { " “\(HTMLEscape.value($0.text))” (\(HTMLEscape.value($0.outlet)))" } ?? ""
            return "seq \(r.seq) <strong>\(r.kind == .retraction ? "retracts" : "corrects")</strong> claim \(r.target)\(target): \(HTMLEscape.value(r.reason))"
        })
        body += "<h2>Values that do not follow from their words</h2>\n" + list(a.valueMismatches.map { HTMLEscape.value(mismatchLine($0, predicate: predicate(of: $0, a, context))) })
        if a.webArchivesChecked > 0 {
            body += "<h2>Web-archive payload digests</h2>\n" + (a.payloadDigests.isEmpty ? "<p class=\"none\">all \(a.webArchivesChecked) match</p>\n"
                : list(a.payloadDigests.map { HTMLEscape.value(digestLine($0)) }))
        }
        return body
    }
}

/// Renders re-anchoring results (`audit --against`).
public enum ReanchorRenderer {
    public static func render(source: String, against: String, anchors: [(ClaimRecord, Reanchor.Result)], as format: ReportFormat,
                              provenance: ReportProvenance) -> String {
        if format == .json {
            let doc: JSONValue = ["provenance": provenance.json, "source": .string(source), "against_sha256": .string(against), "anchors": .array(anchors.map { c, r in
                ["seq": .number(Double(c.seq)), "status": .string(r.status.rawValue), "score": DecimalNumber(r.score).map { .string($0.description) } ?? .null, "edits": .int(r.edits),
                 "start": .int(r.start), "end": .int(r.end), "was_start": .int(c.excerptStart), "was_end": .int(c.excerptEnd)]
            })]
            return String(decoding: (try? CanonicalJSON.encode(doc)) ?? [], as: UTF8.self) + "\n"
        }
        var out = (format == .md ? provenance.markdown : provenance.text) + ["Re-anchoring the quotes of source \(source.prefix(12)) in the new capture (\(against.prefix(12))):"]
        for (c, r) in anchors {
            let where_ = r.status == .orphan ? "no acceptable match" : "now at \(r.start)..<\(r.end) (was \(c.excerptStart)..<\(c.excerptEnd))"
            out.append("  seq \(c.seq)  \(r.status.rawValue.uppercased())  score \(r.score), \(r.edits) edit\(r.edits == 1 ? "" : "s"), \(where_): “\(format == .md ? MarkdownEscape.value(c.excerpt) : TerminalEscape.line(c.excerpt))”")
        }
        out.append("Stored anchors are never changed: to record the new capture, `source add` it and `claim correct` each claim.")
        let text = out.joined(separator: "\n") + "\n"
        return format == .html ? HTMLPage.page("Re-anchoring — ClaimLedger", "<pre>\(HTMLEscape.value(text))</pre>") : TerminalEscape.visible(text)
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
