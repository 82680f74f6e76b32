import ArgumentParser
import Foundation
import LedgerServer
import LedgerStore

/// `claimledger serve [--listen HOST:PORT] [--published DIR] [--behind-proxy]`.
struct ServeCommand: AsyncParsableCommand, OwnsSignals {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the newsroom web interface and JSON API for this ledger (and its published log).",
        discussion: """
        One process serves the pages (log in, dashboard, sources with every claimed quote highlighted, claims with \
        filters, a page per claim with its history and proof), the JSON API under /api/ (bearer tokens from \
        `claimledger user token NAME`; described at /openapi.json), and with --published DIR the log that \
        `claimledger publish DIR` wrote, at /checkpoint and /tile/…. Add accounts first with \
        `claimledger user add NAME --role admin|editor|viewer`. Listens on 127.0.0.1:8080 unless --listen says \
        otherwise (port 0 picks a free port; the address is printed on stderr). A non-loopback address is refused \
        unless --behind-proxy says a TLS-terminating reverse proxy (see the README) is in front: then session \
        cookies are marked Secure. Stop it with Ctrl-C or SIGTERM.
        """
    )

    @Option(help: ArgumentHelp("Where to listen, HOST:PORT (default 127.0.0.1:8080, loopback only).", valueName: "ADDR"))
    var listen: String = "127.0.0.1:8080"

    @Option(help: ArgumentHelp("Serve the published tlog-tiles log in DIR (from `claimledger publish DIR`) at /checkpoint and /tile/….", valueName: "DIR"))
    var published: String?

    @Flag(name: .customLong("behind-proxy"), help: "A TLS-terminating reverse proxy forwards to this server: allow a non-loopback --listen and mark cookies Secure.")
    var behindProxy = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        let (host, _) = try WitnessServe.address(listen)
        if !Self.isLoopback(host) && !behindProxy {
            throw ValidationError("--listen \(listen.prefix(60)) is not a loopback address: passwords and cookies would cross the network in clear; put a TLS-terminating reverse proxy in front and add --behind-proxy")
        }
    }

    static func isLoopback(_ host: String) -> Bool { host == "localhost" || host == "::1" || host.hasPrefix("127.") }

    func run() async throws {
        let (host, port) = try WitnessServe.address(listen)
        let ledger = try global.open(readOnly: true)
        if let published, !FileManager.default.fileExists(atPath: published + "/checkpoint") {
            throw CLIError("--published \(published) holds no checkpoint: run `claimledger publish \(published)` first")
        }
        let users = try UserStore(ledgerDirectory: ledger.directory.path).load()
        if users.isEmpty { Output.note("no accounts yet: add one with `claimledger user add NAME --role admin` (no one can log in until then)") }
        let server = NewsroomServer(ledgerDirectory: ledger.directory.path, publishedDirectory: published, host: host, port: port,
                                    secureCookies: behindProxy, openAPI: OpenAPIDocument.bytes)
        let origin = ledger.origin
        try await server.run { address in
            let parts = address.split(separator: ":")
            let url = parts.count > 2 ? "[\(parts.dropLast().joined(separator: ":"))]:\(parts.last ?? "")" : address
            Output.note("claimledger serving \(origin) listening on http://\(url)")
        }
    }
}
