import ArgumentParser
import LedgerAnalysis
import LedgerReport

/// The filters of the report commands (contradictions, corroborations, audit): which claims are analysed.
struct ReportFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only claims published by this outlet.", valueName: "OUTLET"))
    var outlet: String?

    @Option(help: ArgumentHelp("Only claims about this subject (an entity's id, label or alias selects all its claims).", valueName: "SUBJECT"))
    var subject: String?

    @Option(help: ArgumentHelp("Only claims of this predicate (its id).", valueName: "ID"))
    var predicate: String?

    @Option(help: ArgumentHelp("Only claims whose source was published on or after this day (its capture day when no date was recorded).", valueName: "YYYY-MM-DD"))
    var since: String?

    /// The filter asked for.
    var filter: ReportFilter { ReportFilter(outlet: outlet, subject: subject, predicate: predicate, since: since) }

    func validate() throws {
        if let since, !ReportFilter.isDay(since) { throw ValidationError("--since \(since) is not a day written YYYY-MM-DD (e.g. 2024-07-30)") }
    }
}

extension AnalysisInput {
    /// Restricts the claims analysed to those `filter` accepts (and, with `sourcesToo`, the sources to those it
    /// accepts and, for a subject or predicate filter, that a claim kept cites). A filter that on its own matches no
    /// current claim is an error naming the closest values that exist; nothing is reported then.
    mutating func restrict(to filter: ReportFilter, sourcesToo: Bool = false) throws {
        guard !filter.isEmpty else { return }
        let problems = filter.problems(claims, names: names, sources: sources)
        if !problems.isEmpty { throw CLIError(problems.joined(separator: " ") + " Nothing was reported.") }
        let (names, sources) = (self.names, self.sources)
        restrict(history.filtered { filter.matches($0, names: names, sources: sources) })
        if sourcesToo {
            let cited = Set((history.originals + history.revisions.compactMap(\.claim)).map(\.source))
            let bySubject = filter.subject != nil || filter.predicate != nil
            self.sources = sources.filter { filter.matches($0.value) && (!bySubject || cited.contains($0.key)) }
        }
    }

    /// The labels and sources a report shows beside its findings.
    var context: ReportContext { ReportContext(names: names, predicates: predicates, sources: sources) }
}
