import Foundation
import LedgerCrypto

/// A C2SP tlog-checkpoint note text (c2sp.org/tlog-checkpoint): the origin line, the tree size in decimal, the
/// RFC 6962 root in base64, and optional non-empty extension lines. Signed as a `SignedNote` by the ledger key.
public struct Checkpoint: Equatable, Sendable {
    public let origin: String
    public let size: Int64
    public let root: Digest
    public let extensions: [String]

    public init(origin: String, size: Int64, root: Digest, extensions: [String] = []) {
        self.origin = origin
        self.size = size
        self.root = root
        self.extensions = extensions
    }

    /// The note text.
    public var text: String {
        ([origin, String(size), Data(root.bytes).base64EncodedString()] + extensions).joined(separator: "\n") + "\n"
    }

    /// Parses a checkpoint's note text (not the signatures).
    public init(text: String) throws(NoteError) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard text.hasSuffix("\n"), lines.count >= 4, lines.dropLast().allSatisfy({ !$0.isEmpty }) else {
            throw NoteError("a checkpoint needs an origin, a size and a root hash, each on its own line")
        }
        guard let size = Int64(lines[1]), size >= 0, String(size) == lines[1] else {
            throw NoteError("the checkpoint size \(NoteKey.quoted(lines[1], limit: 30)) is not a decimal without leading zeros")
        }
        guard let raw = Data(base64Encoded: String(lines[2])), let root = Digest(bytes: raw),
              Data(raw).base64EncodedString() == lines[2] else { throw NoteError("the checkpoint root is not a base64 SHA-256 hash") }
        self.init(origin: String(lines[0]), size: size, root: root, extensions: lines[3..<(lines.count - 1)].map(String.init))
    }

    /// Opens a signed checkpoint with the ledger's key and checks its origin.
    public static func open(_ bytes: [UInt8], key: NoteKey.Verifier, origin: String) throws(NoteError) -> Checkpoint {
        let (text, _) = try SignedNote.open(bytes, verifiers: [key])
        let checkpoint = try Checkpoint(text: text)
        guard checkpoint.origin == origin else {
            throw NoteError("the checkpoint is for \(NoteKey.quoted(checkpoint.origin)), not this ledger (\(origin))")
        }
        return checkpoint
    }
}
