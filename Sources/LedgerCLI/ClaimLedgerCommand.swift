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
            SuggestCommand.self,
        ]
    )

    public init() {}

    /// Parses the command line, runs the command, and exits with the right code and a one-line error.
    public static func runMain() async -> Never {
        LedgerStore.lockWaitNotice = { Output.note("claimledger: waiting for the ledger lock held by another writer… (up to 30 s)") }
        do {
            var command = try parseAsRoot()
            if !(command is OwnsSignals) { Interrupt.install() }
            if var command = command as? AsyncParsableCommand { try await command.run() } else { try command.run() }
            Foundation.exit(0)
        } catch let error as StoreError {
            fail(error.message, error.isIntegrityFailure ? 2 : 1)
        } catch let error as PublishError {
            fail(error.message, error.isVerificationFailure ? 2 : 1)
        } catch let error as CLIError {
            fail(error.message, error.code)
        } catch let error as Ledger.ClaimError {
            fail(error.description, 1)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }  // --help, --version: print them as ArgumentParser does
            fail(message(for: error) + (code == .validationFailure ? " (see --help)" : ""), code.rawValue)
        }
    }

    /// Reports the error on one line (JSON with --json) and exits with `code`.
    private static func fail(_ message: String, _ code: Int32) -> Never {
        Output.error(message, exit: code)
        Foundation.exit(code)
    }
}

/// A command that handles SIGINT and SIGTERM itself (a server shutting down gracefully).
protocol OwnsSignals {}

/// Ctrl-C (SIGINT) and SIGTERM: say what happened and exit 128+signal. An append in progress is one SQLite
/// transaction that was not committed, so it is rolled back; what was already acknowledged (a seq printed) stays.
enum Interrupt {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        for signo in [SIGINT, SIGTERM] {
            signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: .global())
            source.setEventHandler {
                let message = Output.wantsJSON(CommandLine.arguments)
                    ? "{\"error\":\"interrupted; nothing in progress was recorded\",\"exit\":\(128 + signo)}\n"
                    : "claimledger: interrupted; nothing in progress was recorded (what was already acknowledged stays)\n"
                _ = message.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
                _exit(128 + signo)
            }
            source.resume()
            sources.append(source)
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
