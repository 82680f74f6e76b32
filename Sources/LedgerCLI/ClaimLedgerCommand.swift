import ArgumentParser
import Foundation
import LedgerPublish
import LedgerStore

/// The `claimledger` root command: subcommands, and the single place errors become messages and exit codes
/// (0 ok; 1 error; 2 the ledger or a proof does not verify; 64 usage error).
public struct ClaimLedgerCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "claimledger",
        abstract: "A tamper-evident, append-only ledger of claims made in news coverage.",
        discussion: """
        Every claim is recorded with its speaker, outlet and language, bound by SHA-256 to the exact quote \
        in a captured source, and appended to an RFC 6962 Merkle tree that `verify` rechecks from the stored bytes.

        Start with `claimledger demo`, or: init → source add → predicate add → claim add → verify.
        The ledger directory is --ledger DIR, else $CLAIMLEDGER_DIR, else ./ledger.
        Exit codes: 0 ok, 1 error, 2 the ledger does not verify, 64 usage error.
        """,
        version: "0.2.0",
        subcommands: [
            InitCommand.self, SourceCommand.self, PredicateCommand.self, EntityCommand.self, ClaimCommand.self,
            ContradictionsCommand.self, CorroborationsCommand.self, AuditCommand.self, LogCommand.self, ShowCommand.self, VerifyCommand.self,
            CheckpointCommand.self, ProveCommand.self, VerifyProofCommand.self, KeyCommand.self, ExportCommand.self, ImportCommand.self, DemoCommand.self,
            PublishCommand.self, MonitorCommand.self,
            WitnessCommand.self, ServeCommand.self, UserCommand.self,
        ]
    )

    public init() {}

    /// Parses the command line, runs the command, and exits with the right code and a one-line error.
    public static func runMain() async -> Never {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand { try await command.run() } else { try command.run() }
            Foundation.exit(0)
        } catch let error as StoreError {
            Output.error(error.message)
            Foundation.exit(error.isIntegrityFailure ? 2 : 1)
        } catch let error as PublishError {
            Output.error(error.message)
            Foundation.exit(error.isVerificationFailure ? 2 : 1)
        } catch let error as CLIError {
            Output.error(error.message)
            Foundation.exit(error.code)
        } catch let error as Ledger.ClaimError {
            Output.error(error.description)
            Foundation.exit(1)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }  // --help, --version: print them as ArgumentParser does
            Output.error(message(for: error) + (code == .validationFailure ? " (see --help)" : ""))
            Foundation.exit(code.rawValue)
        }
    }
}

/// An error the CLI reports itself, with its exit code.
struct CLIError: Error {
    let message: String
    var code: Int32 = 1

    init(_ message: String, code: Int32 = 1) {
        self.message = message
        self.code = code
    }
}
