import Testing
@testable import LedgerCore

/// The fast paths of the field checks (`Bodies`) give what the general rules give.
@Suite struct FieldCheckTests {
    @Test func aPrivateKeyIsFoundAnywhereInAField() {
        let key = "PRIVATE+KEY+example.org+1a2b3c4d+AXyz"
        for text in [key, "see " + key, "« " + key + " »", "é" + key, "PRIVATE+KEY+"] {
            #expect(Bodies.holdsPrivateKey(text), "\(text)")
            #expect(throws: EntryError.self) { try Bodies.prose(text, "--text") }
        }
        for text in ["PRIVATE+KEY", "private+key+x", "PRIVATE KEY+", "P", ""] {
            #expect(!Bodies.holdsPrivateKey(text), "\(text)")
        }
    }

    @Test func anASCIIIdentifierIsCheckedAsAnyOther() throws {
        #expect(try Bodies.identifier("account:@dudes4harris", "--subject") == "account:@dudes4harris")
        #expect(try Bodies.identifier(String(repeating: "a", count: 200), "--subject").count == 200)
        for bad in ["", "a b", "a\tb", "a\u{7F}b", String(repeating: "a", count: 201), "a\u{200B}b"] {
            #expect(throws: EntryError.self, "\(bad.debugDescription)") { try Bodies.identifier(bad, "--subject") }
        }
        // Not ASCII: NFC-normalized by the general path.
        #expect(try Bodies.identifier("cafe\u{301}", "--subject") == "caf\u{E9}")
    }
}
