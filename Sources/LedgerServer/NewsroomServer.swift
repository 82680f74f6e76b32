import Foundation
import Hummingbird
import LedgerCore
import LedgerStore
import NIOCore

/// `claimledger serve`: one Hummingbird 2 process serving the newsroom's web pages, its JSON API under
/// `/api/` (described by `schemas/openapi.json`, served at `/openapi.json`), and — given the directory that
/// `claimledger publish` writes — the published C2SP tlog-tiles log at `/checkpoint` and `/tile/…`.
/// Every request opens the ledger afresh and reads inside one read transaction, so a page shows one ledger
/// state and a CLI appending to the same ledger meanwhile is seen by the next request; writes go through
/// the store's append transaction (`BEGIN IMMEDIATE`), which serializes them with any other writer.
public struct NewsroomServer: Sendable {
    public let ledgerDirectory: String
    public let publishedDirectory: String?
    public let host: String
    public let port: Int
    /// Set the cookie's `Secure` attribute (the server is reached over HTTPS, through a TLS-terminating proxy).
    public let secureCookies: Bool
    /// The OpenAPI document served at `/openapi.json`.
    public let openAPI: [UInt8]

    let users: UserStore
    let sessions = Sessions()
    let verification: VerificationCache
    let snapshots = SnapshotCache()
    let analyses = AnalysisCache()
    let renderedPages = PageCache()

    public init(ledgerDirectory: String, publishedDirectory: String?, host: String, port: Int, secureCookies: Bool, openAPI: [UInt8]) {
        self.ledgerDirectory = ledgerDirectory
        self.publishedDirectory = publishedDirectory
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.openAPI = openAPI
        users = UserStore(ledgerDirectory: ledgerDirectory)
        verification = VerificationCache(ledgerDirectory: ledgerDirectory)
    }

    /// Runs until SIGINT/SIGTERM; `onListening` receives the bound "HOST:PORT" (useful with port 0).
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        let router = Router(context: NewsroomContext.self)
        router.add(middleware: ResponseFrame())
        addPublicRoutes(router)
        addPageRoutes(router)
        addAPIRoutes(router)
        addWriteRoutes(router)
        addFormRoutes(router)
        addAnalysisRoutes(router)
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "claimledger"),
            onServerRunning: { channel in
                let address = channel.localAddress
                onListening("\(address?.ipAddress ?? "?"):\(address?.port ?? 0)")
            })
        try await app.runService()
    }

    /// Opens the ledger for one request (read-only unless it writes).
    func ledger(readOnly: Bool = true) throws -> Ledger {
        do { return try Ledger(opening: ledgerDirectory, readOnly: readOnly) } catch let error as StoreError {
            throw ServerError(.internalServerError, error.message)
        }
    }

    /// The newest verification (`VerificationCache`): current, else after a moment the newest, or with `mustCover`
    /// the first to cover `size` entries.
    func verified(covering size: Int64, mustCover: Bool) throws -> VerificationReport {
        try verification.report(covering: size, mustCover: mustCover) { try self.ledger() }
    }

    func snapshot() throws -> LedgerSnapshot {
        do { return try snapshots.snapshot { try ledger() } } catch let error as StoreError {
            throw ServerError(.internalServerError, error.message)
        }
    }

    private func addPublicRoutes(_ router: Router<NewsroomContext>) {
        router.get("style.css") { _, _ in
            var r = ResponseFrame.bytes(Array(Stylesheet.full.utf8), type: "text/css; charset=utf-8")
            r.headers[.cacheControl] = "max-age=300"
            return r
        }
        let openAPI = self.openAPI
        router.get("openapi.json") { _, _ in ResponseFrame.bytes(openAPI, type: "application/json") }
        router.get("verifier-key") { _, _ in
            ResponseFrame.bytes(Array((try self.ledger().ledgerKey.text + "\n").utf8), type: "text/plain; charset=utf-8")
        }
        let tree = publishedDirectory.map { PublishedTree(root: $0) }
        let published: @Sendable (Request) throws -> Response = { request in
            let path = String(request.uri.path.dropFirst())
            guard let tree else { throw ServerError(.notFound, "this server serves no published log (start it with --published DIR)") }
            guard let bytes = tree.read(path) else { throw ServerError(.notFound, "there is no published file \(String(path.prefix(100)))") }
            var r = ResponseFrame.bytes(bytes, type: path == "checkpoint" ? "text/plain; charset=utf-8" : "application/octet-stream")
            r.headers[.cacheControl] = path == "checkpoint" || path.contains(".p/") ? "no-cache" : "max-age=31536000, immutable"
            return r
        }
        router.get("checkpoint") { request, _ in try published(request) }
        router.get("tile/**") { request, _ in try published(request) }
        router.get("source/**") { request, _ in try published(request) }
    }
}
