import ArgumentParser
import LedgerStore

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The ledger directory (default: $CLAIMLEDGER_DIR, else ./ledger).", valueName: "DIR"))
    var ledger: String?

    @Flag(name: .long, help: "Print machine-readable JSON on stdout instead of text.")
    var json = false

    /// The ledger directory to use.
    var directory: String { ledger ?? Ledger.defaultDirectory }

    /// Opens the ledger. For appending its schema must be intact; read-only commands only warn.
    func open(readOnly: Bool = false) throws -> Ledger {
        let ledger = try Ledger(opening: directory, readOnly: readOnly)
        if readOnly, let problem = try ledger.store.schemaProblems().first {
            Output.warning("\(problem); the ledger was modified outside claimledger (run `claimledger verify`)")
        }
        return ledger
    }
}
