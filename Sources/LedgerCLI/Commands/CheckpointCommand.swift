import ArgumentParser
import Foundation
import LedgerCore
import LedgerPublish
import LedgerStore

/// `claimledger checkpoint`.
struct CheckpointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Sign the ledger's current size and Merkle root as a C2SP checkpoint, and print it.",
        discussion: """
        The checkpoint is a C2SP tlog-checkpoint (origin line, decimal size, base64 RFC 6962 root) signed as a C2SP \
        signed note with the ledger's Ed25519 key (keys/NAME.key, which must be mode 0600). It is stored as \
        checkpoints/SIZE.checkpoint. Publish it somewhere you cannot take back (a newsroom page, a witness, an \
        email to a colleague): from then on nobody, you included, can rewrite the first SIZE entries unnoticed — \
        `claimledger verify --checkpoint FILE` will fail. Refuses to sign when the newest stored checkpoint is not \
        a prefix of the ledger (exit 2), and never overwrites a stored checkpoint. An imported ledger keeps the \
        bundle's checkpoints, so a restored ledger refuses in the same way.

        `init` signs the genesis checkpoint (checkpoints/1.checkpoint). A ledger whose checkpoints/ is empty was \
        copied or restored without its history: it refuses to sign until you give a checkpoint it published \
        (--trust FILE), or say with --without-history that it never published one.

        Witnesses: with --witness "URL VKEY" (repeatable, for this run only), and for each line "URL VKEY" of the \
        ledger's `witnesses` file (in the --ledger directory; write it yourself, `#` starts a comment), the new \
        checkpoint is sent with a consistency proof to the witness (C2SP tlog-witness add-checkpoint); each \
        returned cosignature is checked with the witness's key, and the checkpoint with every witness line is \
        stored as checkpoints/SIZE.cosigned (SIZE.checkpoint is never changed). Each witness that refuses is named \
        with its reason; exit 2 when one says the checkpoint is inconsistent with what it cosigned before (the \
        ledger's history forked or was rewritten), 1 when one could not be reached or refused for another reason.

        Examples: claimledger checkpoint --trust published/42.checkpoint
                  claimledger checkpoint --witness "http://127.0.0.1:7380 witness.example+1a2b3c4d+BASE64"
        """
    )

    @Option(help: ArgumentHelp("A witness to ask for a cosignature: \"URL VKEY\", its add-checkpoint URL prefix and its verifier key (repeatable; for this run only: list the witnesses to ask every time in the ledger directory's `witnesses` file, one per line).", valueName: "URL VKEY"))
    var witness: [String] = []

    @Option(help: ArgumentHelp("A checkpoint published earlier (e.g. when restoring a ledger from a backup without its checkpoints/): the ledger must be consistent with it, and it joins the history the new checkpoint is checked against (repeatable).", valueName: "FILE"))
    var trust: [String] = []

    @Flag(name: .customLong("without-history"), help: "Sign although checkpoints/ is empty: only for a ledger that never published a checkpoint (otherwise give that checkpoint with --trust).")
    var withoutHistory = false

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let ledger = try global.open(readOnly: true)
        let witnesses = try WitnessCollection.endpoints(options: witness, ledger: ledger)
        for file in trust { try ledger.trust(file) }
        let signed = try ledger.makeCheckpoint(withoutHistory: withoutHistory)
        let collected = try await WitnessCollection.collect(signed, ledger: ledger, endpoints: witnesses)
        let note = try collected.path.flatMap { _ in try ledger.cosignedNote(for: signed) } ?? signed.note
        if global.json {
            let cp = signed.checkpoint
            Output.json(["origin": .string(cp.origin), "size": .number(Double(cp.size)), "root": .string(cp.root.hex),
                         "note": .string(note), "file": .string(signed.path), "cosigned_file": collected.path.map { .string($0) } ?? .null,
                         "witnesses": .array(collected.answers.map(WitnessCollection.json))])
        } else {
            Output.stdout(Array(note.utf8))
            Output.note("stored in \(signed.path)\(collected.path.map { "; witnessed copy in \($0)" } ?? "")")
            for answer in collected.answers { Output.note(WitnessCollection.describe(answer)) }
        }
        try WitnessCollection.exitStatus(collected.answers, retry: "the checkpoint is signed and stored: run `claimledger checkpoint` again to ask them again")
    }
}

/// `claimledger key …`.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Show the ledger's public key; make, register and use contributor keys.",
        discussion: """
        Contributors sign what they append: `key generate NAME` makes a key pair in your key directory, the \
        ledger's keeper records its public half with `key add NAME VKEY`, and `--sign-with NAME` (or \
        {"sign_with": "NAME"} in DIR/config.json) signs every entry you append. `verify` checks every signature; \
        `verify --require-signatures` also fails on unsigned entries.
        """,
        subcommands: [KeyShow.self, KeyGenerate.self, KeyAdd.self]
    )
}

/// `claimledger key show`.
struct KeyShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the ledger's verifier key (NAME+HASH+BASE64), the one line a reader needs to check proofs."
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

/// `claimledger key generate NAME`.
struct KeyGenerate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Make a contributor key pair: NAME.key (mode 0600, secret) and NAME.vkey (public) in your key directory.",
        discussion: "Prints the verifier key; give it to the ledger's keeper for `claimledger key add NAME VKEY`."
    )

    @Argument(help: ArgumentHelp("The key's name, e.g. alice@newsroom.example (no spaces or '+').", valueName: "NAME"))
    var name: String

    @Option(name: .customLong("key-dir"), help: ArgumentHelp("Where to write the key (default: $CLAIMLEDGER_KEY_DIR, else ~/.config/claimledger/keys).", valueName: "DIR"))
    var keyDir: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        let made = try Ledger.generateKey(name: name, directory: keyDir ?? Ledger.defaultKeyDirectory)
        if json {
            Output.json(["verifier_key": .string(made.signer.verifier.text), "private_key_file": .string(made.privatePath),
                         "verifier_key_file": .string(made.vkeyPath)])
        } else {
            Output.line(made.signer.verifier.text)
            Output.note("private key \(made.privatePath) (mode 0600: keep it secret); public key \(made.vkeyPath)")
        }
    }
}

/// `claimledger key add NAME VKEY`.
struct KeyAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Register a contributor's public key in the ledger, so entries they sign can be verified."
    )

    @Argument(help: ArgumentHelp("The key's name.", valueName: "NAME"))
    var name: String

    @Argument(help: ArgumentHelp("Its verifier key (NAME+HASH+BASE64), or a file holding it.", valueName: "VKEY"))
    var vkey: String

    @OptionGroup var signing: SigningOptions

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let entry = try signing.open(global).addKey(name: name, verifierKey: try Output.verifierKey(vkey, option: "VKEY").text)
        if global.json {
            Output.json(["seq": .number(Double(entry.seq)), "leaf_hash": .string(entry.leafHash.hex)])
        } else {
            Output.line("registered \(name) at seq \(entry.seq)")
        }
    }
}
