import ArgumentParser
import Foundation
import LedgerAnalysis
import LedgerCore
import LedgerReport
import LedgerStore

/// `claimledger demo [--into DIR]`.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build the sample ledger from ledger/sample/, verify it, and show what it recorded.",
        discussion: """
        Creates a fresh ledger (in a new temporary directory unless --into or --ledger is given), records the \
        sample's four sources (English and French), its predicates, entities and claims, runs verify, then prints \
        the contradictions (tensions included), corroborations and a short audit, and writes HTML reports under reports/. \
        The sample lives in ledger/sample/ of the repository; run the demo from the repository root or pass --sample.
        """
    )

    @Option(help: ArgumentHelp("Build the ledger in DIR (must not already hold one).", valueName: "DIR"))
    var into: String?

    @Option(help: ArgumentHelp("The sample's directory (default: ledger/sample of the repository).", valueName: "DIR"))
    var sample: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let sampleDir = try locateSample()
        let target = try into ?? global.ledger ?? temporaryDirectory()
        let created = try Ledger.create(at: target, origin: "claimledger.example/demo")
        let ledger = created.ledger
        var sourceIDs: [String: String] = [:]
        for (n, line) in try jsonLines(sampleDir + "/sources.jsonl").enumerated() {
            guard let file = line["file"]?.string, let outlet = line["outlet"]?.string, let lang = line["lang"]?.string else {
                throw CLIError("\(sampleDir)/sources.jsonl line \(n + 1): needs file, outlet and lang")
            }
            let added = try ledger.addSource(bytes: try Output.readFile(sampleDir + "/sources/" + file), outlet: outlet, language: lang,
                                             url: line["url"]?.string, title: line["title"]?.string,
                                             published: line["published"]?.string, capturedAt: line["captured_at"]?.string)
            sourceIDs[file] = added.id.hex
        }
        for (n, line) in try jsonLines(sampleDir + "/predicates.jsonl").enumerated() {
            guard let p = ClaimPredicate(json: line) else { throw CLIError("\(sampleDir)/predicates.jsonl line \(n + 1): not a predicate") }
            _ = try ledger.addPredicate(p)
        }
        for (n, line) in try jsonLines(sampleDir + "/entities.jsonl").enumerated() {
            guard let id = line["id"]?.string, let labels = line["labels"]?.object?.compactMapValues(\.string) else {
                throw CLIError("\(sampleDir)/entities.jsonl line \(n + 1): needs id and labels")
            }
            _ = try ledger.addEntity(id: id, labels: labels, aliases: line["aliases"]?.array?.compactMap(\.string) ?? [])
        }
        let claimsFile = sampleDir + "/claims.jsonl"
        var reader = try ClaimLines.Reader(path: claimsFile)
        var line = 0, claimCount = 0
        do {
            try ledger.addClaims(from: {
                guard var next = try reader.next() else { return nil }
                line = next.line
                next.input.source = sourceIDs[next.input.source] ?? next.input.source  // the sample names sources by file
                return next.input
            }, each: { _ in claimCount += 1 })
        } catch let e as Ledger.ClaimError {
            throw CLIError("\(claimsFile) line \(line), field \(e.field): \(e.message)")
        }
        let report = try Verifier.verify(directory: target)
        let input = try AnalysisInput(ledger: ledger)
        let contradictions = Contradictions.find(input.claims, predicates: input.predicates, names: input.names, includeTension: true)
        let corroborations = Corroborations.find(input.claims, predicates: input.predicates, names: input.names, sources: Array(input.sources.values))
        let audit = try AuditCommand.audit(ledger, input)
        let reports = URL(fileURLWithPath: target).appendingPathComponent("reports")
        let provenance = ReportProvenance(ledger: ledger, verified: report)
        let htmlPaths = [("contradictions.html", ContradictionRenderer.render(contradictions, as: .html, provenance: provenance, context: input.context)),
                         ("corroborations.html", CorroborationRenderer.render(corroborations, claimCount: input.claims.count, as: .html, provenance: provenance, context: input.context)),
                         ("audit.html", AuditRenderer.render(audit, as: .html, provenance: provenance, context: input.context))]
            .map { name, html -> String in
                let path = reports.appendingPathComponent(name).path
                _ = FileManager.default.createFile(atPath: path, contents: Data(html.utf8))
                return path
            }
        if global.json {
            Output.json(["directory": .string(target), "size": .number(Double(report.size)), "root": .string(report.root.hex),
                         "ok": .bool(report.ok), "sources": .int(sourceIDs.count), "claims": .int(claimCount),
                         "contradictions": .int(contradictions.findings.filter { $0.verdict == .contradiction }.count),
                         "tensions": .int(contradictions.findings.filter { $0.verdict == .tension }.count),
                         "corroborations": .int(corroborations.count), "html_reports": .array(htmlPaths.map { .string($0) })])
        } else {
            Output.line("Built the sample ledger in \(target)")
            Output.line()
            for seq in 0..<report.size { Output.line(EntrySummary.line(try ledger.store.entry(seq)!)) }
            Output.line()
            Output.line(report.ok ? "verify: ok — \(report.size) entries, root \(report.root.hex)" : "verify: FAILED with \(report.findings.count) findings")
            Output.line()
            Output.line(ContradictionRenderer.render(contradictions, as: .text, provenance: provenance, context: input.context))
            Output.line(CorroborationRenderer.render(corroborations, claimCount: input.claims.count, as: .text, provenance: provenance, context: input.context))
            Output.line("Audit: " + AuditRenderer.headline(audit))
            for s in audit.singleOutlet { Output.line("  resting on one outlet only: \(s.subject) \(s.predicate) (\(s.outlet))") }
            for r in audit.relays where r.dependsOn != nil { Output.line("  seq \(r.seq) (\(r.outlet)) is relayed from “\(r.dependsOn!)”, not the outlet's own reporting") }
            Output.line("  full audit: claimledger audit --ledger \(target)")
            Output.line()
            Output.line("HTML reports (open in a browser):")
            for p in htmlPaths { Output.line("  \(p)") }
            Output.line()
            Output.line("Try: claimledger show \(report.size - 1) --ledger \(target)")
            Output.line("     claimledger contradictions --ledger \(target) --format md")
            Output.line("     claimledger verify --ledger \(target)")
        }
        if !report.ok { throw CLIError("the demo ledger does NOT verify: \(report.findings.count + report.omitted) finding(s); run `claimledger verify --ledger \(target)`", code: 2) }
    }

    private func locateSample() throws -> String {
        if let sample { return sample }
        var candidates = [FileManager.default.currentDirectoryPath]
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.path)
            dir = dir.deletingLastPathComponent()
        }
        for c in candidates where FileManager.default.fileExists(atPath: c + "/ledger/sample/claims.jsonl") {
            return c + "/ledger/sample"
        }
        throw CLIError("cannot find ledger/sample/: run the demo from the repository root, or pass --sample DIR")
    }

    private func temporaryDirectory() throws -> String {
        var template = Array((URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("claimledger-demo-XXXXXX").path).utf8CString)
        guard let made = mkdtemp(&template) else { throw CLIError("cannot create a temporary directory") }
        return String(cString: made)
    }

    private func jsonLines(_ path: String) throws -> [JSONValue] {
        try Output.readFile(path).split(separator: 0x0A).enumerated().compactMap { n, line in
            guard !line.allSatisfy({ $0 == 0x20 }) else { return nil }
            do { return try JSONParser.parse(line) } catch { throw CLIError("\(path) line \(n + 1): \(error)") }
        }
    }
}
