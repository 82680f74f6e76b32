import Foundation

/// Browser sessions and login throttling, held in memory (a restart logs everyone out). A session id is 32
/// random bytes sent as an HttpOnly, SameSite=Strict cookie; its CSRF token, another 32 random bytes, must come
/// back in the `csrf` field of every state-changing form; it belongs to the account as it was at login (its
/// password hash), so removing, re-adding or re-keying an account ends it. Failed logins are counted per account
/// and client address together — so no one can lock others out, from another address or, behind a proxy where
/// every address is the proxy's, by failing for another name — and per account from everywhere, with a higher
/// limit against guessing from many addresses: past either within `window`, attempts are refused (429) until the
/// window passes.
actor Sessions {
    struct Session: Sendable {
        let user: String
        /// The account's password hash at login: the session ends when it is no longer the account's.
        let account: String
        let csrf: String
        let expires: Date
    }

    static let lifetime: TimeInterval = 12 * 3600
    /// Failures allowed per account from one address, and per account from all addresses.
    static let maxFailures = 5, maxAccountFailures = 50
    static let window: TimeInterval = 15 * 60

    private var sessions: [String: Session] = [:]
    private var failures: [String: [Date]] = [:]

    func open(user: User) -> (id: String, session: Session) {
        let id = UserStore.randomHex(32)
        let session = Session(user: user.name, account: user.passwordHash, csrf: UserStore.randomHex(32), expires: Date().addingTimeInterval(Self.lifetime))
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

    private static func keys(_ account: String, _ address: String) -> [(key: String, limit: Int)] {
        [("pair:\(address)\u{0}\(account)", maxFailures), ("user:" + account, maxAccountFailures)]
    }

    /// True when the account has had too many recent failures from this address, or from everywhere.
    func throttled(account: String, address: String) -> Bool {
        let since = Date().addingTimeInterval(-Self.window)
        return Self.keys(account, address).contains { (failures[$0.key] ?? []).filter { $0 > since }.count >= $0.limit }
    }

    func recordFailure(account: String, address: String) {
        let since = Date().addingTimeInterval(-Self.window)
        for (key, _) in Self.keys(account, address) {
            failures[key] = (failures[key] ?? []).filter { $0 > since } + [Date()]
        }
        if failures.count > 100_000 { failures = failures.filter { $0.value.contains { $0 > since } } }
    }

    func recordSuccess(account: String, address: String) { failures[Self.keys(account, address)[0].key] = nil }
}
