import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

/// `claimledger init [DIR] [--origin NAME]`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new, empty ledger with its own Ed25519 ledger key.",
        discussion: """
        Creates DIR (default: --ledger, $CLAIMLEDGER_DIR, else ./ledger) holding ledger.sqlite, keys/, \
        checkpoints/ and reports/, and appends the ledger.genesis entry. The private key is written to \
        keys/NAME.key with mode 0600 — keep it secret and never commit it; its verifier key (the public \
        half, one line NAME+HASH+BASE64 as C2SP signed notes name it) to keys/NAME.vkey — publish it. Refuses to touch a directory that already holds a ledger.
        """
    )

    @Argument(help: ArgumentHelp("Directory to create the ledger in.", valueName: "DIR"))
    var dir: String?

    @Option(help: ArgumentHelp("The ledger's origin: names its checkpoints and key; no spaces or '+' (default: claimledger/<dir name>).", valueName: "NAME"))
    var origin: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let dir, let other = global.ledger, dir != other {
            throw ValidationError("DIR (\(dir)) and --ledger (\(other)) name two directories: give one of them")
        }
    }

    func run() throws {
        let path = dir ?? global.directory
        let created = try Ledger.create(at: path, origin: origin)
        let ledger = created.ledger
        let root = try ledger.store.root(size: 1)
        if Self.gitWouldTrack(created.privateKeyPath) {
            Output.note("claimledger: warning: \(created.privateKeyPath) is inside a git work tree and not ignored: add **/keys/*.key to .gitignore before you commit")
        }
        if global.json {
            Output.json(["directory": .string(path), "origin": .string(ledger.origin), "verifier_key": .string(ledger.ledgerKey.text),
                         "verifier_key_file": .string(created.verifierKeyPath), "size": 1, "root": .string(root.hex)])
            return
        }
        Output.line("Created ledger \(ledger.origin) in \(path)")
        Output.line("  verifier key  \(ledger.ledgerKey.text)")
        Output.line("                (also in \(created.verifierKeyPath): publish it)")
        Output.line("  private key   \(created.privateKeyPath) (mode 0600: keep it secret, never commit it)")
        Output.line("Next: claimledger source add FILE --ledger \(path) --outlet NAME --lang en")
    }

    /// True when `path` lies in a git work tree that would not ignore it (`git check-ignore` exits 1); false when
    /// git is missing, the path is outside any work tree, or it is ignored.
    static func gitWouldTrack(_ path: String) -> Bool {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let git = dirs.map({ "\($0)/git" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return false }
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        func status(_ arguments: [String]) -> Int32 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: git)
            p.arguments = ["-C", dir] + arguments
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            guard (try? p.run()) != nil else { return -1 }
            p.waitUntilExit()
            return p.terminationStatus
        }
        return status(["rev-parse", "--is-inside-work-tree"]) == 0 && status(["check-ignore", "-q", path]) == 1
    }
}
