/// An exact non-negative decimal number, kept as digits and a power of ten — never a float — so that
/// "1,5 milliard" becomes exactly "1500000000". Its text form is plain decimal with no exponent.
public struct DecimalNumber: Hashable, Sendable, CustomStringConvertible {
    /// Significant digits with no leading or trailing zeros ("" for zero).
    public let digits: String
    /// The value is `digits` × 10^exponent.
    public let exponent: Int

    /// Parses plain decimal text: digits with at most one '.', no sign, no grouping.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !text.isEmpty,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), !(parts.count == 2 && parts[1].isEmpty)
        else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        self.init(rawDigits: String(parts[0]) + fraction, exponent: -fraction.count)
    }

    init(rawDigits: String, exponent: Int) {
        var d = Substring(rawDigits.drop { $0 == "0" })
        var e = exponent
        while d.last == "0" { d.removeLast(); e += 1 }
        digits = String(d)
        self.exponent = d.isEmpty ? 0 : e
    }

    /// 10^power.
    public static func powerOfTen(_ power: Int) -> DecimalNumber { DecimalNumber(rawDigits: "1", exponent: power) }

    /// This number × 10^power.
    public func shifted(by power: Int) -> DecimalNumber { DecimalNumber(rawDigits: digits, exponent: exponent + power) }

    /// This number × a small integer factor (for unit conversions such as hours to seconds).
    public func multiplied(by factor: Int) -> DecimalNumber {
        guard !digits.isEmpty, factor != 0 else { return DecimalNumber(rawDigits: "", exponent: 0) }
        var result = [Int](repeating: 0, count: digits.count + 20)
        let ds = digits.reversed().map { Int(String($0))! }
        var carry = 0
        for (i, d) in ds.enumerated() {
            let v = d * factor + carry + result[i]
            result[i] = v % 10
            carry = v / 10
        }
        var i = ds.count
        while carry > 0 { result[i] = carry % 10; carry /= 10; i += 1 }
        return DecimalNumber(rawDigits: String(result.reversed().map { Character(String($0)) }), exponent: exponent)
    }

    /// Plain decimal text: "1500000000", "0.05", "0".
    public var description: String {
        if digits.isEmpty { return "0" }
        if exponent >= 0 { return digits + String(repeating: "0", count: exponent) }
        let point = digits.count + exponent
        if point > 0 { return String(digits.prefix(point)) + "." + String(digits.dropFirst(point)) }
        return "0." + String(repeating: "0", count: -point) + digits
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
