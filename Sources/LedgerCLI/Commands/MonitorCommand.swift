import ArgumentParser
import Foundation
import LedgerCore
import LedgerPublish
import LedgerReport

/// `claimledger monitor LOCATION --vkey KEY`.
struct MonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Check a published ledger from its static files, and show the claims added since the last run.",
        discussion: """
        LOCATION is where `claimledger publish` output is served: a directory, a file:// URL or an http(s):// URL. \
        The monitor reads only those files, never the ledger's database. It checks the checkpoint's signature \
        against --vkey (the log's verifier key, e.g. its published `vkey` file, obtained from someone you trust — \
        not from the log itself), rebuilds the Merkle tree from every entry bundle and compares the root and every \
        hash tile, checks each entry is canonical and well-formed and each claim's quote is in its published source.

        It remembers the checkpoint it verified in the state file (default ~/.claimledger/monitor/<key name>, the \
        name %-escaped), and on the next run requires the log to have only grown: a smaller checkpoint (a rollback) \
        or one whose first entries no longer hash to the remembered root (a fork) fails with exit 2 and prints both \
        signed checkpoints as evidence. Then it prints the claims added since the remembered checkpoint.
        With --witness VKEY (repeatable) it first requires that the checkpoint is cosigned by at least --quorum K of \
        those witnesses (default: all), so a log cannot show this monitor a history the witnesses never saw; the \
        publisher gets cosignatures with `claimledger checkpoint --witness` and `publish` serves the witnessed copy.
        Exit 0 verified; 1 the log could not be read; 2 it does not verify. --json prints {"location", "origin", \
        "size", "root", "previous_size", "checkpoint", "witnesses", "new_claims_total", "new_claims": [{"seq", "speaker", "outlet", "subject", \
        "predicate", "value", "excerpt", "corrects"}]} (schemas/monitor.schema.json: the value and excerpt are the objects \
        the claim's entry stores), or on a fork {"error", "remembered_checkpoint", "checkpoint"}.
        """
    )

    @Argument(help: ArgumentHelp("The published log: a directory, file:// URL or http(s):// URL.", valueName: "LOCATION"))
    var location: String

    @Option(help: ArgumentHelp("The log's verifier key (NAME+HASH+BASE64), or a file holding it.", valueName: "VKEY"))
    var vkey: String

    @Option(help: ArgumentHelp("Where to remember the last verified checkpoint (default: ~/.claimledger/monitor/<key name>).", valueName: "FILE"))
    var state: String?

    @Option(help: ArgumentHelp("A witness's verifier key (type 0x04), or a file holding it (repeatable); see --quorum.", valueName: "VKEY"))
    var witness: [String] = []

    @Option(help: ArgumentHelp("How many of the --witness keys must have cosigned the checkpoint (default: all of them).", valueName: "K"))
    var quorum: Int?

    @Option(help: ArgumentHelp("Show at most the newest N new claims (0: all of them; the count is always given).", valueName: "N"))
    var limit: Int = 1000

    @Flag(help: "Print machine-readable JSON on stdout instead of text.")
    var json = false

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 (all) or more") }
        try Self.validateQuorum(quorum, witnesses: witness.count)
    }

    /// A usage error (exit 64) unless `quorum` is absent, or between 1 and the number of --witness keys given.
    static func validateQuorum(_ quorum: Int?, witnesses: Int) throws {
        guard let quorum else { return }
        guard witnesses > 0 else { throw ValidationError("--quorum needs the witnesses' keys: --witness VKEY (repeatable)") }
        guard (1...witnesses).contains(quorum) else {
            throw ValidationError("--quorum \(quorum) must be between 1 and the number of --witness keys given (\(witnesses))")
        }
    }

    func run() async throws {
        let key = try Output.verifierKey(vkey, option: "--vkey")
        let statePath = state ?? MonitorState.defaultPath(for: key)
        let remembered = try MonitorState.read(statePath)
        let witnesses = try witness.isEmpty ? nil : WitnessQuorum(witnesses: witness.map { try Output.witnessKey($0, option: "--witness") }, quorum: quorum ?? witness.count)
        let monitor = Monitor(source: try logSource(for: location), key: key, witnesses: witnesses, claimLimit: limit > 0 ? limit : nil)
        let report: Monitor.Report
        do {
            report = try await monitor.run(remembered: remembered)
        } catch let evidence as Monitor.Inconsistency {
            let remembered = String(decoding: evidence.remembered, as: UTF8.self), current = String(decoding: evidence.current, as: UTF8.self)
            if json {
                Output.json(["error": .string(evidence.error.message), "remembered_checkpoint": .string(remembered), "checkpoint": .string(current)])
            } else {
                Output.line("the checkpoint remembered in \(statePath):")
                FileHandle.standardOutput.write(Data(TerminalEscape.visible(remembered).utf8))
                Output.line("the checkpoint \(location) serves now:")
                FileHandle.standardOutput.write(Data(TerminalEscape.visible(current).utf8))
            }
            throw evidence.error
        }
        try MonitorState.write(report.note, to: statePath)
        let cp = report.checkpoint
        if json {
            Output.json(["location": .string(location), "origin": .string(cp.origin), "size": .int(Int(cp.size)), "root": .string(cp.root.hex),
                         "previous_size": report.previous.map { .int(Int($0.size)) } ?? .null,
                         "checkpoint": .string(String(decoding: report.note, as: UTF8.self)), "witnesses": .array(report.cosigners.map { .string($0) }),
                         "new_claims_total": .int(report.newClaimCount), "new_claims": .array(report.newClaims.map(Self.json))])
            return
        }
        let witnessed = report.cosigners.isEmpty ? "" : "; cosigned by \(report.cosigners.map { TerminalEscape.line($0) }.joined(separator: ", "))"
        Output.line("verified \(location): \(TerminalEscape.line(cp.origin)), \(cp.size) entries, root \(cp.root.hex)\(witnessed)")
        Output.line("(\(report.bundlesChecked) entry bundles, \(report.tilesChecked) hash tiles and \(report.sourcesChecked) source snapshots checked)")
        let since = report.previous.map { "since \($0.size) entries" } ?? "in all"
        let shown = report.newClaims.count < report.newClaimCount ? " (the newest \(report.newClaims.count) shown; --limit 0 shows all)" : ""
        Output.line("\(report.newClaimCount) new claim\(report.newClaimCount == 1 ? "" : "s") \(since)\(shown)\(report.newClaims.isEmpty ? "" : ":")")
        for c in report.newClaims {
            let b = c.claim
            let corrects = c.corrects.map { " (corrects \($0))" } ?? ""
            Output.line("  #\(c.seq)\(corrects) \(TerminalEscape.line(b.speaker)) in \(TerminalEscape.line(b.outlet)): "
                        + "\(TerminalEscape.line(b.subject)) \(TerminalEscape.line(b.predicate)) = \(TerminalEscape.line(b.value.original))")
            Output.line("      \u{201C}\(TerminalEscape.line(b.excerpt.exact))\u{201D}")
        }
    }

    static func json(_ c: Monitor.NewClaim) -> JSONValue {
        let b = c.claim
        return ["seq": .int(Int(c.seq)), "speaker": .string(b.speaker), "outlet": .string(b.outlet), "subject": .string(b.subject),
                "predicate": .string(b.predicate), "value": b.value.json, "excerpt": b.excerpt.json,
                "corrects": c.corrects.map { .int(Int($0)) } ?? .null]
    }
}
