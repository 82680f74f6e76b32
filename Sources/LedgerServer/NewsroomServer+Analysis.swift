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
            let tension = try Self.query(request)["tension"] == "1"
            let (report, provenance) = try await contradictions(s, tension: tension)
            let toggle = "<p><a href=\"/contradictions\(tension ? "" : "?tension=1")\">\(tension ? "Hide" : "Show") tensions</a></p>\n"
            let body = HTMLPage.contradictionsBody(report, provenance: provenance, context: s.reportContext)
            return ("Contradictions", body.replacingOccurrences(of: "</h1>\n", with: "</h1>\n" + toggle, options: [], range: body.range(of: "</h1>\n")))
        }
        page(router, "corroborations", nav: "/corroborations") { _, _, s, _ in
            let provenance = try await provenance(s)
            let found = Corroborations.find(s.claims, predicates: s.predicates, names: s.names, sources: s.sources)
            return ("Corroborations", HTMLPage.corroborationsBody(found, claimCount: s.claims.count, provenance: provenance, context: s.reportContext))
        }
        router.get("api/contradictions") { request, _ in
            _ = try apiCaller(request)
            let (report, provenance) = try await contradictions(try snapshot(), tension: try Self.query(request)["tension"] == "1")
            return ResponseFrame.bytes(Array(ContradictionRenderer.json(report, verbose: false, provenance: provenance).utf8), type: "application/json")
        }
        router.get("api/corroborations") { request, _ in
            _ = try apiCaller(request)
            let s = try snapshot()
            let found = Corroborations.find(s.claims, predicates: s.predicates, names: s.names, sources: s.sources)
            let text = CorroborationRenderer.render(found, claimCount: s.claims.count, as: .json, provenance: try await provenance(s))
            return ResponseFrame.bytes(Array(text.utf8), type: "application/json")
        }
    }

    func contradictions(_ s: LedgerSnapshot, tension: Bool) async throws -> (ContradictionReport, ReportProvenance) {
        (analyses.contradictions(s, tension: tension), try await provenance(s))
    }

    /// The ledger state a report was computed from: the snapshot's size and root, and whether the ledger verifies
    /// now (entries are never changed, so a ledger that verifies now verified at the snapshot's size).
    func provenance(_ s: LedgerSnapshot) async throws -> ReportProvenance {
        let report = try await verified()
        let problems = report.findings.count + report.omitted
        let verification: ReportProvenance.Verification = report.ok
            ? .verified : .failed("\(problems) finding(s)\(report.findings.first.map { ", the first: [\($0.check)] \($0.what)" } ?? "")")
        let formatter = ISO8601DateFormatter()
        return ReportProvenance(origin: s.origin, size: s.size, root: s.root,
                                checkpoint: s.checkpoint.map { .init(size: $0.checkpoint.size, root: $0.checkpoint.root.hex) },
                                generatedAt: formatter.string(from: Date()), verification: verification)
    }
}

extension LedgerSnapshot {
    /// The labels and sources the report pages show beside their findings, as the CLI's reports do.
    var reportContext: ReportContext {
        ReportContext(names: names, predicates: predicates, sources: Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
    }
}
