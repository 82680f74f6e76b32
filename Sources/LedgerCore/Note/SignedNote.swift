import Foundation
import LedgerCrypto

/// A C2SP signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, then one or more lines
/// `— NAME BASE64(key ID ‖ signature)`. Ed25519 signatures are over the text, final newline included.
public enum SignedNote {
    /// The largest note accepted, in bytes (the spec asks verifiers to bound notes; 16 Ed25519 signatures fit).
    public static let maxBytes = 1 << 16

    /// The text followed by one signature line from `signer`.
    public static func sign(_ text: String, with signer: NoteKey.Signer) throws -> String {
        guard text.hasSuffix("\n"), !text.hasSuffix("\n\n") || text == "\n" else { throw NoteError("a note text must end in exactly one newline") }
        guard signer.algorithm == .ed25519 else { throw NoteError("a witness (cosignature) key cannot sign a note; use the ledger's key") }
        let signature = try signer.privateKey.signature(for: Array(text.utf8))
        return text + "\n" + Signature(name: signer.name, keyID: signer.verifier.keyHash, bytes: signature).line
    }

    /// One signature line, as parsed.
    public struct Signature: Equatable, Sendable {
        public let name: String
        public let keyID: UInt32
        public let bytes: [UInt8]

        public init(name: String, keyID: UInt32, bytes: [UInt8]) {
            self.name = name
            self.keyID = keyID
            self.bytes = bytes
        }

        /// The signature line `— NAME BASE64(key ID ‖ bytes)`, newline included.
        public var line: String {
            let blob = [UInt8(keyID >> 24), UInt8(keyID >> 16 & 0xFF), UInt8(keyID >> 8 & 0xFF), UInt8(keyID & 0xFF)] + bytes
            return "— \(name) \(Data(blob).base64EncodedString())\n"
        }
    }

    /// Splits a note into its text and signature lines, checking the format but no signature.
    public static func parse(_ bytes: [UInt8]) throws(NoteError) -> (text: String, signatures: [Signature]) {
        guard bytes.count <= maxBytes else { throw NoteError("the note is larger than \(maxBytes) bytes") }
        guard let note = String(validating: bytes, as: UTF8.self) else { throw NoteError("the note is not valid UTF-8") }
        guard !bytes.contains(where: { $0 < 0x20 && $0 != 0x0A }) else { throw NoteError("the note contains control characters") }
        guard note.hasSuffix("\n"), let split = note.range(of: "\n\n", options: .backwards) else {
            throw NoteError("the note has no blank line before its signatures")
        }
        let text = String(note[..<split.lowerBound]) + "\n"
        var signatures: [Signature] = []
        for line in note[split.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            guard line.hasPrefix("— ") else { throw NoteError("malformed signature line") }
            let parts = line.dropFirst(2).split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 2, NoteKey.isValidName(String(parts[0])), let blob = Data(base64Encoded: String(parts[1])), blob.count >= 5,
                  blob.base64EncodedString() == parts[1] else {
                throw NoteError("malformed signature line")
            }
            let b = Array(blob)
            signatures.append(Signature(name: String(parts[0]), keyID: b[0..<4].reduce(0) { $0 << 8 | UInt32($1) }, bytes: Array(b[4...])))
        }
        guard !signatures.isEmpty else { throw NoteError("the note has no signatures") }
        return (text, signatures)
    }

    /// Opens a note as the spec requires: signatures from unknown keys are ignored; a known key's signature must
    /// verify (else the note is rejected); at least one known key must have signed. Returns the text and the
    /// keys that signed it. Only note keys (type 0x01) are used here; witness cosignatures (type 0x04) are
    /// checked by LedgerPublish's `Cosignature`.
    public static func open(_ bytes: [UInt8], verifiers: [NoteKey.Verifier]) throws(NoteError) -> (text: String, signedBy: [NoteKey.Verifier]) {
        let (text, signatures) = try parse(bytes)
        var signedBy: [NoteKey.Verifier] = []
        for s in signatures {
            guard let key = verifiers.first(where: { $0.algorithm == .ed25519 && $0.name == s.name && $0.keyHash == s.keyID }) else { continue }
            guard key.publicKey.isValidSignature(s.bytes, for: Array(text.utf8)) else {
                throw NoteError("the signature by \(s.name) does not verify: the note was altered or signed by another key")
            }
            signedBy.append(key)
        }
        guard !signedBy.isEmpty else { throw NoteError("the note is not signed by any of the given keys (\(verifiers.map(\.name).joined(separator: ", ")))") }
        return (text, signedBy)
    }
}

/// Why a note, checkpoint or proof file was rejected.
public struct NoteError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
