import ArgumentParser
import LedgerAnalysis
import LedgerCore
import LedgerReport
import LedgerServer
import LedgerStore

/// `claimledger claim …`.
struct ClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim",
        abstract: "Record claims, each bound to an exact quote in a recorded source.",
        subcommands: [ClaimAdd.self, ClaimImport.self, ClaimList.self, ClaimRetract.self, ClaimCorrect.self]
    )
}

/// `claimledger claim add …`.
struct ClaimAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record one claim, anchored to an exact quote in a source.",
        discussion: """
        The --excerpt is looked for exactly in the source's text; if it is not there, it is matched ignoring case, \
        quote style (' ’ " « »), dashes and spacing (so French no-break spaces need not be typed). What is stored is \
        always the exact text of the source, its position in Unicode scalars, 32 scalars of context either side \
        and its SHA-256. If the quote occurs more than once, the places are listed: choose one with --occurrence N.

        Example (each line short enough to paste as it is):
          claimledger claim add --source 3f2a9c1e \\
            --excerpt "more than 200,000 people" \\
            --speaker "Ross Morales Rocketto" \\
            --text "The call drew more than 200,000 people" \\
            --subject event:wd4h-call --predicate call.attendance \\
            --value "more than 200,000"

        --origin says whose reporting the claim traces to, when outlets relay one party's post, email or \
        screenshot: a declared entity id, or a recorded source's id (or a unique prefix of it) — the article the \
        outlet took it from. Claims that trace to the same origin count once in `corroborations`. For example \
        (declare the party once with `entity add`):
          claimledger entity add org:organisers --label "en=the organisers"
          claimledger claim add --source 3f2a9c1e \\
            --excerpt "avec 190 000 participants" \\
            --speaker "les organisateurs" --origin org:organisers \\
            --text "La collecte a réuni 190 000 participants." \\
            --subject event:wd4h-call --predicate call.attendance \\
            --value "190 000"

        If the quote is not in the source, the error shows the source's nearest passage and names any other \
        recorded source the quote is in. A claim identical to a current one (same source and excerpt position, \
        speaker, subject, predicate, value, polarity and qualifiers) is refused unless --allow-duplicate. \
        --dry-run checks everything and records nothing.

        Prints the new entry's seq and leaf hash.
        """
    )

    @OptionGroup var claim: ClaimOptions

    @OptionGroup var entry: EntryCheckOptions

    @OptionGroup var signing: SigningOptions

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ledger = try signing.open(global)
        var appended: Ledger.Appended? = nil
        var pending: (position: Int, claim: Result<ClaimInput, Ledger.ClaimError>)? = (0, .success(claim.input))
        let report: Ledger.ClaimBatchReport
        do {
            report = try ledger.recordClaims(from: { defer { pending = nil }; return pending }, each: { appended = $0 },
                                             checks: entry.checks(newSubject: claim.newSubject, errorLimit: 1))
        } catch let e as Ledger.ClaimBatchError {
            throw try e.report.errors[0].asOption(hint: ExcerptHint(ledger: ledger))
        }
        if entry.dryRun {
            if global.json {
                Output.json(entry.dryRunJSON(report))
            } else {
                Output.line("ok: the claim would be recorded\(report.duplicates > 0 ? " (identical to a current claim: --allow-duplicate)" : ""); dry run, nothing was recorded")
            }
        } else if let appended {
            if global.json {
                Output.json(["seq": .number(Double(appended.seq)), "leaf_hash": .string(appended.leafHash.hex)])
            } else {
                Output.line("seq \(appended.seq)  leaf \(appended.leafHash.hex)")
            }
        }
    }
}

/// `--dry-run` and `--allow-duplicate`, shared by `claim add` and `claim import`.
struct EntryCheckOptions: ParsableArguments {
    @Flag(name: .customLong("dry-run"), help: "Check everything and record nothing.")
    var dryRun = false

    @Flag(name: .customLong("allow-duplicate"), help: "Record a claim identical to a current one (same source and excerpt position, speaker, subject, predicate, value, polarity and qualifiers).")
    var allowDuplicate = false

    /// The checks these options ask for.
    func checks(newSubject: Bool, errorLimit: Int) -> Ledger.ClaimChecks {
        Ledger.ClaimChecks(newSubject: newSubject, allowDuplicate: allowDuplicate, dryRun: dryRun, errorLimit: errorLimit)
    }

    /// What a dry run prints with --json (schemas/claim-import.schema.json).
    func dryRunJSON(_ report: Ledger.ClaimBatchReport) -> JSONValue {
        ["dry_run": true, "claims": .int(report.claims), "duplicates": .int(report.duplicates)]
    }
}

extension ClaimInput.Polarity: ExpressibleByArgument {}
extension ClaimInput.Modality: ExpressibleByArgument {}

/// `claimledger claim import FILE.jsonl`.
struct ClaimImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Record many claims from a JSON Lines file, all or nothing.",
        discussion: """
        One JSON object per line with the fields of `claim add` in snake_case: source, excerpt, speaker, text, \
        subject, predicate, value (required); occurrence (integer), relay, origin, outlet, lang, polarity, modality, \
        as_of, event, scope (optional). "origin" is whose reporting the claim traces to, as for `claim add --origin`: \
        a declared entity id or a recorded source's id or unique prefix; claims tracing to one origin count once in \
        `corroborations`. Blank lines are skipped. Every claim is recorded in one transaction: if any line is \
        wrong, nothing is recorded, and every bad line is reported as `FILE line N: field: message` (the first \
        \(ClaimImport.errorLimit), then how many more). A claim identical to a current one, or to an earlier line, \
        is a bad line unless --allow-duplicate. --dry-run checks every line and records nothing. The file is read \
        and recorded a line at a time, so its size does not matter; a single line over 8 MiB is refused.

        Example: one line written to claims.jsonl (printf joins the pieces), then imported:
          printf '%s%s%s%s\\n' '{"source":"3f2a9c1e",' \\
            '"excerpt":"près de 200.000 personnes","speaker":"La Tribune",' \\
            '"text":"Près de 200.000 personnes","subject":"event:wd4h-call",' \\
            '"predicate":"call.attendance","value":"près de 200.000"}' > claims.jsonl
          claimledger claim import claims.jsonl --dry-run
        To name a line's origin, add one of these members to it (an entity id, a source id prefix):
          "origin":"org:organisers",
          "origin":"3f2a9c1e",
        """
    )

    /// How many bad lines are reported one by one.
    static let errorLimit = 50

    @Argument(help: ArgumentHelp("The JSON Lines file.", valueName: "FILE.jsonl"))
    var file: String

    @Flag(name: .customLong("new-subject"), help: "Accept subjects that look like misspellings of entity names (they are new subjects).")
    var newSubject = false

    @OptionGroup var entry: EntryCheckOptions

    @OptionGroup var signing: SigningOptions

    @OptionGroup var global: GlobalOptions

    func run() throws {
        var reader = try ClaimLines.Reader(path: file)
        let ledger = try signing.open(global)
        // Lines are read, anchored and appended one at a time inside one transaction, so memory stays flat
        // however long the file is (but for one duplicate-check key per claim); any bad line rolls everything back.
        var first: Int64? = nil, last: Int64 = 0
        let report: Ledger.ClaimBatchReport
        let progress = ProgressLine(entry.dryRun ? "checking" : "importing")
        defer { progress.finish() }
        do {
            report = try ledger.recordClaims(from: {
                progress.update(reader.consumed, of: reader.size, unit: "bytes")
                guard let next = try reader.nextItem() else { return nil }
                switch next.claim {
                case .success(let input): return (next.line, .success(input))
                case .failure(let e): return (next.line, .failure(Ledger.ClaimError(index: next.line, field: e.field ?? "", message: e.message)))
                }
            }, each: {
                first = first ?? $0.seq
                last = $0.seq
            }, checks: entry.checks(newSubject: newSubject, errorLimit: Self.errorLimit))
            progress.finish()  // before any line that follows, so none is drawn after the progress text
        } catch let e as Ledger.ClaimBatchError {
            progress.finish()
            let hint = ExcerptHint(ledger: ledger)
            let lines = try e.report.errors.map { "\(file) line \($0.index): \(try $0.lineMessage(hint: hint))" }
            if e.report.errorCount == 1 { throw CLIError(lines[0] + "; nothing was recorded") }
            for line in lines { Output.error(line) }
            if e.report.errorCount > lines.count { Output.error("\(file): … and \(e.report.errorCount - lines.count) more bad lines") }
            throw CLIError("\(file): \(e.report.errorCount) of \(counted(e.report.claims, "line")) are bad; nothing was recorded")
        }
        guard report.claims > 0 else { throw CLIError("\(file) holds no claims") }
        if entry.dryRun {
            if global.json {
                Output.json(entry.dryRunJSON(report))
            } else {
                let duplicates = report.duplicates > 0 ? ", \(counted(report.duplicates, "duplicate")) among them" : ""
                Output.line("ok: \(counted(report.claims, "claim")) would be recorded\(duplicates); dry run, nothing was recorded")
            }
        } else if global.json {
            Output.json(["imported": .int(report.claims), "first_seq": .number(Double(first ?? 0)), "last_seq": .number(Double(last)),
                         "duplicates": .int(report.duplicates)])
        } else {
            let duplicates = report.duplicates > 0 ? ", \(counted(report.duplicates, "duplicate")) among them" : ""
            Output.line("imported \(counted(report.claims, "claim")) (seq \(first ?? 0)–\(last))\(duplicates)")
        }
    }
}

/// The options that describe one claim, shared by `claim add` and `claim correct`.
struct ClaimOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The source's id or a unique prefix of at least 8 hex digits.", valueName: "ID"))
    var source: String

    @Option(help: ArgumentHelp("The exact quote carrying the claim.", valueName: "TEXT"))
    var excerpt: String

    @Option(help: ArgumentHelp("Which occurrence of the quote, when it appears more than once (1 = first).", valueName: "N"))
    var occurrence: Int?

    @Option(help: ArgumentHelp("Who made the claim, e.g. \"Ross Morales Rocketto\" or \"X spokesperson\".", valueName: "NAME"))
    var speaker: String

    @Option(help: ArgumentHelp("Through whom it reached the outlet, e.g. \"according to CNN\".", valueName: "TEXT"))
    var relay: String?

    @Option(help: ArgumentHelp("Whose reporting it traces to: a declared entity id (org:organisers) or a recorded source's id or unique prefix.", valueName: "ID"))
    var origin: String?

    @Option(help: ArgumentHelp("The outlet that published it (default: the source's outlet).", valueName: "NAME"))
    var outlet: String?

    @Option(help: ArgumentHelp("The claim's language, BCP 47 (default: the source's language).", valueName: "BCP47"))
    var lang: String?

    @Option(help: ArgumentHelp("The claim in plain words.", valueName: "TEXT"))
    var text: String

    @Option(help: ArgumentHelp("What it is about: an entity id (account:@dudes4harris) or any name or alias of it.", valueName: "ID"))
    var subject: String

    @Option(help: ArgumentHelp("Which declared property, e.g. call.attendance or suspension.reason.", valueName: "ID"))
    var predicate: String

    @Option(help: ArgumentHelp("The value as worded, e.g. \"more than 200,000\"; parsed per the predicate's type.", valueName: "TEXT"))
    var value: String

    @Option(help: ArgumentHelp("affirmed (default) or denied.", valueName: "affirmed|denied"))
    var polarity: ClaimInput.Polarity = .affirmed

    @Option(help: ArgumentHelp("asserted (default), reported, or hedged (\"allegedly\", conditionnel).", valueName: "asserted|reported|hedged"))
    var modality: ClaimInput.Modality = .asserted

    @Option(name: .customLong("as-of"), help: ArgumentHelp("When the claim holds, e.g. 2024-07-30.", valueName: "DATE"))
    var asOf: String?

    @Option(help: ArgumentHelp("The event it is about, so claims about different events are kept apart.", valueName: "ID"))
    var event: String?

    @Option(help: ArgumentHelp("Where or to whom it applies (e.g. US, worldwide); claims with different scopes are never compared.", valueName: "TEXT"))
    var scope: String?

    @Flag(name: .customLong("new-subject"), help: "The subject is new, though it looks like a misspelling of an entity name.")
    var newSubject = false

    /// The claim these options describe.
    var input: ClaimInput {
        ClaimInput(source: source, excerpt: excerpt, occurrence: occurrence, speaker: speaker, relay: relay,
                   origin: origin.map { .named($0) }, outlet: outlet, lang: lang,
                   text: text, subject: subject, predicate: predicate, value: value, polarity: polarity, modality: modality,
                   asOf: asOf, event: event, scope: scope)
    }
}

extension Ledger.ClaimError {
    /// The error phrased with the option at fault (--as-of for as_of), a missing quote's nearest passage added.
    func asOption(hint: ExcerptHint) throws -> CLIError {
        let why = try message(hint: hint, batchName: "claim")
        return CLIError(field == "claim" || field.isEmpty ? why : "--\(field.replacingOccurrences(of: "_", with: "-")): \(why)")
    }

    /// The error as `claim import` reports a line: "field: message" (the field as the line spells it).
    func lineMessage(hint: ExcerptHint) throws -> String {
        let why = try message(hint: hint, batchName: "line")
        return field == "claim" || field.isEmpty ? why : "\(field): \(why)"
    }

    private func message(hint: ExcerptHint, batchName: String) throws -> String {
        if case .batch(let earlier)? = duplicate {
            return "identical to \(batchName) \(earlier) (the same source and excerpt position, speaker, subject, predicate, value and qualifiers); pass --allow-duplicate to record both"
        }
        guard let missing else { return message }
        return message + (try hint.hint(for: missing))
    }
}

/// `claimledger claim retract SEQ --reason TEXT`.
struct ClaimRetract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract",
        abstract: "Withdraw a claim, with a reason. Nothing is deleted: the retraction is an entry of its own.",
        discussion: "Reports and analysis leave a retracted claim out; `show SEQ` and `audit` still show it and why. A claim is retracted once."
    )

    @Argument(help: ArgumentHelp("The claim's sequence number (the original claim, even if it was corrected).", valueName: "SEQ"))
    var seq: Int64

    @Option(help: ArgumentHelp("Why it is withdrawn.", valueName: "TEXT"))
    var reason: String

    @OptionGroup var signing: SigningOptions

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let entry = try signing.open(global).retract(seq, reason: reason)
        if global.json {
            Output.json(["seq": .number(Double(entry.seq)), "leaf_hash": .string(entry.leafHash.hex)])
        } else {
            Output.line("retracted claim \(seq) at seq \(entry.seq)")
        }
    }
}
