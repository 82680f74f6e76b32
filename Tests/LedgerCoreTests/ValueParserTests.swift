import Testing
@testable import LedgerCore

/// Value parsing in English and French, and the original wording kept beside the parsed value.
@Suite struct ValueParserTests {
    static let count = ClaimPredicate(id: "attendance", type: .quantity)

    func quantity(_ text: String, _ lang: String = "en", predicate: ClaimPredicate = count) throws -> Quantity {
        guard case .quantity(let q) = try ValueParser.parse(text, predicate: predicate, language: lang).value else {
            Issue.record("not a quantity")
            throw ValueError("not a quantity")
        }
        return q
    }

    @Test(arguments: [
        ("more than 200,000", "en", "200000", QuantityQualifier.more_than, "1"),
        ("près de 200.000", "fr", "200000", .nearly, "1"),
        ("200 000", "fr", "200000", .exactly, "1"),
        ("200\u{00A0}000", "fr", "200000", .exactly, "1"),
        ("200\u{202F}000", "fr", "200000", .exactly, "1"),
        ("environ 190 000", "fr", "190000", .about, "1"),
        ("about 1.5 million", "en", "1500000", .about, "100000"),
        ("1,5 million", "fr", "1500000", .exactly, "100000"),
        ("1,5 milliard", "fr", "1500000000", .exactly, "100000000"),
        ("2 billion", "en", "2000000000", .exactly, "1000000000"),
        ("2 billions", "fr", "2000000000000", .exactly, "1000000000000"),
        ("nearly 4 million", "en", "4000000", .nearly, "1000000"),
        ("plus de 4 millions", "fr", "4000000", .more_than, "1000000"),
        ("at least three", "en", "3", .at_least, "1"),
        ("au moins trois", "fr", "3", .at_least, "1"),
        ("less than 10", "en", "10", .less_than, "1"),
        ("moins de 10", "fr", "10", .less_than, "1"),
        ("at most 5", "en", "5", .at_most, "1"),
        ("jusqu'à 5 000", "fr", "5000", .at_most, "1"),
        ("jusqu’à 5 000", "fr", "5000", .at_most, "1"),
        ("exactly 190,000", "en", "190000", .exactly, "1"),
        ("1,234.5", "en", "1234.5", .exactly, "0.1"),
        ("1.234,5", "fr", "1234.5", .exactly, "0.1"),
        ("0,5", "fr", "0.5", .exactly, "0.1"),
        ("200,000 or more", "en", "200000", .at_least, "1"),
        ("thousands", "en", "2000", .at_least, "1000"),
        ("des milliers", "fr", "2000", .at_least, "1000"),
        ("a million", "en", "1000000", .exactly, "1000000"),
        ("mille", "fr", "1000", .exactly, "1000"),
    ])
    func quantities(text: String, lang: String, amount: String, qualifier: QuantityQualifier, step: String) throws {
        let q = try quantity(text, lang)
        #expect(q.amount.description == amount, "\(text)")
        #expect(q.qualifier == qualifier, "\(text)")
        #expect(q.step.description == step, "\(text)")
    }

    /// The byte-level fast path for ASCII values must give exactly what the Unicode path gives.
    @Test func asciiSimplifyAgreesWithTheUnicodePath() throws {
        let samples = ["More than 200,000", "  about\t1.5   MILLION ", "24h", "$4M", "12 July 2024", "a\r\nb", "x\u{0B}y\u{0C}z",
                       "3rd", "29TH of july", "ban_evasion", "YES", "\u{01}ctrl\u{7F}", "", "   ", "1e9", "between 10 and 20km"]
        for text in samples {
            let fast = try #require(ValueWords.simplifyASCII(text))
            #expect(fast == ValueWords.simplifyUnicode(text), "\(text.debugDescription)")
        }
        #expect(ValueWords.simplifyASCII("près de 200 000") == nil)
    }

    @Test func ranges() throws {
        let en = try quantity("between 1 and 2 million")
        #expect((en.amount.description, en.upper?.description, en.qualifier) == ("1000000", "2000000", .between))
        let fr = try quantity("entre 10 et 20", "fr")
        #expect((fr.amount.description, fr.upper?.description) == ("10", "20"))
        #expect(throws: ValueError.self) { try quantity("between 20 and 10") }
    }

    @Test func currenciesAndUnits() throws {
        #expect(try quantity("$4 million").unit == "USD")
        #expect(try quantity("4 millions de dollars", "fr").unit == "USD")
        #expect(try quantity("plus de 4 millions de dollars", "fr").amount.description == "4000000")
        #expect(try quantity("1,5 milliard d'euros", "fr").unit == "EUR")
        #expect(try quantity("€2m").amount.description == "2000000")
        #expect(try quantity("15%").unit == "percent")
        #expect(try quantity("190 000 participants", "fr").unit == "participants")
        let people = ClaimPredicate(id: "attendance", type: .quantity, unit: "people")
        #expect(try quantity("200 000 personnes", "fr", predicate: people).unit == "people")
        let usd = ClaimPredicate(id: "raised", type: .quantity, unit: "USD")
        #expect(throws: ValueError.self) { try quantity("€4 million", "en", predicate: usd) }
    }

    @Test(arguments: ["", "lots", "200,00,0", "12,34,567", "between 5", "$", "1.2.3,4.5"])
    func quantityErrors(text: String) {
        #expect(throws: ValueError.self) { try ValueParser.parse(text, predicate: Self.count, language: "en") }
    }

    @Test(arguments: [
        ("2024-07-29", "en", "2024-07-29", DateValue.Precision.day),
        ("2024-07", "en", "2024-07", .month),
        ("2024", "en", "2024", .year),
        ("2024-07-29T14:05:00Z", "en", "2024-07-29T14:05:00Z", .second),
        ("29 July 2024", "en", "2024-07-29", .day),
        ("July 29, 2024", "en", "2024-07-29", .day),
        ("Monday, July 29, 2024", "en", "2024-07-29", .day),
        ("29 juillet 2024", "fr", "2024-07-29", .day),
        ("le 1er août 2024", "fr", "2024-08-01", .day),
        ("juillet 2024", "fr", "2024-07", .month),
        ("01/08/2024", "fr", "2024-08-01", .day),
        ("08/01/2024", "en", "2024-08-01", .day),
    ])
    func dates(text: String, lang: String, value: String, precision: DateValue.Precision) throws {
        let v = try ValueParser.parse(text, predicate: ClaimPredicate(id: "d", type: .date), language: lang)
        #expect(v.value == .date(DateValue(value: value, precision: precision)), "\(text)")
    }

    @Test(arguments: ["31 June 2024", "2024-13-01", "2023-02-29", "tomorrow", "2024-07-29T25:00Z"])
    func dateErrors(text: String) {
        #expect(throws: ValueError.self) { try ValueParser.parse(text, predicate: ClaimPredicate(id: "d", type: .date), language: "en") }
    }

    @Test(arguments: [
        ("two days", "en", "172800", "172800"),
        ("24 hours", "en", "86400", "86400"),
        ("48h", "fr", "172800", "172800"),
        ("quelques heures", "fr", "7200", "18000"),
        ("several hours", "en", "7200", "32400"),
        ("an hour", "en", "3600", "3600"),
        ("une demi-heure", "fr", "1800", "1800"),
        ("between 2 and 3 hours", "en", "7200", "10800"),
        ("less than 24 hours", "en", "0", "86400"),
    ])
    func durations(text: String, lang: String, min: String, max: String) throws {
        guard case .duration(let d) = try ValueParser.parse(text, predicate: ClaimPredicate(id: "t", type: .duration), language: lang).value else {
            Issue.record("not a duration: \(text)")
            return
        }
        #expect((d.min.description, d.max?.description) == (min, max), "\(text)")
    }

    @Test func openEndedDuration() throws {
        guard case .duration(let d) = try ValueParser.parse("more than two days", predicate: ClaimPredicate(id: "t", type: .duration), language: "en").value else {
            Issue.record("not a duration")
            return
        }
        #expect(d.min.description == "172800" && d.max == nil)
    }

    @Test func booleansCategoriesAndText() throws {
        let b = ClaimPredicate(id: "b", type: .boolean)
        #expect(try ValueParser.parse("Oui", predicate: b, language: "fr").value == .boolean(true))
        #expect(try ValueParser.parse("false", predicate: b, language: "en").value == .boolean(false))
        #expect(throws: ValueError.self) { try ValueParser.parse("maybe", predicate: b, language: "en") }
        let reason = ClaimPredicate(id: "suspension.reason", type: .category,
                               values: [.init(id: "ban_evasion", labels: ["en": "ban evasion", "fr": "évitement de la suspension"]),
                                        .init(id: "spam")])
        #expect(try ValueParser.parse("Ban Evasion", predicate: reason, language: "en").value == .category("ban_evasion"))
        #expect(try ValueParser.parse("évitement de la suspension", predicate: reason, language: "fr").value == .category("ban_evasion"))
        #expect(try ValueParser.parse("SPAM", predicate: reason, language: "en").value == .category("spam"))
        #expect(throws: ValueError.self) { try ValueParser.parse("hate speech", predicate: reason, language: "en") }
        let open = ClaimPredicate(id: "status", type: .category)
        #expect(try ValueParser.parse("Temporarily locked", predicate: open, language: "en").value == .category("temporarily_locked"))
    }

    @Test func originalWordingIsKept() throws {
        let v = try ValueParser.parse("  près de 200.000 ", predicate: Self.count, language: "fr")
        #expect(v.original == "près de 200.000")
        #expect(v.json["original"] == "près de 200.000")
        #expect(v.json["amount"] == "200000")
    }

    @Test func inferenceWhenUndeclared() throws {
        #expect(try ValueParser.parse("yes", predicate: nil, language: "en").value == .boolean(true))
        #expect(try ValueParser.parse("29 July 2024", predicate: nil, language: "en").value.type == .date)
        #expect(try ValueParser.parse("two days", predicate: nil, language: "en").value.type == .duration)
        #expect(try ValueParser.parse("more than 200,000", predicate: nil, language: "en").value.type == .quantity)
        #expect(try ValueParser.parse("evading suspension", predicate: nil, language: "en").value == .text("evading suspension"))
    }

    @Test func languageTags() {
        #expect(LanguageTag.canonical("fr") == "fr")
        #expect(LanguageTag.canonical("FR-ca") == "fr-CA")
        #expect(LanguageTag.canonical("zh-hant-tw") == "zh-Hant-TW")
        #expect(LanguageTag.canonical("es-419") == "es-419")
        #expect(LanguageTag.canonical("x-private") == "x-private")
        for bad in ["", "f", "french!", "en_US", "en--us", "toolongtag1", "en-a", "de-DE-1901-1901"] {
            #expect(LanguageTag.canonical(bad) == nil, "\(bad)")
        }
    }
}
