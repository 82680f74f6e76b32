import Testing
@testable import LedgerCore

/// `CanonicalJSONView` must accept exactly the bytes `CanonicalJSON` would write, and read them back as the
/// parser does: checked against encode-and-compare on canonical texts and on texts that are one step away.
@Suite struct CanonicalJSONViewTests {
    static let canonicalTexts = [
        #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#,
        "{\"\\r\":1,\"1\":2,\"\u{80}\":3,\"ö\":4,\"€\":5,\"😀\":6}",
        #"{"a":{"b":[1,-2,{"c":""}],"d":9007199254740992},"e":"café — l’été 🤣","f":[]}"#,
        #"{"":0,"a b":"\t\b\f\u0001\u001f"}"#,
        #"[]"#, #"{}"#, #""x""#, "0", "-1", "1.5", "true", "null",
    ]

    static let nonCanonicalTexts = [
        #"{"b":1,"a":2}"#,                 // members out of order
        #"{"a":1,"a":2}"#,                 // duplicate
        #"{"a": 1}"#, #" {}"#, "{}\n",     // whitespace
        #"["\/"]"#, #"["\u0041"]"#, #"["\u000A"]"#, #"["\u001F"]"#, #"["\n"]"#.replacingOccurrences(of: "\\n", with: "\n"),
        "1.0", "1E2", "1e2", "-0", "01", "9007199254740993", "1e400", "0.10",
        "\"e\u{301}\"",                    // not NFC
        #"{"a":tru}"#, #"{"a":1,}"#, "[1,]", "\"unterminated", "",
    ]

    @Test func acceptsExactlyCanonicalBytes() throws {
        for text in Self.canonicalTexts {
            let bytes = Array(text.utf8)
            #expect(CanonicalJSON.isCanonical(bytes), "fixture should be canonical: \(text)")
            let view = try #require(CanonicalJSONView(bytes), "rejected canonical \(text)")
            #expect(view.value(view.root) == (try JSONParser.parse(bytes)), "read back differently: \(text)")
        }
        for text in Self.nonCanonicalTexts {
            #expect(!CanonicalJSON.isCanonical(Array(text.utf8)), "fixture should not be canonical: \(text)")
            #expect(CanonicalJSONView(Array(text.utf8)) == nil, "accepted non-canonical \(text)")
        }
    }

    @Test func rejectsInvalidUTF8AndDeepNesting() {
        for bad: [UInt8] in [[0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22]] {
            #expect(CanonicalJSONView(bad) == nil)
        }
        let deep = String(repeating: "[", count: JSONParser.maxDepth + 1) + String(repeating: "]", count: JSONParser.maxDepth + 1)
        #expect(CanonicalJSONView(Array(deep.utf8)) == nil)
        let ok = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
        #expect(CanonicalJSONView(Array(ok.utf8)) != nil)
    }

    /// Every single-byte change to a canonical entry either leaves it canonical or is caught, agreeing with
    /// encode-and-compare.
    @Test func agreesWithEncodeAndCompareUnderMutation() {
        let entry = Array(#"{"body":{"excerpt":{"end":12,"exact":"l’été — 200 000","start":3},"lang":"fr"},"seq":42,"v":1}"#.utf8)
        var checked = 0
        for i in entry.indices {
            for b: UInt8 in [0x20, 0x22, 0x2C, 0x30, 0x39, 0x5C, 0x61, 0x7B, 0x7D, 0xC3, 0xE2] where b != entry[i] {
                var m = entry
                m[i] = b
                #expect((CanonicalJSONView(m) != nil) == CanonicalJSON.isCanonical(m), "disagree at byte \(i) = \(b)")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    @Test func readsMembersAndScalars() throws {
        let view = try #require(CanonicalJSONView(Array(#"{"a":{"n":-12,"s":"x\ny","t":true},"z":[1,2]}"#.utf8)))
        let a = try #require(view.member(view.root, "a"))
        #expect(view.member(a, "n").flatMap(view.integer) == -12)
        #expect(view.member(a, "s").flatMap(view.string) == "x\ny")
        #expect(view.member(a, "t").flatMap(view.bool) == true)
        #expect(view.member(a, "missing") == nil)
        #expect(view.member(view.root, "z").map(view.elements)?.count == 2)
        #expect(CanonicalJSONView.Ref(view, view.root).string("a", "s") == "x\ny")
    }
}
