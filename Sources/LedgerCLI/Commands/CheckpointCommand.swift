import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

/// `claimledger checkpoint`.
struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Sign the ledger's current size and Merkle root as a C2SP checkpoint, and print it.",
        discussion: """
        The checkpoint is a C2SP tlog-checkpoint (origin line, decimal size, base64 RFC 6962 root) signed as a C2SP \
        signed note with the ledger's Ed25519 key (keys/NAME.key, which must be mode 0600). It is stored as \
        checkpoints/SIZE.checkpoint. Publish it somewhere you cannot take back (a newsroom page, a witness, an \
        email to a colleague): from then on nobody, you included, can rewrite the first SIZE entries unnoticed — \
        `claimledger verify --checkpoint FILE` will fail. Refuses to sign when the newest stored checkpoint is not \
        a prefix of the ledger.
        """
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let signed = try global.open(readOnly: true).makeCheckpoint()
        if global.json {
            let cp = signed.checkpoint
            Output.json(["origin": .string(cp.origin), "size": .number(Double(cp.size)), "root": .string(cp.root.hex),
                         "note": .string(signed.note), "file": .string(signed.path)])
        } else {
            FileHandle.standardOutput.write(Data(signed.note.utf8))
            Output.note("stored in \(signed.path)")
        }
    }
}

/// `claimledger key …`.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Show the ledger's public key.",
        subcommands: [KeyShow.self]
    )
}

/// `claimledger key show`.
struct KeyShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the ledger's verifier key (NAME+HASH+KEY), the one line a reader needs to check proofs."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ledger = try global.open(readOnly: true)
        if global.json {
            Output.json(["verifier_key": .string(ledger.ledgerKey.text), "name": .string(ledger.ledgerKey.name), "origin": .string(ledger.origin)])
        } else {
            Output.line(ledger.ledgerKey.text)
        }
    }
}
