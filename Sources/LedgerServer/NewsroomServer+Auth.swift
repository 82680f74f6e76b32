import Foundation
import Hummingbird

/// Who is asking: the account, and for a browser session its id and CSRF token.
struct Caller: Sendable {
    let user: User
    let sessionID: String?
    let csrf: String?

    /// Refuses (403) a caller whose role is below `role`.
    func require(_ role: Role, to action: String) throws {
        guard user.role >= role else {
            throw ServerError(.forbidden, "\(user.name) is a \(user.role.rawValue): only \(role == .admin ? "an admin" : "an editor or admin") may \(action)")
        }
    }
}

extension NewsroomServer {
    static let sessionCookie = "claimledger_session"
    static let loginCookie = "claimledger_login"

    static func cookies(_ request: Request) -> [String: String] {
        var out: [String: String] = [:]
        for header in request.headers[values: .cookie] {
            for part in header.split(separator: ";") {
                let kv = part.split(separator: "=", maxSplits: 1)
                if kv.count == 2 { out[kv[0].trimmingCharacters(in: .whitespaces)] = String(kv[1]).trimmingCharacters(in: .whitespaces) }
            }
        }
        return out
    }

    func setCookie(_ name: String, _ value: String, maxAge: Int) -> String {
        "\(name)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : "")
    }

    /// The logged-in browser user, from the session cookie, or nil.
    func sessionCaller(_ request: Request) async throws -> Caller? {
        guard let id = Self.cookies(request)[Self.sessionCookie], let session = await sessions.session(id) else { return nil }
        guard let user = try users.load().first(where: { $0.name == session.user }), user.passwordHash == session.account else {
            await sessions.close(id)
            return nil
        }
        return Caller(user: user, sessionID: id, csrf: session.csrf)
    }

    /// The API caller, from `Authorization: Bearer TOKEN`; 401 without a valid one.
    func apiCaller(_ request: Request) throws -> Caller {
        guard let header = request.headers[.authorization] else {
            throw ServerError(.unauthorized, "authentication required: send Authorization: Bearer TOKEN (from `claimledger user token NAME`)")
        }
        guard header.hasPrefix("Bearer "), let user = try users.user(token: String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)) else {
            throw ServerError(.unauthorized, "the bearer token is not valid (issue one with `claimledger user token NAME`)")
        }
        return Caller(user: user, sessionID: nil, csrf: nil)
    }

    /// Refuses (403) a state-changing form whose `csrf` field is not the session's token.
    static func checkCSRF(_ form: FormBody, _ caller: Caller) throws {
        guard let token = caller.csrf, let given = form["csrf"], constantTimeEqual(token, given) else {
            throw ServerError(.forbidden, "the form's CSRF token is missing or wrong: reload the page and submit it again")
        }
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Reads a body of at most `NewsroomContext.bodyLimit` bytes (413 beyond).
    static func body(_ request: Request) async throws -> [UInt8] {
        Array(buffer: try await request.body.collect(upTo: NewsroomContext.bodyLimit))
    }

    static func form(_ request: Request) async throws -> FormBody {
        try FormBody(String(decoding: try await body(request), as: UTF8.self))
    }
}
