import Foundation
import LedgerCore
import LedgerCrypto

/// A C2SP tlog-cosignature v1 Ed25519 cosignature (c2sp.org/tlog-cosignature): a note signature line whose key ID
/// is SHA-256(NAME ‖ 0x0A ‖ 0x04 ‖ public key)[:4] and whose signature is `timestamped_signature`:
/// the timestamp as a big-endian u64 followed by an Ed25519 signature over
/// `cosignature/v1\ntime T\n` followed by the checkpoint's note text (final newline included, no signature lines).
///
/// It states: as of time T, the largest consistent tree the witness has seen for this origin is this checkpoint.
public struct Cosignature: Equatable, Sendable {
    /// The witness's key name.
    public let name: String
    /// The witness's key ID (the 0x04 key hash).
    public let keyID: UInt32
    /// Seconds since the Epoch when the witness cosigned.
    public let timestamp: UInt64
    /// The Ed25519 signature.
    public let signature: [UInt8]

    /// The signed message for a checkpoint note text at `timestamp`.
    public static func message(text: String, timestamp: UInt64) -> [UInt8] {
        Array("cosignature/v1\ntime \(timestamp)\n".utf8) + Array(text.utf8)
    }

    /// Cosigns a checkpoint note text with a witness key (type 0x04) at `timestamp` (seconds since the Epoch).
    public static func sign(text: String, with signer: NoteKey.Signer, timestamp: UInt64) throws -> Cosignature {
        guard signer.algorithm == .cosignatureV1 else { throw PublishError("a ledger key (type 0x01) cannot cosign; use a witness key") }
        guard timestamp > 0, timestamp <= UInt64(Int64.max) else { throw PublishError("a cosignature's timestamp must be between 1 and 2^63-1") }
        let sig = try signer.privateKey.signature(for: message(text: text, timestamp: timestamp))
        return Cosignature(name: signer.name, keyID: signer.verifier.keyHash, timestamp: timestamp, signature: sig)
    }

    /// Reads a note signature as a cosignature; nil when its bytes are not a timestamped Ed25519 signature.
    public init?(_ s: SignedNote.Signature) {
        guard s.bytes.count == 8 + Ed25519.signatureByteCount else { return nil }
        let t = s.bytes[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard t <= UInt64(Int64.max) else { return nil }
        self.init(name: s.name, keyID: s.keyID, timestamp: t, signature: Array(s.bytes[8...]))
    }

    public init(name: String, keyID: UInt32, timestamp: UInt64, signature: [UInt8]) {
        self.name = name
        self.keyID = keyID
        self.timestamp = timestamp
        self.signature = signature
    }

    /// As a note signature (key ID, then the timestamped signature).
    public var noteSignature: SignedNote.Signature {
        SignedNote.Signature(name: name, keyID: keyID, bytes: (0..<8).map { UInt8(timestamp >> (56 - 8 * $0) & 0xFF) } + signature)
    }

    /// The signature line `— NAME BASE64(…)`, newline included.
    public var line: String { noteSignature.line }

    /// True when this is `key`'s cosignature (name and key ID match) and it verifies over `text`.
    public func verifies(text: String, key: NoteKey.Verifier) -> Bool {
        key.algorithm == .cosignatureV1 && key.name == name && key.keyHash == keyID
            && key.publicKey.isValidSignature(signature, for: Cosignature.message(text: text, timestamp: timestamp))
    }
}
