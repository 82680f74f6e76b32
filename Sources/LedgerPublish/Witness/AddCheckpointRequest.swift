import Foundation
import LedgerCore
import LedgerCrypto

/// The body of a C2SP tlog-witness `add-checkpoint` request (c2sp.org/tlog-witness): the line `old N`, zero to 63
/// base64 consistency-proof hashes one per line, an empty line, then the signed checkpoint note. Every line ends in
/// U+000A. Parsing is strict and bounded, since every request is hostile: a decimal without leading zeros, canonical
/// base64 of exactly 32 bytes, no more than 63 proof lines, at most `maxBytes` in all.
public struct AddCheckpointRequest: Equatable, Sendable {
    /// The most proof lines a client may send (the spec's limit).
    public static let maxProofLines = 63
    /// The largest body accepted: the header lines at their longest plus the largest note `SignedNote` accepts.
    public static let maxBytes = "old 9223372036854775807\n".utf8.count + maxProofLines * 45 + 1 + SignedNote.maxBytes

    /// The size of the previous checkpoint the client believes the witness cosigned.
    public let oldSize: Int64
    /// The RFC 6962 consistency proof from `oldSize` to the checkpoint's size.
    public let proof: [Digest]
    /// The signed checkpoint note, verbatim.
    public let note: [UInt8]

    public init(oldSize: Int64, proof: [Digest], note: [UInt8]) {
        self.oldSize = oldSize
        self.proof = proof
        self.note = note
    }

    /// The request body.
    public var body: [UInt8] {
        Array(("old \(oldSize)\n" + proof.map { Data($0.bytes).base64EncodedString() + "\n" }.joined() + "\n").utf8) + note
    }

    /// Parses a request body; a `WitnessRefusal` with status 400 when it is malformed.
    public init(body: [UInt8]) throws(WitnessRefusal) {
        guard body.count <= Self.maxBytes else { throw .badRequest("the request is larger than \(Self.maxBytes) bytes") }
        var lines: [ArraySlice<UInt8>] = []
        var start = body.startIndex
        // The header: `old N`, the proof lines, and the empty line that ends them.
        while true {
            guard let nl = body[start...].firstIndex(of: 0x0A) else { throw .badRequest("the request has no empty line before its checkpoint") }
            let line = body[start..<nl]
            start = nl + 1
            if line.isEmpty { break }
            guard lines.count <= Self.maxProofLines else { throw .badRequest("the request has more than \(Self.maxProofLines) consistency proof lines") }
            lines.append(line)
        }
        guard let first = lines.first, first.starts(with: Array("old ".utf8)) else { throw .badRequest("the request does not start with an `old SIZE` line") }
        let digits = first.dropFirst(4)
        guard !digits.isEmpty, digits.count <= 19, digits.allSatisfy({ (0x30...0x39).contains($0) }),
              digits.first != 0x30 || digits.count == 1,
              let oldSize = Int64(String(decoding: digits, as: UTF8.self)) else {
            throw .badRequest("the old size is not a decimal without leading zeros")
        }
        var proof: [Digest] = []
        for line in lines.dropFirst() {
            let text = String(decoding: line, as: UTF8.self)
            guard line.count == 44, let raw = Data(base64Encoded: text), raw.base64EncodedString() == text, let hash = Digest(bytes: raw) else {
                throw .badRequest("a consistency proof line is not a base64 SHA-256 hash")
            }
            proof.append(hash)
        }
        let note = Array(body[start...])
        guard !note.isEmpty else { throw .badRequest("the request has no checkpoint after its empty line") }
        self.init(oldSize: oldSize, proof: proof, note: note)
    }
}

/// Why a witness did not cosign, with the HTTP status c2sp.org/tlog-witness assigns to it.
public struct WitnessRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// The HTTP status code.
    public let status: Int
    /// One line saying what was wrong.
    public let message: String
    /// For 409 Conflict: the size of the latest checkpoint the witness cosigned for this origin.
    public let witnessSize: Int64?

    public var description: String { message }

    /// 400: the request is malformed, or its old size exceeds the checkpoint's size.
    public static func badRequest(_ m: String) -> WitnessRefusal { WitnessRefusal(status: 400, message: m, witnessSize: nil) }
    /// 403: no valid signature from a key the witness trusts for the origin, or a trusted key's signature fails.
    public static func forbidden(_ m: String) -> WitnessRefusal { WitnessRefusal(status: 403, message: m, witnessSize: nil) }
    /// 404: the witness is not configured for this origin.
    public static func unknownLog(_ m: String) -> WitnessRefusal { WitnessRefusal(status: 404, message: m, witnessSize: nil) }
    /// 409: the old size is not the size the witness last cosigned.
    public static func conflict(size: Int64) -> WitnessRefusal {
        WitnessRefusal(status: 409, message: "the witness last cosigned a checkpoint of size \(size)", witnessSize: size)
    }
    /// 422: the checkpoint is not consistent with what the witness cosigned before (a fork), or a bad empty tree.
    public static func inconsistent(_ m: String) -> WitnessRefusal { WitnessRefusal(status: 422, message: m, witnessSize: nil) }
}
