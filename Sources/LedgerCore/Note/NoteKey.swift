import Foundation
import LedgerCrypto

/// Ed25519 keys in the text forms of C2SP signed-note (c2sp.org/signed-note), as Go's
/// golang.org/x/mod/sumdb/note writes them:
/// verifier key `NAME+HEX8+BASE64(0x01 ‖ public key)`, signer key `PRIVATE+KEY+NAME+HEX8+BASE64(0x01 ‖ seed)`.
/// HEX8 is the key hash: the first 4 bytes of SHA-256(NAME ‖ 0x0A ‖ 0x01 ‖ public key), big-endian.
public enum NoteKey {
    /// The signature algorithm byte for Ed25519.
    public static let ed25519: UInt8 = 0x01

    /// The 4-byte key hash of a named Ed25519 public key.
    public static func keyHash(name: String, publicKey: Ed25519.PublicKey) -> UInt32 {
        let d = SHA256.hash(Array(name.utf8) + [0x0A, ed25519] + publicKey.bytes)
        return d.bytes[0..<4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// True when `name` may name a key: non-empty, no '+', no white space.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("+") && !name.unicodeScalars.contains { $0.properties.isWhitespace || $0.properties.generalCategory == .control }
    }

    /// `text` as an error message may quote it: its first `limit` characters in quotes, or a placeholder when it
    /// holds a signer key (`PRIVATE+KEY+…`), which is never echoed anywhere.
    public static func quoted(_ text: some StringProtocol, limit: Int = 60) -> String {
        text.contains("PRIVATE+KEY+") ? "(a private key, not shown: never pass it on the command line or as a public key)"
            : "\"\(text.prefix(limit))\""
    }

    /// Text that was meant to be a key but is not one, quoted for an error message with nothing after its name:
    /// what follows the first `+` may be secret (a private key pasted without its `PRIVATE+KEY+` prefix).
    public static func quotedKeyText(_ text: some StringProtocol) -> String {
        guard !text.contains("PRIVATE+KEY+"), let plus = text.firstIndex(of: "+") else { return quoted(text) }
        return "\"\(text[..<plus].prefix(60))+…\" (the rest not shown)"
    }

    static func hex8(_ h: UInt32) -> String {
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 8 - s.count) + s
    }

    /// A named public key that checks note signatures.
    public struct Verifier: Equatable, Sendable {
        public let name: String
        public let publicKey: Ed25519.PublicKey
        public var keyHash: UInt32 { NoteKey.keyHash(name: name, publicKey: publicKey) }
        /// "NAME+HEX8": how entries name their author.
        public var keyID: String { "\(name)+\(hex8(keyHash))" }
        /// The verifier key text.
        public var text: String { "\(keyID)+\(Data([ed25519] + publicKey.bytes).base64EncodedString())" }

        public init(name: String, publicKey: Ed25519.PublicKey) {
            self.name = name
            self.publicKey = publicKey
        }

        /// Parses verifier key text; nil when malformed, when the hash does not match, or for another algorithm.
        public init?(text: String) {
            let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)  // base64 may hold '+'
            guard parts.count == 3, NoteKey.isValidName(String(parts[0])), parts[1].count == 8,
                  let hash = UInt32(parts[1], radix: 16), let raw = Data(base64Encoded: String(parts[2])),
                  raw.count == 33, raw.first == ed25519, let key = try? Ed25519.PublicKey(bytes: Array(raw.dropFirst()))
            else { return nil }
            self.init(name: String(parts[0]), publicKey: key)
            guard keyHash == hash else { return nil }
        }
    }

    /// A named private key that signs notes. Never print `text`: it is the secret.
    public struct Signer: Sendable {
        public let name: String
        public let privateKey: Ed25519.PrivateKey
        public var verifier: Verifier { Verifier(name: name, publicKey: privateKey.publicKey) }
        /// The signer key text (secret).
        public var text: String {
            "PRIVATE+KEY+\(verifier.keyID)+\(Data([ed25519] + privateKey.seed).base64EncodedString())"
        }

        public init(name: String, privateKey: Ed25519.PrivateKey) {
            self.name = name
            self.privateKey = privateKey
        }

        /// Parses signer key text; nil when malformed or when the hash does not match.
        public init?(text: String) {
            let parts = text.split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
            guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY", NoteKey.isValidName(String(parts[2])),
                  parts[3].count == 8, let hash = UInt32(parts[3], radix: 16),
                  let raw = Data(base64Encoded: String(parts[4])), raw.count == 33, raw.first == ed25519,
                  let key = try? Ed25519.PrivateKey(seed: Array(raw.dropFirst()))
            else { return nil }
            self.init(name: String(parts[2]), privateKey: key)
            guard verifier.keyHash == hash else { return nil }
        }
    }
}
