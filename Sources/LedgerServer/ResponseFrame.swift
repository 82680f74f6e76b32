import Hummingbird
import LedgerCore
import NIOCore

/// Turns every answer into a response in one place: security headers (the strict Content-Security-Policy,
/// nosniff, no framing, no referrer) on every response, and every refusal — a `ServerError`, or Hummingbird's own
/// 404/413 — as `{"error": "…"}` under /api/, on the published log's paths and for JSON clients, else as an
/// escaped HTML error page.
struct ResponseFrame: RouterMiddleware {
    typealias Context = NewsroomContext

    static let contentSecurityPolicy = "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'"

    /// Where handlers run (`BlockingExecutor`): reads on four threads, writes on two (SQLite serializes them anyway).
    static let readers = BlockingExecutor(threads: 4, name: "claimledger-read")
    static let writers = BlockingExecutor(threads: 2, name: "claimledger-write")

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            let executor = request.method == .get || request.method == .head ? Self.readers : Self.writers
            response = try await withTaskExecutorPreference(executor) { try await next(request, context) }
        } catch let error as ServerError {
            response = Self.refusal(error, for: request)
        } catch let error as any HTTPResponseError {
            let message = switch error.status {
            case .contentTooLarge: "the request body is too large: at most \(NewsroomContext.bodyLimit >> 10) KiB, or \(NewsroomServer.uploadLimit >> 20) MiB for a capture uploaded to /sources"
            case .notFound: "there is nothing at \(String(request.uri.path.prefix(100)))"
            case .methodNotAllowed: "\(request.method) is not allowed on \(String(request.uri.path.prefix(100)))"
            default: error.status.reasonPhrase
            }
            response = Self.refusal(ServerError(error.status, message), for: request)
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    static func refusal(_ error: ServerError, for request: Request) -> Response {
        let path = request.uri.path
        let machine = path.hasPrefix("/api/") || path == "/api" || ["/checkpoint", "/verifier-key", "/openapi.json"].contains(path)
            || path.hasPrefix("/tile/") || path.hasPrefix("/source/")
        if machine || (request.headers[.accept] ?? "").contains("application/json") {
            return json(["error": .string(error.message)], status: error.status)
        }
        return html(PageLayout.page("\(error.status.code)", user: nil, csrf: nil, Pages.error(error)), status: error.status)
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        let bytes = ((try? CanonicalJSON.encode(value)) ?? Array("{\"error\":\"unencodable\"}".utf8)) + [0x0A]
        return Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func bytes(_ bytes: [UInt8], type: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
