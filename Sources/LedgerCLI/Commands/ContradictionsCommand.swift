import ArgumentParser
import Foundation
import LedgerAnalysis
import LedgerReport
import LedgerStore

extension ReportFormat: ExpressibleByArgument {}
extension Between: ExpressibleByArgument {}

/// Options shared by the report commands.
struct ReportOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: ArgumentHelp("text (terminal, the default), md (Markdown), json (schemas/; also --json), or html (one self-contained page).", valueName: "text|md|json|html"))
    var formatOption: ReportFormat?

    /// The format asked for: --format, else text.
    var format: ReportFormat { formatOption ?? .text }

    /// Refuses `--json` with a --format other than json, instead of silently choosing one.
    func check(json: Bool) throws {
        if json, let f = formatOption, f != .json {
            throw ValidationError("--json and --format \(f.rawValue) contradict each other: give one of them")
        }
    }

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the report to FILE instead of stdout.", valueName: "FILE"))
    var output: String?

    @Flag(name: .customLong("no-verify"), help: "Do not verify the ledger first (the report then says \"not verified\").")
    var noVerify = false

    init() {}

    init(format: ReportFormat, output: String?) {
        self.formatOption = format
        self.output = output
    }

    /// Writes the rendered report where asked, and says where on stderr when it is a file.
    func emit(_ text: String) throws { try Output.emit(Array(text.utf8), to: output, announce: "wrote \(output ?? "")") }

    /// Writes a report produced in pieces (through a 1 MiB buffer) where asked; says where on stderr for a file.
    /// A write that fails (a full disk) stops the writing and is one line; a file is then left as it was.
    func emit(streaming produce: (([UInt8]) -> Void) -> Void) throws {
        var file: DurableFile? = nil
        if let output {
            try Output.checkReplaceable(output)
            file = try DurableFile(output)
        }
        var failure: Error? = nil
        func write(_ bytes: [UInt8]) {
            guard failure == nil else { return }
            do { if let file { try file.write(bytes) } else { try Output.writeStdout(bytes) } } catch { failure = error }
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        produce { piece in
            buffer += piece
            if buffer.count >= 1 << 20 {
                write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        write(buffer)
        if let failure { throw failure }
        if let file, let output {
            try file.commit()
            Output.note("wrote \(output)")
        }
    }
}

/// `claimledger contradictions`.
struct ContradictionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contradictions",
        abstract: "Report where claims about the same thing cannot all be true, across outlets, speakers and languages.",
        discussion: """
        Claims are compared when they share subject (after entity aliases, in any language), predicate, event and \
        scope, and their as-of dates overlap. The predicate's type decides: quantities become intervals from their \
        wording ("more than 200,000" = (200000, ∞); "près de 200 000" = [190000, 200000]) and disjoint intervals \
        contradict; different categories of a single-valued predicate contradict; the same value affirmed and \
        denied contradicts; dates and durations compare as spans. Values meeting only at the edge of the \
        predicate's tolerance, dates a day apart, and any conflict involving a hedged or reported claim are \
        tensions, listed only with --include-tension.

        Each finding names its rule and numbers, and every claim's seq, leaf hash, outlet, speaker, relay, \
        language, text, exact excerpt and source id, so it can be checked with `claimledger show SEQ`. Text, \
        Markdown and HTML open with a summary (findings per outlet pair and per subject), show subjects, predicates \
        and categories by their declared labels (id second) and each claim's source by title, URL and published date.

        --outlet, --subject, --predicate and --since restrict the claims compared (the header says so); a value that \
        matches no claim is an error naming the closest ones. With --outlet only that outlet's claims are compared, \
        with each other: where it disagrees with others is in the summary's outlet pairs. For example:
          claimledger contradictions --subject WD4H --since 2024-07-30 --format md
        """
    )

    @OptionGroup var report: ReportOptions

    @OptionGroup var filter: ReportFilterOptions

    func validate() throws { try report.check(json: global.json) }

    @Option(help: ArgumentHelp("Compare claims from different outlets, different speakers, or all pairs.", valueName: "outlets|speakers|all"))
    var between: Between = .all

    @Flag(name: .customLong("include-tension"), help: "Also list tensions (edge overlaps, hedged or reported claims, dates a day apart).")
    var includeTension = false

    @Flag(help: "Also list pairs that could not be compared (different units, free text).")
    var verbose = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        // Claims are read without excerpt and text, compared, and only those in findings read again in full:
        // a million claims fit in memory this way.
        let ledger = try global.open(readOnly: true)
        let provenance = try ledger.store.snapshot {
            var provenance = try ReportProvenance(ledger: ledger, verify: !report.noVerify)
            var input = try AnalysisInput(ledger: ledger, details: false)
            try input.restrict(to: filter.filter)
            provenance.filter = filter.filter.described
            let found = try Contradictions.find(input.claims, predicates: input.predicates, names: input.names,
                                                between: between, includeTension: includeTension) { try AnalysisInput.claims($0, in: ledger) }
            if global.json || report.format == .json {
                try report.emit { ContradictionRenderer.writeJSON(found, verbose: verbose, provenance: provenance, to: $0) }
            } else {
                try report.emit(ContradictionRenderer.render(found, as: report.format, verbose: verbose, provenance: provenance, context: input.context))
            }
            return provenance
        }
        try provenance.exitIfNotVerified()
    }
}

/// `claimledger corroborations`.
struct CorroborationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corroborations",
        abstract: "Report values that independent outlets agree on, across languages.",
        discussion: """
        For each subject, predicate, event and scope: the affirmed claims whose values are compatible (overlapping \
        intervals for quantities, dates and durations; the same value otherwise) and come from two or more outlets. \
        Independence counts origins, and claims that trace to one origin count once: a claim's origin is the one \
        it names (`claim add --origin ID`: an entity, or a recorded source standing for its outlet), else the outlet \
        or entity its relay names ("selon CNN" counts for CNN), else its own outlet — outlet names resolved through \
        entity names and aliases. A relay that names nothing known ("une capture d'écran") is no origin: the claim \
        counts for its own outlet and the report lists the relay as unresolved. To say that two outlets relayed \
        the same screenshot, name its origin:
          claimledger claim correct 7 --origin org:organisers \\
            --reason "the organisers' screenshot"

        Values are shown as written, with the span their readings share in words. --outlet, --subject, --predicate \
        and --since restrict the claims considered, as for `contradictions`.
        """
    )

    @OptionGroup var report: ReportOptions

    @OptionGroup var filter: ReportFilterOptions

    func validate() throws { try report.check(json: global.json) }

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ledger = try global.open(readOnly: true)
        let provenance = try ledger.store.snapshot {
            var provenance = try ReportProvenance(ledger: ledger, verify: !report.noVerify)
            var input = try AnalysisInput(ledger: ledger)
            try input.restrict(to: filter.filter)
            provenance.filter = filter.filter.described
            let found = Corroborations.find(input.claims, predicates: input.predicates, names: input.names, sources: Array(input.sources.values))
            try report.emit(CorroborationRenderer.render(found, claimCount: input.claims.count, as: global.json ? .json : report.format,
                                                         provenance: provenance, context: input.context))
            return provenance
        }
        try provenance.exitIfNotVerified()
    }
}
