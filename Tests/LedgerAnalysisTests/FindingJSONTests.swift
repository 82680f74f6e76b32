import Testing
@testable import LedgerAnalysis
@testable import LedgerCore

/// The JSON of findings speaks the ledger's vocabulary: a claim's value and excerpt are the objects its entry stores,
/// and every decimal is exact decimal text in a string — never a float — with an unbounded end null.
@Suite struct FindingJSONTests {
    typealias C = Claims

    static func isDecimal(_ v: JSONValue?) -> Bool { v?.string.flatMap(DecimalNumber.init) != nil }

    @Test func aQuantityFindingGivesDecimalsAsStringsAndValuesAsObjects() throws {
        let claims = [C.make(1, C.attendance, "190 000", lang: "fr"), C.make(2, C.attendance, "more than 200,000", outlet: "Outlet B")]
        let report = Contradictions.find(claims, predicates: C.predicates, names: EntityNames())
        let f = try #require(report.findings.first)
        #expect(f.verdict == .contradiction && f.rule == "quantity")
        let n = try #require(f.json["numbers"])
        #expect(n["tolerance"] == "0.05")
        #expect(Self.isDecimal(n["relative_gap"]) && (Double(n["relative_gap"]?.string ?? "") ?? 0) > 0.05, "\(n)")
        for side in ["a", "b"] {
            #expect(Self.isDecimal(n[side]?["lower"]), "\(side): \(n)")
            #expect(n[side]?["lower_open"]?.bool != nil && n[side]?["upper_open"]?.bool != nil)
        }
        // "190 000" is bounded on both sides; "more than 200,000" has no upper end: null, and open.
        let (sharp, bound) = n["a"]?["upper"] == .null ? (n["b"], n["a"]) : (n["a"], n["b"])
        #expect(Self.isDecimal(sharp?["upper"]) && bound?["upper"] == .null && bound?["upper_open"] == true, "\(n)")
        #expect(Double(bound?["lower"]?.string ?? "") ?? 0 >= 200_000)
        func numbers(_ v: JSONValue) -> [Double] {
            switch v {
            case .number(let x): [x]
            case .array(let a): a.flatMap(numbers)
            case .object(let o): o.values.flatMap(numbers)
            default: []
            }
        }
        #expect(numbers(n).isEmpty, "no JSON number at all in a quantity finding's numbers: \(n)")

        for (c, record) in zip(try #require(f.json["claims"]?.array), f.sideA + f.sideB) {
            #expect(c["value"] == record.value.json && c["value"]?["original"]?.string == record.value.original)
            #expect(c["excerpt"] == record.storedExcerpt.json)
            #expect(c["excerpt"]?["exact"]?.string == record.excerpt && c["excerpt"]?["sha256"]?.string == record.excerptSHA256)
            #expect(c["excerpt"]?["start"]?.integer == record.excerptStart && c["excerpt"]?["end"]?.integer == record.excerptEnd)
        }
    }

    @Test func dateAndDurationFindingsGiveTheirFiguresAsDecimalText() throws {
        let dates = Contradictions.find([C.make(1, C.when, "2024-07-29T22:00:00Z"), C.make(2, C.when, "2024-08-02T10:00:00Z", outlet: "Outlet B")],
                                        predicates: C.predicates, names: EntityNames())
        let date = try #require(dates.findings.first)
        #expect(date.rule == "date" && date.json["numbers"]?["gap_seconds"]?.string.flatMap(DecimalNumber.init) != nil, "\(date.json)")
        let durations = Contradictions.find([C.make(1, C.duration, "two hours"), C.make(2, C.duration, "three days", outlet: "Outlet B")],
                                            predicates: C.predicates, names: EntityNames())
        let duration = try #require(durations.findings.first)
        let n = try #require(duration.json["numbers"])
        #expect(duration.rule == "duration" && n["tolerance"] == "0.1" && Self.isDecimal(n["relative_gap"]), "\(n)")
        #expect(n["a"]?["lower"]?.string.flatMap(Double.init) == 7_200 || n["b"]?["lower"]?.string.flatMap(Double.init) == 7_200, "two hours, in seconds: \(n)")
    }

    @Test func corroborationsGiveWhatTheyAgreeOnTyped() throws {
        func agreement(_ claims: [ClaimRecord]) throws -> JSONValue {
            let found = Corroborations.find(claims, predicates: C.predicates, names: EntityNames(), sources: [])
            return try #require(found.first?.json["agreement"])
        }
        let day = try agreement([C.make(1, C.when, "2024-07-29"), C.make(2, C.when, "29 July 2024", outlet: "Outlet B")])
        #expect(day == ["from": "2024-07-29", "to": "2024-07-29"], "\(day)")
        let hours = try agreement([C.make(1, C.duration, "about two hours"), C.make(2, C.duration, "two hours", outlet: "Outlet B")])
        #expect(hours["unit"] == "s" && hours["interval"]?["lower"]?.string.flatMap(Double.init).map { $0 <= 7_200 } == true, "\(hours)")
        #expect(try agreement([C.make(1, C.mistake, "yes"), C.make(2, C.mistake, "yes", outlet: "Outlet B")]) == ["value": true])
        #expect(try agreement([C.make(1, C.reason, "spam"), C.make(2, C.reason, "spam", outlet: "Outlet B")]) == ["value": "spam"])
    }

    @Test func anIntersectionKeepsTheOpenEnds() {
        #expect(Interval(0, 10, upperOpen: true).intersection(Interval(5, 20)) == Interval(5, 10, upperOpen: true))
        #expect(Interval(0, 10).intersection(Interval(0, 20, lowerOpen: true)) == Interval(0, 10, lowerOpen: true))
        #expect(Interval(0, .infinity, lowerOpen: true).intersection(Interval(3, .infinity)) == Interval(3, .infinity))
    }

    @Test func anIntervalGivesItsBoundsAsDecimalText() {
        #expect(Interval(189_999.5, 190_000.5).json == ["lower": "189999.5", "upper": "190000.5", "lower_open": false, "upper_open": false])
        #expect(Interval(200_000, .infinity, lowerOpen: true).json == ["lower": "200000", "upper": .null, "lower_open": true, "upper_open": true])
    }
}
