import Foundation
import Testing
@testable import LedgerCore

/// RFC 8785 examples: §3.2.2 (the sample object), §3.2.3 (sorting) and Appendix B (numbers).
@Suite struct CanonicalJSONTests {
    private func canonical(_ text: String) throws -> String {
        String(decoding: try CanonicalJSON.encode(try JSONParser.parse(text)), as: UTF8.self)
    }

    @Test func rfc8785SampleObject() throws {
        let input = #"""
        {
          "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
          "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
          "literals": [null, true, false]
        }
        """#
        let expected = #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(try canonical(input) == expected)
    }

    @Test func rfc8785SortsByUTF16CodeUnits() throws {
        let input = #"""
        {"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One",
         "\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}
        """#
        let out = try canonical(input)
        // RFC 8785's order is CR, 1, U+0080, U+00F6, U+20AC, U+1F600, U+FB33. U+FB33 is a composition
        // exclusion: NFC (applied first, DESIGN §3) rewrites it as U+05D3 U+05BC, which sorts before U+20AC.
        let order = ["Carriage Return", "One", "Control", "Latin Small", "Hebrew", "Euro Sign", "Emoji"]
        let positions = order.map { out.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(out.contains("\u{5d3}\u{5bc}\":\"Hebrew"))
        let nfcStableKeys = #"{"\u20ac":"E","\r":"C","1":"O","\ud83d\ude00":"G","\u0080":"X","\u00f6":"L"}"#
        #expect(try canonical(nfcStableKeys) == "{\"\\r\":\"C\",\"1\":\"O\",\"\u{80}\":\"X\",\"\u{f6}\":\"L\",\"\u{20ac}\":\"E\",\"\u{1f600}\":\"G\"}")
    }

    /// Appendix B: IEEE 754 bit patterns and their ECMAScript serialization.
    /// Integral values below 2^53 take a shortcut; it gives what ECMAScript's layout gives, and above 2^53 the
    /// layout (shortest digits, then zeros) is still used.
    @Test func integralNumbersTakeTheShortcutToTheSameDigits() throws {
        var rng = SystemRandomNumberGenerator()
        var samples: [Double] = [1, -1, 9, 10, 100, 123456789, 0x1p53 - 1, -(0x1p53 - 1), 1e15, 999999999999999]
        for _ in 0..<20_000 { samples.append(Double(Int64.random(in: -(1 << 53) + 1 ... (1 << 53) - 1, using: &rng))) }
        for _ in 0..<2_000 { samples.append(Double(Int.random(in: -100_000...100_000, using: &rng))) }
        for d in samples { #expect(try ECMAScriptNumber.format(d) == ECMAScriptNumber.layOut(d), "\(d)") }
        #expect(try ECMAScriptNumber.format(0x1p60) == "1152921504606847000")
        #expect(try ECMAScriptNumber.format(0x1p53) == "9007199254740992")
        #expect(try ECMAScriptNumber.format(1e21) == "1e+21")
    }

    @Test(arguments: [
        ("0000000000000000", "0"), ("8000000000000000", "0"),
        ("0000000000000001", "5e-324"), ("8000000000000001", "-5e-324"),
        ("7fefffffffffffff", "1.7976931348623157e+308"), ("ffefffffffffffff", "-1.7976931348623157e+308"),
        ("4340000000000000", "9007199254740992"), ("c340000000000000", "-9007199254740992"),
        ("4430000000000000", "295147905179352830000"),
        ("44b52d02c7e14af5", "9.999999999999997e+22"), ("44b52d02c7e14af6", "1e+23"),
        ("44b52d02c7e14af7", "1.0000000000000001e+23"),
        ("444b1ae4d6e2ef4e", "999999999999999700000"), ("444b1ae4d6e2ef4f", "999999999999999900000"),
        ("444b1ae4d6e2ef50", "1e+21"),
        ("3eb0c6f7a0b5ed8c", "9.999999999999997e-7"), ("3eb0c6f7a0b5ed8d", "0.000001"),
        ("41b3de4355555553", "333333333.3333332"), ("41b3de4355555554", "333333333.33333325"),
        ("41b3de4355555555", "333333333.3333333"), ("41b3de4355555556", "333333333.3333334"),
        ("41b3de4355555557", "333333333.33333343"),
        ("becbf647612f3696", "-0.0000033333333333333333"),
        ("43143ff3c1cb0959", "1424953923781206.2"),
    ])
    func rfc8785Numbers(bits: String, expected: String) throws {
        let d = Double(bitPattern: UInt64(bits, radix: 16)!)
        #expect(String(decoding: try CanonicalJSON.encode(.number(d)), as: UTF8.self) == expected)
    }

    @Test(arguments: ["7fffffffffffffff", "7ff0000000000000"])
    func rfc8785NonFiniteNumbersAreErrors(bits: String) {
        let d = Double(bitPattern: UInt64(bits, radix: 16)!)
        #expect(throws: CanonicalJSONError.nonFiniteNumber) { try CanonicalJSON.encode(.number(d)) }
    }

    @Test func stringsAreNFCNormalizedKeysToo() throws {
        let nfd = "e\u{301}te\u{301}"  // "été" decomposed, as macOS file names and some editors produce
        let value: JSONValue = .object([nfd: .string("Le\u{301}a")])
        let out = try CanonicalJSON.encode(value)
        #expect(out == Array("{\"\u{e9}t\u{e9}\":\"L\u{e9}a\"}".utf8))
        #expect(CanonicalJSON.isCanonical(out))
    }

    @Test func namesEqualAfterNFCAreDuplicates() {
        #expect(throws: JSONError.self) { try JSONParser.parse("{\"\u{e9}\":1,\"e\u{301}\":2}") }
    }

    @Test func nonCanonicalBytesAreDetected() {
        #expect(CanonicalJSON.isCanonical(Array(#"{"a":1,"b":[true]}"#.utf8)))
        #expect(!CanonicalJSON.isCanonical(Array(#"{"b":1,"a":2}"#.utf8)))
        #expect(!CanonicalJSON.isCanonical(Array(#"{"a": 1}"#.utf8)))
        #expect(!CanonicalJSON.isCanonical(Array(#"{"a":1.0}"#.utf8)))
        #expect(!CanonicalJSON.isCanonical(Array(#"{"a":"\u0041"}"#.utf8)))
    }

    @Test func escapesOnlyWhatRFC8785Escapes() throws {
        let s = "\u{7f}\u{2028}</>\u{1}"
        #expect(String(decoding: try CanonicalJSON.encode(.string(s)), as: UTF8.self) == "\"\u{7f}\u{2028}</>\\u0001\"")
    }
}

/// The strict parser: everything RFC 8259 and I-JSON reject is rejected with an offset.
@Suite struct JSONParserTests {
    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "-", "1e", "+1", "NaN", "Infinity", "tru", "nul",
        "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00x\"", "\"a\u{1}\"", "{\"a\":1,\"a\":2}",
        "1e400", "[1] 2", "{a:1}", "'a'", "\u{FEFF}{}",
    ])
    func rejects(_ text: String) {
        #expect(throws: JSONError.self) { try JSONParser.parse(text) }
    }

    @Test func rejectsInvalidUTF8WithItsOffset() {
        let bytes: [UInt8] = Array("{\"a\":\"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        #expect(throws: JSONError("is not valid UTF-8", offset: 6)) { try JSONParser.parse(bytes) }
    }

    @Test func rejectsDeepNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONError.self) { try JSONParser.parse(deep) }
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect((try? JSONParser.parse(ok)) != nil)
    }

    @Test func parsesSurrogatePairsAndValues() throws {
        let v = try JSONParser.parse(#" {"e":"\ud83d\ude00","n":-1.5e2,"z":0,"l":[null,false]} "#)
        #expect(v["e"]?.string == "😀")
        #expect(v["n"] == .number(-150))
        #expect(v["z"]?.integer == 0)
        #expect(v["l"] == [nil, false])
    }

    @Test func integersBeyondTwoToThe53AreNotIntegers() throws {
        #expect(try JSONParser.parse("9007199254740993").integer != nil)  // rounds to 2^53 as a double
        #expect(try JSONParser.parse("18014398509481984").integer == nil)
        #expect(try JSONParser.parse("1.5").integer == nil)
    }
}

/// The NFC fast path must agree with Foundation's full normalization on every scalar it lets through.
@Suite struct NormalizationTests {
    @Test func fastPathAgreesWithFoundation() {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x2FF, 0x2000...0x206F, 0x20A0...0x20CF, 0x1F300...0x1FAFF]
        for r in ranges {
            for v in r {
                guard let c = Unicode.Scalar(v) else { continue }
                let alone = String(c), after = "e" + String(c), before = String(c) + "\u{301}"
                for s in [alone, after, before] {
                    #expect(Normalization.nfc(s).unicodeScalars.elementsEqual(s.precomposedStringWithCanonicalMapping.unicodeScalars), "U+\(String(v, radix: 16))")
                }
            }
        }
    }
}
