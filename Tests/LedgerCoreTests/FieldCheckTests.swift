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

/// Language tags: regions and scripts are checked against the registry's lists, not only their form.
@Suite struct LanguageTagSubtagTests {
    @Test func regionsAndScriptsMustExist() throws {
        for good in ["en", "en-GB", "fr-CA", "zh-Hant-TW", "es-419", "sr-Latn-RS", "de-CH-1996", "en-US-x-newsroom", "x-private"] {
            #expect(throws: Never.self, "\(good)") { _ = try Bodies.lang(good) }
        }
        #expect(try Bodies.lang("ZH-hant-tw") == "zh-Hant-TW")
        for (bad, mention) in [("en-UK", "UK is not a region subtag"), ("fr-YY", "YY is not a region subtag"), ("en-Xyzw", "Xyzw is not a script subtag"),
                               ("es-999", "999 is not a region subtag")] {
            #expect { _ = try Bodies.lang(bad) } throws: { "\($0)".contains(mention) }
        }
        // A locale name written with an underscore gets the tag it means.
        #expect { _ = try Bodies.lang("fr_FR") } throws: { "\($0)".contains("did you mean fr-FR?") }
    }
}
