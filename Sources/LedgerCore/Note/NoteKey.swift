import Foundation
import LedgerCrypto

/// Ed25519 keys in the text forms of C2SP signed-note (c2sp.org/signed-note), as Go's
/// golang.org/x/mod/sumdb/note writes them:
/// verifier key `NAME+HEX8+BASE64(TYPE ‖ public key)`, signer key `PRIVATE+KEY+NAME+HEX8+BASE64(TYPE ‖ seed)`.
/// HEX8 is the key hash: the first 4 bytes of SHA-256(NAME ‖ 0x0A ‖ TYPE ‖ public key), big-endian.
/// TYPE is the signature type: 0x01 for note signatures (the ledger's checkpoints, contributors' entries),
/// 0x04 for C2SP tlog-cosignature v1 witness cosignatures (c2sp.org/tlog-cosignature). A key of one type
/// never parses where the other is expected.
public enum NoteKey {
    /// The signature type byte of a key.
    public enum Algorithm: UInt8, Sendable {
        /// Ed25519 over the note text (c2sp.org/signed-note).
        case ed25519 = 0x01
        /// Ed25519 timestamped cosignature over `cosignature/v1\ntime T\n` + the note text (c2sp.org/tlog-cosignature).
        case cosignatureV1 = 0x04
    }

    /// The signature algorithm byte for Ed25519.
    public static let ed25519: UInt8 = Algorithm.ed25519.rawValue

    /// The 4-byte key hash of a named Ed25519 public key of the given type.
    public static func keyHash(name: String, publicKey: Ed25519.PublicKey, algorithm: Algorithm = .ed25519) -> UInt32 {
        let d = SHA256.hash(Array(name.utf8) + [0x0A, algorithm.rawValue] + publicKey.bytes)
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

    /// Reads a private key file's text (trimmed), refusing, as ssh does, a file others can read (mode 0600 or
    /// stricter is required). Never puts the file's contents in an error.
    public static func readPrivateKeyFile(_ path: String) throws(NoteError) -> String {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw NoteError("cannot read the private key \(path): \(String(cString: strerror(errno)))")
        }
        guard st.st_mode & 0o077 == 0 else {
            throw NoteError("refusing to use the private key \(path): it is readable by others (mode \(String(st.st_mode & 0o777, radix: 8))); run chmod 600 \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw NoteError("cannot read the private key \(path)")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func hex8(_ h: UInt32) -> String {
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 8 - s.count) + s
    }

    /// A named public key that checks note signatures (or, with `.cosignatureV1`, witness cosignatures).
    public struct Verifier: Equatable, Sendable {
        public let name: String
        public let publicKey: Ed25519.PublicKey
        public let algorithm: Algorithm
        public var keyHash: UInt32 { NoteKey.keyHash(name: name, publicKey: publicKey, algorithm: algorithm) }
        /// "NAME+HEX8": how entries name their author.
        public var keyID: String { "\(name)+\(hex8(keyHash))" }
        /// The verifier key text.
        public var text: String { "\(keyID)+\(Data([algorithm.rawValue] + publicKey.bytes).base64EncodedString())" }

        public init(name: String, publicKey: Ed25519.PublicKey, algorithm: Algorithm = .ed25519) {
            self.name = name
            self.publicKey = publicKey
            self.algorithm = algorithm
        }

        /// Parses note verifier key text (type 0x01); nil when malformed, when the hash does not match, or for
        /// another type.
        public init?(text: String) { self.init(text: text, algorithm: .ed25519) }

        /// Parses verifier key text of the given type.
        public init?(text: String, algorithm: Algorithm) {
            let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)  // base64 may hold '+'
            guard parts.count == 3, NoteKey.isValidName(String(parts[0])), parts[1].count == 8,
                  let hash = UInt32(parts[1], radix: 16), let raw = Data(base64Encoded: String(parts[2])),
                  raw.count == 33, raw.first == algorithm.rawValue, let key = try? Ed25519.PublicKey(bytes: Array(raw.dropFirst()))
            else { return nil }
            self.init(name: String(parts[0]), publicKey: key, algorithm: algorithm)
            guard keyHash == hash else { return nil }
        }
    }

    /// A named private key that signs notes. Never print `text`: it is the secret.
    public struct Signer: Sendable {
        public let name: String
        public let privateKey: Ed25519.PrivateKey
        public let algorithm: Algorithm
        public var verifier: Verifier { Verifier(name: name, publicKey: privateKey.publicKey, algorithm: algorithm) }
        /// The signer key text (secret).
        public var text: String {
            "PRIVATE+KEY+\(verifier.keyID)+\(Data([algorithm.rawValue] + privateKey.seed).base64EncodedString())"
        }

        public init(name: String, privateKey: Ed25519.PrivateKey, algorithm: Algorithm = .ed25519) {
            self.name = name
            self.privateKey = privateKey
            self.algorithm = algorithm
        }

        /// Parses note signer key text (type 0x01); nil when malformed, for another type, or when the hash does
        /// not match.
        public init?(text: String) { self.init(text: text, algorithm: .ed25519) }

        /// Parses signer key text of the given type.
        public init?(text: String, algorithm: Algorithm) {
            let parts = text.split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
            guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY", NoteKey.isValidName(String(parts[2])),
                  parts[3].count == 8, let hash = UInt32(parts[3], radix: 16),
                  let raw = Data(base64Encoded: String(parts[4])), raw.count == 33, raw.first == algorithm.rawValue,
                  let key = try? Ed25519.PrivateKey(seed: Array(raw.dropFirst()))
            else { return nil }
            self.init(name: String(parts[2]), privateKey: key, algorithm: algorithm)
            guard verifier.keyHash == hash else { return nil }
        }
    }
}
