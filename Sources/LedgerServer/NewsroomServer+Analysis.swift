import Foundation
import Hummingbird
import LedgerAnalysis
import LedgerReport
import LedgerStore

/// The contradictions and corroborations pages and their API, computed by the same analysis
/// (`Contradictions.find`, `Corroborations.find`) and rendered by the same renderers as the CLI's reports,
/// from one snapshot, with the provenance (origin, size, root, verification, checkpoint) they were computed from.
extension NewsroomServer {
    func addAnalysisRoutes(_ router: Router<NewsroomContext>) {
        page(router, "contradictions", nav: "/contradictions") { request, _, s, _ in
            let query = try Self.query(request)
            let tension = query["tension"] == "1"
            let (computed, provenance, fresh) = try await contradictions(s, tension: tension)
            let shown = try ListPage(query, count: computed.report.findings.count)
            var toggle = "<p><a href=\"/contradictions\(tension ? "" : "?tension=1")\">\(tension ? "Hide" : "Show") tensions</a></p>\n"
            if !fresh { toggle += Self.pendingNote(computed.snapshot, s) }
            let navigation = shown.navigation(path: "/contradictions", keeping: tension ? [("tension", "1")] : [])
            let key = "contradictions|\(computed.snapshot.root)|\(tension)|\(shown.number)|\(provenance.cacheKey)"
            let body = renderedPages.page(key) {
                HTMLPage.contradictionsBody(computed.report, provenance: provenance, context: computed.snapshot.reportContext, shown: shown.range)
            }
            return ("Contradictions", Self.inserting(toggle + navigation, after: "</h1>\n", in: body) + navigation)
        }
        page(router, "corroborations", nav: "/corroborations") { request, _, s, _ in
            let provenance = try await provenance(s)
            let found = Corroborations.find(s.claims, predicates: s.predicates, names: s.names, sources: s.sources)
            let shown = try ListPage(try Self.query(request), count: found.count)
            let navigation = shown.navigation(path: "/corroborations")
            let body = HTMLPage.corroborationsBody(found, claimCount: s.claims.count, provenance: provenance, context: s.reportContext, shown: shown.range)
            return ("Corroborations", Self.inserting(navigation, after: "</h1>\n", in: body) + navigation)
        }
        router.get("api/contradictions") { request, _ in
            _ = try apiCaller(request)
            // The API waits for the report of the ledger as it is: a script wants the answer, not a page to reload.
            let (computed, provenance, _) = try await contradictions(try snapshot(), tension: try Self.query(request)["tension"] == "1", patience: .untilReady)
            return ResponseFrame.bytes(Array(ContradictionRenderer.json(computed.report, verbose: false, provenance: provenance).utf8), type: "application/json")
        }
        router.get("api/corroborations") { request, _ in
            _ = try apiCaller(request)
            let s = try snapshot()
            let found = Corroborations.find(s.claims, predicates: s.predicates, names: s.names, sources: s.sources)
            let text = CorroborationRenderer.render(found, claimCount: s.claims.count, as: .json, provenance: try await provenance(s, mustCover: true))
            return ResponseFrame.bytes(Array(text.utf8), type: "application/json")
        }
    }

    /// The contradictions of `s` (or, when not ready in time, of the newest snapshot analysed before it: `fresh`
    /// false) and the provenance of the snapshot they were computed from. With `untilReady` patience (the API),
    /// the provenance also waits for a verification that covers it.
    func contradictions(_ s: LedgerSnapshot, tension: Bool, patience: AnalysisCache.Patience = .aMoment) async throws
        -> (AnalysisCache.Computed, ReportProvenance, fresh: Bool) {
        let (computed, fresh) = analyses.contradictions(s, tension: tension, patience: patience)
        return (computed, try await provenance(computed.snapshot, mustCover: patience == .untilReady), fresh)
    }

    /// `body` with `html` inserted after the first `marker`.
    static func inserting(_ html: String, after marker: String, in body: String) -> String {
        guard let r = body.range(of: marker) else { return html + body }
        return body.replacingCharacters(in: r, with: marker + html)
    }

    /// What a page computed from an earlier snapshot than the ledger's says above its findings.
    static func pendingNote(_ computed: LedgerSnapshot, _ now: LedgerSnapshot) -> String {
        let newer = now.size - computed.size
        return "<p class=\"notice\" role=\"status\">These findings are from the ledger at \(counted(Int(computed.size), "entry", plural: "entries")); "
            + "the \(counted(Int(newer), "entry", plural: "entries")) appended since are being analysed — reload in a moment.</p>\n"
    }

    /// The ledger state a report was computed from: the snapshot's size and root, and whether the ledger verified
    /// (entries are never changed, so a verification of at least the snapshot's entries covers it). While writers
    /// append, the newest verification may cover fewer entries: the report is then "pending" — unless `mustCover`
    /// (the API), which waits for one that covers the snapshot.
    func provenance(_ s: LedgerSnapshot, mustCover: Bool = false) async throws -> ReportProvenance {
        let report = try verified(covering: s.size, mustCover: mustCover)
        let problems = report.findings.count + report.omitted
        let verification: ReportProvenance.Verification = !report.ok
            ? .failed("\(problems) finding(s)\(report.findings.first.map { ", the first: [\($0.check)] \($0.what)" } ?? "")")
            : report.size >= s.size ? .verified : .pending(verifiedSize: report.size)
        let formatter = ISO8601DateFormatter()
        return ReportProvenance(origin: s.origin, size: s.size, root: s.root,
                                checkpoint: s.checkpoint.map { .init(size: $0.checkpoint.size, root: $0.checkpoint.root.hex) },
                                generatedAt: formatter.string(from: Date()), verification: verification)
    }
}

extension ReportProvenance {
    /// What a cached page's provenance must match besides the snapshot: its verification and checkpoint.
    var cacheKey: String { "\(json["verification"]?.string ?? "")|\(json["verified_size"].map { "\($0)" } ?? "")|\(json["problem"]?.string ?? "")|\(checkpoint?.size ?? -1)|\(checkpoint?.root ?? "")" }
}

extension LedgerSnapshot {
    /// The labels and sources the report pages show beside their findings, as the CLI's reports do.
    var reportContext: ReportContext {
        ReportContext(names: names, predicates: predicates, sources: Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
    }
}
