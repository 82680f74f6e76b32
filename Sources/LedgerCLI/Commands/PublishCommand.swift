import ArgumentParser
import Foundation
import LedgerCore
import LedgerPublish
import LedgerStore

/// `claimledger publish DIR`.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Write the ledger into DIR as a static transparency log (C2SP tlog-tiles) for any web server to serve.",
        discussion: """
        DIR receives, as c2sp.org/tlog-tiles specifies: `checkpoint` (the ledger's signed checkpoint), the hash \
        tiles `tile/<L>/<N>[.p/<W>]`, the entry bundles `tile/entries/<N>[.p/<W>]` (the exact entry bytes), each \
        source snapshot as `source/<sha256>`, and `vkey`, the ledger's verifier key that readers pass to \
        `claimledger monitor URL --vkey KEY`. Copy or serve DIR as it is (any static HTTP server or CDN).

        The checkpoint is the newest one the ledger signed if it covers every entry, else a new one is signed \
        (keys/NAME.key, mode 0600). Publishing again writes only what changed: full tiles are never rewritten — \
        one already in DIR must be byte-identical, and a DIR holding another history is refused (exit 2); partial \
        tiles are added; the checkpoint is replaced last and atomically, so a reader never sees a checkpoint whose \
        tiles are missing, and an interrupted publish leaves the previous log readable.
        Witnesses: when the ledger has witnesses (--witness "URL VKEY" for this run, and the lines of the ledger's \
        own `witnesses` file in the --ledger directory, as for `checkpoint` — not a file in DIR), each one that has \
        not cosigned the checkpoint to publish yet is asked first, and the witnessed copy is published, so \
        `monitor --witness VKEY` can require them. A witness that saw another history refuses: nothing is \
        published (exit 2). One that is unreachable or refuses otherwise is reported with its reason, the log is \
        published with the cosignatures there are, and the exit status is 1; publishing again asks only the \
        witnesses still missing.
        --json prints {"directory", "origin", "size", "root", "signed_new", "previous_size", "written", "unchanged", \
        "witnesses"}.
        """
    )

    @Argument(help: ArgumentHelp("The directory to publish into (created if missing).", valueName: "DIR"))
    var directory: String

    @Option(help: ArgumentHelp("A witness to cosign the published checkpoint: \"URL VKEY\" (repeatable; for this run only: nothing is written to the ledger's `witnesses` file).", valueName: "URL VKEY"))
    var witness: [String] = []

    @OptionGroup var global: GlobalOptions

    /// What to run to ask the witnesses that did not cosign again.
    private var retry: String {
        "the log is published with the cosignatures there are: run `claimledger publish` with the same witnesses again to ask the missing ones"
    }

    func run() async throws {
        let ledger = try global.open(readOnly: true)
        let endpoints = try WitnessCollection.endpoints(options: witness, ledger: ledger)
        var answers: [WitnessCollection.Answer] = []
        var signedForWitnesses = false
        if !endpoints.isEmpty {
            try Publisher.checkDirectory(directory, for: ledger)
            let (signed, made) = try ledger.checkpoint(covering: try ledger.store.size())
            signedForWitnesses = made
            // Only the witnesses whose cosignature the checkpoint lacks: after one was unreachable, publishing again
            // collects the missing ones.
            let missing = try ledger.cosignedNote(for: signed).map { WitnessCollection.missing(endpoints, from: $0) } ?? endpoints
            if !missing.isEmpty {
                answers = try await WitnessCollection.collect(signed, ledger: ledger, endpoints: missing).answers
                if answers.contains(where: \.outcome.isInconsistency) {
                    if !global.json { for answer in answers { Output.note(WitnessCollection.describe(answer)) } }
                    try WitnessCollection.exitStatus(answers, retry: retry)
                }
            }
        }
        let report = try Publisher.publish(ledger, to: directory)
        let cp = report.checkpoint
        if global.json {
            Output.json(["directory": .string(directory), "origin": .string(cp.origin), "size": .int(Int(cp.size)), "root": .string(cp.root.hex),
                         "signed_new": .bool(report.signedNew || signedForWitnesses), "witnesses": .array(answers.map(WitnessCollection.json)), "previous_size": report.previousSize.map { .int(Int($0)) } ?? .null,
                         "written": .int(report.written), "unchanged": .int(report.unchanged)])
        } else {
            let before = report.previousSize.map { " (was \($0))" } ?? ""
            Output.line("published \(cp.size) entries\(before) to \(directory): root \(cp.root.hex)")
            Output.line("\(report.written) files written, \(report.unchanged) already there; readers check it with:")
            Output.line("  claimledger monitor \(directory) --vkey \(ledger.ledgerKey.text)")
            for answer in answers { Output.note(WitnessCollection.describe(answer)) }
        }
        try WitnessCollection.exitStatus(answers, retry: retry)
    }
}
