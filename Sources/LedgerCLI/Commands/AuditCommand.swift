import ArgumentParser
import LedgerCapture
import Foundation
import LedgerAnalysis
import LedgerCore
import LedgerCrypto
import LedgerReport
import LedgerStore

/// `claimledger audit`.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check every source and quote, and show what rests on one outlet, what was relayed, what was retracted.",
        discussion: """
        Reports, per source: outlet, language, URL, title, capture date, whether the stored bytes still hash to \
        the id, how many claims cite it, and each quote's status in the stored text (exact at its position / \
        moved / missing). Then: sources never cited; subjects and predicates supported by one outlet only; relay \
        chains (speaker → relay → outlet) and which claims rest on another outlet's reporting; counts per outlet \
        and per language (sources, claims, speakers, contradictions, retractions); retractions and corrections \
        with their reasons. Exit 2 when a source's bytes or a quote is not as recorded.

        With --against FILE --source ID: compares the quote of each current claim of that source (a corrected claim \
        by its correction; retracted claims left out) with a newer capture of the article \
        and reports exact (maybe moved) / fuzzy (score, edits) / orphan for each. Stored anchors are never changed. \
        Quotes are re-anchored up to 4,096 scalars long: a source with a longer quote is refused with one line \
        (the approximate search costs quote length × capture length).

        --outlet, --subject, --predicate and --since restrict the audit to the claims they select and the sources \
        those cite (an outlet or --since also selects sources by their outlet and publication day); the header says \
        so. Text, Markdown and HTML open with a summary of contradictions per outlet pair and per subject.
        """
    )

    /// The longest quote `--against` re-anchors, in scalars: the approximate search is O(capture × quote / 64) and
    /// each candidate's start O(quote²), so a 32,768-scalar quote in a 4 MB capture took 42.7 s before this limit.
    static let maxReanchoredQuote = 4_096

    @OptionGroup var report: ReportOptions

    @OptionGroup var filter: ReportFilterOptions

    @Option(help: ArgumentHelp("A newer capture of one source's article, to re-anchor its quotes in.", valueName: "FILE"))
    var against: String?

    @Option(help: ArgumentHelp("With --against: the source (id or 8+ hex prefix) the capture is a version of.", valueName: "ID"))
    var source: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try report.check(json: global.json)
        if (against == nil) != (source == nil) { throw ValidationError("--against and --source go together") }
        if against != nil && !filter.filter.isEmpty { throw ValidationError("--against re-anchors one source's quotes: it takes no --outlet, --subject, --predicate or --since") }
    }

    func run() throws {
        let ledger = try global.open(readOnly: true)
        // Verified and read in one snapshot: the report is computed from exactly the entries verified.
        try ledger.store.snapshot { try run(on: ledger) }
    }

    private func run(on ledger: Ledger) throws {
        var provenance = try ReportProvenance(ledger: ledger, verify: !report.noVerify)
        var input = try AnalysisInput(ledger: ledger)
        let context = input.context
        try input.restrict(to: filter.filter, sourcesToo: true)
        provenance.filter = filter.filter.described
        let format = global.json ? .json : report.format
        if let against, let source {
            let (id, _) = try ledger.resolveSource(source)
            let bytes = try Output.readFile(against)
            let text: String
            if let extractor = CapturedText.kind(ofFileNamed: against).extractor {
                do { text = try CapturedText.extract(bytes, with: extractor) } catch { throw CLIError("\(against): \(error)") }
            } else {
                guard let plain = Normalization.anchoringText(bytes) else { throw CLIError("\(against) is not valid UTF-8 text") }
                text = plain
            }
            let scalars = Array(text.unicodeScalars)
            // Current claims only: a corrected claim is represented by its correction, a retracted one not at all.
            let claims = input.claims.filter { $0.source == id.hex }.sorted { $0.seq < $1.seq }
            if let long = claims.first(where: { $0.excerpt.unicodeScalars.count > Self.maxReanchoredQuote }) {
                throw CLIError("the quote of claim \(long.seq) is \(long.excerpt.unicodeScalars.count) scalars long; audit --against re-anchors quotes of at most \(Self.maxReanchoredQuote) scalars (see audit --help); nothing was compared")
            }
            let anchors = claims.map { c in
                (c, Reanchor.locate(quote: c.excerpt, prefix: c.excerptPrefix, suffix: c.excerptSuffix, hint: c.excerptStart, in: scalars))
            }
            try report.emit(ReanchorRenderer.render(source: id.hex, against: SHA256.hash(bytes).hex, anchors: anchors, as: format, provenance: provenance))
            return try provenance.exitIfNotVerified()
        }
        var audit = try Self.audit(ledger, input)
        (audit.webArchivesChecked, audit.payloadDigests) = try Self.payloadDigests(ledger, input)
        try report.emit(AuditRenderer.render(audit, as: format, provenance: provenance, context: context))
        try provenance.exitIfNotVerified()
        if !audit.ok {
            let changed = audit.sources.filter { !$0.bytesOK }.count, lost = audit.sources.flatMap(\.excerpts).filter { $0.status != .exact }.count
            throw CLIError("the audit does not pass: \(changed) source(s) whose stored bytes no longer hash to their id, \(lost) quote(s) not at their recorded position (see the report)", code: 2)
        }
    }

    /// Checks the WARC-Payload-Digest of every web-archive source's stored record: how many were checked, and the
    /// ones that do not match.
    static func payloadDigests(_ ledger: Ledger, _ input: AnalysisInput) throws -> (Int, [PayloadDigestFinding]) {
        var checked = 0, findings: [PayloadDigestFinding] = []
        for record in input.sources.values.sorted(by: { $0.seq < $1.seq }) {
            guard let entry = try ledger.store.entryBytes(record.seq), case .source(let body)? = EntryBody(entry), body.extractor == .warc,
                  let bytes = try ledger.store.blob(body.id), let warc = try? WebArchiveRecord(bytes) else { continue }
            checked += 1
            if let problem = warc.payloadDigestCheck().problem {
                findings.append(PayloadDigestFinding(seq: record.seq, source: record.id, recordID: warc.recordID, targetURI: warc.targetURI, problem: problem))
            }
        }
        return (checked, findings)
    }

    /// The audit of a ledger: snapshots of every source (bytes checked against their id) and the analysis input.
    static func audit(_ ledger: Ledger, _ input: AnalysisInput) throws -> AuditReport {
        // Each stored source's bytes are hashed in one streaming pass (1 MiB chunks); texts are read one at a time,
        // a large one through windows (`Ledger.sourceTextReader`).
        var intact = Set<String>()
        try ledger.store.forEachBlob { key, actual in if key == actual.bytes { intact.insert(actual.hex) } }
        let snapshots = input.sources.values.map { SourceSnapshot(record: $0, bytesOK: intact.contains($0.id)) }
        let contradictions = Contradictions.find(input.claims, predicates: input.predicates, names: input.names)
        return try Audit.run(sources: snapshots, text: { record in try Digest(hex: record.id).flatMap { try ledger.sourceTextReader($0) } },
                             history: input.history, contradictions: contradictions, names: input.names,
                             predicates: input.predicates, recordedNames: input.names.recorded.union(input.hiddenNames))
    }
}

/// `claimledger source show ID`.
struct SourceShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a source's text with every claimed quote marked and the claims' seqs beside them.",
        discussion: "Quotes are highlighted in colour on a terminal, and written [[like this]]{seq 15} otherwise (with --plain, or when the NO_COLOR environment variable is set)."
    )

    @Argument(help: ArgumentHelp("The source's id or a unique prefix of 8+ hex digits.", valueName: "ID"))
    var id: String

    @Flag(help: "Mark quotes with brackets even on a terminal.")
    var plain = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ledger = try global.open(readOnly: true)
        let (digest, source) = try ledger.resolveSource(id)
        guard let text = try ledger.sourceText(digest) else {
            throw StoreError("the bytes of source \(digest.hex.prefix(12)) are missing or unreadable; run `claimledger verify`", integrity: true)
        }
        let input = try AnalysisInput(ledger: ledger)
        let claims = input.claims.filter { $0.source == digest.hex }
        var opens: [Int: Int] = [:], closes: [Int: [Int64]] = [:]
        for c in claims {
            opens[c.excerptStart, default: 0] += 1
            closes[c.excerptEnd, default: []].append(c.seq)
        }
        let colour = !plain && Output.colour
        var out = TerminalEscape.visible("\(source.outlet) [\(source.lang)] \(digest.hex)") + "\n"
        if let t = source.title { out += "“\(TerminalEscape.visible(t))”\n" }
        out += "\(counted(claims.count, "current claim")) \(claims.count == 1 ? "quotes" : "quote") this source\n\n"
        for (i, scalar) in text.unicodeScalars.enumerated() {
            if let seqs = closes[i] { out += colour ? "\u{1B}[0m\u{1B}[2m{\(seqs.sorted().map { "seq \($0)" }.joined(separator: ", "))}\u{1B}[0m" : "]]{\(seqs.sorted().map { "seq \($0)" }.joined(separator: ", "))}" }
            if let n = opens[i] { out += colour ? "\u{1B}[30;43m" : String(repeating: "[[", count: n) }
            out += TerminalEscape.visible(scalar)
        }
        if let seqs = closes[text.unicodeScalars.count] { out += colour ? "\u{1B}[0m{\(seqs.map { "seq \($0)" }.joined(separator: ", "))}" : "]]{\(seqs.map { "seq \($0)" }.joined(separator: ", "))}" }
        Output.stdout(Array((out.hasSuffix("\n") ? out : out + "\n").utf8))
    }
}

/// `claimledger source list`.
struct SourceList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the recorded sources with outlet, language, claims citing them and title.",
        discussion: "With --json: {\"sources\": [{id, seq, outlet, lang, url, title, published, captured_at, claims}]} (schemas/source-list.schema.json)."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ledger = try global.open(readOnly: true)
        let input = try AnalysisInput(ledger: ledger)
        let counts = Dictionary(grouping: input.claims, by: \.source).mapValues(\.count)
        let sources = input.sources.values.sorted { $0.seq < $1.seq }
        if global.json {
            return Output.json(["sources": .array(sources.map { $0.json(claims: counts[$0.id] ?? 0) })])
        }
        for s in sources {
            Output.line("\(s.id.prefix(12))  \(EntrySummary.pad(s.outlet, 22)) \(EntrySummary.pad(s.lang, 5)) \(String(repeating: " ", count: max(0, 4 - String(counts[s.id] ?? 0).count)) + String(counts[s.id] ?? 0)) claims  \(s.title.map { EntrySummary.clip($0, 60) } ?? "")")
        }
    }
}
