import ArgumentParser
import Foundation
import LedgerCore
import LedgerPublish
import LedgerServer
import LedgerStore

/// `claimledger witness …`.
struct WitnessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "witness",
        abstract: "Run a witness: an independent server that cosigns a log's checkpoints only if the log never rewrote its history.",
        discussion: """
        A witness (C2SP tlog-witness) remembers, for each log it serves, the size and root of the last checkpoint \
        it cosigned. A log sends it each new checkpoint with a consistency proof from that size; the witness \
        cosigns (C2SP tlog-cosignature v1, Ed25519) only when the proof shows the new tree extends the old one. \
        So a newsroom that showed two different histories to two readers would need every witness to sign both. \
        Run witnesses on machines the ledger's keeper does not control.

        Start: `claimledger witness generate-key witness.example.org` then \
        `claimledger witness serve --key witness.example.org.key --state witness.state --log LEDGER_VKEY`, and give \
        the log's keeper the URL and the printed verifier key for `claimledger checkpoint --witness "URL VKEY"`.
        """,
        subcommands: [WitnessGenerateKey.self, WitnessServe.self]
    )
}

/// `claimledger witness generate-key NAME`.
struct WitnessGenerateKey: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-key",
        abstract: "Make a witness key pair: NAME.key (mode 0600, secret) and NAME.vkey (public), and print the verifier key.",
        discussion: """
        Both are C2SP signed-note keys with signature type 0x04 (cosignatures): the private key \
        PRIVATE+KEY+NAME+HASH+BASE64, the verifier key NAME+HASH+BASE64. NAME should be a URL-like name that says \
        who runs the witness (e.g. witness.newsroom.example); it appears in every cosignature line. Never \
        overwrites an existing key file.
        """
    )

    @Argument(help: ArgumentHelp("The witness's name, e.g. witness.newsroom.example (no spaces or '+').", valueName: "NAME"))
    var name: String

    @Option(name: .customLong("key-dir"), help: ArgumentHelp("Where to write NAME.key and NAME.vkey (default: the current directory).", valueName: "DIR"))
    var keyDir: String = "."

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        let made = try CosignerKey.generate(name: name, directory: keyDir)
        if json {
            Output.json(["verifier_key": .string(made.signer.verifier.text), "private_key_file": .string(made.privatePath),
                         "verifier_key_file": .string(made.vkeyPath)])
        } else {
            Output.line(made.signer.verifier.text)
            Output.note("private key \(made.privatePath) (mode 0600: keep it secret); verifier key \(made.vkeyPath)")
        }
    }
}

/// `claimledger witness serve --key K --state FILE --listen ADDR --log VKEY…`.
struct WitnessServe: AsyncParsableCommand, OwnsSignals {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve POST /add-checkpoint (C2SP tlog-witness) for the given logs, cosigning each consistent checkpoint.",
        discussion: """
        Answers as the spec says: 200 with a cosignature line; 409 Conflict with the size it last cosigned \
        (text/x.tlog.size) when the log's "old" size is not that; 422 when the consistency proof does not verify \
        (a fork or rewritten history: nothing is cosigned); 403 when the log's signature does not verify; 404 for a \
        log it does not serve; 400 for a malformed request; 413 for a body over the size limit. The state FILE \
        is written durably before each answer; keep it (and back it up): a witness that forgets can be rolled back. \
        Only one witness process may use a state file. Listens on 127.0.0.1:7380 unless --listen says otherwise; \
        port 0 picks a free port. The address is printed on stderr. Stop it with Ctrl-C or SIGTERM.
        """
    )

    @Option(help: ArgumentHelp("The witness private key file (from `witness generate-key`, mode 0600).", valueName: "KEY_FILE"))
    var key: String

    @Option(help: ArgumentHelp("The witness's state file: the last size and root it cosigned for each log (created if missing).", valueName: "FILE"))
    var state: String

    @Option(help: ArgumentHelp("Where to listen, HOST:PORT (default 127.0.0.1:7380, loopback only).", valueName: "ADDR"))
    var listen: String = "127.0.0.1:7380"

    @Option(name: .customLong("log"), help: ArgumentHelp("A log to witness: its verifier key (the ledger's `claimledger key show`), or a file holding it; the key's name is the log's origin (repeatable).", valueName: "VKEY"))
    var logs: [String] = []

    @Option(name: .customLong("logs"), help: ArgumentHelp("A file listing log verifier keys, one per line (# starts a comment).", valueName: "FILE"))
    var logsFile: String?

    func validate() throws {
        if logs.isEmpty && logsFile == nil { throw ValidationError("give at least one log to witness: --log VKEY or --logs FILE") }
        _ = try Self.address(listen)
    }

    /// Splits HOST:PORT (an IPv6 host in brackets).
    static func address(_ text: String) throws -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw ValidationError("--listen \(text.prefix(60)) is not HOST:PORT (e.g. 127.0.0.1:7380)")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw ValidationError("--listen \(text.prefix(60)) has no host (e.g. 127.0.0.1:7380)") }
        return (host, port)
    }

    func run() async throws {
        let signer = try CosignerKey.load(key)
        var keys = try logs.map { try Output.verifierKey($0, option: "--log") }
        if let logsFile {
            for (n, line) in String(decoding: try Output.readFile(logsFile), as: UTF8.self).split(separator: "\n").enumerated() {
                let text = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].trimmingCharacters(in: .whitespaces)
                if text.isEmpty { continue }
                guard let k = NoteKey.Verifier(text: text) else {
                    throw CLIError("\(logsFile) line \(n + 1): \(NoteKey.quotedKeyText(text)) is not a log verifier key (NAME+HASH+BASE64)")
                }
                keys.append(k)
            }
        }
        let (host, port) = try Self.address(listen)
        let witness = Witness(signer: signer, logKeys: keys, state: try WitnessState(path: state))
        let origins = Set(keys.map(\.name)).sorted().joined(separator: ", ")
        let loopback = host == "localhost" || host == "::1" || host.hasPrefix("127.")
        let name = signer.verifier.keyID
        try await WitnessServer(witness: witness, host: host, port: port).run { address in
            let url = address.contains(":") && address.filter({ $0 == ":" }).count > 1 ? "[\(address.split(separator: ":").dropLast().joined(separator: ":"))]:\(address.split(separator: ":").last ?? "")" : address
            Output.note("witness \(name) listening on http://\(url) for \(origins)\(loopback ? "" : " (not loopback: reachable from other machines)")")
        }
    }
}
