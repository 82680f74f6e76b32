import ArgumentParser
import Foundation
import LedgerCore
import LedgerReport
import LedgerStore

/// `claimledger verify`.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that the ledger was only ever appended to and that every quote is intact.",
        discussion: """
        Recomputes everything from the stored bytes: each entry's leaf hash and canonical form, seq continuity, \
        the prev chain, every stored Merkle hash and the root, each source's bytes against its id, each excerpt \
        against its source at its position and against its hash, each body against its schema, every entry's \
        signature against the keys registered before it, and the database's append-only triggers. Reports every finding (seq, kind, what, expected, actual).
        With --checkpoint FILE (a signed checkpoint published earlier) it also checks that the checkpoint is signed \
        by the ledger key and that the ledger's first SIZE entries still hash to its root — which a ledger rebuilt \
        with any old entry changed cannot pass, however consistent its own hash chain is.
        The checkpoints the ledger signed (checkpoints/) are always checked the same way, and each witnessed copy \
        (checkpoints/SIZE.cosigned) must hold the same checkpoint with the ledger's valid signature.
        Exit 0 when clean, 2 when anything is wrong. --json prints {"ok", "size", "root", "findings": […]}.
        """
    )

    @Option(help: ArgumentHelp("Also check that this signed checkpoint's tree is a prefix of the ledger (repeatable).", valueName: "FILE"))
    var checkpoint: [String] = []

    @Option(help: ArgumentHelp("The key the checkpoints must be signed by (default: the ledger's, from its genesis entry).", valueName: "VKEY"))
    var vkey: String?

    @Flag(name: .customLong("require-signatures"), help: "Also fail on any entry that is not signed by a registered key.")
    var requireSignatures = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        var checkpoints: [Checkpoint] = []
        if !checkpoint.isEmpty {
            let ledger = try Ledger(opening: global.directory, readOnly: true)
            let key = try vkey.map { try Output.verifierKey($0, option: "--vkey") }
            checkpoints = try checkpoint.map { try ledger.readCheckpoint($0, key: key).checkpoint }
        }
        // The ledger's own signed checkpoints too: a history rewritten consistently still fails against them. (A
        // ledger too damaged to open is still verified below, which then says why.)
        if let ledger = try? Ledger(opening: global.directory, readOnly: true) {
            do {
                checkpoints += try ledger.storedCheckpoints().map(\.checkpoint)
                try ledger.checkCosigned()  // each witnessed copy carries the same text, signed by the ledger
            } catch {
                throw StoreError("a stored checkpoint does not check: \(error)", integrity: true)
            }
        }
        let line = ProgressLine("verifying")
        let report = try Verifier.verify(directory: global.directory, checkpoints: checkpoints, requireSignatures: requireSignatures,
                                         progress: { line.update($0, of: $1) })
        line.finish()
        if global.json {
            Output.json(report.json)
        } else if report.ok {
            let against = checkpoints.isEmpty ? "" : "; consistent with \(counted(checkpoints.count, "signed checkpoint"))"
            Output.line("ok: \(counted(Int(report.size), "entry", plural: "entries")) verified; root \(report.root.hex)\(against)")
            if checkpoints.isEmpty { Output.note("no signed checkpoint was checked: checkpoints/ is empty and no --checkpoint FILE was given") }
        } else {
            for f in report.findings {
                var place = f.seq.map { "seq \($0)" } ?? (f.source.map { "source \($0.prefix(16))" } ?? "ledger")
                if let k = f.kind { place += " (\(k))" }
                var line = "\(place): [\(f.check)] \(f.what)"
                if let e = f.expected { line += "; expected \(e)" }
                if let a = f.actual { line += ", found \(a)" }
                Output.line(line)
            }
            if report.omitted > 0 { Output.line("… and \(report.omitted) more findings") }
        }
        if !report.ok {
            throw CLIError("the ledger does NOT verify: \(report.findings.count + report.omitted) finding(s) over \(report.size) entries", code: 2)
        }
    }
}
