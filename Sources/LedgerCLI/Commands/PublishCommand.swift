import ArgumentParser
import Foundation
import LedgerCore
import LedgerPublish
import LedgerStore

/// `claimledger publish DIR`.
struct PublishCommand: ParsableCommand {
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
        --json prints {"directory", "origin", "size", "root", "signed_new", "previous_size", "written", "unchanged"}.
        """
    )

    @Argument(help: ArgumentHelp("The directory to publish into (created if missing).", valueName: "DIR"))
    var directory: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ledger = try global.open(readOnly: true)
        let report = try Publisher.publish(ledger, to: directory)
        let cp = report.checkpoint
        if global.json {
            Output.json(["directory": .string(directory), "origin": .string(cp.origin), "size": .int(Int(cp.size)), "root": .string(cp.root.hex),
                         "signed_new": .bool(report.signedNew), "previous_size": report.previousSize.map { .int(Int($0)) } ?? .null,
                         "written": .int(report.written), "unchanged": .int(report.unchanged)])
        } else {
            let before = report.previousSize.map { " (was \($0))" } ?? ""
            Output.line("published \(cp.size) entries\(before) to \(directory): root \(cp.root.hex)")
            Output.line("\(report.written) files written, \(report.unchanged) already there; readers check it with:")
            Output.line("  claimledger monitor \(directory) --vkey \(ledger.ledgerKey.text)")
        }
    }
}
