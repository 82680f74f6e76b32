import Foundation
import LedgerCrypto

/// A self-contained inclusion proof in the C2SP tlog-proof format (c2sp.org/tlog-proof@v1): the first line
/// `c2sp.org/tlog-proof@v1`, an optional `extra` line, `index N`, the RFC 6962 audit path one base64 hash per
/// line (leaf's sibling first), an empty line, then the signed checkpoint verbatim.
///
/// With only this file, the entry's bytes and the ledger's verifier key, anyone can check that the entry is
/// in the ledger: the checkpoint's signature, its origin, and the path from the entry's leaf hash to its root.
public struct TlogProof: Equatable, Sendable {
    public static let header = "c2sp.org/tlog-proof@v1"

    public let index: Int64
    public let path: [Digest]
    /// The signed checkpoint note, verbatim.
    public let checkpoint: String
    public let extra: [UInt8]?

    public init(index: Int64, path: [Digest], checkpoint: String, extra: [UInt8]? = nil) {
        self.index = index
        self.path = path
        self.checkpoint = checkpoint
        self.extra = extra
    }

    /// The file's text.
    public var text: String {
        var lines = [Self.header]
        if let extra { lines.append("extra " + Data(extra).base64EncodedString()) }
        lines.append("index \(index)")
        lines += path.map { Data($0.bytes).base64EncodedString() }
        return lines.joined(separator: "\n") + "\n\n" + checkpoint
    }

    /// Parses a proof file; the checkpoint is kept verbatim for `verify`.
    public init(bytes: [UInt8]) throws(NoteError) {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw NoteError("the proof file is not valid UTF-8") }
        guard let blank = text.range(of: "\n\n") else { throw NoteError("the proof file has no checkpoint after its proof lines") }
        var lines = text[..<blank.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.first == Substring(Self.header) else { throw NoteError("not a c2sp.org/tlog-proof@v1 file") }
        lines = lines.dropFirst()
        var extra: [UInt8]? = nil
        if let l = lines.first, l.hasPrefix("extra ") {
            guard let d = Data(base64Encoded: String(l.dropFirst(6))) else { throw NoteError("the extra line is not base64") }
            extra = Array(d)
            lines = lines.dropFirst()
        }
        guard let l = lines.first, l.hasPrefix("index "), let index = Int64(l.dropFirst(6)), index >= 0, String(index) == l.dropFirst(6) else {
            throw NoteError("the proof file has no valid index line")
        }
        var path: [Digest] = []
        for l in lines.dropFirst() {
            guard let d = Data(base64Encoded: String(l)), let h = Digest(bytes: d), Data(d).base64EncodedString() == l else {
                throw NoteError("a proof line is not a base64 SHA-256 hash")
            }
            path.append(h)
        }
        self.init(index: index, path: path, checkpoint: String(text[blank.upperBound...]), extra: extra)
    }

    /// Checks the proof for `entry` (its exact bytes) against the ledger key and origin; returns the checkpoint.
    public func verify(entry: [UInt8], key: NoteKey.Verifier, origin: String) throws(NoteError) -> Checkpoint {
        let cp = try Checkpoint.open(Array(checkpoint.utf8), key: key, origin: origin)
        do {
            try MerkleVerify.inclusion(leaf: MerkleHash.leaf(entry), index: index, size: cp.size, proof: path, root: cp.root)
        } catch {
            throw NoteError("the entry is not at index \(index) of the checkpointed tree (size \(cp.size)): the inclusion proof does not verify")
        }
        return cp
    }
}
