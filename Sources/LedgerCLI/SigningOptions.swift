import ArgumentParser
import LedgerStore

/// Options of every command that appends: who signs the new entries.
struct SigningOptions: ParsableArguments {
    @Option(name: .customLong("sign-with"), help: ArgumentHelp("Sign the new entries with your contributor key NAME, or the ledger's own key by its name (default: sign_with in DIR/config.json; else unsigned).", valueName: "NAME"))
    var signWith: String?

    @Option(name: .customLong("key-dir"), help: ArgumentHelp("Where your keys are (default: $CLAIMLEDGER_KEY_DIR, else ~/.config/claimledger/keys).", valueName: "DIR"))
    var keyDir: String?

    /// Opens the ledger for appending, with the signer set when one is asked for or configured.
    func open(_ global: GlobalOptions) throws -> Ledger {
        let ledger = try global.open()
        if let name = signWith ?? ledger.defaultSigner {
            ledger.signer = name == ledger.ledgerKey.name
                ? try ledger.ledgerSigner() : try Ledger.loadSigner(name: name, directory: keyDir ?? Ledger.defaultKeyDirectory)
        }
        return ledger
    }
}
