import ArgumentParser
import LedgerAnalysis
import LedgerCore

/// `claimledger claim list`.
struct ClaimList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List recorded claims, filtered by outlet, speaker, subject, predicate, language and state.",
        discussion: """
        Each filter must match exactly; --subject also matches through entity names, so an entity's id, label or \
        alias lists all its claims. By default only current claims are listed: a retracted claim is left out and a \
        corrected one appears as its newest correction (its seq is the correction's). --status retracted lists the \
        retracted ones, --status all both.

        Examples:
          claimledger claim list --subject group:white-dudes-for-harris
          claimledger claim list --outlet Reuters --predicate call.attendance --json
          claimledger claim list --status retracted

        Each line: seq, subject and predicate, the value as written, speaker, outlet and language. With --json: \
        {"claims": [{seq, leaf_hash, source, excerpt, speaker, relay?, outlet, lang, text, subject, predicate, value, \
        polarity, modality, event?, scope?, retracted}]} — the shape of the server's GET /api/claims.
        """
    )

    @Option(help: ArgumentHelp("Only claims published by this outlet.", valueName: "OUTLET"))
    var outlet: String?

    @Option(help: ArgumentHelp("Only claims made by this speaker.", valueName: "NAME"))
    var speaker: String?

    @Option(help: ArgumentHelp("Only claims about this subject (an entity's id, label or alias selects all its claims).", valueName: "SUBJECT"))
    var subject: String?

    @Option(help: ArgumentHelp("Only claims of this predicate.", valueName: "ID"))
    var predicate: String?

    @Option(help: ArgumentHelp("Only claims in this language (a tag such as en or fr).", valueName: "LANG"))
    var lang: String?

    @Option(help: ArgumentHelp("current (default), retracted or all.", valueName: "STATUS"))
    var status: String = ClaimSelection.Status.current.rawValue

    @Option(help: ArgumentHelp("Show at most this many claims.", valueName: "N"))
    var limit: Int?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if ClaimSelection.Status(rawValue: status) == nil {
            throw ValidationError("--status \(status) is not one of \(ClaimSelection.Status.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        let input = try AnalysisInput(ledger: try global.open(readOnly: true))
        let selection = ClaimSelection(outlet: outlet, speaker: speaker, subject: subject, predicate: predicate, lang: lang,
                                       status: ClaimSelection.Status(rawValue: status) ?? .current)
        let rows = Array(selection.apply(input.history, current: input.claims, names: input.names).prefix(limit ?? .max))
        if global.json {
            Output.json(["claims": .array(rows.map(\.json))])
            return
        }
        if rows.isEmpty {
            Output.note("no \(status == "all" ? "" : status + " ")claims match; `claimledger claim list --status all` lists every claim recorded")
        }
        for row in rows {
            let c = row.claim
            let value = (c.polarity == .denied ? "NOT " : "") + "“\(EntrySummary.clip(c.value.original, 40))”"
            Output.line("\(EntrySummary.pad(String(c.seq), 6))  \(c.subject) \(c.predicate)\(c.event.map { " @\($0)" } ?? "") = \(value)  — \(c.speaker), \(c.outlet) [\(c.lang)]\(row.retracted ? "  (retracted)" : "")")
        }
    }
}
