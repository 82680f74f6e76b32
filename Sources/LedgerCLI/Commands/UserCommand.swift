import ArgumentParser
import Foundation
import LedgerServer
import LedgerStore

extension Role: ExpressibleByArgument {}

/// `claimledger user add|list|remove|token`: the newsroom server's accounts (DIR/users.json, mode 0600).
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the accounts of `claimledger serve`: admins manage users, editors write, viewers read.",
        discussion: """
        Accounts live in DIR/users.json (mode 0600), outside the append-only log: passwords (bcrypt, cost 12) and \
        API tokens (only their SHA-256) must be replaceable. Each account gets a contributor signing key in \
        DIR/users/keys/, registered in the log by a `key` entry, so what it writes through the server is signed.
        """,
        subcommands: [Add.self, List.self, Remove.self, Token.self]
    )

    /// `claimledger user add NAME --role ROLE`: the password from stdin (or a prompt without echo).
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account; the password is read from standard input, or prompted for without echo on a terminal (never from the command line).")

        @Argument(help: ArgumentHelp("The user name: letters, digits, '.', '_', '-', '@'.", valueName: "NAME"))
        var name: String

        @Option(help: ArgumentHelp("admin, editor or viewer.", valueName: "ROLE"))
        var role: Role

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let ledger = try global.open()
            let password = try Self.readPassword()
            let user = try UserCommand.run { try UserStore(ledgerDirectory: ledger.directory.path).add(name: name, role: role, password: password, ledger: ledger) }
            if global.json {
                Output.json(["name": .string(user.name), "role": .string(user.role.rawValue), "key": .string(user.keyName)])
            } else {
                Output.line("added \(user.name) (\(user.role.rawValue)), signing key \(user.keyName)")
            }
        }

        /// One line from stdin; on a terminal, prompted twice with echo off.
        static func readPassword() throws -> String {
            guard isatty(0) == 1 else {
                guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw CLIError("no password on standard input: pipe one line, or run on a terminal to be asked") }
                return line
            }
            func ask(_ prompt: String) -> String {
                FileHandle.standardError.write(Data(prompt.utf8))
                var saved = termios(), quiet = termios()
                tcgetattr(0, &saved); quiet = saved
                quiet.c_lflag &= ~tcflag_t(ECHO)
                tcsetattr(0, TCSANOW, &quiet)
                defer { tcsetattr(0, TCSANOW, &saved); FileHandle.standardError.write(Data("\n".utf8)) }
                return readLine(strippingNewline: true) ?? ""
            }
            let first = ask("Password: ")
            guard ask("Again: ") == first else { throw CLIError("the two passwords differ; nothing was changed") }
            return first
        }
    }

    /// `claimledger user list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts: name, role, signing key.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let ledger = try global.open(readOnly: true)
            let users = try UserCommand.run { try UserStore(ledgerDirectory: ledger.directory.path).load() }
            if global.json {
                Output.json(["users": .array(users.map { ["name": .string($0.name), "role": .string($0.role.rawValue), "key": .string($0.keyName), "tokens": .int($0.tokenHashes.count)] })])
            } else {
                for u in users { Output.line("\(u.name)\t\(u.role.rawValue)\t\(u.keyName)") }
            }
        }
    }

    /// `claimledger user remove NAME`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an account (its signing key stays registered: entries it signed still verify).")
        @Argument(help: ArgumentHelp("The user name.", valueName: "NAME")) var name: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let ledger = try global.open(readOnly: true)
            try UserCommand.run { try UserStore(ledgerDirectory: ledger.directory.path).remove(name: name) }
            Output.line("removed \(name)")
        }
    }

    /// `claimledger user token NAME`.
    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a bearer API token for NAME (printed once; only its SHA-256 is stored).")
        @Argument(help: ArgumentHelp("The user name.", valueName: "NAME")) var name: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let ledger = try global.open(readOnly: true)
            let token = try UserCommand.run { try UserStore(ledgerDirectory: ledger.directory.path).issueToken(name: name) }
            if global.json { Output.json(["name": .string(name), "token": .string(token)]) } else { Output.line(token) }
        }
    }

    /// Runs `body`, turning a `ServerError` into the CLI's one-line error.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as ServerError { throw CLIError(error.message) }
    }
}
