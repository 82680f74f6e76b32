import ArgumentParser
import LedgerAnalysis
import LedgerCore
import LedgerServer
import LedgerStore

/// `claimledger claim correct SEQ --reason TEXT [--value …] [--excerpt …] …`.
struct ClaimCorrect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Replace a claim by a corrected one, with a reason. The original stays in the ledger.",
        discussion: """
        Give only what changes: every option left out is inherited from the claim as it stands (its newest \
        correction, else the original) — source, excerpt and its place in the source, speaker, relay, origin, outlet, \
        lang, text, subject, predicate, value, polarity, modality, as-of, event and scope. When neither --source nor \
        --excerpt is given, the excerpt keeps its anchor; with a new --source, the outlet and language default to \
        that source's, as for `claim add`, and the quote is looked for there. An empty --relay, --origin, --as-of, \
        --event or --scope ("") removes it. A correction that changes nothing is refused, and so is one identical to \
        another current claim (same source and excerpt position, speaker, subject, predicate, value, polarity and \
        qualifiers) unless --allow-duplicate.

        Example: the outlet's figure was misread, everything else stands:
          claimledger claim correct 5 --value "more than 2,000" \\
            --reason "misread the figure"
        Naming the origin of an older claim that relayed the organisers' post:
          claimledger claim correct 7 --origin org:organisers \\
            --reason "the organisers' post is the origin"

        Reports and analysis use the newest correction in place of the original; `show SEQ` prints the whole chain.
        """
    )

    @Argument(help: ArgumentHelp("The original claim's sequence number.", valueName: "SEQ"))
    var seq: Int64

    @Option(help: ArgumentHelp("Why it is corrected.", valueName: "TEXT"))
    var reason: String

    @OptionGroup var claim: ClaimChangeOptions

    @Flag(name: .customLong("allow-duplicate"), help: "Record the correction even when it is identical to another current claim.")
    var allowDuplicate = false

    @OptionGroup var signing: SigningOptions

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ledger = try signing.open(global)
        let entry: Entry
        do {
            var changes = claim.changes
            if let typed = claim.origin { changes.origin = .named(typed) }  // resolved with the claim; "" removes it
            entry = try ledger.correct(seq, changes: changes, reason: reason, newSubject: claim.newSubject, allowDuplicate: allowDuplicate)
        } catch let e as Ledger.ClaimError {
            throw try e.asOption(hint: ExcerptHint(ledger: ledger))
        }
        if global.json {
            Output.json(["seq": .number(Double(entry.seq)), "leaf_hash": .string(entry.leafHash.hex)])
        } else {
            Output.line("corrected claim \(seq) at seq \(entry.seq)")
        }
    }
}

/// The claim options of `claim correct`: those of `claim add`, each optional (inherited when left out).
struct ClaimChangeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Another source: its id or a unique prefix of at least 8 hex digits.", valueName: "ID"))
    var source: String?

    @Option(help: ArgumentHelp("Another quote carrying the claim.", valueName: "TEXT"))
    var excerpt: String?

    @Option(help: ArgumentHelp("Which occurrence of the quote, when it appears more than once (1 = first).", valueName: "N"))
    var occurrence: Int?

    @Option(help: ArgumentHelp("Who made the claim.", valueName: "NAME"))
    var speaker: String?

    @Option(help: ArgumentHelp("Through whom it reached the outlet (\"\" removes it).", valueName: "TEXT"))
    var relay: String?

    @Option(help: ArgumentHelp("Whose reporting it traces to: an entity id or a source's id or prefix (\"\" removes it).", valueName: "ID"))
    var origin: String?

    @Option(help: ArgumentHelp("The outlet that published it.", valueName: "NAME"))
    var outlet: String?

    @Option(help: ArgumentHelp("The claim's language, BCP 47.", valueName: "BCP47"))
    var lang: String?

    @Option(help: ArgumentHelp("The claim in plain words.", valueName: "TEXT"))
    var text: String?

    @Option(help: ArgumentHelp("What it is about: an entity id or any name or alias of it.", valueName: "ID"))
    var subject: String?

    @Option(help: ArgumentHelp("Which property; the value is parsed again for it.", valueName: "ID"))
    var predicate: String?

    @Option(help: ArgumentHelp("The value as worded, e.g. \"more than 200,000\".", valueName: "TEXT"))
    var value: String?

    @Option(help: ArgumentHelp("affirmed or denied.", valueName: "affirmed|denied"))
    var polarity: ClaimInput.Polarity?

    @Option(help: ArgumentHelp("asserted, reported or hedged.", valueName: "asserted|reported|hedged"))
    var modality: ClaimInput.Modality?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("When the claim holds (\"\" removes it).", valueName: "DATE"))
    var asOf: String?

    @Option(help: ArgumentHelp("The event it is about (\"\" removes it).", valueName: "ID"))
    var event: String?

    @Option(help: ArgumentHelp("Where or to whom it applies (\"\" removes it).", valueName: "TEXT"))
    var scope: String?

    @Flag(name: .customLong("new-subject"), help: "The new --subject is new, though it looks like a misspelling of an entity name.")
    var newSubject = false

    /// What these options change.
    var changes: ClaimChanges {
        var c = ClaimChanges()
        c.source = source
        c.excerpt = excerpt
        c.occurrence = occurrence
        c.speaker = speaker
        c.relay = relay
        c.outlet = outlet
        c.lang = lang
        c.text = text
        c.subject = subject
        c.predicate = predicate
        c.value = value
        c.polarity = polarity
        c.modality = modality
        c.asOf = asOf
        c.event = event
        c.scope = scope
        return c
    }
}
