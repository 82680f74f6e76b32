import Foundation
import HummingbirdBcrypt
import LedgerCore
import LedgerCrypto
import LedgerStore

/// One newsroom account: its role, bcrypt password hash, the SHA-256 hashes of its API tokens, and the name of
/// its contributor signing key (kept in `DIR/users/keys/`).
public struct User: Sendable, Equatable {
    public let name: String
    public var role: Role
    public var passwordHash: String
    public var tokenHashes: [String]
    public var keyName: String

    var json: JSONValue {
        ["name": .string(name), "role": .string(role.rawValue), "password_bcrypt": .string(passwordHash),
         "token_sha256": .array(tokenHashes.map { .string($0) }), "key": .string(keyName)]
    }

    init?(json: JSONValue) {
        guard let name = json["name"]?.string, let role = json["role"]?.string.flatMap(Role.init(rawValue:)),
              let hash = json["password_bcrypt"]?.string, let key = json["key"]?.string,
              let tokens = json["token_sha256"]?.array?.compactMap(\.string) else { return nil }
        self.init(name: name, role: role, passwordHash: hash, tokenHashes: tokens, keyName: key)
    }

    init(name: String, role: Role, passwordHash: String, tokenHashes: [String], keyName: String) {
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.tokenHashes = tokenHashes
        self.keyName = keyName
    }
}

/// The newsroom's accounts, in `DIR/users.json` (mode 0600) beside the ledger — deliberately NOT in the
/// append-only log: a password hash or token must be replaceable and removable, and has no place in a record
/// that is published and kept forever. What a user *wrote* is in the log, signed with their contributor key
/// (registered in the log by a `key` entry when the user is added), so the log stays the audit trail even after
/// an account is removed. The file is rewritten whole (temporary file, fsync, rename) on every change.
public struct UserStore: Sendable {
    public let directory: String
    public var path: String { directory + "/users.json" }
    public var keyDirectory: String { directory + "/users/keys" }

    /// The bcrypt cost: 12, unless the test suite lowers it through `CLAIMLEDGER_TEST_BCRYPT_COST` (4…12; only the test suite sets it).
    public static var bcryptCost: UInt8 {
        if let text = ProcessInfo.processInfo.environment["CLAIMLEDGER_TEST_BCRYPT_COST"], let n = UInt8(text), (4...12).contains(n) { return n }
        return 12
    }

    public init(ledgerDirectory: String) { directory = ledgerDirectory }

    /// Every account, by name order. A missing file is no accounts.
    public func load() throws -> [User] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path), let json = try? JSONParser.parse(Array(data)),
              let list = json["users"]?.array else { throw ServerError(.internalServerError, "\(path) is not a users file; restore it from a backup") }
        return try list.map { item in
            guard let user = User(json: item) else { throw ServerError(.internalServerError, "\(path) holds a malformed account; restore it from a backup") }
            return user
        }
    }

    /// Runs `body` on the accounts and saves what it leaves, holding an exclusive lock (`flock` on
    /// `users.json.lock`) from the read to the rename, so that two changes at once — two requests, or the server
    /// and a `user` command — never lose one another.
    func modify<T>(_ body: (inout [User]) throws -> T) throws -> T {
        let lockPath = path + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o600)
        guard fd >= 0 else { throw ServerError(.internalServerError, "cannot open \(lockPath): \(String(cString: strerror(errno)))") }
        defer { close(fd) }  // closing releases the lock
        guard flock(fd, LOCK_EX) == 0 else { throw ServerError(.internalServerError, "cannot lock \(lockPath): \(String(cString: strerror(errno)))") }
        var users = try load()
        let result = try body(&users)
        try save(users)
        return result
    }

    private func save(_ users: [User]) throws {
        let bytes = try CanonicalJSON.encode(["users": .array(users.sorted { $0.name < $1.name }.map(\.json))])
        let temporary = path + ".\(getpid()).\(Self.randomHex(8)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw ServerError(.internalServerError, "cannot write \(temporary): \(String(cString: strerror(errno)))") }
        do {
            defer { close(fd) }
            try DurableFile.writeAll(fd, bytes + [0x0A], name: temporary)
        } catch { unlink(temporary); throw ServerError(.internalServerError, "\(error)") }
        guard rename(temporary, path) == 0 else { unlink(temporary); throw ServerError(.internalServerError, "cannot replace \(path)") }
    }

    /// A user name: 1–64 of letters, digits, `.`, `_`, `-`, `@` (it names a key file and appears in key names).
    public static func checkName(_ name: String) throws {
        let allowed = name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-@".unicodeScalars.contains($0)) }
        guard (1...64).contains(name.count), allowed, !name.hasPrefix(".") else {
            throw ServerError(.unprocessableContent, "user name \"\(InvisibleCharacters.shown(String(name.prefix(64))))\" must be 1-64 ASCII letters, digits, '.', '_', '-' or '@', not starting with '.'")
        }
    }

    /// Adds an account with a bcrypt hash of `password`, generates its contributor key and registers that key
    /// in the ledger (a `key` entry), so entries the user writes through the server are signed and verifiable.
    public func add(name: String, role: Role, password: String, ledger: Ledger) throws -> User {
        try Self.checkName(name)
        guard password.utf8.count >= 8 else { throw ServerError(.unprocessableContent, "the password must have at least 8 characters") }
        guard password.utf8.count <= 72 else { throw ServerError(.unprocessableContent, "the password must have at most 72 bytes (bcrypt's limit)") }
        return try modify { users in
            guard !users.contains(where: { $0.name == name }) else { throw ServerError(.conflict, "the user \(name) already exists") }
            let keyName = "\(name)@\(ledger.origin)"
            let signer: NoteKey.Signer
            if FileManager.default.fileExists(atPath: keyDirectory + "/\(keyName.replacingOccurrences(of: "/", with: "_")).key") {
                signer = try Ledger.loadSigner(name: keyName, directory: keyDirectory)  // re-added after removal: same key
            } else {
                signer = try Ledger.generateKey(name: keyName, directory: keyDirectory).signer
            }
            if try ledger.store.seqs(kind: .key, key: signer.verifier.keyID).isEmpty {
                _ = try ledger.addKey(name: keyName, verifierKey: signer.verifier.text)
            }
            let user = User(name: name, role: role, passwordHash: Bcrypt.hash(password, cost: Self.bcryptCost), tokenHashes: [], keyName: keyName)
            users.append(user)
            return user
        }
    }

    /// Removes an account (its key stays registered: entries it signed still verify).
    public func remove(name: String) throws {
        try modify { users in
            guard users.contains(where: { $0.name == name }) else { throw ServerError(.notFound, "there is no user \(name)") }
            users.removeAll { $0.name == name }
        }
    }

    /// Issues a new bearer API token for `name`; only its SHA-256 is stored, so it is shown once.
    public func issueToken(name: String) throws -> String {
        try modify { users in
            guard let i = users.firstIndex(where: { $0.name == name }) else { throw ServerError(.notFound, "there is no user \(name)") }
            let token = "cl_" + Self.randomHex(32)
            users[i].tokenHashes.append(Self.tokenHash(token))
            return token
        }
    }

    /// The account `name` when `password` matches its hash.
    func authenticate(name: String, password: String) throws -> User? {
        guard let user = try load().first(where: { $0.name == name }) else {
            // As slow as a wrong password, so that the answer's time does not tell which names exist.
            _ = Bcrypt.verify(password, hash: Self.unknownUserHash)
            return nil
        }
        return Bcrypt.verify(password, hash: user.passwordHash) ? user : nil
    }

    /// A bcrypt hash at this store's cost, checked against for a name that has no account.
    static let unknownUserHash = Bcrypt.hash(randomHex(16), cost: bcryptCost)

    /// The account holding the bearer `token`.
    func user(token: String) throws -> User? {
        let hash = Self.tokenHash(token)
        return try load().first { $0.tokenHashes.contains(hash) }
    }

    /// The signing key of `user`, from `DIR/users/keys/`.
    func signer(for user: User) throws -> NoteKey.Signer { try Ledger.loadSigner(name: user.keyName, directory: keyDirectory) }

    static func tokenHash(_ token: String) -> String { SHA256.hash(Array(token.utf8)).hex }

    /// `bytes` random bytes from the system's generator, as hex.
    static func randomHex(_ bytes: Int) -> String {
        var rng = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &rng)) }.joined()
    }
}
