import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore

/// A witness's key pair in the C2SP note key text forms with signature type 0x04 (c2sp.org/tlog-cosignature):
/// `PRIVATE+KEY+NAME+HEX8+BASE64(0x04 ‖ seed)` in `NAME.key` (mode 0600, refused otherwise) and the verifier key
/// `NAME+HEX8+BASE64(0x04 ‖ public key)` that logs and readers configure. Parsed by `NoteKey`, like every key.
public enum CosignerKey {
    /// Makes a new witness key NAME in `directory`: `NAME.key` (mode 0600, never overwritten) and `NAME.vkey`.
    public static func generate(name: String, directory: String) throws -> (signer: NoteKey.Signer, privatePath: String, vkeyPath: String) {
        guard NoteKey.isValidName(name) else {
            throw PublishError("witness name \"\(name.prefix(60))\" must have no spaces and no '+' (e.g. witness.newsroom.example)")
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let file = name.replacingOccurrences(of: "/", with: "_")
        let privatePath = directory + "/\(file).key", vkeyPath = directory + "/\(file).vkey"
        let signer = NoteKey.Signer(name: name, privateKey: try Ed25519.PrivateKey(), algorithm: .cosignatureV1)
        try Ledger.writeNew(privatePath, signer.text + "\n", mode: 0o600)
        try? FileManager.default.removeItem(atPath: vkeyPath)
        try Ledger.writeNew(vkeyPath, signer.verifier.text + "\n", mode: 0o644)
        return (signer, privatePath, vkeyPath)
    }

    /// Loads a witness private key file, refusing one others can read, a ledger (type 0x01) key, or a malformed one.
    public static func load(_ path: String) throws -> NoteKey.Signer {
        let text: String
        do { text = try NoteKey.readPrivateKeyFile(path) } catch { throw PublishError(error.message) }
        if let signer = NoteKey.Signer(text: text, algorithm: .cosignatureV1) { return signer }
        if NoteKey.Signer(text: text) != nil {
            throw PublishError("\(path) is a ledger or contributor key (type 0x01), not a witness key: make one with `claimledger witness generate-key NAME`")
        }
        throw PublishError("\(path) is not a witness private key (expected PRIVATE+KEY+NAME+HASH+DATA with type 0x04)")
    }

    /// Parses a witness verifier key (type 0x04); nil when it is not one.
    public static func verifier(_ text: String) -> NoteKey.Verifier? {
        NoteKey.Verifier(text: text.trimmingCharacters(in: .whitespacesAndNewlines), algorithm: .cosignatureV1)
    }
}
