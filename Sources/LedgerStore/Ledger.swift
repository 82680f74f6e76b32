import Foundation
import LedgerCore
import LedgerCrypto

/// A ledger directory (DESIGN §1): `ledger.sqlite`, `keys/`, `checkpoints/`, `reports/`.
///
/// Opening one checks the store's schema and triggers; every append runs in one transaction and leaves
/// the ledger exactly as it was when anything in it fails.
public final class Ledger {
    /// The ledger directory.
    public let directory: URL
    /// The store inside it.
    public let store: LedgerStore
    /// The ledger key's verifier form, from the genesis entry.
    public let ledgerKey: NoteKey.Verifier
    /// The ledger's origin line (C2SP checkpoint origin).
    public let origin: String
    /// Who signs what this ledger object appends: nil appends unsigned entries authored by the ledger key.
    public var signer: NoteKey.Signer?

    /// The directory used when none is given: `$CLAIMLEDGER_DIR`, else `./ledger`.
    public static var defaultDirectory: String {
        ProcessInfo.processInfo.environment["CLAIMLEDGER_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "ledger"
    }

    /// Opens an existing ledger. For appending (`readOnly: false`) the schema and append-only triggers must be
    /// intact; read-only opening allows looking into a damaged ledger (callers warn with `schemaProblems`).
    public init(opening path: String, readOnly: Bool = false) throws {
        directory = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            throw StoreError("no ledger at \(path): the directory does not exist (create one with `claimledger init \(path)`)")
        }
        guard isDirectory.boolValue else { throw StoreError("\(path) is a file, not a ledger directory") }
        let file = directory.appendingPathComponent(LedgerStore.fileName).path
        guard FileManager.default.fileExists(atPath: file) else {
            throw StoreError("\(path) is not a ledger: it has no \(LedgerStore.fileName) (create one with `claimledger init \(path)`)")
        }
        store = try LedgerStore(openExisting: file, readOnly: readOnly, checkSchema: !readOnly)
        guard let bytes = try store.entryBytes(0), case .genesis(let genesis)? = EntryBody(bytes),
              let key = NoteKey.Verifier(text: genesis.publicKey)
        else { throw StoreError("\(path): the genesis entry is missing or malformed; run `claimledger verify`", integrity: true) }
        ledgerKey = key
        origin = genesis.origin
    }

    /// What `init` created, for the user.
    public struct Created {
        public let ledger: Ledger
        public let privateKeyPath: String
        public let verifierKeyPath: String
    }

    /// Creates a ledger in `path` (created if missing; it must not already hold a ledger): an Ed25519 ledger
    /// key under `keys/` (private key mode 0600, verifier key as `keys/NAME.vkey`) and the genesis entry.
    /// The origin defaults to `claimledger/<directory name>`; it also names the key.
    public static func create(at path: String, origin: String?) throws -> Created {
        let dir = URL(fileURLWithPath: path).standardizedFileURL
        let fm = FileManager.default
        let dbPath = dir.appendingPathComponent(LedgerStore.fileName).path
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: dir.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw StoreError("\(path) is a file; give a directory for the new ledger")
        }
        if fm.fileExists(atPath: dbPath) { throw StoreError("\(path) already holds a ledger; refusing to overwrite it") }
        let name = origin ?? "claimledger/\(dir.lastPathComponent)"
        guard NoteKey.isValidName(name) else {
            throw StoreError("--origin \"\(name.prefix(60))\" cannot name a key: use no spaces and no '+' (e.g. newsroom.example/claims)")
        }
        let keyFile = name.replacingOccurrences(of: "/", with: "_")
        let keys = dir.appendingPathComponent("keys")
        let privatePath = keys.appendingPathComponent("\(keyFile).key").path
        let vkeyPath = keys.appendingPathComponent("\(keyFile).vkey").path
        if fm.fileExists(atPath: privatePath) { throw StoreError("\(privatePath) already exists; refusing to overwrite a key") }
        var created: [String] = []
        let dirExisted = fm.fileExists(atPath: dir.path)
        do {
            for sub in ["", "keys", "checkpoints", "reports"] {
                let p = sub.isEmpty ? dir.path : dir.appendingPathComponent(sub).path
                if !fm.fileExists(atPath: p) {
                    try fm.createDirectory(atPath: p, withIntermediateDirectories: true)
                    created.append(p)
                }
            }
            let signer = NoteKey.Signer(name: name, privateKey: try Ed25519.PrivateKey())
            try writeNew(privatePath, signer.text + "\n", mode: 0o600)
            created.append(privatePath)
            try writeNew(vkeyPath, signer.verifier.text + "\n", mode: 0o644)
            created.append(vkeyPath)
            let now = Bodies.now()
            created.append(dbPath)
            _ = try LedgerStore.create(at: dbPath, time: now, author: signer.verifier.keyID,
                                       genesis: Bodies.genesis(origin: name, created: now, verifierKey: signer.verifier.text), signer: signer)
            let ledger = try Ledger(opening: dir.path)
            // The genesis checkpoint starts the ledger's signed history: every later checkpoint is checked against it.
            created.append(ledger.checkpointsDirectory.appendingPathComponent("1.checkpoint").path)
            _ = try ledger.makeCheckpoint(withoutHistory: true)
            return Created(ledger: ledger, privateKeyPath: privatePath, verifierKeyPath: vkeyPath)
        } catch {
            for p in [dbPath + "-wal", dbPath + "-shm"] + created.reversed() where !(p == dir.path && dirExisted) {
                try? fm.removeItem(atPath: p)
            }
            throw error
        }
    }

    /// Writes a new file with `mode`, failing if it exists (O_EXCL), so a key is never overwritten.
    public static func writeNew(_ path: String, _ text: String, mode: mode_t) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard fd >= 0 else { throw StoreError("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard write(fd, bytes, bytes.count) == bytes.count, fsync(fd) == 0 else {
            throw StoreError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        fchmod(fd, mode)
    }

    /// The id appended entries carry as `author`: the signer's "NAME+HEX8", else the ledger key's.
    public var author: String { signer?.verifier.keyID ?? ledgerKey.keyID }
}
