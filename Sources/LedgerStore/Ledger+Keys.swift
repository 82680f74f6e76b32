import Foundation
import LedgerCore
import LedgerCrypto

extension Ledger {
    /// The ledger key's private half, from `keys/NAME.key`. Refused, as ssh does, unless only its owner can read
    /// it (mode 0600 or stricter), and when it does not match the public key recorded in the genesis entry.
    public func ledgerSigner() throws -> NoteKey.Signer {
        let path = directory.appendingPathComponent("keys/\(ledgerKey.name.replacingOccurrences(of: "/", with: "_")).key").path
        let signer = try Ledger.loadSigner(path)
        guard signer.verifier == ledgerKey else {
            throw StoreError("\(path) is not this ledger's key (its public key differs from the genesis entry's)")
        }
        return signer
    }

    /// Where contributors' keys live when no directory is given: `$CLAIMLEDGER_KEY_DIR`, else
    /// `$XDG_CONFIG_HOME/claimledger/keys`, else `~/.config/claimledger/keys`.
    public static var defaultKeyDirectory: String {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["CLAIMLEDGER_KEY_DIR"], !dir.isEmpty { return dir }
        let config = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.config")
        return config + "/claimledger/keys"
    }

    /// Generates a contributor key NAME in `directory`: `NAME.key` (mode 0600, never overwritten) and `NAME.vkey`.
    public static func generateKey(name: String, directory: String) throws -> (signer: NoteKey.Signer, privatePath: String, vkeyPath: String) {
        guard NoteKey.isValidName(name) else { throw StoreError("key name \"\(name.prefix(60))\" must have no spaces and no '+' (e.g. alice@newsroom.example)") }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let file = name.replacingOccurrences(of: "/", with: "_")
        let privatePath = directory + "/\(file).key", vkeyPath = directory + "/\(file).vkey"
        let signer = NoteKey.Signer(name: name, privateKey: try Ed25519.PrivateKey())
        try writeNew(privatePath, signer.text + "\n", mode: 0o600)
        try? FileManager.default.removeItem(atPath: vkeyPath)
        try writeNew(vkeyPath, signer.verifier.text + "\n", mode: 0o644)
        return (signer, privatePath, vkeyPath)
    }

    /// Loads the contributor key NAME from `directory`.
    public static func loadSigner(name: String, directory: String) throws -> NoteKey.Signer {
        let signer = try loadSigner(directory + "/\(name.replacingOccurrences(of: "/", with: "_")).key")
        guard signer.name == name else { throw StoreError("the key file for \(name) holds the key \(signer.name)") }
        return signer
    }

    /// The contributor this ledger signs with by default: `sign_with` in `DIR/config.json`, or nil.
    public var defaultSigner: String? {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent("config.json").path),
              let config = try? JSONParser.parse(Array(data)) else { return nil }
        return config["sign_with"]?.string
    }

    /// Loads a signer key file (`PRIVATE+KEY+…`), refusing one that others can read or that is malformed.
    /// Never prints the key's contents.
    public static func loadSigner(_ path: String) throws -> NoteKey.Signer {
        let text: String
        do { text = try NoteKey.readPrivateKeyFile(path) } catch { throw StoreError(error.message) }
        guard let signer = NoteKey.Signer(text: text)
        else { throw StoreError("\(path) is not a claimledger private key (expected PRIVATE+KEY+NAME+HASH+DATA)") }
        return signer
    }
}
