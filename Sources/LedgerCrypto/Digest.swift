/// A SHA-256 digest: exactly 32 bytes, compared and hashed by value.
///
/// Used for source ids, excerpt hashes, Merkle leaf and node hashes (RFC 6962) and key hashes.
/// Its text forms are lowercase hex (ids, JSON) and standard base64 (checkpoints).
public struct Digest: Hashable, Sendable, CustomStringConvertible {
    /// The 32 bytes, in order.
    public let bytes: [UInt8]

    /// The number of bytes in a SHA-256 digest.
    public static let byteCount = 32

    /// Wraps 32 bytes; returns nil for any other length.
    public init?<C: Collection>(bytes: C) where C.Element == UInt8 {
        guard bytes.count == Digest.byteCount else { return nil }
        self.bytes = Array(bytes)
    }

    /// Parses 64 hex digits (either case); returns nil for anything else.
    public init?(hex: some StringProtocol) {
        guard let raw = Hex.decode(hex), raw.count == Digest.byteCount else { return nil }
        self.bytes = raw
    }

    /// 32 zero bytes: the `prev` of the first entry.
    public static let zero = Digest(bytes: [UInt8](repeating: 0, count: 32))!

    /// Lowercase hex, 64 characters.
    public var hex: String { Hex.encode(bytes) }

    public var description: String { hex }
}

/// Lowercase hexadecimal encoding of bytes.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Encodes bytes as lowercase hex.
    public static func encode<C: Sequence>(_ bytes: C) -> String where C.Element == UInt8 {
        var out = [UInt8]()
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes an even number of hex digits (either case); nil on any other character.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count / 2)
        var i = 0
        while i < utf8.count {
            guard let hi = nibble(utf8[i]), let lo = nibble(utf8[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
