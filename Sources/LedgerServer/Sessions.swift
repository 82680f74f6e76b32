import Foundation

/// Browser sessions and login throttling, held in memory (a restart logs everyone out). A session id is 32
/// random bytes sent as an HttpOnly, SameSite=Strict cookie; its CSRF token, another 32 random bytes, must come
/// back in the `csrf` field of every state-changing form. Failed logins are counted per account and per client
/// address: after `maxFailures` within `window`, further attempts are refused (429) until the window passes.
actor Sessions {
    struct Session: Sendable {
        let user: String
        let csrf: String
        let expires: Date
    }

    static let lifetime: TimeInterval = 12 * 3600
    static let maxFailures = 5
    static let window: TimeInterval = 15 * 60

    private var sessions: [String: Session] = [:]
    private var failures: [String: [Date]] = [:]

    func open(user: String) -> (id: String, session: Session) {
        let id = UserStore.randomHex(32)
        let session = Session(user: user, csrf: UserStore.randomHex(32), expires: Date().addingTimeInterval(Self.lifetime))
        sessions[id] = session
        return (id, session)
    }

    func session(_ id: String) -> Session? {
        guard let s = sessions[id] else { return nil }
        if s.expires < Date() { sessions[id] = nil; return nil }
        return s
    }

    func close(_ id: String) { sessions[id] = nil }

    /// Ends every session of `user` (the account was removed or changed).
    func close(user: String) { sessions = sessions.filter { $0.value.user != user } }

    /// True when the account or the address has had too many recent failures.
    func throttled(account: String, address: String) -> Bool {
        let since = Date().addingTimeInterval(-Self.window)
        return ["user:" + account, "addr:" + address].contains { (failures[$0] ?? []).filter { $0 > since }.count >= Self.maxFailures }
    }

    func recordFailure(account: String, address: String) {
        let since = Date().addingTimeInterval(-Self.window)
        for key in ["user:" + account, "addr:" + address] {
            failures[key] = (failures[key] ?? []).filter { $0 > since } + [Date()]
        }
    }

    func recordSuccess(account: String) { failures["user:" + account] = nil }
}
