import Foundation
import LedgerCore
@_spi(Testing) import LedgerStore
import Testing

/// Names and identifiers with bidi controls or default-ignorable code points: refused with the character and
/// its position when given, and folded away in analysis when already recorded (item 7 of issue 10).
@Suite struct InvisibleNameTests {
    @Test func namesAndIdentifiersRefuseInvisibleCharacters() throws {
        let (dir, work, source) = try BadInputTests.ledger()
        let bad = BadInputTests()
        let s = String(source.prefix(8))
        let file = CLI.write(Array("Another text, 200 people.\n".utf8), "t.txt", in: work)
        let before = try CLI.state(dir)
        let r = try CLI.run(["source", "add", file, "--outlet", "Reuters\u{200B}", "--lang", "en", "--ledger", dir])
        #expect(r.code == 1 && r.stderr == "claimledger: error: --outlet contains U+200B ZERO WIDTH SPACE at position 8; remove it\n", "\(r.stderr)")
        #expect(try CLI.state(dir) == before)
        try bad.expectRejected(bad.claim(s, ["--outlet", "\u{202E}sretueR"]), ledger: dir, mention: "U+202E RIGHT-TO-LEFT OVERRIDE at position 1; remove it")
        try bad.expectRejected(bad.claim(s, ["--outlet", "Reu\u{1B}ters"]), ledger: dir, mention: "outlet contains the control character U+001B at position 4; remove it")
        try bad.expectRejected(bad.claim(s, ["--relay", "AF\u{2060}P"]), ledger: dir, mention: "--relay: relay contains U+2060 WORD JOINER at position 3")
        try bad.expectRejected(bad.claim(s, ["--scope", "US\u{FE0F}"]), ledger: dir, mention: "U+FE0F VARIATION SELECTOR-16 at position 3")
        try bad.expectRejected(bad.claim(s, ["--event", "rally\u{00AD}2024"]), ledger: dir, mention: "U+00AD SOFT HYPHEN at position 6")
        // `claim` gives --speaker and --subject already; the later one of the same name wins.
        try bad.expectRejected(bad.claim(s, ["--speaker", "Tri\u{200D}bune"]), ledger: dir, mention: "U+200D ZERO WIDTH JOINER at position 4")
        try bad.expectRejected(bad.claim(s, ["--subject", "event:\u{2066}call"]), ledger: dir, mention: "U+2066 LEFT-TO-RIGHT ISOLATE at position 7")
        try bad.expectRejected(["predicate", "add", "crowd\u{FEFF}", "--type", "quantity"], ledger: dir, mention: "U+FEFF ZERO WIDTH NO-BREAK SPACE at position 6")
        try bad.expectRejected(["entity", "add", "org:\u{E0041}x", "--label", "en=X"], ledger: dir, mention: "U+E0041 TAG LATIN CAPITAL LETTER A at position 5")
        try bad.expectRejected(["entity", "add", "org:x", "--label", "en=X\u{061C}"], ledger: dir, mention: "U+061C ARABIC LETTER MARK at position 2")
        try bad.expectRejected(["entity", "add", "org:x", "--label", "en=X", "--alias", "\u{200E}X"], ledger: dir, mention: "U+200E LEFT-TO-RIGHT MARK at position 1")
        // Free text keeps what prose in some scripts needs (a zero-width non-joiner in Persian, a bidi mark).
        let ok = try CLI.run(bad.claim(s, ["--text", "می\u{200C}گویند \u{200F}200.000"]) + ["--ledger", dir])
        #expect(ok.code == 0, "\(ok.stderr)")
    }

    /// Appends a copy of claim `seq` with `changes` applied to its body, through the store (no validators).
    static func appendCopy(_ ledger: Ledger, of seq: Int64, _ changes: [String: JSONValue]) throws {
        let original = try #require(try ledger.store.entry(seq))
        guard case .object(var body) = original.body else { Issue.record("not an object"); return }
        for (k, v) in changes { body[k] = v }
        try ledger.store.append(time: Bodies.now(), author: ledger.author) { batch in _ = try batch.append(kind: .claim, body: .object(body)) }
    }

    @Test func recordedInvisibleCharactersAreFoldedInAnalysis() throws {
        let (dir, _, source) = try BadInputTests.ledger()
        let bad = BadInputTests()
        let added = try CLI.run(bad.claim(String(source.prefix(8)), ["--outlet", "Reuters", "--json"]) + ["--ledger", dir])
        let seq = try #require(try JSONParser.parse(added.stdout)["seq"]?.integer.map(Int64.init))
        do {
            let ledger = try Ledger(opening: dir)
            // The same outlet with a zero-width space agrees: it must not count as a second, independent outlet.
            try Self.appendCopy(ledger, of: seq, ["outlet": "Reuters\u{200B}"])
            // The same subject behind a bidi isolate, from another outlet, with another figure: a contradiction.
            try Self.appendCopy(ledger, of: seq, ["outlet": "AP", "subject": "event:\u{2066}call\u{2069}",
                                                  "value": try #require(try ledger.store.entry(seq)?.body["value"]).replacing(figure: "50")])
            // The same speaker in fullwidth letters (NFKC folds it): analysis keeps it, audit lists it.
            try Self.appendCopy(ledger, of: seq, ["speaker": "\u{FF34}ribune"])
        }
        // One outlet twice is no corroboration.
        let corroborations = try CLI.run(["corroborations", "--json", "--ledger", dir])
        #expect(corroborations.code == 0, "\(corroborations.stderr)")
        #expect(try JSONParser.parse(corroborations.stdout)["findings"]?.array?.isEmpty == true, "\(corroborations.stdout)")
        // The hidden subject is the same subject: AP's 50 contradicts the 200,000, shown under the visible name.
        let contradictions = try JSONParser.parse(CLI.run(["contradictions", "--json", "--ledger", dir]).stdout)
        let findings = contradictions["findings"]?.array ?? []
        #expect(findings.count == 1)
        let claims = findings.first?["claims"]?.array ?? []
        #expect(claims.contains { $0["outlet"]?.string == "AP" && $0["subject"]?.string == "event:call" }, "\(findings)")
        #expect(Set(claims.compactMap { $0["outlet"]?.string }) == ["Reuters", "AP"])

        // audit lists the look-alikes as recorded, and shows the invisible one.
        let audit = try CLI.run(["audit", "--format", "json", "--ledger", dir])
        let lookAlikes = try JSONParser.parse(audit.stdout)["look_alike_names"]?.array?.map { $0["names"]?.array?.compactMap(\.string) ?? [] }
        #expect(lookAlikes == [["Reuters", "Reuters\u{200B}"], ["Tribune", "\u{FF34}ribune"], ["event:call", "event:\u{2066}call\u{2069}"]].sorted { $0[0] < $1[0] },
                "\(audit.stdout)")
        let text = try CLI.run(["audit", "--ledger", dir]).stdout
        #expect(text.contains("“Reuters” / “Reuters<U+200B>”"), "\(text)")
    }
}

extension JSONValue {
    /// A quantity claim value with its figure replaced (for making a contradicting copy).
    fileprivate func replacing(figure: String) -> JSONValue {
        guard case .object(var o) = self else { return self }
        o["amount"] = .string(figure)
        o["original"] = .string(figure)
        return .object(o)
    }
}
