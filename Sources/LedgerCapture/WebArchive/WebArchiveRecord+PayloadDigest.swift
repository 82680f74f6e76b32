import Foundation
import LedgerCrypto

extension WebArchiveRecord {
    /// Checks the record's `WARC-Payload-Digest` (`sha1:` or `sha256:`, in base 32, hex or base 64) against the
    /// HTTP body as transferred (as warcio computes it) and, for a chunked body, against the de-chunked body.
    public func payloadDigestCheck() -> PayloadDigestCheck {
        guard let recorded = headers["WARC-Payload-Digest"]?.trimmingCharacters(in: .whitespaces), !recorded.isEmpty else { return .absent }
        let shown = String(recorded.prefix(120))
        guard let colon = recorded.firstIndex(of: ":") else { return .unreadable(recorded: shown, reason: "it has no \"algorithm:\" prefix") }
        let algorithm = recorded[..<colon].lowercased().replacingOccurrences(of: "-", with: "")
        let value = String(recorded[recorded.index(after: colon)...])
        let digest: (ArraySlice<UInt8>) -> [UInt8]
        let name: String
        switch algorithm {
        case "sha1": digest = { SHA1.hash($0) }; name = "sha1"
        case "sha256": digest = { SHA256.hash($0).bytes }; name = "sha256"
        default: return .unreadable(recorded: shown, reason: "the algorithm \(String(algorithm.prefix(20))) is not supported (only sha1 and sha256)")
        }
        let size = name == "sha1" ? 20 : 32
        guard let expected = Self.decodeDigest(value, size: size) else {
            return .unreadable(recorded: shown, reason: "\(String(value.prefix(80))) is not a \(size)-byte digest in base 32, hex or base 64")
        }
        let transferred = digest(body)
        if transferred == expected { return .matches(recorded: shown) }
        if let te = http["Transfer-Encoding"], te.lowercased().contains("chunked"), let plain = try? Self.dechunk(body), digest(plain[...]) == expected {
            return .matches(recorded: shown)
        }
        return .mismatch(recorded: shown, computed: "\(name):\(Base32.encode(transferred))")
    }

    /// A digest of `size` bytes written in base 32, hex or base 64 (RFC 4648), as WARC writers do.
    static func decodeDigest(_ text: String, size: Int) -> [UInt8]? {
        if let b = Base32.decode(text), b.count == size, text.trimmingCharacters(in: CharacterSet(charactersIn: "=")).count == (size * 8 + 4) / 5 { return b }
        if text.count == size * 2, let b = Hex.decode(text.lowercased()), b.count == size { return b }
        if let d = Data(base64Encoded: text), d.count == size { return Array(d) }
        return nil
    }
}
