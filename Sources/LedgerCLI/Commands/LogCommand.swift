import ArgumentParser
import LedgerCore
import LedgerStore

/// `claimledger log`.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the ledger's entries, oldest first.",
        discussion: "With --json, prints one JSON object per line (JSON Lines): seq, kind, leaf_hash, time, author, body."
    )

    @Option(help: ArgumentHelp("Start at this seq.", valueName: "SEQ"))
    var from: Int64 = 0

    @Option(help: ArgumentHelp("Show at most this many entries.", valueName: "N"))
    var limit: Int64?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ledger = try global.open(readOnly: true)
        let size = try ledger.store.size()
        let end = limit.map { min(size, from + max(0, $0)) } ?? size
        var seq = max(0, from)
        while seq < end {
            guard let e = try ledger.store.entry(seq) else { throw StoreError("entry \(seq) is missing; run `claimledger verify`", integrity: true) }
            if global.json {
                Output.json(["seq": .number(Double(seq)), "kind": .string(e.kind.rawValue), "leaf_hash": .string(e.leafHash.hex),
                             "time": .string(e.time), "author": .string(e.author), "body": e.body])
            } else {
                Output.line(EntrySummary.line(e))
            }
            seq += 1
        }
    }
}
