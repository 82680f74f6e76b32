import Foundation
import LedgerCore

/// An HTTP response of the `add-checkpoint` endpoint (c2sp.org/tlog-witness): 200 with one cosignature line per
/// witness key; 409 with the witness's size as `text/x.tlog.size`; 400/403/404/422 with a one-line reason.
public struct WitnessResponse: Equatable, Sendable {
    /// The content type of a 409 Conflict body.
    public static let sizeContentType = "text/x.tlog.size"
    /// The largest response a client reads (a few signature lines, or a one-line reason).
    public static let maxBytes = 16 * 1024

    public let status: Int
    public let contentType: String
    public let body: [UInt8]

    public init(status: Int, contentType: String, body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    /// 200 with the cosignature lines.
    public static func cosigned(_ cosignatures: [Cosignature]) -> WitnessResponse {
        WitnessResponse(status: 200, contentType: "text/plain; charset=utf-8", body: Array(cosignatures.map(\.line).joined().utf8))
    }

    /// The response for a refusal (409 carries the witness's size as its whole body).
    public static func refused(_ r: WitnessRefusal) -> WitnessResponse {
        if let size = r.witnessSize { return WitnessResponse(status: 409, contentType: sizeContentType, body: Array("\(size)\n".utf8)) }
        return WitnessResponse(status: r.status, contentType: "text/plain; charset=utf-8", body: Array((r.message + "\n").utf8))
    }

    /// What a client makes of a response: the signature lines of a 200, or the refusal (with the size of a 409).
    public func outcome() -> Result<[SignedNote.Signature], WitnessRefusal> {
        guard body.count <= Self.maxBytes else { return .failure(WitnessRefusal(status: status, message: "the witness's answer is larger than \(Self.maxBytes) bytes", witnessSize: nil)) }
        switch status {
        case 200:
            // The spec's way to parse: concatenated after a note text, the lines are a note's signatures.
            guard let (_, signatures) = try? SignedNote.parse(Array("x\n\n".utf8) + body) else {
                return .failure(WitnessRefusal(status: 200, message: "the witness answered 200 without valid signature lines", witnessSize: nil))
            }
            return .success(signatures)
        case 409:
            let text = String(decoding: body, as: UTF8.self)
            guard contentType.hasPrefix(Self.sizeContentType), text.hasSuffix("\n"), let size = Int64(text.dropLast()), size >= 0, String(size) == text.dropLast() else {
                return .failure(WitnessRefusal(status: 409, message: "the witness answered 409 Conflict without its size as text/x.tlog.size", witnessSize: nil))
            }
            return .failure(.conflict(size: size))
        default:
            let reason = String(decoding: body.prefix(200), as: UTF8.self)
                .unicodeScalars.filter { !$0.properties.isWhitespace || $0 == " " }.filter { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }
            return .failure(WitnessRefusal(status: status, message: String(String.UnicodeScalarView(reason)).trimmingCharacters(in: .whitespaces), witnessSize: nil))
        }
    }
}
