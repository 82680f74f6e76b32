import Foundation

/// RFC 8785 JSON Canonicalization Scheme (JCS): the one byte form of a JSON value that is hashed and signed.
///
/// Object members are sorted by the UTF-16 code units of their names; numbers use the ECMAScript
/// `Number.prototype.toString` form; strings escape only `"`, `\` and control characters (with the short
/// escapes where JSON has them, `\u00xx` lowercase otherwise). Before serializing, every string — names
/// included — is NFC-normalized (DESIGN §3), so that visually identical input always yields the same bytes.
public enum CanonicalJSON {
    /// The canonical UTF-8 bytes of `value`. Throws only for a non-finite number.
    /// (Two member names equal after NFC cannot occur: Swift's `String` equality is canonical equivalence,
    /// so a `JSONValue` object can never hold both, and `JSONParser` reports such input as a duplicate.)
    public static func encode(_ value: JSONValue) throws(CanonicalJSONError) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(512)
        try write(value, into: &out)
        return out
    }

    /// True when `bytes` parse as JSON and are already exactly their own canonical form. Pass `parsed` when
    /// the caller has already parsed `bytes`, to skip parsing them again.
    public static func isCanonical(_ bytes: [UInt8], parsed: JSONValue? = nil) -> Bool {
        guard let value = parsed ?? (try? JSONParser.parse(bytes)), let again = try? encode(value) else { return false }
        return again == bytes
    }

    private static func write(_ value: JSONValue, into out: inout [UInt8]) throws(CanonicalJSONError) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let d): out.append(contentsOf: try ECMAScriptNumber.format(d).utf8)
        case .string(let s): writeString(s, into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (n, e) in elements.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                try write(e, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            // RFC 8785 orders names by UTF-16 code units. For names without scalars at or above U+E000
            // (all of ours), UTF-8 byte order is the same order, and needs no conversion.
            var sorted = members.map { (name: Normalization.nfc($0.key), value: $0.value) }
            if sorted.allSatisfy({ $0.name.utf8.allSatisfy { $0 < 0xEE } }) {
                sorted.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            } else {
                sorted.sort { $0.name.utf16.lexicographicallyPrecedes($1.name.utf16) }
            }
            out.append(UInt8(ascii: "{"))
            for (n, member) in sorted.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                writeString(member.name, into: &out)
                out.append(UInt8(ascii: ":"))
                try write(member.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Writes `s` NFC-normalized and escaped. Printable ASCII without `"` or `\\` (most names and values) is
    /// copied in one pass: it is already NFC and needs no escape.
    private static func writeString(_ s: String, into out: inout [UInt8]) {
        var s = s
        let plain = s.withUTF8 { u in u.allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C } }
        if plain {
            out.append(UInt8(ascii: "\""))
            s.withUTF8 { out.append(contentsOf: $0) }
            out.append(UInt8(ascii: "\""))
            return
        }
        s = Normalization.nfc(s)
        out.append(UInt8(ascii: "\""))
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out.append(contentsOf: s.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for b in s.utf8 {
            switch b {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x00..<0x20:
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                out.append(hexDigits[Int(b >> 4)])
                out.append(hexDigits[Int(b & 0xF)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// Why a value has no canonical form.
public enum CanonicalJSONError: Error, Equatable, Sendable, CustomStringConvertible {
    /// NaN or an infinity: RFC 8785 §3.2.2.3 forbids them.
    case nonFiniteNumber

    public var description: String {
        "NaN and infinite numbers have no JSON form"
    }
}

/// The ECMAScript `Number::toString` algorithm (ECMA-262 §6.1.6.1.20) that RFC 8785 §3.2.2.3 prescribes.
enum ECMAScriptNumber {
    /// Formats a finite double. Swift's `description` already yields the shortest round-tripping digits
    /// (as ECMAScript requires); this re-lays those digits out by ECMAScript's rules.
    static func format(_ d: Double) throws(CanonicalJSONError) -> String {
        guard d.isFinite else { throw CanonicalJSONError.nonFiniteNumber }
        if d == 0 { return "0" }
        // An integral value below 2^53 in magnitude is its integer's digits: every integer there is a double of
        // its own, so no shorter digit string denotes it (above 2^53 the shortest digits end in zeros instead).
        // The common case (seqs, offsets, versions) without re-laying out `description`.
        if d.rounded(.towardZero) == d, d.magnitude < 0x1p53 { return String(Int64(d)) }
        return layOut(d)
    }

    /// ECMAScript's layout of the shortest round-tripping digits of a finite, non-zero `d`.
    static func layOut(_ d: Double) -> String {
        if d < 0 { return "-" + layOut(-d) }
        // Digits s (k of them) and exponent n such that value = 0.s × 10^n.
        let text = d.description
        let parts = text.split(separator: "e", maxSplits: 1)
        var exponent = parts.count == 2 ? Int(parts[1])! : 0
        let mantissa = parts[0]
        var digits = [UInt8]()
        var pointSeen = false
        var intDigits = 0
        for c in mantissa.utf8 {
            if c == UInt8(ascii: ".") { pointSeen = true; continue }
            digits.append(c)
            if !pointSeen { intDigits += 1 }
        }
        exponent += intDigits
        while let f = digits.first, f == UInt8(ascii: "0") { digits.removeFirst(); exponent -= 1 }
        while let l = digits.last, l == UInt8(ascii: "0") { digits.removeLast() }
        let k = digits.count, n = exponent
        let s = String(decoding: digits, as: UTF8.self)
        if k <= n && n <= 21 { return s + String(repeating: "0", count: n - k) }
        if 0 < n && n <= 21 { return String(s.prefix(n)) + "." + String(s.dropFirst(n)) }
        if -6 < n && n <= 0 { return "0." + String(repeating: "0", count: -n) + s }
        let e = n - 1
        let expText = "e" + (e < 0 ? "-" : "+") + String(abs(e))
        if k == 1 { return s + expText }
        return String(s.prefix(1)) + "." + String(s.dropFirst()) + expText
    }
}
